package org.pinn4j.core.geometry;

import java.util.Arrays;
import org.pinn4j.core.sampling.PointSet;

/**
 * An axis-aligned hyper-rectangle {@code [lower_0, upper_0] x ... x [lower_{d-1}, upper_{d-1}]}.
 *
 * <p>Boundary sampling picks a face with probability proportional to its area (in 1-d the two end
 * points equally often) and a uniform point on it; the normal is {@code -e_k} on the lower face of
 * axis {@code k} and {@code +e_k} on the upper face.
 */
public class Box implements Geometry {
    /** The narrowest side a box takes: its input scaling 2 / width and derivatives up to third order stay finite. */
    public static final double MIN_WIDTH = 1e-100;

    /** The narrowest side relative to the box's largest bound on that axis (about 450,000 doubles fit in it). */
    public static final double MIN_RELATIVE_WIDTH = 1e-10;

    private final String name;
    private final double[] lo;
    private final double[] hi;
    private final double[] width;
    /** Area of face f = 2k (lower) and 2k+1 (upper) of axis k, and the running sum before each face. */
    private final double[] faceArea;

    private final double[] faceStart;
    private final double totalArea;
    private final double tol;

    /**
     * @param lower lower corner, finite, length {@code d >= 1}
     * @param upper upper corner, finite, {@code lower[k] < upper[k]} on every axis
     */
    public Box(double[] lower, double[] upper) {
        this("Box", lower, upper);
    }

    Box(String name, double[] lower, double[] upper) {
        this.name = name;
        if (lower == null || upper == null) {
            throw new IllegalArgumentException(name + ": lower and upper corners must not be null");
        }
        if (lower.length == 0 || lower.length != upper.length) {
            throw new IllegalArgumentException(name + ": lower corner has " + lower.length + " and upper corner "
                    + upper.length + " coordinates; expected the same number d >= 1");
        }
        int d = lower.length;
        this.lo = lower.clone();
        this.hi = upper.clone();
        for (int k = 0; k < d; k++) {
            String axis = d == 1 ? "" : " on axis " + k;
            if (Double.isNaN(lo[k]) || Double.isNaN(hi[k]) || Double.isInfinite(lo[k]) || Double.isInfinite(hi[k])) {
                throw new IllegalArgumentException(
                        name + ": bounds " + lo[k] + " and " + hi[k] + axis + " must be finite numbers");
            }
            if (!(lo[k] < hi[k])) {
                throw new IllegalArgumentException(
                        name + ": lower bound " + lo[k] + " must be < upper bound " + hi[k] + axis);
            }
            double magnitude = Math.max(Math.abs(lo[k]), Math.abs(hi[k]));
            if (hi[k] - lo[k] < MIN_WIDTH || hi[k] - lo[k] < MIN_RELATIVE_WIDTH * magnitude) {
                throw new IllegalArgumentException(name + ": [" + lo[k] + ", " + hi[k] + "]" + axis + " is too narrow"
                        + " (width " + (hi[k] - lo[k]) + "); expected a width of at least 1e-100 and 1e-10 times the"
                        + " largest bound, so that its points are distinct doubles and the network's input scaling and"
                        + " derivatives stay finite: rescale the variable, e.g. to (x - a) / (b - a)");
            }
        }
        this.width = new double[d];
        for (int k = 0; k < d; k++) {
            width[k] = hi[k] - lo[k];
        }
        this.faceArea = new double[2 * d];
        this.faceStart = new double[2 * d];
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double a = 1;
            for (int j = 0; j < d; j++) {
                if (j != k) {
                    a *= width[j];
                }
            }
            faceArea[2 * k] = a;
            faceArea[2 * k + 1] = a;
            faceStart[2 * k] = sum;
            sum += a;
            faceStart[2 * k + 1] = sum;
            sum += a;
        }
        this.totalArea = sum;
        this.tol = Checks.REL_TOL * Checks.scale(lo, hi);
    }

    @Override
    public int dimension() {
        return lo.length;
    }

    @Override
    public double[] lower() {
        return lo.clone();
    }

    @Override
    public double[] upper() {
        return hi.clone();
    }

    /** @return the product of the side lengths */
    public double volume() {
        double v = 1;
        for (double w : width) {
            v *= w;
        }
        return v;
    }

    @Override
    public boolean contains(double[] p) {
        Checks.point(name, "contains", p, lo.length);
        return within(p, tol);
    }

    @Override
    public boolean onBoundary(double[] p, double tol) {
        Checks.point(name, "onBoundary", p, lo.length);
        Checks.tolerance(name, "onBoundary", tol);
        if (!within(p, tol)) {
            return false;
        }
        for (int k = 0; k < lo.length; k++) {
            if (Math.abs(p[k] - lo[k]) <= tol || Math.abs(p[k] - hi[k]) <= tol) {
                return true;
            }
        }
        return false;
    }

    /** The normal of the face whose plane is nearest (for outside points: most violated); ties go to the lower axis. */
    @Override
    public double[] outwardNormal(double[] p) {
        Checks.point(name, "outwardNormal", p, lo.length);
        int bestAxis = 0;
        double bestSign = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < lo.length; k++) {
            double below = lo[k] - p[k];
            double above = p[k] - hi[k];
            if (below > best) {
                best = below;
                bestAxis = k;
                bestSign = -1;
            }
            if (above > best) {
                best = above;
                bestAxis = k;
                bestSign = 1;
            }
        }
        double[] n = new double[lo.length];
        n[bestAxis] = bestSign;
        return n;
    }

    @Override
    public int boundaryParameterDimension() {
        return Math.max(1, lo.length - 1);
    }

    /** @return the total face area (in 1-d: 2, the number of end points) */
    @Override
    public double boundaryCandidateMeasure() {
        return totalArea;
    }

    /**
     * Row 0 picks the face (by area) and, rescaled within it, the first free coordinate; rows
     * {@code 1..d-2} give the remaining free coordinates in increasing axis order.
     */
    @Override
    public PointSet boundaryCandidates(double[][] unit) {
        int d = lo.length;
        int m = Checks.unit(name, unit, boundaryParameterDimension());
        double[][] x = new double[d][m];
        double[][] nr = new double[d][m];
        for (int i = 0; i < m; i++) {
            double t = Checks.clampUnit(unit[0][i]) * totalArea;
            int f = 0;
            while (f < 2 * d - 1 && t >= faceStart[f + 1]) {
                f++;
            }
            int axis = f / 2;
            boolean upperFace = (f & 1) == 1;
            double r = Checks.clampUnit((t - faceStart[f]) / faceArea[f]);
            int row = 0;
            for (int k = 0; k < d; k++) {
                if (k == axis) {
                    x[k][i] = upperFace ? hi[k] : lo[k];
                    nr[k][i] = upperFace ? 1 : -1;
                } else {
                    double v = row == 0 ? r : Checks.clampUnit(unit[row][i]);
                    x[k][i] = lo[k] + v * width[k];
                    row++;
                }
            }
        }
        return new PointSet(x, nr);
    }

    /** @return the class name with the corners */
    @Override
    public String toString() {
        if (lo.length == 1) {
            return name + "(" + lo[0] + ", " + hi[0] + ")";
        }
        return name + "(lower=" + Arrays.toString(lo) + ", upper=" + Arrays.toString(hi) + ")";
    }

    private boolean within(double[] p, double t) {
        for (int k = 0; k < lo.length; k++) {
            if (!(p[k] >= lo[k] - t && p[k] <= hi[k] + t)) {
                return false;
            }
        }
        return true;
    }
}
