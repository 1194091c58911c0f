package org.pinn4j.core.geometry;

import java.util.Arrays;

/** Argument checks and small numeric helpers shared by the geometries. */
final class Checks {

    /** Relative tolerance of {@code contains}: rounding of sampled boundary points stays far below it. */
    static final double REL_TOL = 1e-12;

    private Checks() {}

    /** Checks a point argument; {@code who} is only turned into text when the check fails. */
    static void point(Object who, String method, double[] p, int d) {
        if (p == null) {
            throw new IllegalArgumentException(
                    who + "." + method + ": point must not be null; expected " + d + " coordinates");
        }
        if (p.length != d) {
            throw new IllegalArgumentException(
                    who + "." + method + ": point has " + p.length + " coordinates, expected " + d);
        }
    }

    static void tolerance(Object who, String method, double tol) {
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException(
                    who + "." + method + ": tolerance " + tol + " must be a finite number >= 0");
        }
    }

    static double finite(String who, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(who + ": " + what + " is " + v + "; expected a finite number");
        }
        return v;
    }

    static double[] finiteVector(String who, String what, double[] v, int expectedLength) {
        if (v == null) {
            throw new IllegalArgumentException(who + ": " + what + " must not be null");
        }
        if (expectedLength >= 0 && v.length != expectedLength) {
            throw new IllegalArgumentException(
                    who + ": " + what + " has " + v.length + " components, expected " + expectedLength);
        }
        for (int k = 0; k < v.length; k++) {
            finite(who, what + "[" + k + "]", v[k]);
        }
        return v.clone();
    }

    static void sameDimension(String who, Geometry a, Geometry b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(who + ": operands must not be null");
        }
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException(who + ": operands have dimensions " + a.dimension() + " and "
                    + b.dimension() + "; expected equal dimensions");
        }
    }

    /** Number of points in unit parameters with at least {@code rows} equally long rows. */
    static int unit(String who, double[][] unit, int rows) {
        if (unit == null || unit.length < rows) {
            throw new IllegalArgumentException(who + ".boundaryCandidates: expected at least " + rows
                    + " rows of unit parameters, got " + (unit == null ? "null" : unit.length));
        }
        for (int k = 0; k < rows; k++) {
            if (unit[k] == null || unit[k].length != unit[0].length) {
                throw new IllegalArgumentException(who + ".boundaryCandidates: unit parameter row " + k
                        + " is null or of a different length than row 0");
            }
        }
        return unit[0].length;
    }

    /** Largest |coordinate| or extent of a box: the length scale rounding errors are relative to. */
    static double scale(double[] lo, double[] hi) {
        double s = 0;
        for (int k = 0; k < lo.length; k++) {
            s = Math.max(s, Math.max(Math.abs(lo[k]), Math.abs(hi[k])));
            s = Math.max(s, hi[k] - lo[k]);
        }
        return s;
    }

    /** Parameter in [0,1) (guards against 1.0 produced by rounding). */
    static double clampUnit(double u) {
        return u < 0 ? 0 : (u >= 1 ? Math.nextDown(1.0) : u);
    }

    static String box(double[] lo, double[] hi) {
        return Arrays.toString(lo) + " x " + Arrays.toString(hi);
    }
}
