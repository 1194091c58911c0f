package org.pinn4j.core.geometry;

import java.util.Arrays;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Sampler;

/**
 * The space-time cylinder {@code space x [t0, t1]}; time is the last coordinate.
 *
 * <p>Its {@linkplain #sampleBoundary boundary} is the lateral boundary {@code ∂space x [t0, t1]}
 * with normals {@code (n_space, 0)}; the time slices are not part of it. The initial slice
 * {@code space x {t0}} has its own sampler, {@link #sampleInitial(int, Sampler)}. Lateral points
 * take the spatial boundary parameters and the time from one unit-cube point, so quasi-random
 * and grid samplers cover the product evenly. For an {@link Interval} in space the single
 * parameter {@code u} picks the end ({@code u < 1/2}: lower end) and its remainder
 * {@code 2u mod 1} gives the time, so that every lateral point of a lattice is distinct.
 */
public final class GeometryXTime implements Geometry {

    private final Geometry space;
    private final TimeDomain time;
    private final int ds;
    private final double tolT;
    /** Space is an interval: one parameter gives both the end and the time. */
    private final boolean intervalSpace;

    /**
     * @param space the spatial domain
     * @param time  the time interval
     */
    public GeometryXTime(Geometry space, TimeDomain time) {
        if (space == null || time == null) {
            throw new IllegalArgumentException("GeometryXTime: spatial geometry and time domain must not be null");
        }
        this.space = space;
        this.time = time;
        this.ds = space.dimension();
        this.intervalSpace = space instanceof Box && ds == 1;
        this.tolT = Checks.REL_TOL * Math.max(Math.max(Math.abs(time.t0()), Math.abs(time.t1())), time.duration());
    }

    /**
     * @param space the spatial domain
     * @param t0    start time
     * @param t1    end time, {@code > t0}
     */
    public GeometryXTime(Geometry space, double t0, double t1) {
        this(space, new TimeDomain(t0, t1));
    }

    /** @return the spatial domain */
    public Geometry space() {
        return space;
    }

    /** @return the time interval */
    public TimeDomain time() {
        return time;
    }

    @Override
    public int dimension() {
        return ds + 1;
    }

    @Override
    public double[] lower() {
        double[] l = Arrays.copyOf(space.lower(), ds + 1);
        l[ds] = time.t0();
        return l;
    }

    @Override
    public double[] upper() {
        double[] u = Arrays.copyOf(space.upper(), ds + 1);
        u[ds] = time.t1();
        return u;
    }

    @Override
    public boolean contains(double[] p) {
        Checks.point(this, "contains", p, ds + 1);
        double t = p[ds];
        return t >= time.t0() - tolT && t <= time.t1() + tolT && space.contains(Arrays.copyOf(p, ds));
    }

    /** Whether {@code p} is within {@code tol} of the lateral boundary {@code ∂space x [t0, t1]}. */
    @Override
    public boolean onBoundary(double[] p, double tol) {
        Checks.point(this, "onBoundary", p, ds + 1);
        Checks.tolerance(this, "onBoundary", tol);
        double t = p[ds];
        return t >= time.t0() - tol && t <= time.t1() + tol && space.onBoundary(Arrays.copyOf(p, ds), tol);
    }

    /**
     * Whether {@code p} lies on the initial slice: {@code |t - t0| <= tol} and its spatial part in the domain.
     *
     * @param p   a point of length {@code d + 1}
     * @param tol absolute tolerance in time, {@code >= 0}
     * @return true on the initial slice
     */
    public boolean onInitial(double[] p, double tol) {
        Checks.point(this, "onInitial", p, ds + 1);
        Checks.tolerance(this, "onInitial", tol);
        return Math.abs(p[ds] - time.t0()) <= tol && space.contains(Arrays.copyOf(p, ds));
    }

    /** {@code (n_space(x), 0)}: the lateral boundary's normal. */
    @Override
    public double[] outwardNormal(double[] p) {
        Checks.point(this, "outwardNormal", p, ds + 1);
        return Arrays.copyOf(space.outwardNormal(Arrays.copyOf(p, ds)), ds + 1);
    }

    /**
     * Points of the initial slice {@code space x {t0}}: the spatial interior sampled with {@code s}
     * and time set to exactly {@code t0}.
     *
     * @param n number of points, {@code >= 0}
     * @param s the sampler (its state advances)
     * @return {@code n} points (grid: at least {@code n}), without normals
     */
    public PointSet sampleInitial(int n, Sampler s) {
        PointSet x = space.sampleInterior(n, s);
        double[][] c = new double[ds + 1][];
        for (int k = 0; k < ds; k++) {
            c[k] = x.coordinate(k);
        }
        c[ds] = new double[x.size()];
        Arrays.fill(c[ds], time.t0());
        return new PointSet(c);
    }

    @Override
    public int boundaryParameterDimension() {
        return intervalSpace ? 1 : space.boundaryParameterDimension() + 1;
    }

    /** @return the spatial candidate measure times the duration */
    @Override
    public double boundaryCandidateMeasure() {
        return space.boundaryCandidateMeasure() * time.duration();
    }

    /** The leading rows go to the spatial boundary, the last used row gives {@code t = t0 + u (t1 - t0)}. */
    @Override
    public PointSet boundaryCandidates(double[][] unit) {
        if (intervalSpace) {
            return intervalLateral(unit);
        }
        int ps = space.boundaryParameterDimension();
        int m = Checks.unit(toString(), unit, ps + 1);
        PointSet xs = space.boundaryCandidates(Arrays.copyOf(unit, ps));
        double[][] x = new double[ds + 1][];
        double[][] nr = new double[ds + 1][];
        for (int k = 0; k < ds; k++) {
            x[k] = xs.coordinate(k);
            nr[k] = xs.normal(k);
        }
        x[ds] = new double[m];
        nr[ds] = new double[m];
        double t0 = time.t0();
        double dt = time.duration();
        for (int i = 0; i < m; i++) {
            x[ds][i] = t0 + Checks.clampUnit(unit[ps][i]) * dt;
        }
        return new PointSet(x, nr);
    }

    private PointSet intervalLateral(double[][] unit) {
        int m = Checks.unit(toString(), unit, 1);
        double a = space.lower()[0];
        double b = space.upper()[0];
        double[][] x = new double[2][m];
        double[][] nr = new double[2][m];
        for (int i = 0; i < m; i++) {
            double u = Checks.clampUnit(unit[0][i]);
            boolean lowerEnd = u < 0.5;
            x[0][i] = lowerEnd ? a : b;
            nr[0][i] = lowerEnd ? -1 : 1;
            x[1][i] = time.t0() + Checks.clampUnit(lowerEnd ? 2 * u : 2 * u - 1) * time.duration();
        }
        return new PointSet(x, nr);
    }

    /** Delegates to the spatial geometry on the spatial parts of the point and normal. */
    @Override
    public boolean acceptBoundaryCandidate(double[] p, double[] normal) {
        double[] n = Arrays.copyOf(normal, ds);
        boolean keep = space.acceptBoundaryCandidate(Arrays.copyOf(p, ds), n);
        System.arraycopy(n, 0, normal, 0, ds);
        return keep;
    }

    /** @return {@code GeometryXTime(space, TimeDomain(t0, t1))} */
    @Override
    public String toString() {
        return "GeometryXTime(" + space + ", " + time + ")";
    }
}
