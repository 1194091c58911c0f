package org.pinn4j.core.geometry;

import java.util.Arrays;
import org.pinn4j.core.sampling.PointSet;

/**
 * A simple (non-self-intersecting) polygon given by its vertices in either orientation.
 *
 * <p>Vertices are stored counter-clockwise (reversed if given clockwise), so outward normals
 * follow from edge directions regardless of the input order: edge {@code (dx, dy)} has outward
 * normal {@code (dy, -dx) / length}. Boundary points are spread uniformly in arc length, i.e. each
 * edge receives points in proportion to its length. Membership uses the even-odd crossing test,
 * with points within the tolerance of an edge counted as inside.
 *
 * <p>A boundary sample that falls exactly on a vertex (quasi-random and grid samplers can hit
 * vertices at rational fractions of the perimeter) gets the normal of the edge starting there;
 * at a re-entrant vertex that normal does not point out of the domain in every direction.
 */
public final class Polygon implements Geometry {

    private final double[] xs;
    private final double[] ys;
    /** Outward unit normal of edge i, from vertex i to vertex i+1 (cyclic). */
    private final double[] nx;

    private final double[] ny;
    private final double[] edgeStart;
    private final double[] edgeLength;
    private final double perimeter;
    private final double area;
    private final double[] lo;
    private final double[] hi;
    private final double tol;

