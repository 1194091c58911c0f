package org.pinn4j.core.optim;

import static org.pinn4j.core.optim.Vectors.allFinite;
import static org.pinn4j.core.optim.Vectors.dot;
import static org.pinn4j.core.optim.Vectors.infNorm;
import static org.pinn4j.core.optim.Vectors.oneNorm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quasi-Newton minimisation with a dense N x N inverse-Hessian estimate H and a strong-Wolfe line search
 * (by default {@code c1 = 1e-4}, {@code c2 = 0.9}; {@link MoreThuenteLineSearch}, falling back to the bracketing search of
 * {@link StrongWolfeLineSearch} when it fails): BFGS, or the self-scaled Broyden update of Urban et al. (J. Comput.
 * Phys. 2025), which after a short Adam phase trains small float64 PINNs far below what L-BFGS reaches.
 *
 * <p>With the step {@code s = x+ - x}, the gradient change {@code y = g+ - g} and {@code rho = 1 / y.s}:
 * <ul>
 *   <li>BFGS: {@code H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T};
 *   <li>self-scaled Broyden: with {@code h = rho y.Hy}, {@code b = -alpha rho s.g} ({@code alpha} the step
 *       length, {@code g} the gradient before the step), {@code a = b h - 1}, {@code rho- = min(1, h (1 -
 *       sqrt(|a| / (1 + a))))}, {@code theta = max((rho- - 1) / a, min(1 / rho-, (1 - b) / b))}, {@code
 *       v = rho s - Hy / y.Hy} and {@code phi = (1 - theta) / (1 + a theta)}: {@code H <- (H - Hy Hy^T / y.Hy
 *       + phi y.Hy v v^T) / tau + rho s s^T}, where {@code tau = h / (1 + a theta)} on the first update and
 *       afterwards, with {@code sigma = 1 + theta a} and {@code c = min(1, 1/b)}, {@code tau = min(c
 *       |sigma|^(1/(1-N)), sigma)} if {@code theta <= 0}, else {@code c min(|sigma|^(1/(1-N)), 1/theta)}.
 * </ul>
 * Pairs with {@code s.y <= 1e-10 y.y} are skipped. When {@code -Hg} is not a descent direction, or the line
 * search fails along it (both searches), H is reset to the identity and the next step is steepest descent; a
 * failure right after a reset ends the run. An iteration multiplies H by a vector once ({@code H g+}; H y and the
 * next direction {@code -H+ g+} follow from it by the rank-two formulas in O(N)) and updates H once, along whole
 * rows, exactly symmetric ({@link DenseInverseHessian}); every {@link QuasiNewtonSettings#positiveDefiniteCheckEvery()} updates a Cholesky test checks that
 * round-off has not made it indefinite, and resets it to the identity if it has. The stop conditions and their reasons are {@link Lbfgs}'s.
 *
 * <p>A configuration plus state, like {@link Lbfgs}: {@link #minimize} starts, {@link #resume} continues,
 * {@link #exportState}/{@link #importState} capture everything (H included, N^2 doubles) for a bit-identical
 * resume. Not thread-safe.
 */
public final class DenseQuasiNewton implements QuasiNewtonMethod {
    /** The inverse-Hessian update. */
    public enum Update {
        /** Broyden-Fletcher-Goldfarb-Shanno. */
        BFGS,
        /** The self-scaled Broyden update of Urban et al. 2025. */
        SSBROYDEN
    }

    private static final double CURVATURE_GUARD = 1e-10;

    private final Update update;
    private final QuasiNewtonSettings settings;
    private int maxIterations = 15_000;
    private int threads = 1;

    private int n = -1;
    private double[] x;
    private double[] g;
    private double f;
    private DenseInverseHessian h;
    /** H g for the current H and g: the next direction is its negative. */
    private double[] hg;

    private double gradientScale;
    private int iterations;
    private int evaluations;
    private int smallChanges;
    /** Updates since the last start or reset of H (0: H is the identity). */
    private int updates;

    /** A run of {@code update} with {@code settings}. */
    public DenseQuasiNewton(Update update, QuasiNewtonSettings settings) {
        if (update == null || settings == null) {
            throw new IllegalArgumentException("quasi-Newton: update and settings must be non-null");
        }
        this.update = update;
        this.settings = settings;
    }

    /** Sets the iteration limit, counted from {@link #minimize} (default 15000). */
    public DenseQuasiNewton maxIterations(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("quasi-Newton: max iterations must be >= 0, got " + limit);
        }
        maxIterations = limit;
        return this;
    }

    /** Threads for the N x N work (default 1); the result does not depend on it. */
    public DenseQuasiNewton threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("quasi-Newton: thread count must be >= 1, got " + count);
        }
        threads = count;
        if (h != null) {
            h = new DenseInverseHessian(n, count, h.values());
        }
        return this;
    }

    /** The update. */
    public Update update() {
        return update;
    }

    /** The name in states and messages: "bfgs" or "ssbroyden". */
    public String name() {
        return update == Update.BFGS ? "bfgs" : "ssbroyden";
    }

    /** A copy of the current inverse-Hessian estimate (row-major), for tests and diagnostics. */
    public double[] inverseHessian() {
        return h == null ? null : h.values();
    }

    /**
     * Starts a fresh run from {@code x0} (not modified), with H the identity.
     *
     * @param callback called after each iteration; may be null
     * @throws IllegalArgumentException for a null objective or point, a length mismatch, or a non-finite value or
     *     gradient at {@code x0}
     */
    @Override
    public LbfgsResult minimize(Objective objective, double[] x0, IterationCallback callback) {
        if (objective == null || x0 == null) {
            throw new IllegalArgumentException("quasi-Newton: objective and starting point must be non-null");
        }
        int dim = objective.dimension();
        if (x0.length != dim) {
            throw new IllegalArgumentException("quasi-Newton: starting point has length " + x0.length
                    + " but the objective's dimension is " + dim);
        }
        n = dim;
        x = x0.clone();
        g = new double[n];
        f = objective.valueAndGradient(x, g);
        if (!Double.isFinite(f) || !allFinite(g)) {
            n = -1;
            throw new IllegalArgumentException(
                    "quasi-Newton: objective value " + f + " or its gradient is not finite at the starting point");
        }
        evaluations = 1;
        iterations = 0;
        smallChanges = 0;
        gradientScale = Math.max(1.0, infNorm(g));
        h = new DenseInverseHessian(n, threads);
        hg = g.clone();
        updates = 0;
        return run(objective, callback);
    }

    /**
     * Continues the current run (after {@link #minimize}, a stop, or {@link #importState}).
     *
     * @throws IllegalStateException if there is no run to continue
     */
    @Override
    public LbfgsResult resume(Objective objective, IterationCallback callback) {
        if (n < 0) {
            throw new IllegalStateException("quasi-Newton: nothing to resume; call minimize(...) or importState(...)");
        }
        if (objective == null || objective.dimension() != n) {
            throw new IllegalArgumentException(
                    "quasi-Newton: objective to resume must be non-null with dimension " + n);
        }
        return run(objective, callback);
    }

    /** Re-evaluates value and gradient at the current point; H is carried over, and H g recomputed. */
    @Override
    public boolean restart(Objective objective) {
        if (n < 0 || objective == null || objective.dimension() != n) {
            throw new IllegalStateException("quasi-Newton: nothing to restart, or the objective's dimension differs");
        }
        double[] gNew = new double[n];
        double fNew = objective.valueAndGradient(x, gNew);
        evaluations++;
        if (!Double.isFinite(fNew) || !allFinite(gNew)) {
            return false;
        }
        f = fNew;
        g = gNew;
        smallChanges = 0;
        try {
            h.multiply(g, hg);
        } finally {
            h.close();
        }
        return true;
    }

    private LbfgsResult run(Objective objective, IterationCallback callback) {
        try {
            return iterate(objective, callback);
        } finally {
            h.close();
        }
    }

    private LbfgsResult iterate(Objective objective, IterationCallback callback) {
        LineSearch lineSearch = new FallbackLineSearch(
                new MoreThuenteLineSearch(settings.wolfeC1(), settings.wolfeC2(), settings.maxLineSearchEvaluations()),
                new StrongWolfeLineSearch(settings.wolfeC1(), settings.wolfeC2(), settings.maxLineSearchEvaluations()));
        double[] d = new double[n];
        double[] xTrial = new double[n];
        double[] gTrial = new double[n];
        double[] hgNew = new double[n];
        double[] hy = new double[n];
        double[] v = new double[n];
        if (infNorm(g) <= settings.gradientTolerance() * gradientScale) {
            return result(Lbfgs.StopReason.GRADIENT_TOLERANCE);
        }
        while (true) {
            if (iterations >= maxIterations) {
                return result(Lbfgs.StopReason.MAX_ITERATIONS);
            }
            if (evaluations >= settings.maxEvaluations()) {
                return result(Lbfgs.StopReason.MAX_EVALUATIONS);
            }
            boolean fresh = updates == 0;
            negate(hg, d);
            double dphi0 = dot(g, d);
            if (!(dphi0 < 0.0) && !fresh) {
                resetH();
                fresh = true;
                negate(hg, d);
                dphi0 = dot(g, d);
            }
            if (!(dphi0 < 0.0)) {
                return result(Lbfgs.StopReason.GRADIENT_TOLERANCE); // g == 0: no descent direction exists
            }
            double alpha0 = fresh ? Math.min(1.0, 1.0 / oneNorm(g)) : 1.0;
            LineSearch.Status status = lineSearch.search(
                    objective, x, f, d, dphi0, alpha0, settings.maxEvaluations() - evaluations, xTrial, gTrial);
            evaluations += lineSearch.evaluations();
            if (status == LineSearch.Status.BUDGET_EXHAUSTED) {
                return result(Lbfgs.StopReason.MAX_EVALUATIONS);
            }
            if (status == LineSearch.Status.FAILED) {
                if (fresh) {
                    return result(Lbfgs.StopReason.NO_PROGRESS);
                }
                resetH();
                continue;
            }
            double alpha = lineSearch.alpha();
            double sg = 0; // s . g before the step
            for (int i = 0; i < n; i++) {
                double si = xTrial[i] - x[i];
                double yi = gTrial[i] - g[i];
                sg += si * g[i];
                x[i] = xTrial[i];
                g[i] = gTrial[i];
                xTrial[i] = si;
                gTrial[i] = yi;
            }
            double fPrev = f;
            f = lineSearch.value();
            iterations++;
            h.multiply(g, hgNew); // H g+, the iteration's one product: H y = H g+ - H g
            for (int i = 0; i < n; i++) {
                hy[i] = hgNew[i] - hg[i];
            }
            updateH(xTrial, gTrial, alpha, sg, hy, hgNew, v);
            double change = Math.abs(fPrev - f);
            double scale = Math.max(Math.abs(fPrev), Math.abs(f));
            smallChanges = change <= settings.relativeTolerance() * scale ? smallChanges + 1 : 0;
            double gNorm = infNorm(g);
            if (callback != null && !callback.onIteration(iterations, f, gNorm)) {
                return result(Lbfgs.StopReason.STOPPED_BY_CALLBACK);
            }
            if (gNorm <= settings.gradientTolerance() * gradientScale) {
                return result(Lbfgs.StopReason.GRADIENT_TOLERANCE);
            }
            if (smallChanges >= settings.relativeTolerancePatience()) {
                return result(Lbfgs.StopReason.RELATIVE_CHANGE);
            }
        }
    }

    /**
     * Applies the update for the pair (s, y) and sets {@link #hg} to H+ g+ from {@code hgNew} = H g+ by the same
     * rank-two formula (O(N)); {@code alpha} is the step length, {@code sg} is s . g_old, {@code hy} = H y, {@code
     * v} scratch.
     */
    private void updateH(double[] s, double[] y, double alpha, double sg, double[] hy, double[] hgNew, double[] v) {
        double sy = dot(s, y);
        double yy = dot(y, y);
        if (!(sy > CURVATURE_GUARD * yy) || !Double.isFinite(sy)) {
            System.arraycopy(hgNew, 0, hg, 0, n); // H is kept
            return;
        }
        double rho = 1.0 / sy;
        boolean first = updates == 0;
        if (update == Update.BFGS) {
            if (first && settings.initialScaling()) {
                double gamma = 1.0 / (rho * yy); // H0 = (s.y / y.y) I
                h.scale(gamma);
                for (int i = 0; i < n; i++) {
                    hy[i] *= gamma;
                    hgNew[i] *= gamma;
                }
            }
            double yhy = dot(y, hy);
            // (I - rho s y^T) H (I - rho y s^T) + rho s s^T = H - rho (s Hy^T + Hy s^T) + (rho^2 y.Hy + rho) s s^T
            double c = rho * rho * yhy + rho;
            h.bfgsUpdate(s, hy, rho, c);
            double hyg = dot(hy, g);
            double sgNew = dot(s, g);
            for (int i = 0; i < n; i++) {
                hg[i] = hgNew[i] - rho * (s[i] * hyg + hy[i] * sgNew) + c * s[i] * sgNew;
            }
        } else {
            double yhy = dot(y, hy);
            double hk = rho * yhy;
            double b = -alpha * rho * sg;
            double a = b * hk - 1;
            double rhoMinus = Math.min(1.0, hk * (1 - Math.sqrt(Math.abs(a) / (1 + a))));
            double thetaMinus = (rhoMinus - 1) / a;
            double theta = Math.max(thetaMinus, Math.min(1 / rhoMinus, (1 - b) / b));
            double tau;
            if (first && settings.initialScaling()) {
                tau = hk / (1 + a * theta);
            } else {
                double sigma = 1 + theta * a;
                double power = Math.pow(Math.abs(sigma), 1.0 / (1 - n));
                double c = Math.min(1.0, 1.0 / b);
                tau = theta <= 0 ? Math.min(c * power, sigma) : c * Math.min(power, 1 / theta);
            }
            double phi = (1 - theta) / (1 + a * theta);
            if (!(Double.isFinite(tau) && tau > 0 && Double.isFinite(phi))) {
                System.arraycopy(hgNew, 0, hg, 0, n); // the self-scaling is undefined for this pair: keep H
                return;
            }
            for (int i = 0; i < n; i++) {
                v[i] = rho * s[i] - hy[i] / yhy;
            }
            h.selfScaledUpdate(s, hy, yhy, v, phi, tau, rho);
            double hyg = dot(hy, g);
            double vg = dot(v, g);
            double sgNew = dot(s, g);
            double invTau = 1.0 / tau;
            for (int i = 0; i < n; i++) {
                hg[i] = (hgNew[i] - hy[i] * (hyg / yhy) + phi * yhy * v[i] * vg) * invTau + rho * s[i] * sgNew;
            }
        }
        updates++;
        int every = settings.positiveDefiniteCheckEvery();
        if (every > 0 && updates % every == 0 && !h.positiveDefinite()) {
            resetH();
        }
    }

    /** The Cholesky test of H (for tests). */
    boolean positiveDefinite() {
        return h.positiveDefinite();
    }

    private void resetH() {
        h.reset();
        System.arraycopy(g, 0, hg, 0, n);
        updates = 0;
    }

    private LbfgsResult result(Lbfgs.StopReason reason) {
        return new LbfgsResult(x.clone(), f, g.clone(), infNorm(g), iterations, evaluations, reason);
    }

    /** Exports point, value, gradient, counters and H. */
    @Override
    public double[] point() {
        if (x == null) {
            throw new IllegalStateException("dense quasi-Newton: no run has started");
        }
        return x.clone();
    }

    @Override
    public OptimizerState exportState() {
        if (n < 0) {
            throw new IllegalStateException("quasi-Newton: no state to export before minimize(...)");
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("dimension", (long) n);
        counters.put("iterations", (long) iterations);
        counters.put("evaluations", (long) evaluations);
        counters.put("smallChanges", (long) smallChanges);
        counters.put("updates", (long) updates);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("value", f);
        scalars.put("gradientScale", gradientScale);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("x", x.clone());
        arrays.put("g", g.clone());
        arrays.put("H", h.values());
        arrays.put("Hg", hg.clone());
        return new OptimizerState(name(), counters, scalars, arrays);
    }

    /**
     * Replaces the state by an exported one; {@link #resume} then continues that run.
     *
     * @throws IllegalArgumentException if the state is of another update or inconsistent
     */
    @Override
    public void importState(OptimizerState state) {
        if (state == null || !name().equals(state.kind())) {
            throw new IllegalArgumentException(
                    "quasi-Newton: expected a " + name() + " state; got " + (state == null ? "none" : state.kind()));
        }
        long dim = state.counter("dimension");
        if (dim < 1 || dim * dim > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("quasi-Newton: inconsistent dimension " + dim);
        }
        int dimension = (int) dim;
        double[] newX = state.arrays().get("x");
        double[] newG = state.arrays().get("g");
        double[] newH = state.arrays().get("H");
        double[] newHg = state.arrays().get("Hg");
        if (newX == null
                || newG == null
                || newH == null
                || newHg == null
                || newX.length != dimension
                || newG.length != dimension
                || newHg.length != dimension
                || newH.length != dimension * dimension) {
            throw new IllegalArgumentException("quasi-Newton: state arrays x, g, H, Hg missing or of the wrong length");
        }
        n = dimension;
        x = newX.clone();
        g = newG.clone();
        h = new DenseInverseHessian(n, threads, newH);
        hg = newHg.clone();
        iterations = (int) state.counter("iterations");
        evaluations = (int) state.counter("evaluations");
        smallChanges = (int) state.counter("smallChanges");
        updates = (int) state.counter("updates");
        f = state.scalars().get("value");
        gradientScale = state.scalars().get("gradientScale");
    }

    /** out = -a. */
    private static void negate(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
    }
}
