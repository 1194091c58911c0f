package org.pinn4j.validation.reference;

/**
 * A solution sampled on a tensor grid {@code x[i]} (space) times {@code t[k]} (time), with
 * {@code u[k][i] = u(x[i], t[k])}. The arrays are shared, not copied: treat them as read-only.
 *
 * @param x spatial axis, length nx
 * @param t time axis, length nt
 * @param u values, {@code nt} rows of length {@code nx}
 */
public record SpaceTimeGrid(double[] x, double[] t, double[][] u) {

    /** Checks that the shapes agree. */
    public SpaceTimeGrid {
        if (x == null || t == null || u == null) {
            throw new IllegalArgumentException("SpaceTimeGrid: x, t and u must be non-null");
        }
        if (u.length != t.length) {
            throw new IllegalArgumentException("SpaceTimeGrid: u has " + u.length + " rows but t has " + t.length
                    + " entries; expected one row per time");
        }
        for (int k = 0; k < u.length; k++) {
            if (u[k] == null || u[k].length != x.length) {
                throw new IllegalArgumentException("SpaceTimeGrid: row u[" + k + "] has "
                        + (u[k] == null ? "no" : String.valueOf(u[k].length)) + " values; expected " + x.length);
            }
        }
    }

    /** Number of spatial points. */
    public int nx() {
        return x.length;
    }

    /** Number of time points. */
    public int nt() {
        return t.length;
    }

    /** Number of grid points {@code nx * nt}. */
    public int size() {
        return x.length * t.length;
    }

    /** x coordinate of every grid point, time-major order (point {@code k * nx + i} is (x[i], t[k])). */
    public double[] flatX() {
        double[] out = new double[size()];
        for (int k = 0; k < t.length; k++) {
            System.arraycopy(x, 0, out, k * x.length, x.length);
        }
        return out;
    }

    /** t coordinate of every grid point, same order as {@link #flatX()}. */
    public double[] flatT() {
        double[] out = new double[size()];
        for (int k = 0; k < t.length; k++) {
            java.util.Arrays.fill(out, k * x.length, (k + 1) * x.length, t[k]);
        }
        return out;
    }

    /** u at every grid point, same order as {@link #flatX()}. */
    public double[] flatU() {
        double[] out = new double[size()];
        for (int k = 0; k < t.length; k++) {
            System.arraycopy(u[k], 0, out, k * x.length, x.length);
        }
        return out;
    }

    /** {@code n} equally spaced points from {@code a} to {@code b} inclusive (end points exact). */
    public static double[] linspace(double a, double b, int n) {
        if (n < 2 || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException(
                    "linspace: need finite end points and n >= 2, got a = " + a + ", b = " + b + ", n = " + n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a + (b - a) * i / (n - 1);
        }
        out[n - 1] = b;
        return out;
    }
}
