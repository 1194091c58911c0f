package org.pinn4j.core.geometry;

import java.util.Arrays;
import java.util.function.Predicate;
import org.pinn4j.core.sampling.PointSet;

/**
 * Constructive solid geometry: union, difference or intersection of two geometries of the same
 * dimension (which may themselves be CSG results).
 *
 * <p>Membership is set-theoretic on the closed operands, except that a difference removes the
 * subtracted operand's boundary where that boundary faces away from the first operand (so the
 * result is the closure of {@code A \ B}). The boundary of the result is made of the parts of the
 * operands' boundaries that separate the result from its outside; it is found by probing the
 * result at {@code p -/+ delta * n} for a candidate point {@code p} with operand normal {@code n},
 * where {@code delta} is about {@code 1e-8} times the result's size. The normal of a kept point is
 * oriented out of the result: on the subtracted part of a difference it is the subtracted
 * operand's normal flipped. Boundary sampling draws candidates from all operands' boundaries in
 * proportion to their measure and keeps those on the result's boundary, so the points are uniform
 * over the result's boundary; points closer than {@code delta} to a corner where operand
 * boundaries cross may be misclassified.
 */
public final class Csg implements Geometry {

    /** The set operation of a {@link Csg} node. */
    public enum Operation {
        /** {@code A ∪ B}. */
        UNION,
        /** closure of {@code A \ B}. */
        DIFFERENCE,
        /** {@code A ∩ B}. */
        INTERSECTION
    }

    /** Probe distance relative to the size of the result. */
    private static final double PROBE_REL = 1e-8;
    /** Tolerance of {@link #outwardNormal(double[])} relative to the size of the result. */
    private static final double NORMAL_REL = 1e-9;

    private final Operation op;
    private final Geometry a;
    private final Geometry b;
    private final double[] lo;
    private final double[] hi;
    private final double tol;
    private final double normalTol;
    private final double probe;

