package org.pinn4j.plots;

/**
 * A scalar field sampled on a rectilinear grid: {@code z[ix][iy]} is the value at
 * {@code (x[ix], y[iy])}, so the <b>first index runs along x</b> (the horizontal axis) and the
 * second along y (the vertical axis, e.g. time t). Use {@link #ofYMajor} for data stored the
 * other way round ({@code z[iy][ix]}, row by row as in an image or a {@code meshgrid}).
 *
 * <p>Coordinates must be finite and strictly increasing, with at least two points per axis.
 * Values may be NaN or infinite (a diverged model); such cells are drawn in
 * {@link ColorMap#NO_DATA} and ignored by {@link #finiteRange()}. The arrays are used as given,
 * not copied: do not modify them while a chart built from them is in use.
 *
 * @param x grid coordinates along the horizontal axis, strictly increasing
 * @param y grid coordinates along the vertical axis, strictly increasing
 * @param z values, {@code z[ix][iy]}, {@code x.length} rows of {@code y.length} values
 */
public record Field2D(double[] x, double[] y, double[][] z) {

    /** Validates the grid and the shape of z. */
    public Field2D {
        checkAxis("x", x);
        checkAxis("y", y);
        if (z == null) {
            throw new IllegalArgumentException("Field2D: z must not be null");
        }
        if (z.length != x.length) {
            throw new IllegalArgumentException("Field2D: z has " + z.length + " rows but x has " + x.length
                    + " points; expected z[ix][iy] with x.length rows of y.length values");
        }
        for (int i = 0; i < z.length; i++) {
            if (z[i] == null || z[i].length != y.length) {
                throw new IllegalArgumentException("Field2D: z[" + i + "] has " + (z[i] == null ? "no" : z[i].length)
                        + " values but y has " + y.length
                        + " points; expected z[ix][iy] (use Field2D.ofYMajor for z[iy][ix])");
            }
        }
    }

    /**
     * A field from values stored row by row along y: {@code zYX[iy][ix]} is the value at
     * {@code (x[ix], y[iy])}. The values are copied into the x-major layout.
     */
    public static Field2D ofYMajor(double[] x, double[] y, double[][] zYX) {
        checkAxis("x", x);
        checkAxis("y", y);
        if (zYX == null || zYX.length != y.length) {
            throw new IllegalArgumentException("Field2D.ofYMajor: zYX has " + (zYX == null ? "no" : zYX.length)
                    + " rows but y has " + y.length + " points; expected zYX[iy][ix]");
        }
        double[][] z = new double[x.length][y.length];
        for (int iy = 0; iy < y.length; iy++) {
            double[] row = zYX[iy];
            if (row == null || row.length != x.length) {
                throw new IllegalArgumentException(
                        "Field2D.ofYMajor: zYX[" + iy + "] has " + (row == null ? "no" : row.length)
                                + " values but x has " + x.length + " points; expected zYX[iy][ix]");
            }
            for (int ix = 0; ix < x.length; ix++) {
                z[ix][iy] = row[ix];
            }
        }
        return new Field2D(x, y, z);
    }

    /** Number of grid points along x. */
    public int nx() {
        return x.length;
    }

    /** Number of grid points along y. */
    public int ny() {
        return y.length;
    }

    /** {min, max} over the finite values, or null if no value is finite. */
    public double[] finiteRange() {
        return Style.finiteRange(z);
    }

    /** Index of the grid y value nearest to {@code yValue} (ties go to the lower index). */
    public int nearestYIndex(double yValue) {
        if (!Double.isFinite(yValue)) {
            throw new IllegalArgumentException("Field2D: y value " + yValue + " must be finite");
        }
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (Math.abs(y[i] - yValue) < Math.abs(y[best] - yValue)) {
                best = i;
            }
        }
        return best;
    }

    /** The values along x at grid index iy: {@code z[ix][iy]} for all ix (a new array). */
    public double[] valuesAtYIndex(int iy) {
        if (iy < 0 || iy >= y.length) {
            throw new IllegalArgumentException("Field2D: y index " + iy + " must be in 0.." + (y.length - 1));
        }
        double[] out = new double[x.length];
        for (int ix = 0; ix < x.length; ix++) {
            out[ix] = z[ix][iy];
        }
        return out;
    }

    /** True if both fields use the same x and y coordinates (element-wise equal). */
    public boolean sameGridAs(Field2D other) {
        return java.util.Arrays.equals(x, other.x) && java.util.Arrays.equals(y, other.y);
    }

    private static void checkAxis(String name, double[] a) {
        if (a == null) {
            throw new IllegalArgumentException("Field2D: " + name + " must not be null");
        }
        if (a.length < 2) {
            throw new IllegalArgumentException("Field2D: " + name + " has " + a.length + " points, needs at least 2");
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException("Field2D: " + name + "[" + i + "] = " + a[i] + " must be finite");
            }
            if (i > 0 && !(a[i] > a[i - 1])) {
                throw new IllegalArgumentException("Field2D: " + name + " must be strictly increasing, but " + name
                        + "[" + (i - 1) + "] = " + a[i - 1] + " >= " + name + "[" + i + "] = " + a[i]);
            }
        }
    }
}
