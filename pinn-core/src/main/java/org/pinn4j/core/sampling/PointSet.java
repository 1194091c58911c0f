package org.pinn4j.core.sampling;

import java.util.Arrays;

/**
 * An immutable set of {@code n} points in {@code d} dimensions, stored feature-major
 * ({@code double[d][n]}, one contiguous array per coordinate), with optional outward unit normals
 * in the same layout (for boundary points).
 *
 * <p>The constructor copies its arguments. {@link #coordinate(int)} and {@link #normal(int)} return
 * the backing arrays without copying, so they can feed hot loops; callers must not modify them.
 */
public final class PointSet {

    private final double[][] coordinates;
    private final double[][] normals;
    private final int size;

    /**
     * Points without normals.
     *
     * @param coordinates feature-major coordinates {@code [d][n]}, {@code d >= 1}, all rows of equal length
     */
    public PointSet(double[][] coordinates) {
        this(coordinates, null);
    }

    /**
     * Points with optional outward normals.
     *
     * @param coordinates feature-major coordinates {@code [d][n]}, {@code d >= 1}, all rows of equal length
     * @param normals     {@code null}, or feature-major normals of the same shape {@code [d][n]}
     */
    public PointSet(double[][] coordinates, double[][] normals) {
        this.size = checkShape("coordinates", coordinates, -1, -1);
        if (normals != null) {
            checkShape("normals", normals, coordinates.length, size);
        }
        for (int k = 0; k < coordinates.length; k++) {
            for (int i = 0; i < size; i++) {
                if (!Double.isFinite(coordinates[k][i])) {
                    throw new IllegalArgumentException("PointSet: coordinate " + k + " of point " + i + " is "
                            + coordinates[k][i] + "; expected a finite number");
                }
            }
        }
        this.coordinates = deepCopy(coordinates);
        this.normals = normals == null ? null : deepCopy(normals);
    }

