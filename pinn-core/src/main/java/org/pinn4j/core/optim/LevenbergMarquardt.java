package org.pinn4j.core.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Levenberg-Marquardt method for a sum of squares f(x) = |r(x)|^2 ({@link LeastSquares}), on the exact
 * Jacobian: each iteration forms the normal equations A = J^T J, g = J^T r at the current point
 * ({@link NormalEquations}, from blocks of {@value #JACOBIAN_BLOCK_ROWS} rows of J) and solves (A + mu D) delta = -g by Cholesky, D the identity or diag(A)
 * ({@link LevenbergMarquardtSettings#diagonalScaling()}).
 *
 * <p>The damping follows Nielsen's rule (H. B. Nielsen, "Damping parameter in Marquardt's method", IMM-REP-1999-05;
 * Madsen, Nielsen and Tingleff, "Methods for non-linear least squares problems", 2004, algorithm 3.16): the gain
 * ratio rho = (f(x) - f(x + delta)) / (L(0) - L(delta)) compares the actual decrease with the one the linear model
 * |r + J delta|^2 predicts, L(0) - L(delta) = delta . (mu D delta - g); a step with rho &gt; 0 is taken and mu
 * multiplied by max(1/3, 1 - (2 rho - 1)^3), nu reset to 2; otherwise mu is multiplied by nu and nu doubled. The
 * first mu is tau max(diag A) (tau itself with diagonal scaling). An iteration is one step taken (each trial step
 * costs one residual evaluation, each iteration one Jacobian).
 *
 * <p>A {@link QuasiNewtonMethod} so that a training phase runs it like the quasi-Newton methods: the objective
 * must also be a {@link LeastSquares}. A configuration plus state: {@link #minimize} starts, {@link #resume}
 * continues, {@link #restart} re-evaluates on a changed objective keeping mu and nu, and the state (point, mu, nu,
 * counters) exports for a bit-identical resume: the normal equations are recomputed at the point. The result's
 * gradient is 2 J^T r at the last Jacobian evaluated.
 */
public final class LevenbergMarquardt implements QuasiNewtonMethod {
    /**
     * Rows of the Jacobian formed at a time (a multiple of {@link NormalEquations#CHUNK}): the m x N Jacobian is
     * never held whole, only blocks of this many rows, accumulated into J^T J in row order.
     */
    public static final int JACOBIAN_BLOCK_ROWS = 8 * NormalEquations.CHUNK;

    /** The damping past which no step is looked for any more. */
    static final double MAX_DAMPING = 1e30;

    private final LevenbergMarquardtSettings settings;
    private int maxIterations = 15_000;
    private int threads = 1;

    private int n = -1;
    private double[] x;
    private double f = Double.NaN;
    private double mu = Double.NaN;
    private double nu = 2;
    private int iterations;
    private int evaluations;
    private double gradientScale = Double.NaN;
    private double[] lastGradient;

    /** A run with the given settings. */
    public LevenbergMarquardt(LevenbergMarquardtSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("Levenberg-Marquardt: settings must not be null");
        }
        this.settings = settings;
    }

    /** Sets the iteration limit, counted from {@link #minimize} (default 15000). */
    public LevenbergMarquardt maxIterations(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Levenberg-Marquardt: maxIterations must be >= 1; got " + limit);
        }
        maxIterations = limit;
        return this;
    }

    /** Threads forming J^T J (the result does not depend on them; default 1). */
    public LevenbergMarquardt threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Levenberg-Marquardt: threads must be >= 1; got " + count);
        }
        threads = count;
        return this;
    }

    /** The current damping mu (NaN before the first iteration). */
    public double damping() {
        return mu;
    }

    @Override
    public LbfgsResult minimize(Objective objective, double[] x0, IterationCallback callback) {
        LeastSquares ls = leastSquares(objective);
        if (x0 == null || x0.length != ls.dimension()) {
            throw new IllegalArgumentException(
                    "Levenberg-Marquardt: start point must have " + ls.dimension() + " values");
        }
        n = x0.length;
        x = x0.clone();
        f = Double.NaN;
        mu = Double.NaN;
        nu = 2;
        iterations = 0;
        evaluations = 0;
        gradientScale = Double.NaN;
        lastGradient = new double[n];
        return iterate(ls, callback);
    }

    @Override
    public LbfgsResult resume(Objective objective, IterationCallback callback) {
        if (n < 0) {
            throw new IllegalStateException(
                    "Levenberg-Marquardt: nothing to resume; call minimize(...) or importState(...)");
        }
        LeastSquares ls = leastSquares(objective);
        if (ls.dimension() != n) {
            throw new IllegalArgumentException("Levenberg-Marquardt: objective to resume must have dimension " + n);
        }
        return iterate(ls, callback);
    }

    /** Evaluates the changed objective at the current point; mu and nu are carried over. */
    @Override
    public boolean restart(Objective objective) {
        if (n < 0 || objective == null || objective.dimension() != n) {
            throw new IllegalStateException(
                    "Levenberg-Marquardt: nothing to restart, or the objective's dimension differs");
        }
        LeastSquares ls = leastSquares(objective);
        double value = ls.residuals(x, new double[ls.residualCount()]);
        evaluations++;
        if (!Double.isFinite(value)) {
            return false;
        }
        f = value;
        return true;
    }

    private LbfgsResult iterate(LeastSquares ls, IterationCallback callback) {
        double[] delta = new double[n];
        double[] xTrial = new double[n];
        try (NormalEquations eq = new NormalEquations(n, threads)) {
            int m = -1;
            int block = 0;
            double[] r = null;
            double[] rTrial = null;
            double[] jt = null;
            while (true) {
                if (iterations >= maxIterations) {
                    return result(Lbfgs.StopReason.MAX_ITERATIONS);
                }
                if (evaluations >= settings.maxEvaluations()) {
                    return result(Lbfgs.StopReason.MAX_EVALUATIONS);
                }
                if (ls.residualCount() != m) {
                    m = ls.residualCount();
                    r = new double[m];
                    rTrial = new double[m];
                    block = Math.max(1, Math.min(m, JACOBIAN_BLOCK_ROWS));
                    jt = new double[Math.multiplyExact(block, n)];
                }
                f = ls.residuals(x, r);
                evaluations++;
                eq.begin();
                for (int b0 = 0; b0 < m; b0 += block) {
                    int rows = Math.min(block, m - b0);
                    ls.jacobian(x, b0, rows, jt);
                    eq.accumulate(jt, rows, r, b0);
                }
                eq.finish();
                double[] g = eq.gradientHalf();
                double gNorm = 0;
                for (int i = 0; i < n; i++) {
                    lastGradient[i] = 2 * g[i];
                    gNorm = Math.max(gNorm, Math.abs(lastGradient[i]));
                }
                if (Double.isNaN(gradientScale)) {
                    gradientScale = Math.max(1.0, gNorm);
                }
                if (gNorm <= settings.gradientTolerance() * gradientScale) {
                    return result(Lbfgs.StopReason.GRADIENT_TOLERANCE);
                }
                if (Double.isNaN(mu)) {
                    mu = settings.initialDamping() * (settings.diagonalScaling() ? 1.0 : eq.maxDiagonal());
                }
                boolean taken = false;
                while (!taken) {
                    if (evaluations >= settings.maxEvaluations()) {
                        return result(Lbfgs.StopReason.MAX_EVALUATIONS);
                    }
                    if (!(mu <= MAX_DAMPING)) {
                        return result(Lbfgs.StopReason.DAMPING_LIMIT);
                    }
                    if (!eq.solve(mu, settings.diagonalScaling(), delta)) {
                        reject();
                        continue;
                    }
                    double stepNorm = 0;
                    double xNorm = 0;
                    for (int i = 0; i < n; i++) {
                        stepNorm += delta[i] * delta[i];
                        xNorm += x[i] * x[i];
                        xTrial[i] = x[i] + delta[i];
                    }
                    double tol = settings.stepTolerance();
                    if (Math.sqrt(stepNorm) <= tol * (Math.sqrt(xNorm) + tol)) {
                        return result(Lbfgs.StopReason.STEP_TOLERANCE);
                    }
                    double fTrial = ls.residuals(xTrial, rTrial);
                    evaluations++;
                    double predicted = predictedDecrease(eq, delta, g);
                    double rho = (f - fTrial) / predicted;
                    if (Double.isFinite(fTrial) && rho > 0 && predicted > 0) {
                        System.arraycopy(xTrial, 0, x, 0, n);
                        f = fTrial;
                        double t = 2 * rho - 1;
                        mu *= Math.max(1.0 / 3.0, 1 - t * t * t);
                        nu = 2;
                        iterations++;
                        taken = true;
                    } else {
                        reject();
                    }
                }
                if (callback != null && !callback.onIteration(iterations, f, gNorm)) {
                    return result(Lbfgs.StopReason.STOPPED_BY_CALLBACK);
                }
            }
        }
    }

    /** mu times nu, nu doubled: the step was not taken. */
    private void reject() {
        mu *= nu;
        nu *= 2;
    }

    /** L(0) - L(delta) = delta . (mu D delta - g) for the model |r + J delta|^2 and (A + mu D) delta = -g. */
    private double predictedDecrease(NormalEquations eq, double[] delta, double[] g) {
        double[] a = eq.normalMatrix();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = settings.diagonalScaling() ? a[i * n + i] : 1.0;
            sum += delta[i] * (mu * d * delta[i] - g[i]);
        }
        return sum;
    }

    private static LeastSquares leastSquares(Objective objective) {
        if (objective instanceof LeastSquares ls) {
            return ls;
        }
        throw new IllegalArgumentException("Levenberg-Marquardt needs a sum of squares with residuals and their"
                + " Jacobian (a LeastSquares objective); got " + (objective == null ? "none" : objective.getClass()));
    }

    private LbfgsResult result(Lbfgs.StopReason reason) {
        double gNorm = 0;
        for (double v : lastGradient) {
            gNorm = Math.max(gNorm, Math.abs(v));
        }
        return new LbfgsResult(x.clone(), f, lastGradient.clone(), gNorm, iterations, evaluations, reason);
    }

    /** "levenbergMarquardt". */
    private static String name() {
        return "levenbergMarquardt";
    }

    /** Exports point, value, damping mu and nu, and the counters. */
    @Override
    public double[] point() {
        if (x == null) {
            throw new IllegalStateException("Levenberg-Marquardt: no run has started");
        }
        return x.clone();
    }

    @Override
    public OptimizerState exportState() {
        if (n < 0) {
            throw new IllegalStateException("Levenberg-Marquardt: no state to export before minimize(...)");
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("dimension", (long) n);
        counters.put("iterations", (long) iterations);
        counters.put("evaluations", (long) evaluations);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("value", f);
        scalars.put("mu", mu);
        scalars.put("nu", nu);
        scalars.put("gradientScale", gradientScale);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("x", x.clone());
        arrays.put("gradient", lastGradient.clone());
        return new OptimizerState(name(), counters, scalars, arrays);
    }

    /**
     * Replaces the state by an exported one; {@link #resume} then continues that run.
     *
     * @throws IllegalArgumentException if the state is of another method or inconsistent
     */
    @Override
    public void importState(OptimizerState state) {
        if (state == null || !name().equals(state.kind())) {
            throw new IllegalArgumentException("Levenberg-Marquardt: expected a " + name() + " state; got "
                    + (state == null ? "none" : state.kind()));
        }
        long dim = state.counter("dimension");
        double[] newX = state.arrays().get("x");
        double[] newGradient = state.arrays().get("gradient");
        if (dim < 1 || newX == null || newGradient == null || newX.length != dim || newGradient.length != dim) {
            throw new IllegalArgumentException("Levenberg-Marquardt: state arrays x, gradient missing or of the wrong"
                    + " length for dimension " + dim);
        }
        n = (int) dim;
        x = newX.clone();
        lastGradient = newGradient.clone();
        iterations = (int) state.counter("iterations");
        evaluations = (int) state.counter("evaluations");
        f = state.scalar("value");
        mu = state.scalar("mu");
        nu = state.scalar("nu");
        gradientScale = state.scalar("gradientScale");
    }
}
