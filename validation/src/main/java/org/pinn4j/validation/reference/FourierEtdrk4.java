package org.pinn4j.validation.reference;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Reference solver for periodic evolution equations of a complex field, {@code v_t = L(k) v + g(k) F[f(u)]} for
 * the Fourier coefficients v of u: a Fourier pseudo-spectral method in x (Commons Math FFT, n points, n a power of
 * two) and the fourth-order exponential time differencing Runge-Kutta scheme ETDRK4 of Cox and Matthews in time,
 * with its phi-functions evaluated by contour integrals (Kassam and Trefethen, SIAM J. Sci. Comput. 26, 2005) on a
 * full circle, since L is complex here. Two equations use it:
 *
 * <ul>
 *   <li>Korteweg-de Vries {@code u_t + lambda1 u u_x + lambda2 u_xxx = 0} ({@link #kdv}): L = i lambda2 k^3, f = u^2,
 *       g = -i lambda1 k / 2 (u u_x = (u^2 / 2)_x); odd symbols vanish at the Nyquist mode;
 *   <li>the cubic Schrodinger equation {@code i h_t + 0.5 h_xx + |h|^2 h = 0} ({@link #schrodinger}): L = -i k^2 / 2,
 *       f = i |h|^2 h, g = 1.
 * </ul>
 *
 * <p>No dealiasing. Instances are immutable; {@link #solve} allocates its own work arrays and is thread-safe.
 */
public final class FourierEtdrk4 {
    /** The nonlinear part f(u) in physical space, written into {@code outRe, outIm}. */
    @FunctionalInterface
    interface Nonlinear {
        void apply(double[] re, double[] im, double[] outRe, double[] outIm);
    }

    /** An initial field u(x, 0) = re(x) + i im(x). */
    @FunctionalInterface
    public interface Initial {
        /** The real and imaginary parts at x. */
        double[] value(double x);
    }

    private static final int CONTOUR_POINTS = 64;

    private final double left;
    private final double period;
    private final int n;
    private final double dt;
    private final double[] linRe;
    private final double[] linIm;
    private final double[] gRe;
    private final double[] gIm;
    private final Nonlinear f;

    private FourierEtdrk4(
            double left, double period, int n, double dt, double[][] lin, double[][] g, Nonlinear f, String what) {
        if (!Double.isFinite(left) || !(period > 0) || !Double.isFinite(period)) {
            throw new IllegalArgumentException(
                    what + ": the interval [" + left + ", " + left + " + " + period + ") must be finite and non-empty");
        }
        if (n < 8 || n > (1 << 20) || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException(what + ": n = " + n + " must be a power of two in [8, 2^20]");
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException(what + ": time step dt = " + dt + " must be finite and > 0");
        }
        this.left = left;
        this.period = period;
        this.n = n;
        this.dt = dt;
        this.linRe = lin[0];
        this.linIm = lin[1];
        this.gRe = g[0];
        this.gIm = g[1];
        this.f = f;
    }

    /** The wavenumber of mode m (0..n-1): 2 pi m' / period with m' = m or m - n; Nyquist gives +pi n / period. */
    private static double wavenumber(int m, int n, double period) {
        int signed = m <= n / 2 ? m : m - n;
        return 2 * Math.PI * signed / period;
    }

    /**
     * {@code u_t + lambda1 u u_x + lambda2 u_xxx = 0} on [left, left + period) (periodic), n points, time step at
     * most dt.
     *
     * @throws IllegalArgumentException for a bad interval, n or dt, or coefficients that are not finite
     */
    public static FourierEtdrk4 kdv(double left, double period, double lambda1, double lambda2, int n, double dt) {
        if (!Double.isFinite(lambda1) || !Double.isFinite(lambda2)) {
            throw new IllegalArgumentException(
                    "FourierEtdrk4.kdv: coefficients " + lambda1 + ", " + lambda2 + " must be finite");
        }
        double[][] lin = new double[2][n];
        double[][] g = new double[2][n];
        for (int m = 0; m < n; m++) {
            double k = m == n / 2 ? 0 : wavenumber(m, n, period); // odd derivatives: no Nyquist mode
            lin[1][m] = lambda2 * k * k * k; // -lambda2 (i k)^3 = i lambda2 k^3
            g[1][m] = -lambda1 * k / 2;
        }
        return new FourierEtdrk4(
                left,
                period,
                n,
                dt,
                lin,
                g,
                (re, im, outRe, outIm) -> {
                    for (int j = 0; j < re.length; j++) {
                        outRe[j] = re[j] * re[j] - im[j] * im[j];
                        outIm[j] = 2 * re[j] * im[j];
                    }
                },
                "FourierEtdrk4.kdv");
    }

    /**
     * {@code i h_t + 0.5 h_xx + |h|^2 h = 0} on [left, left + period) (periodic), n points, time step at most dt.
     *
     * @throws IllegalArgumentException for a bad interval, n or dt
     */
    public static FourierEtdrk4 schrodinger(double left, double period, int n, double dt) {
        double[][] lin = new double[2][n];
        double[][] g = new double[2][n];
        for (int m = 0; m < n; m++) {
            double k = wavenumber(m, n, period);
            lin[1][m] = -0.5 * k * k;
            g[0][m] = 1;
        }
        return new FourierEtdrk4(
                left,
                period,
                n,
                dt,
                lin,
                g,
                (re, im, outRe, outIm) -> {
                    for (int j = 0; j < re.length; j++) {
                        double a = re[j] * re[j] + im[j] * im[j];
                        outRe[j] = -a * im[j]; // i |h|^2 h
                        outIm[j] = a * re[j];
                    }
                },
                "FourierEtdrk4.schrodinger");
    }

    /** The periodic grid x_j = left + j period / n (a copy). */
    public double[] grid() {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = left + period * j / n;
        }
        return x;
    }

    /**
     * Solves from {@code u0} to {@code tEnd}, keeping {@code snapshots} equally spaced snapshots (t = 0 and tEnd
     * included). The step is dt or slightly less, so that the snapshots fall on steps.
     *
     * @throws IllegalArgumentException if tEnd is not > 0 and finite or snapshots &lt; 2
     * @throws IllegalStateException if the solution stops being finite (the step is too large)
     */
    public Solution solve(Initial u0, double tEnd, int snapshots) {
        if (!(tEnd > 0) || !Double.isFinite(tEnd) || snapshots < 2) {
            throw new IllegalArgumentException("FourierEtdrk4.solve: needs tEnd > 0 (got " + tEnd
                    + ") and at least 2 snapshots (got " + snapshots + ")");
        }
        double interval = tEnd / (snapshots - 1);
        int perSnapshot = (int) Math.ceil(interval / dt - 1e-9);
        double h = interval / perSnapshot;
        Stepper st = new Stepper(h);
        double[] x = grid();
        double[][] v = new double[2][n];
        for (int j = 0; j < n; j++) {
            double[] u = u0.value(x[j]);
            v[0][j] = u[0];
            v[1][j] = u[1];
        }
        FastFourierTransformer.transformInPlace(v, DftNormalization.STANDARD, TransformType.FORWARD);
        double[] t = new double[snapshots];
        Solution s = new Solution(t, h);
        for (int k = 0; k < snapshots; k++) {
            t[k] = k == snapshots - 1 ? tEnd : k * interval;
            if (k > 0) {
                for (int i = 0; i < perSnapshot; i++) {
                    st.step(v[0], v[1]);
                }
            }
            s.store(k, v[0], v[1], st);
        }
        return s;
    }

    /** Fourier coefficients of g(k) F[f(F^-1 v)]: the nonlinear part of v_t. */
    private void nonlinear(double[] vr, double[] vi, double[][] work, double[] outRe, double[] outIm) {
        System.arraycopy(vr, 0, work[0], 0, n);
        System.arraycopy(vi, 0, work[1], 0, n);
        FastFourierTransformer.transformInPlace(work, DftNormalization.STANDARD, TransformType.INVERSE);
        f.apply(work[0], work[1], outRe, outIm);
        System.arraycopy(outRe, 0, work[0], 0, n);
        System.arraycopy(outIm, 0, work[1], 0, n);
        FastFourierTransformer.transformInPlace(work, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int m = 0; m < n; m++) {
            outRe[m] = gRe[m] * work[0][m] - gIm[m] * work[1][m];
            outIm[m] = gRe[m] * work[1][m] + gIm[m] * work[0][m];
        }
    }

    /** One ETDRK4 step of size h with its coefficients. */
    private final class Stepper {
        private final double[][] e = new double[2][n];
        private final double[][] e2 = new double[2][n];
        private final double[][] q = new double[2][n];
        private final double[][] f1 = new double[2][n];
        private final double[][] f2 = new double[2][n];
        private final double[][] f3 = new double[2][n];
        private final double[][] work = new double[2][n];
        private final double[][] nv = new double[2][n];
        private final double[][] na = new double[2][n];
        private final double[][] nb = new double[2][n];
        private final double[][] nc = new double[2][n];
        private final double[][] a = new double[2][n];
        private final double[][] b = new double[2][n];
        private final double[][] c = new double[2][n];

        Stepper(double h) {
            for (int m = 0; m < n; m++) {
                double lr = h * linRe[m];
                double li = h * linIm[m];
                set(e, m, Math.exp(lr) * Math.cos(li), Math.exp(lr) * Math.sin(li));
                set(e2, m, Math.exp(lr / 2) * Math.cos(li / 2), Math.exp(lr / 2) * Math.sin(li / 2));
                double[] sq = new double[2];
                double[] s1 = new double[2];
                double[] s2 = new double[2];
                double[] s3 = new double[2];
                for (int j = 0; j < CONTOUR_POINTS; j++) {
                    double angle = 2 * Math.PI * (j + 0.5) / CONTOUR_POINTS;
                    double zr = lr + Math.cos(angle);
                    double zi = li + Math.sin(angle);
                    double[] ez = cexp(zr, zi);
                    double[] ez2 = cexp(zr / 2, zi / 2);
                    double[] zz = cmul(zr, zi, zr, zi);
                    double[] z3 = cmul(zr, zi, zz[0], zz[1]);
                    // (e^{z/2} - 1) / z
                    add(sq, cdiv(ez2[0] - 1, ez2[1], zr, zi));
                    // (-4 - z + e^z (4 - 3z + z^2)) / z^3
                    double[] p1 = cmul(ez[0], ez[1], 4 - 3 * zr + zz[0], -3 * zi + zz[1]);
                    add(s1, cdiv(-4 - zr + p1[0], -zi + p1[1], z3[0], z3[1]));
                    // (2 + z + e^z (-2 + z)) / z^3
                    double[] p2 = cmul(ez[0], ez[1], -2 + zr, zi);
                    add(s2, cdiv(2 + zr + p2[0], zi + p2[1], z3[0], z3[1]));
                    // (-4 - 3z - z^2 + e^z (4 - z)) / z^3
                    double[] p3 = cmul(ez[0], ez[1], 4 - zr, -zi);
                    add(s3, cdiv(-4 - 3 * zr - zz[0] + p3[0], -3 * zi - zz[1] + p3[1], z3[0], z3[1]));
                }
                set(q, m, h * sq[0] / CONTOUR_POINTS, h * sq[1] / CONTOUR_POINTS);
                set(f1, m, h * s1[0] / CONTOUR_POINTS, h * s1[1] / CONTOUR_POINTS);
                set(f2, m, h * s2[0] / CONTOUR_POINTS, h * s2[1] / CONTOUR_POINTS);
                set(f3, m, h * s3[0] / CONTOUR_POINTS, h * s3[1] / CONTOUR_POINTS);
            }
        }

        void step(double[] vr, double[] vi) {
            nonlinear(vr, vi, work, nv[0], nv[1]);
            for (int m = 0; m < n; m++) {
                a[0][m] = re(e2, m, vr[m], vi[m]) + re(q, m, nv[0][m], nv[1][m]);
                a[1][m] = im(e2, m, vr[m], vi[m]) + im(q, m, nv[0][m], nv[1][m]);
            }
            nonlinear(a[0], a[1], work, na[0], na[1]);
            for (int m = 0; m < n; m++) {
                b[0][m] = re(e2, m, vr[m], vi[m]) + re(q, m, na[0][m], na[1][m]);
                b[1][m] = im(e2, m, vr[m], vi[m]) + im(q, m, na[0][m], na[1][m]);
            }
            nonlinear(b[0], b[1], work, nb[0], nb[1]);
            for (int m = 0; m < n; m++) {
                double dr = 2 * nb[0][m] - nv[0][m];
                double di = 2 * nb[1][m] - nv[1][m];
                c[0][m] = re(e2, m, a[0][m], a[1][m]) + re(q, m, dr, di);
                c[1][m] = im(e2, m, a[0][m], a[1][m]) + im(q, m, dr, di);
            }
            nonlinear(c[0], c[1], work, nc[0], nc[1]);
            for (int m = 0; m < n; m++) {
                double sr = na[0][m] + nb[0][m];
                double si = na[1][m] + nb[1][m];
                double nr = re(e, m, vr[m], vi[m])
                        + re(f1, m, nv[0][m], nv[1][m])
                        + 2 * re(f2, m, sr, si)
                        + re(f3, m, nc[0][m], nc[1][m]);
                double ni = im(e, m, vr[m], vi[m])
                        + im(f1, m, nv[0][m], nv[1][m])
                        + 2 * im(f2, m, sr, si)
                        + im(f3, m, nc[0][m], nc[1][m]);
                vr[m] = nr;
                vi[m] = ni;
            }
        }

        /** v_t = L v + N(v) in Fourier space. */
        void rate(double[] vr, double[] vi, double[] outRe, double[] outIm) {
            nonlinear(vr, vi, work, outRe, outIm);
            for (int m = 0; m < n; m++) {
                outRe[m] += linRe[m] * vr[m] - linIm[m] * vi[m];
                outIm[m] += linRe[m] * vi[m] + linIm[m] * vr[m];
            }
        }
    }

    private static void set(double[][] z, int m, double re, double im) {
        z[0][m] = re;
        z[1][m] = im;
    }

    private static double re(double[][] z, int m, double xr, double xi) {
        return z[0][m] * xr - z[1][m] * xi;
    }

    private static double im(double[][] z, int m, double xr, double xi) {
        return z[0][m] * xi + z[1][m] * xr;
    }

    private static void add(double[] sum, double[] z) {
        sum[0] += z[0];
        sum[1] += z[1];
    }

    private static double[] cexp(double zr, double zi) {
        double m = Math.exp(zr);
        return new double[] {m * Math.cos(zi), m * Math.sin(zi)};
    }

    private static double[] cmul(double ar, double ai, double br, double bi) {
        return new double[] {ar * br - ai * bi, ar * bi + ai * br};
    }

    private static double[] cdiv(double ar, double ai, double br, double bi) {
        double d = br * br + bi * bi;
        return new double[] {(ar * br + ai * bi) / d, (ai * br - ar * bi) / d};
    }

    /**
     * A computed solution: snapshots of the field and an interpolant {@link #value(double, double)}, trigonometric
     * in x and cubic Hermite in t between snapshots (from u and u_t, the equation's right-hand side, at both ends),
     * so its time error is O(dt_s^4 max |u_tttt|) for snapshot spacing dt_s.
     */
    public final class Solution {
        private final double[] t;
        private final double step;
        /** Spectra of u and u_t per snapshot, divided by n: [snapshot][re/im][m]. */
        private final double[][][] cu;

        private final double[][][] cut;
        /** The field at the grid points per snapshot: [snapshot][re/im][j]. */
        private final double[][][] nodal;

        private Solution(double[] t, double step) {
            this.t = t;
            this.step = step;
            cu = new double[t.length][][];
            cut = new double[t.length][][];
            nodal = new double[t.length][][];
        }

        private void store(int k, double[] vr, double[] vi, Stepper st) {
            double[] wr = new double[n];
            double[] wi = new double[n];
            st.rate(vr, vi, wr, wi);
            cu[k] = new double[2][n];
            cut[k] = new double[2][n];
            for (int m = 0; m < n; m++) {
                cu[k][0][m] = vr[m] / n;
                cu[k][1][m] = vi[m] / n;
                cut[k][0][m] = wr[m] / n;
                cut[k][1][m] = wi[m] / n;
            }
            double[][] w = {vr.clone(), vi.clone()};
            FastFourierTransformer.transformInPlace(w, DftNormalization.STANDARD, TransformType.INVERSE);
            nodal[k] = w;
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(w[0][j]) || !Double.isFinite(w[1][j])) {
                    throw new IllegalStateException("FourierEtdrk4: solution is not finite at t = " + t[k]
                            + "; reduce the time step dt = " + step);
                }
            }
        }

        /** Adds mode m's coefficient, interpolated in time between snapshots k and k + 1, times (er + i ei). */
        private void addMode(double[] sum, int k, int m, double[] hermite, double er, double ei) {
            double ar = hermite[0] * cu[k][0][m]
                    + hermite[1] * cut[k][0][m]
                    + hermite[2] * cu[k + 1][0][m]
                    + hermite[3] * cut[k + 1][0][m];
            double ai = hermite[0] * cu[k][1][m]
                    + hermite[1] * cut[k][1][m]
                    + hermite[2] * cu[k + 1][1][m]
                    + hermite[3] * cut[k + 1][1][m];
            sum[0] += ar * er - ai * ei;
            sum[1] += ar * ei + ai * er;
        }

        /** Snapshot times (a copy). */
        public double[] t() {
            return t.clone();
        }

        /** The time step actually used. */
        public double timeStep() {
            return step;
        }

        /** Snapshot k at the grid points: {re, im} (copies). */
        public double[][] snapshot(int k) {
            if (k < 0 || k >= t.length) {
                throw new IllegalArgumentException(
                        "FourierEtdrk4.Solution: snapshot index " + k + " outside [0, " + t.length + ")");
            }
            return new double[][] {nodal[k][0].clone(), nodal[k][1].clone()};
        }

        /**
         * u(x, t) = {re, im} for any x (periodic) and t in [0, tEnd].
         *
         * @throws IllegalArgumentException if x is not finite or t is outside [0, tEnd]
         */
        public double[] value(double xq, double tq) {
            double tEnd = t[t.length - 1];
            if (!Double.isFinite(xq) || !(tq >= 0.0 && tq <= tEnd)) {
                throw new IllegalArgumentException("FourierEtdrk4.Solution: point (x = " + xq + ", t = " + tq
                        + ") needs finite x and t in [0, " + tEnd + "]");
            }
            HermiteStep step = HermiteStep.at(t, tq);
            int k = step.k();
            double xi = 2 * Math.PI * (xq - left) / period; // angle of mode 1
            double c1 = Math.cos(xi);
            double s1 = Math.sin(xi);
            double cr = 1; // e^{i m xi}, advanced mode by mode
            double ci = 0;
            double[] hermite = {step.h00(), step.h10(), step.h01(), step.h11()};
            double[] sum = new double[2];
            addMode(sum, k, 0, hermite, 1, 0);
            for (int m = 1; m < n / 2; m++) {
                double next = cr * c1 - ci * s1;
                ci = cr * s1 + ci * c1;
                cr = next;
                addMode(sum, k, m, hermite, cr, ci);
                addMode(sum, k, n - m, hermite, cr, -ci); // wavenumber -m: e^{-i m xi}
            }
            // the Nyquist mode as cos(n/2 xi): the interpolant that stays real for a real field
            addMode(sum, k, n / 2, hermite, cr * c1 - ci * s1, 0);
            double sumRe = sum[0];
            double sumIm = sum[1];
            return new double[] {sumRe, sumIm};
        }
    }
}