    /**
     * @param x vertex x coordinates (at least 3, finite)
     * @param y vertex y coordinates, same count; a last vertex equal to the first is dropped
     *          (the polygon is closed implicitly)
     */
    public Polygon(double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("Polygon: vertex x and y arrays must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("Polygon: " + x.length + " x coordinates but " + y.length
                    + " y coordinates; expected one (x, y) pair per vertex");
        }
        int m = x.length;
        if (m > 1 && x[0] == x[m - 1] && y[0] == y[m - 1]) {
            m--;
        }
        if (m < 3) {
            throw new IllegalArgumentException("Polygon: " + m + " distinct vertices; expected at least 3");
        }
        double[] vx = Checks.finiteVector("Polygon", "vertex x", Arrays.copyOf(x, m), m);
        double[] vy = Checks.finiteVector("Polygon", "vertex y", Arrays.copyOf(y, m), m);
        double twiceArea = 0;
        for (int i = 0; i < m; i++) {
            int j = (i + 1) % m;
            if (vx[i] == vx[j] && vy[i] == vy[j]) {
                throw new IllegalArgumentException("Polygon: vertices " + i + " and " + j + " coincide at (" + vx[i]
                        + ", " + vy[i] + "); expected distinct consecutive vertices");
            }
            twiceArea += vx[i] * vy[j] - vx[j] * vy[i];
        }
        if (twiceArea < 0) {
            reverse(vx);
            reverse(vy);
            twiceArea = -twiceArea;
        }
        checkSimple(vx, vy);
        if (!(twiceArea > 0)) {
            throw new IllegalArgumentException("Polygon: the vertices enclose zero area; expected a simple polygon");
        }
        this.xs = vx;
        this.ys = vy;
        this.area = 0.5 * twiceArea;
        this.nx = new double[m];
        this.ny = new double[m];
        this.edgeStart = new double[m];
        this.edgeLength = new double[m];
        double s = 0;
        for (int i = 0; i < m; i++) {
            int j = (i + 1) % m;
            double dx = vx[j] - vx[i];
            double dy = vy[j] - vy[i];
            double len = Math.hypot(dx, dy);
            nx[i] = dy / len;
            ny[i] = -dx / len;
            edgeStart[i] = s;
            edgeLength[i] = len;
            s += len;
        }
        this.perimeter = s;
        this.lo = new double[] {min(vx), min(vy)};
        this.hi = new double[] {max(vx), max(vy)};
        this.tol = Checks.REL_TOL * Checks.scale(lo, hi);
    }

    /** @return the enclosed area (positive) */
    public double area() {
        return area;
    }

    /** @return the perimeter */
    public double perimeter() {
        return perimeter;
    }

    /** @return the vertex x coordinates in counter-clockwise order (a new array) */
    public double[] vertexX() {
        return xs.clone();
    }

    /** @return the vertex y coordinates in counter-clockwise order (a new array) */
    public double[] vertexY() {
        return ys.clone();
    }

    @Override
    public int dimension() {
        return 2;
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
        Checks.point("Polygon", "contains", p, 2);
        if (nearestEdgeDistance(p[0], p[1]) <= tol) {
            return true;
        }
        boolean inside = false;
        int m = xs.length;
        for (int i = 0, j = m - 1; i < m; j = i++) {
            if ((ys[i] > p[1]) != (ys[j] > p[1]) && p[0] < (xs[j] - xs[i]) * (p[1] - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    @Override
    public boolean onBoundary(double[] p, double tol) {
        Checks.point("Polygon", "onBoundary", p, 2);
        Checks.tolerance("Polygon", "onBoundary", tol);
        return nearestEdgeDistance(p[0], p[1]) <= tol;
    }

    /** The normal of the nearest edge; at a vertex, the normal of the edge starting there (counter-clockwise). */
    @Override
    public double[] outwardNormal(double[] p) {
        Checks.point("Polygon", "outwardNormal", p, 2);
        int e = nearestEdge(p[0], p[1]);
        return new double[] {nx[e], ny[e]};
    }

    @Override
    public int boundaryParameterDimension() {
        return 1;
    }

    /** @return the perimeter */
    @Override
    public double boundaryCandidateMeasure() {
        return perimeter;
    }

    /** Arc length {@code u * perimeter} from vertex 0, counter-clockwise. */
    @Override
    public PointSet boundaryCandidates(double[][] unit) {
        int count = Checks.unit("Polygon", unit, 1);
        int m = xs.length;
        double[][] x = new double[2][count];
        double[][] nr = new double[2][count];
        for (int i = 0; i < count; i++) {
            double s = Checks.clampUnit(unit[0][i]) * perimeter;
            int e = Arrays.binarySearch(edgeStart, s);
            if (e < 0) {
                e = -e - 2;
            }
            e = Math.min(Math.max(e, 0), m - 1);
            int j = (e + 1) % m;
            double t = Math.min(1.0, Math.max(0.0, (s - edgeStart[e]) / edgeLength[e]));
            x[0][i] = xs[e] + t * (xs[j] - xs[e]);
            x[1][i] = ys[e] + t * (ys[j] - ys[e]);
            nr[0][i] = nx[e];
            nr[1][i] = ny[e];
        }
        return new PointSet(x, nr);
    }

    /** @return the class name with the vertices (counter-clockwise) */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Polygon(");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : ", ")
                    .append('(')
                    .append(xs[i])
                    .append(", ")
                    .append(ys[i])
                    .append(')');
        }
        return b.append(')').toString();
    }

    private double nearestEdgeDistance(double px, double py) {
        return Math.sqrt(segmentDistanceSq(nearestEdge(px, py), px, py));
    }

    /** Nearest edge; on a tie (a vertex) the edge that starts there, matching boundary sampling. */
    private int nearestEdge(double px, double py) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        double bestT = Double.POSITIVE_INFINITY;
        for (int e = 0; e < xs.length; e++) {
            double dsq = segmentDistanceSq(e, px, py);
            double t = projection(e, px, py);
            if (dsq < bestD || (dsq == bestD && t < bestT)) {
                bestD = dsq;
                bestT = t;
                best = e;
            }
        }
        return best;
    }

    /** Clamped parameter in [0, 1] of the projection of (px, py) onto edge e. */
    private double projection(int e, double px, double py) {
        int j = (e + 1) % xs.length;
        double dx = xs[j] - xs[e];
        double dy = ys[j] - ys[e];
        double t = ((px - xs[e]) * dx + (py - ys[e]) * dy) / (dx * dx + dy * dy);
        return Math.min(1.0, Math.max(0.0, t));
    }

    private double segmentDistanceSq(int e, double px, double py) {
        int j = (e + 1) % xs.length;
        double t = projection(e, px, py);
        double qx = xs[e] + t * (xs[j] - xs[e]) - px;
        double qy = ys[e] + t * (ys[j] - ys[e]) - py;
        return qx * qx + qy * qy;
    }

    /** Rejects self-intersections: non-adjacent edges must not touch, adjacent ones must not fold back. */
    private static void checkSimple(double[] x, double[] y) {
        int m = x.length;
        for (int i = 0; i < m; i++) {
            int i2 = (i + 1) % m;
            int i3 = (i + 2) % m;
            double cross = (x[i2] - x[i]) * (y[i3] - y[i2]) - (y[i2] - y[i]) * (x[i3] - x[i2]);
            double dot = (x[i2] - x[i]) * (x[i3] - x[i2]) + (y[i2] - y[i]) * (y[i3] - y[i2]);
            if (cross == 0 && dot < 0) {
                throw new IllegalArgumentException(
                        "Polygon: edges " + i + " and " + i2 + " fold back onto each other; expected a simple polygon");
            }
            for (int j = i + 2; j < m; j++) {
                int j2 = (j + 1) % m;
                if (j2 == i) {
                    continue;
                }
                if (segmentsIntersect(x[i], y[i], x[i2], y[i2], x[j], y[j], x[j2], y[j2])) {
                    throw new IllegalArgumentException("Polygon: edges " + i + " and " + j
                            + " intersect; expected a simple (non-self-intersecting) polygon");
                }
            }
        }
    }

    private static boolean segmentsIntersect(
            double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
        double o1 = orient(ax, ay, bx, by, cx, cy);
        double o2 = orient(ax, ay, bx, by, dx, dy);
        double o3 = orient(cx, cy, dx, dy, ax, ay);
        double o4 = orient(cx, cy, dx, dy, bx, by);
        if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
            return true;
        }
        return (o1 == 0 && onSegment(ax, ay, bx, by, cx, cy))
                || (o2 == 0 && onSegment(ax, ay, bx, by, dx, dy))
                || (o3 == 0 && onSegment(cx, cy, dx, dy, ax, ay))
                || (o4 == 0 && onSegment(cx, cy, dx, dy, bx, by));
    }

    private static double orient(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static boolean onSegment(double ax, double ay, double bx, double by, double px, double py) {
        return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double min(double[] a) {
        double v = a[0];
        for (double e : a) {
            v = Math.min(v, e);
        }
        return v;
    }

    private static double max(double[] a) {
        double v = a[0];
        for (double e : a) {
            v = Math.max(v, e);
        }
        return v;
    }
}
