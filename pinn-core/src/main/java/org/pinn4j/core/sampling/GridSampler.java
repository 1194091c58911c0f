package org.pinn4j.core.sampling;

/**
 * A regular cell-centred lattice of {@code [0,1]^d}.
 *
 * <p>A request for {@code n} points gives {@code m = pointsPerAxis(n, d)} points per axis, the
 * smallest {@code m} with {@code m^d >= n} (i.e. {@code ceil(n^(1/d))}, computed exactly), at
 * {@code (j + 0.5) / m} for {@code j = 0..m-1}: {@code m^d} points in all, none on the faces of
 * the cube. Point index {@code i} has axis-0 digit {@code i mod m} (axis 0 varies fastest).
 * The grid is stateless: every call with the same arguments returns the same lattice.
 */
public final class GridSampler implements Sampler {

    /** Creates the (stateless) grid sampler. */
    public GridSampler() {}

    /** @return {@code "grid"} */
    @Override
    public String name() {
        return "grid";
    }

    /**
     * Points per axis for a request of {@code n} points in {@code d} dimensions.
     *
     * @param n number of points requested, {@code >= 0}
     * @param d dimension, {@code >= 1}
     * @return the smallest {@code m >= 0} with {@code m^d >= n}
     */
    public static int pointsPerAxis(int n, int d) {
        SamplerChecks.request("GridSampler", n, d);
        if (n == 0) {
            return 0;
        }
        int m = Math.max(1, (int) Math.round(Math.pow(n, 1.0 / d)));
        while (power(m, d) < n) {
            m++;
        }
        while (m > 1 && power(m - 1, d) >= n) {
            m--;
        }
        return m;
    }

    /** Returns the full lattice of {@code pointsPerAxis(n, dimension)^dimension >= n} points. */
    @Override
    public double[][] sample(int n, int dimension) {
        SamplerChecks.request("GridSampler", n, dimension);
        int m = pointsPerAxis(n, dimension);
        long total = power(m, dimension);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("GridSampler.sample: a full grid of " + m + "^" + dimension
                    + " points for n = " + n + " exceeds " + Integer.MAX_VALUE + " points");
        }
        int count = (int) total;
        double[][] u = new double[dimension][count];
        double[] values = new double[m];
        for (int j = 0; j < m; j++) {
            values[j] = (j + 0.5) / m;
        }
        for (int k = 0, stride = 1; k < dimension; k++, stride *= m) {
            double[] row = u[k];
            for (int i = 0; i < count; i++) {
                row[i] = values[(i / stride) % m];
            }
        }
        return u;
    }

    /** @return 0: the grid has no state */
    @Override
    public long state() {
        return 0;
    }

    /** Accepts only 0, the grid's only state. */
    @Override
    public void restore(long state) {
        if (state != 0) {
            throw new IllegalArgumentException(
                    "GridSampler.restore: state " + state + " must be 0 (the grid is stateless)");
        }
    }

    /** @return false: every call returns the same lattice */
    @Override
    public boolean advances() {
        return false;
    }

    /** @return {@code "GridSampler"} */
    @Override
    public String toString() {
        return "GridSampler";
    }

    /** m^d, saturating at Long.MAX_VALUE. */
    private static long power(int m, int d) {
        long r = 1;
        for (int k = 0; k < d; k++) {
            if (r > Long.MAX_VALUE / Math.max(1, m)) {
                return Long.MAX_VALUE;
            }
            r *= m;
        }
        return r;
    }
}