    private Csg(Operation op, Geometry a, Geometry b, double[] lo, double[] hi) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.lo = lo;
        this.hi = hi;
        double scale = Checks.scale(lo, hi);
        double size = 0;
        for (int k = 0; k < lo.length; k++) {
            size = Math.max(size, hi[k] - lo[k]);
        }
        this.tol = Checks.REL_TOL * scale;
        this.normalTol = NORMAL_REL * scale;
        this.probe = Math.max(PROBE_REL * size, 1e3 * tol);
    }

    /**
     * @param a first geometry
     * @param b second geometry, same dimension
     * @return {@code a ∪ b}
     */
    public static Csg union(Geometry a, Geometry b) {
        Checks.sameDimension("Csg.union", a, b);
        double[] lo = a.lower();
        double[] hi = a.upper();
        double[] lb = b.lower();
        double[] hb = b.upper();
        for (int k = 0; k < lo.length; k++) {
            lo[k] = Math.min(lo[k], lb[k]);
            hi[k] = Math.max(hi[k], hb[k]);
        }
        return new Csg(Operation.UNION, a, b, lo, hi);
    }

    /**
     * @param a geometry to subtract from
     * @param b geometry to subtract, same dimension
     * @return the closure of {@code a \ b}
     */
    public static Csg difference(Geometry a, Geometry b) {
        Checks.sameDimension("Csg.difference", a, b);
        return new Csg(Operation.DIFFERENCE, a, b, a.lower(), a.upper());
    }

    /**
     * @param a first geometry
     * @param b second geometry, same dimension
     * @return {@code a ∩ b}
     * @throws IllegalArgumentException if the bounding boxes do not overlap (the intersection is empty)
     */
    public static Csg intersection(Geometry a, Geometry b) {
        Checks.sameDimension("Csg.intersection", a, b);
        double[] lo = a.lower();
        double[] hi = a.upper();
        double[] lb = b.lower();
        double[] hb = b.upper();
        for (int k = 0; k < lo.length; k++) {
            lo[k] = Math.max(lo[k], lb[k]);
            hi[k] = Math.min(hi[k], hb[k]);
            if (!(lo[k] < hi[k])) {
                throw new IllegalArgumentException("Csg.intersection: the bounding boxes of " + a + " and " + b
                        + " do not overlap with positive width on axis " + k
                        + ", so the intersection is empty; expected overlapping operands");
            }
        }
        return new Csg(Operation.INTERSECTION, a, b, lo, hi);
    }

    /** @return the set operation */
    public Operation operation() {
        return op;
    }

    /** @return the first operand */
    public Geometry first() {
        return a;
    }

    /** @return the second operand */
    public Geometry second() {
        return b;
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

    @Override
    public boolean contains(double[] p) {
        Checks.point(this, "contains", p, lo.length);
        switch (op) {
            case UNION:
                return a.contains(p) || b.contains(p);
            case INTERSECTION:
                return a.contains(p) && b.contains(p);
            default:
                if (!a.contains(p)) {
                    return false;
                }
                if (!b.contains(p)) {
                    return true;
                }
                // p is in closed B: keep it only if points of A outside B are arbitrarily close.
                return b.onBoundary(p, tol) && anyNeighbour(p, probe, q -> a.contains(q) && !b.contains(q));
        }
    }

    @Override
    public boolean onBoundary(double[] p, double tol) {
        Checks.point(this, "onBoundary", p, lo.length);
        Checks.tolerance(this, "onBoundary", tol);
        return normalOrNull(p, tol, Math.max(probe, 4 * tol)) != null;
    }

    /**
     * The outward normal at a point of the boundary (within about {@code 1e-9} times the size of
     * the result).
     *
     * @throws IllegalArgumentException if {@code p} is not on the boundary
     */
    @Override
    public double[] outwardNormal(double[] p) {
        Checks.point(this, "outwardNormal", p, lo.length);
        double[] n = normalOrNull(p, normalTol, probe);
        if (n == null) {
            throw new IllegalArgumentException(this + ".outwardNormal: point " + Arrays.toString(p)
                    + " is not on the boundary (tolerance " + normalTol + "); expected a boundary point");
        }
        return n;
    }

    @Override
    public int boundaryParameterDimension() {
        return Math.max(a.boundaryParameterDimension(), b.boundaryParameterDimension());
    }

    /** @return the sum of the operands' candidate measures (at least the measure of the boundary) */
    @Override
    public double boundaryCandidateMeasure() {
        return a.boundaryCandidateMeasure() + b.boundaryCandidateMeasure();
    }

    /**
     * Row 0 below {@code fA = measure(A) / (measure(A) + measure(B))} selects the first operand
     * (with row 0 rescaled to {@code u / fA}), otherwise the second ({@code (u - fA) / (1 - fA)});
     * the candidates keep the operands' own normals.
     */
    @Override
    public PointSet boundaryCandidates(double[][] unit) {
        int rows = boundaryParameterDimension();
        int m = Checks.unit(toString(), unit, rows);
        double ma = a.boundaryCandidateMeasure();
        double fa = ma / (ma + b.boundaryCandidateMeasure());
        int[] which = new int[m];
        int countA = 0;
        for (int i = 0; i < m; i++) {
            if (unit[0][i] < fa) {
                which[i] = countA++;
            } else {
                which[i] = -1;
            }
        }
        int countB = m - countA;
        double[][] ua = new double[a.boundaryParameterDimension()][countA];
        double[][] ub = new double[b.boundaryParameterDimension()][countB];
        for (int i = 0, ia = 0, ib = 0; i < m; i++) {
            double u0 = unit[0][i];
            if (which[i] >= 0) {
                ua[0][ia] = Checks.clampUnit(u0 / fa);
                for (int k = 1; k < ua.length; k++) {
                    ua[k][ia] = unit[k][i];
                }
                ia++;
            } else {
                ub[0][ib] = Checks.clampUnit((u0 - fa) / (1 - fa));
                for (int k = 1; k < ub.length; k++) {
                    ub[k][ib] = unit[k][i];
                }
                ib++;
            }
        }
        PointSet ca = a.boundaryCandidates(ua);
        PointSet cb = b.boundaryCandidates(ub);
        int d = lo.length;
        double[][] x = new double[d][m];
        double[][] nr = new double[d][m];
        for (int k = 0; k < d; k++) {
            double[] xa = ca.coordinate(k);
            double[] xb = cb.coordinate(k);
            double[] na = ca.normal(k);
            double[] nb = cb.normal(k);
            for (int i = 0, ib = 0; i < m; i++) {
                if (which[i] >= 0) {
                    x[k][i] = xa[which[i]];
                    nr[k][i] = na[which[i]];
                } else {
                    x[k][i] = xb[ib];
                    nr[k][i] = nb[ib];
                    ib++;
                }
            }
        }
        return new PointSet(x, nr);
    }

    /** Keeps a candidate when the result lies on exactly one side of it; orients the normal outward. */
    @Override
    public boolean acceptBoundaryCandidate(double[] p, double[] normal) {
        boolean inside = contains(shift(p, normal, -probe));
        boolean outside = !contains(shift(p, normal, probe));
        if (inside && outside) {
            return true;
        }
        if (!inside && !outside) {
            for (int k = 0; k < normal.length; k++) {
                normal[k] = -normal[k];
            }
            return true;
        }
        return false;
    }

    /** @return e.g. {@code difference(Rectangle(...), Rectangle(...))} */
    @Override
    public String toString() {
        return op.name().toLowerCase(java.util.Locale.ROOT) + "(" + a + ", " + b + ")";
    }

    /**
     * The outward normal of the result at p if p is within tol of a separating part of an
     * operand's boundary. Where the probe along the operand normal is inconclusive (a corner where
     * operand boundaries meet), p is still a boundary point if its neighbourhood holds points
     * inside and outside the result; it then gets the operand normal, flipped for the subtracted
     * operand of a difference.
     */
    private double[] normalOrNull(double[] p, double tol, double delta) {
        double[] corner = null;
        for (int side = 0; side < 2; side++) {
            Geometry g = side == 0 ? a : b;
            if (!g.onBoundary(p, tol)) {
                continue;
            }
            double[] n = normalOf(g, p, tol);
            if (n == null) {
                continue;
            }
            boolean inBehind = contains(shift(p, n, -delta));
            boolean inFront = contains(shift(p, n, delta));
            if (inBehind != inFront) {
                return inBehind ? n : negate(n);
            }
            if (corner == null) {
                corner = side == 1 && op == Operation.DIFFERENCE ? negate(n) : n;
            }
        }
        if (corner != null && anyNeighbour(p, delta, this::contains) && anyNeighbour(p, delta, q -> !contains(q))) {
            return corner;
        }
        return null;
    }

    /**
     * Whether {@code test} holds at some neighbour {@code p + delta * e}, e ranging over
     * {@code {-1,0,1}^d \ {0}} (over the 2d axis directions only when d > 6).
     */
    private static boolean anyNeighbour(double[] p, double delta, Predicate<double[]> test) {
        int d = p.length;
        double[] q = new double[d];
        if (d > 6) {
            for (int k = 0; k < d; k++) {
                for (int sgn = -1; sgn <= 1; sgn += 2) {
                    System.arraycopy(p, 0, q, 0, d);
                    q[k] += sgn * delta;
                    if (test.test(q)) {
                        return true;
                    }
                }
            }
            return false;
        }
        int[] digit = new int[d];
        int total = 1;
        for (int k = 0; k < d; k++) {
            total *= 3;
        }
        for (int c = 0; c < total; c++) {
            boolean zero = true;
            for (int k = 0, r = c; k < d; k++, r /= 3) {
                digit[k] = r % 3 - 1;
                zero &= digit[k] == 0;
                q[k] = p[k] + digit[k] * delta;
            }
            if (!zero && test.test(q)) {
                return true;
            }
        }
        return false;
    }

    private static double[] negate(double[] n) {
        double[] m = new double[n.length];
        for (int k = 0; k < n.length; k++) {
            m[k] = -n[k];
        }
        return m;
    }

    /** An operand's normal at p, or null when a CSG operand does not consider p a boundary point. */
    private static double[] normalOf(Geometry g, double[] p, double tol) {
        if (g instanceof Csg) {
            Csg c = (Csg) g;
            return c.normalOrNull(p, Math.max(tol, c.tol), Math.max(c.probe, 4 * tol));
        }
        return g.outwardNormal(p);
    }

    private static double[] shift(double[] p, double[] n, double delta) {
        double[] q = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            q[k] = p[k] + delta * n[k];
        }
        return q;
    }
}
