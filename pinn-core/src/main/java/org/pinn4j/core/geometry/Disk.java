package org.pinn4j.core.geometry;

import java.util.Arrays;
import org.pinn4j.core.sampling.PointSet;

/** A closed disk in the plane; boundary points are spread uniformly in angle, with normal {@code (p - c) / r}. */
public final class Disk implements Geometry {

    private final double cx;
    private final double cy;
    private final double r;
    private final double tol;

    /**
     * @param center centre {@code {x, y}}, finite
     * @param radius radius, finite and {@code > 0}
     */
    public Disk(double[] center, double radius) {
        double[] c = Checks.finiteVector("Disk", "center", center, 2);
        this.cx = c[0];
        this.cy = c[1];
        Checks.finite("Disk", "radius", radius);
        if (!(radius > 0)) {
            throw new IllegalArgumentException("Disk: radius " + radius + " must be > 0");
        }
        this.r = radius;
        this.tol = Checks.REL_TOL * Checks.scale(lower(), upper());
    }

    /**
     * @param cx     centre x
     * @param cy     centre y
     * @param radius radius, {@code > 0}
     */
    public Disk(double cx, double cy, double radius) {
        this(new double[] {cx, cy}, radius);
    }

    /** @return the centre (a new array) */
    public double[] center() {
        return new double[] {cx, cy};
    }

    /** @return the radius */
    public double radius() {
        return r;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double[] lower() {
        return new double[] {cx - r, cy - r};
    }

    @Override
    public double[] upper() {
        return new double[] {cx + r, cy + r};
    }

    @Override
    public boolean contains(double[] p) {
        Checks.point("Disk", "contains", p, 2);
        double dx = p[0] - cx;
        double dy = p[1] - cy;
        double rt = r + tol;
        return dx * dx + dy * dy <= rt * rt;
    }

    @Override
    public boolean onBoundary(double[] p, double tol) {
        Checks.point("Disk", "onBoundary", p, 2);
        Checks.tolerance("Disk", "onBoundary", tol);
        return Math.abs(Math.hypot(p[0] - cx, p[1] - cy) - r) <= tol;
    }

    /** {@code (p - c) / |p - c|}, defined everywhere except the centre. */
    @Override
    public double[] outwardNormal(double[] p) {
        Checks.point("Disk", "outwardNormal", p, 2);
        double dx = p[0] - cx;
        double dy = p[1] - cy;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            throw new IllegalArgumentException("Disk.outwardNormal: point " + Arrays.toString(p)
                    + " is the centre, where the normal is undefined; expected a boundary point");
        }
        return new double[] {dx / len, dy / len};
    }

    @Override
    public int boundaryParameterDimension() {
        return 1;
    }

    /** @return the circumference {@code 2 pi r} */
    @Override
    public double boundaryCandidateMeasure() {
        return 2 * Math.PI * r;
    }

    /** Angle {@code 2 pi u}. */
    @Override
    public PointSet boundaryCandidates(double[][] unit) {
        int m = Checks.unit("Disk", unit, 1);
        double[][] x = new double[2][m];
        double[][] nr = new double[2][m];
        for (int i = 0; i < m; i++) {
            double theta = 2 * Math.PI * unit[0][i];
            double c = Math.cos(theta);
            double s = Math.sin(theta);
            x[0][i] = cx + r * c;
            x[1][i] = cy + r * s;
            nr[0][i] = c;
            nr[1][i] = s;
        }
        return new PointSet(x, nr);
    }

    /** @return {@code Disk(center=[x, y], radius=r)} */
    @Override
    public String toString() {
        return "Disk(center=[" + cx + ", " + cy + "], radius=" + r + ")";
    }
}
