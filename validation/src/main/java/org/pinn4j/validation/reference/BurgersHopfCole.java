package org.pinn4j.validation.reference;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Exact solution of the viscous Burgers equation {@code u_t + u u_x = nu u_xx} on [-1, 1] with
 * {@code u(x, 0) = -sin(pi x)} and {@code u(+-1, t) = 0}, from the Hopf–Cole transformation:
 *
 * <pre>
 *   u(x, t) = - ∫ sin(pi (x - η)) f(x - η) exp(-η² / (4 nu t)) dη / ∫ f(x - η) exp(-η² / (4 nu t)) dη,
 *   f(y) = exp(-cos(pi y) / (2 pi nu)).
 * </pre>
 *
 * <p>With {@code η = sqrt(4 nu t) z} both integrals are Gauss–Hermite integrals in {@code z}. The
 * factor {@code f} reaches {@code exp(±50)} for the usual {@code nu = 0.01/pi}, so the sums are
 * formed from log-weights, shifted by their running maximum (a one-pass log-sum-exp): the ratio is
 * unchanged and nothing overflows for any {@code nu > 0}.
 *
 * <p>Accuracy: for {@code nu = 0.01/pi} and {@code t in (0, 1]}, 100 nodes (the default) and 200 nodes
 * agree to 4e-15 over [-1, 1], shock included, and 64 nodes are still within 2e-10; the tests check
 * 1e-9 agreement with an independent composite-Simpson quadrature. For {@code nu = 0.01} and {@code t in [0, 1]}
 * (the setup of Webb, Jerad and Cartis 2026), 100, 200 and 400 nodes agree to 2.4e-15 and 64 to 4.8e-12 on a 256 x
 * 101 grid, so the reference is far below the 1e-11 a PINN is compared at. Smaller {@code nu} or larger
 * {@code t} sharpen the integrand: pass more nodes and compare {@code n} with {@code 2n}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BurgersHopfCole {

    /** The viscosity of the Raissi et al. (2019) benchmark, {@code 0.01 / pi}. */
    public static final double RAISSI_NU = 0.01 / Math.PI;

    /** Default number of Gauss–Hermite nodes. */
    public static final int DEFAULT_NODES = 100;

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private final double nu;
    private final double[] nodes;
    private final double[] logWeights;

    /** Solution with viscosity {@code nu} and {@link #DEFAULT_NODES} quadrature nodes. */
    public BurgersHopfCole(double nu) {
        this(nu, DEFAULT_NODES);
    }

    /**
     * Solution with viscosity {@code nu} and {@code n} Gauss–Hermite nodes.
     *
     * @throws IllegalArgumentException unless {@code nu > 0} is finite and {@code 2 <= n <= 1000}
     */
    public BurgersHopfCole(double nu, int n) {
        if (!(nu > 0.0) || !Double.isFinite(nu)) {
            throw new IllegalArgumentException("BurgersHopfCole: viscosity nu = " + nu + " must be finite and > 0");
        }
        if (n < 2 || n > 1000) {
            throw new IllegalArgumentException(
                    "BurgersHopfCole: number of Gauss-Hermite nodes " + n + " must be in [2, 1000]");
        }
        this.nu = nu;
        GaussIntegrator rule;
        synchronized (FACTORY) {
            rule = FACTORY.hermite(n);
        }
        int m = 0;
        double[] z = new double[n];
        double[] lw = new double[n];
        for (int i = 0; i < n; i++) {
            double w = rule.getWeight(i);
            if (w > 0.0) { // far nodes of large rules underflow to weight 0 and contribute nothing
                z[m] = rule.getPoint(i);
                lw[m] = Math.log(w);
                m++;
            }
        }
        this.nodes = java.util.Arrays.copyOf(z, m);
        this.logWeights = java.util.Arrays.copyOf(lw, m);
    }

    /** The viscosity. */
    public double nu() {
        return nu;
    }

    /** Number of Gauss–Hermite nodes in use (nodes whose weight underflows to zero are dropped). */
    public int nodes() {
        return nodes.length;
    }

    /**
     * u(x, t). At {@code t = 0} this is the initial condition {@code -sin(pi x)}.
     *
     * @throws IllegalArgumentException if x or t is not finite or {@code t < 0}
     */
    public double value(double x, double t) {
        if (!Double.isFinite(x) || !Double.isFinite(t) || t < 0.0) {
            throw new IllegalArgumentException(
                    "BurgersHopfCole: point (x = " + x + ", t = " + t + ") must be finite with t >= 0");
        }
        if (t == 0.0) {
            return -Math.sin(Math.PI * x);
        }
        double c = Math.sqrt(4.0 * nu * t);
        double a = 1.0 / (2.0 * Math.PI * nu);
        double shift = Double.NEGATIVE_INFINITY;
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < nodes.length; i++) {
            double y = Math.PI * (x - c * nodes[i]);
            double e = logWeights[i] - a * Math.cos(y);
            if (e > shift) { // rescale what was summed so far to the new maximum
                double r = Math.exp(shift - e);
                num *= r;
                den *= r;
                shift = e;
            }
            double w = Math.exp(e - shift);
            num += w * Math.sin(y);
            den += w;
        }
        return -num / den;
    }

    /**
     * u at the points {@code (x[i], t[i])}, written to {@code out[i]}.
     *
     * @throws IllegalArgumentException if the three arrays differ in length or a point is invalid
     */
    public void values(double[] x, double[] t, double[] out) {
        if (x == null || t == null || out == null || x.length != t.length || out.length != x.length) {
            throw new IllegalArgumentException("BurgersHopfCole.values: x, t and out must be non-null with equal "
                    + "lengths, got " + len(x) + ", " + len(t) + ", " + len(out));
        }
        for (int i = 0; i < x.length; i++) {
            out[i] = value(x[i], t[i]);
        }
    }

    /** u at the points {@code (x[i], t[i])} as a new array. */
    public double[] values(double[] x, double[] t) {
        double[] out = new double[x == null ? 0 : x.length];
        values(x, t, out);
        return out;
    }

    /**
     * The solution on {@code nx} equally spaced x in [-1, 1] times {@code nt} equally spaced t in
     * [0, tMax].
     *
     * @throws IllegalArgumentException unless {@code nx, nt >= 2} and {@code tMax > 0}
     */
    public SpaceTimeGrid grid(int nx, int nt, double tMax) {
        if (nx < 2 || nt < 2 || !(tMax > 0.0) || !Double.isFinite(tMax)) {
            throw new IllegalArgumentException(
                    "BurgersHopfCole.grid: need nx >= 2, nt >= 2 and finite tMax > 0, got nx = " + nx + ", nt = " + nt
                            + ", tMax = " + tMax);
        }
        double[] xs = SpaceTimeGrid.linspace(-1.0, 1.0, nx);
        double[] ts = SpaceTimeGrid.linspace(0.0, tMax, nt);
        double[][] u = new double[nt][nx];
        for (int k = 0; k < nt; k++) {
            for (int i = 0; i < nx; i++) {
                u[k][i] = value(xs[i], ts[k]);
            }
        }
        return new SpaceTimeGrid(xs, ts, u);
    }

    /** The grid of Raissi et al.'s {@code burgers_shock.mat}: 256 x in [-1, 1], 100 t in [0, 0.99]. */
    public SpaceTimeGrid raissiGrid() {
        return grid(256, 100, 0.99);
    }

    private static String len(double[] a) {
        return a == null ? "null" : String.valueOf(a.length);
    }
}