    /**
     * Points given one row per point: {@code rows[p]} holds the coordinates of point p, in the problem's input
     * order, e.g. {@code PointSet.rows(new double[] {0.1, 0.2}, new double[] {0.3, 0.4})} is the two points (0.1,
     * 0.2) and (0.3, 0.4).
     *
     * @throws IllegalArgumentException if there are no rows, a row is missing or empty, or rows differ in length
     */
    public static PointSet rows(double[]... rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("PointSet.rows: no points given; expected one double[] per point");
        }
        int d = -1;
        for (int p = 0; p < rows.length; p++) {
            if (rows[p] == null || rows[p].length == 0) {
                throw new IllegalArgumentException(
                        "PointSet.rows: point " + p + " has no coordinates; expected one double[] per point");
            }
            if (d >= 0 && rows[p].length != d) {
                throw new IllegalArgumentException("PointSet.rows: point " + p + " has " + rows[p].length
                        + " coordinates, point 0 has " + d + "; every point needs the same number");
            }
            d = rows[p].length;
        }
        double[][] c = new double[d][rows.length];
        for (int p = 0; p < rows.length; p++) {
            for (int i = 0; i < d; i++) {
                c[i][p] = rows[p][i];
            }
        }
        return new PointSet(c);
    }

    /**
     * Points given one array per coordinate (feature-major, as stored): {@code columns[i][p]} is coordinate i of
     * point p, e.g. {@code PointSet.columns(new double[] {0.1, 0.3}, new double[] {0.2, 0.4})} is the two points
     * (0.1, 0.2) and (0.3, 0.4). The same as the constructor.
     */
    public static PointSet columns(double[]... columns) {
        return new PointSet(columns);
    }

    /**
     * The tensor grid of the axes (one array of values per coordinate), first coordinate varying fastest, e.g.
     * {@code PointSet.grid(xs, ts)} holds {@code xs.length * ts.length} points.
     *
     * @throws IllegalArgumentException if there are no axes, an axis is missing or empty, or the grid has more than
     *     {@code Integer.MAX_VALUE} points
     */
    public static PointSet grid(double[]... axes) {
        if (axes == null || axes.length == 0) {
            throw new IllegalArgumentException("PointSet.grid: no axes given; expected one double[] per coordinate");
        }
        long n = 1;
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] == null || axes[i].length == 0) {
                throw new IllegalArgumentException("PointSet.grid: axis " + i + " has no values");
            }
            n *= axes[i].length;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("PointSet.grid: more than " + Integer.MAX_VALUE + " points");
            }
        }
        double[][] c = new double[axes.length][(int) n];
        for (int p = 0; p < n; p++) {
            int rest = p;
            for (int i = 0; i < axes.length; i++) {
                c[i][p] = axes[i][rest % axes[i].length];
                rest /= axes[i].length;
            }
        }
        return new PointSet(c);
    }

    /**
     * An empty set (no points, no normals).
     *
     * @param dimension number of coordinates, {@code >= 1}
     * @return a set of size 0
     */
    public static PointSet empty(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("PointSet: dimension " + dimension + " must be >= 1");
        }
        return new PointSet(new double[dimension][0]);
    }

    /** @return the number of points n */
    public int size() {
        return size;
    }

    /** @return the number of coordinates d */
    public int dimension() {
        return coordinates.length;
    }

    /** @return whether outward normals are attached */
    public boolean hasNormals() {
        return normals != null;
    }

    /**
     * The values of coordinate {@code k} for all points (backing array, do not modify).
     *
     * @param k coordinate index in {@code [0, d)}
     * @return array of length n
     */
    public double[] coordinate(int k) {
        checkCoordinate(k);
        return coordinates[k];
    }

    /**
     * Component {@code k} of the normals of all points (backing array, do not modify).
     *
     * @param k coordinate index in {@code [0, d)}
     * @return array of length n
     * @throws IllegalStateException if this set has no normals
     */
    public double[] normal(int k) {
        checkCoordinate(k);
        return requireNormals()[k];
    }

    /**
     * Point {@code i} as a new array of its d coordinates.
     *
     * @param i point index in {@code [0, n)}
     * @return a new array of length d
     */
    public double[] point(int i) {
        checkIndex("point index", i);
        double[] p = new double[coordinates.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = coordinates[k][i];
        }
        return p;
    }

    /**
     * The normal of point {@code i} as a new array.
     *
     * @param i point index in {@code [0, n)}
     * @return a new array of length d
     * @throws IllegalStateException if this set has no normals
     */
    public double[] normalAt(int i) {
        checkIndex("point index", i);
        double[][] nr = requireNormals();
        double[] v = new double[nr.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = nr[k][i];
        }
        return v;
    }

    /** @return a deep copy of the coordinates {@code [d][n]} */
    public double[][] toArray() {
        return deepCopy(coordinates);
    }

    /**
     * @return a deep copy of the normals {@code [d][n]}
     * @throws IllegalStateException if this set has no normals
     */
    public double[][] normalsToArray() {
        return deepCopy(requireNormals());
    }

    /** @return the same points without normals */
    public PointSet withoutNormals() {
        return normals == null ? this : new PointSet(coordinates);
    }

    /**
     * This set followed by {@code other}.
     *
     * @param other a set of the same dimension; it has normals exactly when this set has
     * @return a new set of size {@code size() + other.size()}
     */
    public PointSet concat(PointSet other) {
        return concat(this, other);
    }

    /**
     * The concatenation of the given sets, in order.
     *
     * @param sets at least one set; all of the same dimension, either all with normals or none
     * @return a new set
     */
    public static PointSet concat(PointSet... sets) {
        if (sets == null || sets.length == 0) {
            throw new IllegalArgumentException("PointSet.concat: expected at least one point set");
        }
        for (int s = 0; s < sets.length; s++) {
            if (sets[s] == null) {
                throw new IllegalArgumentException("PointSet.concat: point set " + s + " is null");
            }
        }
        int d = sets[0].dimension();
        boolean withNormals = sets[0].hasNormals();
        long total = 0;
        for (int s = 1; s < sets.length; s++) {
            if (sets[s].dimension() != d) {
                throw new IllegalArgumentException("PointSet.concat: point set " + s + " has dimension "
                        + sets[s].dimension() + ", expected " + d + " like point set 0");
            }
            if (sets[s].hasNormals() != withNormals) {
                throw new IllegalArgumentException("PointSet.concat: point set " + s
                        + (withNormals
                                ? " has no normals but point set 0 has"
                                : " has normals but point set 0 has none")
                        + "; use withoutNormals() to drop them");
            }
        }
        for (PointSet set : sets) {
            total += set.size;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "PointSet.concat: total size " + total + " exceeds " + Integer.MAX_VALUE);
        }
        double[][] x = new double[d][(int) total];
        double[][] nr = withNormals ? new double[d][(int) total] : null;
        int offset = 0;
        for (PointSet set : sets) {
            for (int k = 0; k < d; k++) {
                System.arraycopy(set.coordinates[k], 0, x[k], offset, set.size);
                if (withNormals) {
                    System.arraycopy(set.normals[k], 0, nr[k], offset, set.size);
                }
            }
            offset += set.size;
        }
        return new PointSet(x, nr);
    }

    /**
     * The points at the given indices, in the given order (repeats allowed).
     *
     * @param indices point indices, each in {@code [0, n)}
     * @return a new set of size {@code indices.length}, with normals if this set has them
     */
    public PointSet subset(int[] indices) {
        if (indices == null) {
            throw new IllegalArgumentException("PointSet.subset: index array must not be null");
        }
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= size) {
                throw new IllegalArgumentException(
                        "PointSet.subset: index " + indices[j] + " at position " + j + " is outside [0, " + size + ")");
            }
        }
        int d = coordinates.length;
        double[][] x = new double[d][indices.length];
        double[][] nr = normals == null ? null : new double[d][indices.length];
        for (int k = 0; k < d; k++) {
            double[] src = coordinates[k];
            double[] dst = x[k];
            for (int j = 0; j < indices.length; j++) {
                dst[j] = src[indices[j]];
            }
            if (nr != null) {
                double[] nsrc = normals[k];
                double[] ndst = nr[k];
                for (int j = 0; j < indices.length; j++) {
                    ndst[j] = nsrc[indices[j]];
                }
            }
        }
        return new PointSet(x, nr);
    }

    /** @return true if {@code o} is a PointSet with bit-identical coordinates and normals */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PointSet)) {
            return false;
        }
        PointSet other = (PointSet) o;
        return Arrays.deepEquals(coordinates, other.coordinates) && Arrays.deepEquals(normals, other.normals);
    }

    /** @return a hash consistent with {@link #equals(Object)} */
    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(coordinates) + Arrays.deepHashCode(normals);
    }

    /** @return a short description: dimension, size and whether normals are attached */
    @Override
    public String toString() {
        return "PointSet(dimension=" + dimension() + ", size=" + size + ", normals=" + hasNormals() + ")";
    }

    private double[][] requireNormals() {
        if (normals == null) {
            throw new IllegalStateException("PointSet: this set has no normals (only boundary samples carry normals)");
        }
        return normals;
    }

    private void checkCoordinate(int k) {
        if (k < 0 || k >= coordinates.length) {
            throw new IllegalArgumentException(
                    "PointSet: coordinate index " + k + " is outside [0, " + coordinates.length + ")");
        }
    }

    private void checkIndex(String what, int i) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException("PointSet: " + what + " " + i + " is outside [0, " + size + ")");
        }
    }

    private static int checkShape(String what, double[][] a, int rows, int cols) {
        if (a == null) {
            throw new IllegalArgumentException("PointSet: " + what + " must not be null; expected double[d][n]");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("PointSet: " + what + " has 0 rows; expected double[d][n] with d >= 1");
        }
        if (rows >= 0 && a.length != rows) {
            throw new IllegalArgumentException(
                    "PointSet: " + what + " has " + a.length + " rows, expected " + rows + " (one per coordinate)");
        }
        for (int k = 0; k < a.length; k++) {
            if (a[k] == null) {
                throw new IllegalArgumentException("PointSet: " + what + " row " + k + " is null");
            }
        }
        int n = cols >= 0 ? cols : a[0].length;
        for (int k = 0; k < a.length; k++) {
            if (a[k].length != n) {
                throw new IllegalArgumentException("PointSet: " + what + " row " + k + " has length " + a[k].length
                        + ", expected " + n + " (feature-major double[d][n], all rows equally long)");
            }
        }
        return n;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }
}
