package org.pinn4j.validation.reference;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Reference solver for the Allen–Cahn equation
 * {@code u_t = eps u_xx + gamma (u - u^3) + f(x, t)} on the periodic interval [-1, 1), by a Fourier
 * pseudo-spectral method in x (Commons Math FFT, {@code n} points, n a power of two) and the
 * fourth-order exponential time differencing Runge–Kutta scheme ETDRK4 of Cox and Matthews in time,
 * with the phi-functions evaluated by contour integrals as in Kassam and Trefethen, "Fourth-order
 * time-stepping for stiff PDEs", SIAM J. Sci. Comput. 26 (2005). The linear part is the diffusion
 * {@code -eps k^2} (exact), the reaction and the optional forcing {@code f} are the nonlinear part
 * (no dealiasing, as in Kassam–Trefethen and the Chebfun data of Raissi et al.).
 *
 * <p>The catalogue problem (Raissi et al. 2019) is {@code eps = 1e-4}, {@code gamma = 5},
 * {@code u(x, 0) = x^2 cos(pi x)}, {@code t in [0, 1]}: see {@link #raissi()} and
 * {@link #solveRaissi()}. Its time error at the default step {@link #DEFAULT_DT} is ~1e-11 (dt = 1e-3
 * and 5e-4 differ by 8e-12 over all 201 snapshots); the spatial resolution is what limits the
 * accuracy, see {@link #DEFAULT_N}.
 *
 * <p>Instances are immutable; {@link #solve} allocates its own work arrays and is thread-safe.
 */
public final class AllenCahnSpectral {

    /** Diffusion coefficient of the catalogue problem. */
    public static final double RAISSI_EPS = 1e-4;
    /** Reaction coefficient of the catalogue problem. */
    public static final double RAISSI_GAMMA = 5.0;
    /**
     * Default number of Fourier points, as in the Raissi et al. data. Measured against n = 4096 on the
     * 512 x 201 catalogue grid: relative L2 difference 1.1e-5, max 8.9e-4. The max sits at x = +-1 at
     * early times: the periodic extension of {@code x^2 cos(pi x)} has a kink there (slope +2 on
     * one side, -2 on the other), so convergence near it is algebraic (~n^-2) until diffusion and
     * the reaction smooth it (max 1.7e-4 at t = 0.1, 1.4e-6 at t = 1, where the interfaces are
     * resolved spectrally).
     */
    public static final int DEFAULT_N = 512;
    /** Default time step. */
    public static final double DEFAULT_DT = 1e-3;

    private static final int CONTOUR_POINTS = 32;

    /** Forcing term {@code f(x, t)} added to the right-hand side. */
    @FunctionalInterface
    public interface Forcing {

        /** f at (x, t). */
        double value(double x, double t);
    }

    private final double eps;
    private final double gamma;
    private final int n;
    private final double dt;
    private final Forcing forcing;

    /**
     * Solver for {@code u_t = eps u_xx + gamma (u - u^3)} with {@code n} Fourier points and time step at
     * most {@code dt}.
     *
     * @throws IllegalArgumentException unless {@code eps >= 0}, gamma finite, n a power of two in [8, 2^20]
     *                                  and {@code dt > 0}
     */
    public AllenCahnSpectral(double eps, double gamma, int n, double dt) {
        this(eps, gamma, n, dt, null);
    }

    private AllenCahnSpectral(double eps, double gamma, int n, double dt, Forcing forcing) {
        if (!(eps >= 0.0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException(
                    "AllenCahnSpectral: diffusion eps = " + eps + " must be finite and >= 0");
        }
        if (!Double.isFinite(gamma)) {
            throw new IllegalArgumentException("AllenCahnSpectral: reaction gamma = " + gamma + " must be finite");
        }
        if (n < 8 || n > (1 << 20) || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("AllenCahnSpectral: number of points n = " + n
                    + " must be a power of two in [8, 2^20] (FFT length)");
        }
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("AllenCahnSpectral: time step dt = " + dt + " must be finite and > 0");
        }
        this.eps = eps;
        this.gamma = gamma;
        this.n = n;
        this.dt = dt;
        this.forcing = forcing;
    }

    /** The catalogue configuration: eps = 1e-4, gamma = 5, n = 512, dt = 1e-3. */
    public static AllenCahnSpectral raissi() {
        return new AllenCahnSpectral(RAISSI_EPS, RAISSI_GAMMA, DEFAULT_N, DEFAULT_DT);
    }

    /** The catalogue solution: {@code u0 = x^2 cos(pi x)} on t in [0, 1], 201 snapshots (dt 0.005 apart). */
    public static Solution solveRaissi() {
        return raissi().solve(x -> x * x * Math.cos(Math.PI * x), 1.0, 201);
    }

    /** The same solver with a forcing term {@code f(x, t)} added to the right-hand side (null: none). */
    public AllenCahnSpectral withForcing(Forcing f) {
        return new AllenCahnSpectral(eps, gamma, n, dt, f);
    }

    /** The periodic grid {@code x_j = -1 + 2 j / n}, {@code j = 0..n-1}. */
    public double[] grid() {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = -1.0 + 2.0 * j / n;
        }
        return x;
    }

    /**
     * Solves from {@code u(x, 0) = u0(x)} to {@code tEnd}, storing {@code snapshots} equally spaced
     * times (both ends included). Each snapshot interval is split into equal steps no longer than dt.
     *
     * @throws IllegalArgumentException if u0 is null or not finite at a node, {@code tEnd <= 0} or
     *                                  {@code snapshots < 2}
     * @throws IllegalStateException    if the solution stops being finite (step too large)
     */
    public Solution solve(DoubleUnaryOperator u0, double tEnd, int snapshots) {
        if (u0 == null) {
            throw new IllegalArgumentException("AllenCahnSpectral.solve: initial condition u0 must be non-null");
        }
        if (!(tEnd > 0.0) || !Double.isFinite(tEnd)) {
            throw new IllegalArgumentException("AllenCahnSpectral.solve: end time " + tEnd + " must be finite and > 0");
        }
        if (snapshots < 2) {
            throw new IllegalArgumentException("AllenCahnSpectral.solve: snapshots = " + snapshots + " must be >= 2");
        }
        double[] x = grid();
        double[] times = SpaceTimeGrid.linspace(0.0, tEnd, snapshots);
        double interval = tEnd / (snapshots - 1);
        int stepsPerSnapshot = Math.max(1, (int) Math.ceil(interval / dt - 1e-9));
        double h = interval / stepsPerSnapshot;

        Stepper st = new Stepper(x, h);
        double[] vr = new double[n];
        double[] vi = new double[n];
        for (int j = 0; j < n; j++) {
            vr[j] = u0.applyAsDouble(x[j]);
            if (!Double.isFinite(vr[j])) {
                throw new IllegalArgumentException(
                        "AllenCahnSpectral.solve: u0(" + x[j] + ") = " + vr[j] + " is not finite");
            }
        }
        FastFourierTransformer.transformInPlace(
                new double[][] {vr, vi}, DftNormalization.STANDARD, TransformType.FORWARD);

        Solution sol = new Solution(x, times, h);
        sol.store(0, vr, vi, st);
        for (int k = 1; k < snapshots; k++) {
            for (int s = 0; s < stepsPerSnapshot; s++) {
                st.step(vr, vi, times[k - 1] + s * h);
            }
            sol.store(k, vr, vi, st);
        }
        return sol;
    }

    /** ETDRK4 coefficients and work arrays for one solve. */
    private final class Stepper {
        private final double[] x;
        private final double h;
        private final double[] lin;
        private final double[] e;
        private final double[] e2;
        private final double[] q;
        private final double[] f1;
        private final double[] f2;
        private final double[] f3;
        private final double[][] work = new double[2][];
        private final double[] nvr = new double[n];
        private final double[] nvi = new double[n];
        private final double[] nar = new double[n];
        private final double[] nai = new double[n];
        private final double[] nbr = new double[n];
        private final double[] nbi = new double[n];
        private final double[] ncr = new double[n];
        private final double[] nci = new double[n];
        private final double[] ar = new double[n];
        private final double[] ai = new double[n];
        private final double[] br = new double[n];
        private final double[] bi = new double[n];

        Stepper(double[] x, double h) {
            this.x = x;
            this.h = h;
            lin = new double[n];
            e = new double[n];
            e2 = new double[n];
            q = new double[n];
            f1 = new double[n];
            f2 = new double[n];
            f3 = new double[n];
            for (int m = 0; m < n; m++) {
                double k = Math.PI * (m <= n / 2 ? m : m - n); // period 2: wavenumber pi * m
                lin[m] = -eps * k * k;
                double hl = h * lin[m];
                e[m] = Math.exp(hl);
                e2[m] = Math.exp(hl / 2);
                // mean over the upper half of a unit circle around hL; real part = mean over the full circle
                double sq = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int j = 1; j <= CONTOUR_POINTS; j++) {
                    Complex z = new Complex(hl, 0).add(new Complex(0, Math.PI * (j - 0.5) / CONTOUR_POINTS).exp());
                    Complex ez = z.exp();
                    Complex z3 = z.multiply(z).multiply(z);
                    sq += z.divide(2).exp().subtract(1).divide(z).getReal();
                    s1 += z.negate()
                            .subtract(4)
                            .add(ez.multiply(
                                    z.multiply(z).subtract(z.multiply(3)).add(4)))
                            .divide(z3)
                            .getReal();
                    s2 += z.add(2).add(ez.multiply(z.subtract(2))).divide(z3).getReal();
                    s3 += z.multiply(z)
                            .negate()
                            .subtract(z.multiply(3))
                            .subtract(4)
                            .add(ez.multiply(z.negate().add(4)))
                            .divide(z3)
                            .getReal();
                }
                q[m] = h * sq / CONTOUR_POINTS;
                f1[m] = h * s1 / CONTOUR_POINTS;
                f2[m] = h * s2 / CONTOUR_POINTS;
                f3[m] = h * s3 / CONTOUR_POINTS;
            }
        }

        /** Fourier coefficients of the nonlinear part at state (wr, wi) and time t, into (outR, outI). */
        void nonlinear(double[] wr, double[] wi, double t, double[] outR, double[] outI) {
            System.arraycopy(wr, 0, outR, 0, n);
            System.arraycopy(wi, 0, outI, 0, n);
            work[0] = outR;
            work[1] = outI;
            FastFourierTransformer.transformInPlace(work, DftNormalization.STANDARD, TransformType.INVERSE);
            for (int j = 0; j < n; j++) {
                double u = outR[j];
                double g = gamma * (u - u * u * u);
                if (forcing != null) {
                    g += forcing.value(x[j], t);
                }
                outR[j] = g;
                outI[j] = 0.0;
            }
            FastFourierTransformer.transformInPlace(work, DftNormalization.STANDARD, TransformType.FORWARD);
        }

        /** One ETDRK4 step of size h from time t, in place on the coefficients (vr, vi). */
        void step(double[] vr, double[] vi, double t) {
            nonlinear(vr, vi, t, nvr, nvi);
            for (int m = 0; m < n; m++) {
                ar[m] = e2[m] * vr[m] + q[m] * nvr[m];
                ai[m] = e2[m] * vi[m] + q[m] * nvi[m];
            }
            nonlinear(ar, ai, t + h / 2, nar, nai);
            for (int m = 0; m < n; m++) {
                br[m] = e2[m] * vr[m] + q[m] * nar[m];
                bi[m] = e2[m] * vi[m] + q[m] * nai[m];
            }
            nonlinear(br, bi, t + h / 2, nbr, nbi);
            for (int m = 0; m < n; m++) {
                // c = E2 a + Q (2 Nb - Nv), stored in (ar, ai)
                ar[m] = e2[m] * ar[m] + q[m] * (2 * nbr[m] - nvr[m]);
                ai[m] = e2[m] * ai[m] + q[m] * (2 * nbi[m] - nvi[m]);
            }
            nonlinear(ar, ai, t + h, ncr, nci);
            for (int m = 0; m < n; m++) {
                vr[m] = e[m] * vr[m] + f1[m] * nvr[m] + 2 * f2[m] * (nar[m] + nbr[m]) + f3[m] * ncr[m];
                vi[m] = e[m] * vi[m] + f1[m] * nvi[m] + 2 * f2[m] * (nai[m] + nbi[m]) + f3[m] * nci[m];
            }
        }
    }

    /**
     * A computed solution: snapshots on the periodic grid and an interpolant {@link #value(double, double)}
     * that is spectral (trigonometric) in x and cubic Hermite in t between snapshots, using u and
     * u_t (from the equation) at both ends of the interval, so its time error is
     * O(Δt^4 max|u_tttt|) for snapshot spacing Δt.
     */
    public final class Solution {
        private final double[] x;
        private final double[] t;
        private final double step;
        private final double[][] u;
        private final double[][] ut;
        /** Half spectra (m = 0..n/2) of u and u_t per snapshot, divided by n: [snapshot][re/im][m]. */
        private final double[][][] cu;

        private final double[][][] cut;

        private Solution(double[] x, double[] t, double step) {
            this.x = x;
            this.t = t;
            this.step = step;
            u = new double[t.length][];
            ut = new double[t.length][];
            cu = new double[t.length][][];
            cut = new double[t.length][][];
        }

        private void store(int k, double[] vr, double[] vi, Stepper st) {
            int half = n / 2 + 1;
            double[] wr = new double[n];
            double[] wi = new double[n];
            st.nonlinear(vr, vi, t[k], wr, wi);
            for (int m = 0; m < n; m++) {
                wr[m] += st.lin[m] * vr[m];
                wi[m] += st.lin[m] * vi[m];
            }
            cu[k] = new double[2][half];
            cut[k] = new double[2][half];
            for (int m = 0; m < half; m++) {
                cu[k][0][m] = vr[m] / n;
                cu[k][1][m] = vi[m] / n;
                cut[k][0][m] = wr[m] / n;
                cut[k][1][m] = wi[m] / n;
            }
            u[k] = nodal(vr, vi);
            ut[k] = nodal(wr, wi);
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(u[k][j])) {
                    throw new IllegalStateException("AllenCahnSpectral: solution is not finite at t = " + t[k]
                            + "; reduce the time step dt = " + step);
                }
            }
        }

        private double[] nodal(double[] cr, double[] ci) {
            double[][] w = {cr.clone(), ci.clone()};
            FastFourierTransformer.transformInPlace(w, DftNormalization.STANDARD, TransformType.INVERSE);
            return w[0];
        }

        /** Periodic grid x_j (a copy). */
        public double[] x() {
            return x.clone();
        }

        /** Snapshot times (a copy). */
        public double[] t() {
            return t.clone();
        }

        /** The time step actually used (dt or slightly less, so that snapshots fall on steps). */
        public double timeStep() {
            return step;
        }

        /** Snapshot {@code k} at the grid points (a copy). */
        public double[] snapshot(int k) {
            checkSnapshot(k);
            return u[k].clone();
        }

        /** {@code u_t} at snapshot {@code k}, from the equation (a copy). */
        public double[] timeDerivative(int k) {
            checkSnapshot(k);
            return ut[k].clone();
        }

        /** All snapshots as a grid (x has the n periodic points, x = 1 is x = -1). */
        public SpaceTimeGrid toGrid() {
            double[][] all = new double[t.length][];
            for (int k = 0; k < t.length; k++) {
                all[k] = u[k].clone();
            }
            return new SpaceTimeGrid(x.clone(), t.clone(), all);
        }

        /**
         * u(x, t) for any x (periodic, period 2) and t in [0, tEnd].
         *
         * @throws IllegalArgumentException if x is not finite or t is outside [0, tEnd]
         */
        public double value(double xq, double tq) {
            double tEnd = t[t.length - 1];
            if (!Double.isFinite(xq) || !(tq >= 0.0 && tq <= tEnd)) {
                throw new IllegalArgumentException("AllenCahnSpectral.Solution: point (x = " + xq + ", t = " + tq
                        + ") needs finite x and t in [0, " + tEnd + "]");
            }
            HermiteStep step = HermiteStep.at(t, tq);
            int k = step.k();
            double h00 = step.h00();
            double h10 = step.h10();
            double h01 = step.h01();
            double h11 = step.h11();
            double xi = Math.PI * (xq + 1.0); // angle of mode 1; x_j -> 2 pi j / n
            double pos = (xq + 1.0) * n / 2.0;
            double node = Math.rint(pos);
            if (Math.abs(pos - node) < 1e-9) {
                int j = (int) Math.floorMod((long) node, (long) n);
                return h00 * u[k][j] + h10 * ut[k][j] + h01 * u[k + 1][j] + h11 * ut[k + 1][j];
            }
            double c1 = Math.cos(xi);
            double s1 = Math.sin(xi);
            double cr = 1.0; // e^{i m xi}
            double ci = 0.0;
            double sum = 0.0;
            int half = n / 2;
            for (int m = 0; m <= half; m++) {
                double ar = h00 * cu[k][0][m] + h10 * cut[k][0][m] + h01 * cu[k + 1][0][m] + h11 * cut[k + 1][0][m];
                double ai = h00 * cu[k][1][m] + h10 * cut[k][1][m] + h01 * cu[k + 1][1][m] + h11 * cut[k + 1][1][m];
                double re = ar * cr - ai * ci;
                if (m == 0) {
                    sum += ar;
                } else if (m == half) {
                    sum += ar * cr; // Nyquist mode: cos(n/2 xi) with a real coefficient
                } else {
                    sum += 2 * re;
                }
                double ncr = cr * c1 - ci * s1;
                ci = cr * s1 + ci * c1;
                cr = ncr;
            }
            return sum;
        }

        /**
         * {@link #value} at the points {@code (x[i], t[i])}.
         *
         * @throws IllegalArgumentException if the arrays differ in length or a point is invalid
         */
        public double[] values(double[] xq, double[] tq) {
            if (xq == null || tq == null || xq.length != tq.length) {
                throw new IllegalArgumentException("AllenCahnSpectral.Solution.values: x and t must be non-null with "
                        + "equal lengths, got " + (xq == null ? "null" : xq.length) + " and "
                        + (tq == null ? "null" : tq.length));
            }
            double[] out = new double[xq.length];
            for (int i = 0; i < xq.length; i++) {
                out[i] = value(xq[i], tq[i]);
            }
            return out;
        }

        private void checkSnapshot(int k) {
            if (k < 0 || k >= t.length) {
                throw new IllegalArgumentException(
                        "AllenCahnSpectral.Solution: snapshot index " + k + " outside [0, " + t.length + ")");
            }
        }
    }
}
