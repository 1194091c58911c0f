package org.pinn4j.core.optim;

import static org.pinn4j.core.optim.Vectors.allFinite;
import static org.pinn4j.core.optim.Vectors.axpy;
import static org.pinn4j.core.optim.Vectors.dot;
import static org.pinn4j.core.optim.Vectors.infNorm;
import static org.pinn4j.core.optim.Vectors.oneNorm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, Algorithm 7.4/7.5) with a
 * strong-Wolfe line search ({@code c1 = 1e-4}, {@code c2 = 0.9}; Algorithms 3.5/3.6 with cubic
 * interpolation).
 *
 * <p>Tuned to keep going on slowly converging losses such as PINN training: it stops only on
 * <ul>
 *   <li>the iteration or evaluation budget;</li>
 *   <li>{@code ||g||_inf <= gradientTolerance * max(1, ||g_0||_inf)} (relative to the starting
 *       gradient, default 1e-12);</li>
 *   <li>{@code |f_prev - f| <= relativeTolerance * max(|f_prev|, |f|)} (default 1e-12) holding
 *       for {@code relativeTolerancePatience} consecutive iterations (default 10), not just one;</li>
 *   <li>a line-search failure that persists after the history was cleared and a steepest-descent
 *       step was tried from the same point;</li>
 *   <li>the {@link IterationCallback} returning false.</li>
 * </ul>
 *
 * <p>Curvature pairs with {@code s.y <= 1e-10 * y.y} are skipped. The first step after a start
 * or a history reset is steepest descent with trial length {@code min(1, 1/||g||_1)}; later steps
 * try length 1 with the initial inverse Hessian {@code (s.y / y.y) I}.
 *
 * <p>The optimizer is a configuration plus state: {@link #minimize} starts afresh, {@link #resume}
 * continues, {@link #exportState()}/{@link #importState} capture everything (point, value,
 * gradient, history, counters) so a run resumed from a checkpoint with the same configuration and
 * a deterministic objective is bit-identical. Iteration and evaluation counts (and their limits)
 * run from the last {@link #minimize}, across resumes. Not thread-safe.
 *
 * <p>The line search compares values along one direction, so the objective must not change
 * between evaluations of one run: give L-BFGS the full batch (or a fixed batch), not a fresh
 * mini-batch per call.
 */
public final class Lbfgs implements QuasiNewtonMethod {

    /** Why a run stopped. */
    public enum StopReason {
        /** The iteration limit was reached. */
        MAX_ITERATIONS("max iterations"),
        /** The evaluation limit was reached. */
        MAX_EVALUATIONS("max function evaluations"),
        /** The gradient inf-norm fell below its tolerance. */
        GRADIENT_TOLERANCE("gradient tolerance"),
        /** The relative change of the value stayed below its tolerance for the required iterations. */
        RELATIVE_CHANGE("relative change tolerance"),
        /** The line search failed again after clearing the history and trying steepest descent. */
        NO_PROGRESS("no progress after line-search restart"),
        /** Levenberg-Marquardt: the step fell below its tolerance relative to the point. */
        STEP_TOLERANCE("step tolerance"),
        /** Levenberg-Marquardt: the damping grew past 1e30 without a step that lowers the value. */
        DAMPING_LIMIT("damping limit (no step lowers the value)"),
        /** The iteration callback asked to stop. */
        STOPPED_BY_CALLBACK("stopped by callback");

        private final String description;

        StopReason(String description) {
            this.description = description;
        }

        /** Human-readable description, e.g. "gradient tolerance". */
        public String description() {
            return description;
        }
    }

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final double CURVATURE_GUARD = 1e-10;

    private int historySize = 50;
    private int maxIterations = 15_000;
    private int maxEvaluations = 18_750;
    private double gradientTolerance = 1e-12;
    private double relativeTolerance = 1e-12;
    private int relativeTolerancePatience = 10;
    private int maxLineSearchEvaluations = 25;

    // State.
    private int n = -1;
    private double[] x;
    private double[] g;
    private double f;
    private double gradientScale;
    private int iterations;
    private int evaluations;
    private int smallChanges;
    private double[][] sHist;
    private double[][] yHist;
    private double[] rhoHist;
    private int histStart;
    private int histCount;

    /** Creates an L-BFGS optimizer with the default configuration. */
    public Lbfgs() {}

    /** Sets the number of stored curvature pairs (default 50); clears any history. */
    public Lbfgs historySize(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("Lbfgs: history size must be >= 1, got " + m);
        }
        historySize = m;
        if (n >= 0) {
            allocateHistory();
        }
        return this;
    }

    /** Sets the iteration limit, counted from {@link #minimize} (default 15000). */
    public Lbfgs maxIterations(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("Lbfgs: max iterations must be >= 0, got " + limit);
        }
        maxIterations = limit;
        return this;
    }

    /** Sets the evaluation limit, counted from {@link #minimize} (default 18750). */
    public Lbfgs maxEvaluations(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Lbfgs: max evaluations must be >= 1, got " + limit);
        }
        maxEvaluations = limit;
        return this;
    }

    /** Sets the gradient tolerance relative to {@code max(1, ||g_0||_inf)} (default 1e-12). */
    public Lbfgs gradientTolerance(double tol) {
        gradientTolerance = AbstractGradientOptimizer.requireNonNegative("Lbfgs", "gradient tolerance", tol);
        return this;
    }

    /**
     * Sets the relative change tolerance and how many consecutive iterations must satisfy it
     * (defaults 1e-12 and 10).
     */
    public Lbfgs relativeTolerance(double tol, int consecutiveIterations) {
        relativeTolerance = AbstractGradientOptimizer.requireNonNegative("Lbfgs", "relative tolerance", tol);
        if (consecutiveIterations < 1) {
            throw new IllegalArgumentException(
                    "Lbfgs: consecutive iterations for the relative tolerance must be >= 1, got "
                            + consecutiveIterations);
        }
        relativeTolerancePatience = consecutiveIterations;
        return this;
    }

    /** Sets the evaluation limit of one line search (default 25). */
    public Lbfgs maxLineSearchEvaluations(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Lbfgs: max line-search evaluations must be >= 1, got " + limit);
        }
        maxLineSearchEvaluations = limit;
        return this;
    }

    /** Number of stored curvature pairs. */
    public int historySize() {
        return historySize;
    }

    /** Iteration limit. */
    public int maxIterations() {
        return maxIterations;
    }

    /** Evaluation limit. */
    public int maxEvaluations() {
        return maxEvaluations;
    }

    /** Gradient tolerance (relative to {@code max(1, ||g_0||_inf)}). */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /** Relative change tolerance. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** Consecutive iterations the relative change tolerance must hold. */
    public int relativeTolerancePatience() {
        return relativeTolerancePatience;
    }

    /** Evaluation limit of one line search. */
    public int maxLineSearchEvaluations() {
        return maxLineSearchEvaluations;
    }

    /** Curvature pairs currently stored. */
    public int historyCount() {
        return histCount;
    }

    /** Minimises from {@code x0} (not modified) without a callback. */
    public LbfgsResult minimize(Objective objective, double[] x0) {
        return minimize(objective, x0, null);
    }

    /**
     * Starts a fresh run from {@code x0} (not modified): clears history and counters.
     *
     * @param callback called after each iteration; may be null
     * @throws IllegalArgumentException for a null objective or point, a length mismatch, or a
     *     non-finite value or gradient at {@code x0}
     */
    @Override
    public LbfgsResult minimize(Objective objective, double[] x0, IterationCallback callback) {
        if (objective == null || x0 == null) {
            throw new IllegalArgumentException("Lbfgs: objective and starting point must be non-null");
        }
        int dim = objective.dimension();
        if (x0.length != dim) {
            throw new IllegalArgumentException(
                    "Lbfgs: starting point has length " + x0.length + " but the objective's dimension is " + dim);
        }
        n = dim;
        x = x0.clone();
        g = new double[n];
        f = objective.valueAndGradient(x, g);
        if (!Double.isFinite(f) || !allFinite(g)) {
            n = -1;
            throw new IllegalArgumentException(
                    "Lbfgs: objective value " + f + " or its gradient is not finite at the starting point");
        }
        evaluations = 1;
        iterations = 0;
        smallChanges = 0;
        gradientScale = Math.max(1.0, infNorm(g));
        allocateHistory();
        return run(objective, callback);
    }

    /**
     * Continues the current run (after {@link #minimize}, a stop, or {@link #importState}) with the
     * current configuration.
     *
     * @throws IllegalStateException if there is no run to continue
     * @throws IllegalArgumentException if the objective's dimension differs from the state's
     */
    @Override
    public LbfgsResult resume(Objective objective, IterationCallback callback) {
        if (n < 0) {
            throw new IllegalStateException("Lbfgs: nothing to resume; call minimize(...) or importState(...) first");
        }
        if (objective == null || objective.dimension() != n) {
            throw new IllegalArgumentException("Lbfgs: objective to resume must be non-null with " + "dimension " + n
                    + ", got " + (objective == null ? "null" : objective.dimension()));
        }
        return run(objective, callback);
    }

    /** Re-evaluates value and gradient at the current point; the curvature pairs are carried over. */
    @Override
    public boolean restart(Objective objective) {
        if (n < 0 || objective == null || objective.dimension() != n) {
            throw new IllegalStateException("Lbfgs: nothing to restart, or the objective's dimension differs");
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
        return true;
    }

    /** Drops all state (point, history, counters). */
    public void reset() {
        n = -1;
        x = null;
        g = null;
        sHist = null;
        yHist = null;
        rhoHist = null;
        histStart = 0;
        histCount = 0;
    }

    private LbfgsResult run(Objective objective, IterationCallback callback) {
        StrongWolfeLineSearch lineSearch = new StrongWolfeLineSearch(C1, C2, maxLineSearchEvaluations);
        double[] d = new double[n];
        double[] xTrial = new double[n];
        double[] gTrial = new double[n];
        double[] alphas = new double[historySize];

        if (infNorm(g) <= gradientTolerance * gradientScale) {
            return result(StopReason.GRADIENT_TOLERANCE);
        }
        while (true) {
            if (iterations >= maxIterations) {
                return result(StopReason.MAX_ITERATIONS);
            }
            if (evaluations >= maxEvaluations) {
                return result(StopReason.MAX_EVALUATIONS);
            }
            boolean steepest = histCount == 0;
            direction(d, alphas);
            double dphi0 = dot(g, d);
            if (!(dphi0 < 0.0) && !steepest) {
                clearHistory();
                steepest = true;
                direction(d, alphas);
                dphi0 = dot(g, d);
            }
            if (!(dphi0 < 0.0)) {
                return result(StopReason.GRADIENT_TOLERANCE); // g == 0: no descent direction exists
            }
            double alpha0 = steepest ? Math.min(1.0, 1.0 / oneNorm(g)) : 1.0;
            LineSearch.Status status =
                    lineSearch.search(objective, x, f, d, dphi0, alpha0, maxEvaluations - evaluations, xTrial, gTrial);
            evaluations += lineSearch.evaluations();
            if (status == LineSearch.Status.BUDGET_EXHAUSTED) {
                return result(StopReason.MAX_EVALUATIONS);
            }
            if (status == LineSearch.Status.FAILED) {
                if (steepest) {
                    return result(StopReason.NO_PROGRESS);
                }
                clearHistory();
                continue;
            }
            double fPrev = f;
            // Reuse the trial arrays for the pair (s, y), then swap the new point in.
            for (int i = 0; i < n; i++) {
                double si = xTrial[i] - x[i];
                double yi = gTrial[i] - g[i];
                x[i] = xTrial[i];
                g[i] = gTrial[i];
                xTrial[i] = si;
                gTrial[i] = yi;
            }
            f = lineSearch.value();
            iterations++;
            push(xTrial, gTrial);
            double change = Math.abs(fPrev - f);
            double scale = Math.max(Math.abs(fPrev), Math.abs(f));
            smallChanges = change <= relativeTolerance * scale ? smallChanges + 1 : 0;
            double gNorm = infNorm(g);
            if (callback != null && !callback.onIteration(iterations, f, gNorm)) {
                return result(StopReason.STOPPED_BY_CALLBACK);
            }
            if (gNorm <= gradientTolerance * gradientScale) {
                return result(StopReason.GRADIENT_TOLERANCE);
            }
            if (smallChanges >= relativeTolerancePatience) {
                return result(StopReason.RELATIVE_CHANGE);
            }
        }
    }

    /** Two-loop recursion: d = -H g (Nocedal and Wright Algorithm 7.4). */
    private void direction(double[] d, double[] alphas) {
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        if (histCount == 0) {
            return;
        }
        for (int k = histCount - 1; k >= 0; k--) {
            int j = (histStart + k) % historySize;
            double a = rhoHist[j] * dot(sHist[j], d);
            alphas[k] = a;
            axpy(-a, yHist[j], d);
        }
        int newest = (histStart + histCount - 1) % historySize;
        double gamma = 1.0 / (rhoHist[newest] * dot(yHist[newest], yHist[newest]));
        for (int i = 0; i < n; i++) {
            d[i] *= gamma;
        }
        for (int k = 0; k < histCount; k++) {
            int j = (histStart + k) % historySize;
            double b = rhoHist[j] * dot(yHist[j], d);
            axpy(alphas[k] - b, sHist[j], d);
        }
    }

    private void push(double[] s, double[] y) {
        double sy = dot(s, y);
        double yy = dot(y, y);
        if (!(sy > CURVATURE_GUARD * yy) || !Double.isFinite(sy)) {
            return;
        }
        int j;
        if (histCount < historySize) {
            j = (histStart + histCount) % historySize;
            histCount++;
        } else {
            j = histStart;
            histStart = (histStart + 1) % historySize;
        }
        if (sHist[j] == null) {
            sHist[j] = new double[n];
            yHist[j] = new double[n];
        }
        System.arraycopy(s, 0, sHist[j], 0, n);
        System.arraycopy(y, 0, yHist[j], 0, n);
        rhoHist[j] = 1.0 / sy;
    }

    private void allocateHistory() {
        sHist = new double[historySize][];
        yHist = new double[historySize][];
        rhoHist = new double[historySize];
        histStart = 0;
        histCount = 0;
    }

    private void clearHistory() {
        histStart = 0;
        histCount = 0;
    }

    private LbfgsResult result(StopReason reason) {
        return new LbfgsResult(x.clone(), f, g.clone(), infNorm(g), iterations, evaluations, reason);
    }

    private Map<String, Double> hyperparameters() {
        return AbstractGradientOptimizer.ordered("historySize", (double) historySize, "c1", C1, "c2", C2);
    }

    /**
     * Exports the current point, value, gradient, counters and curvature pairs (oldest first, as
     * arrays {@code s0, y0, s1, y1, ...}).
     *
     * @throws IllegalStateException before the first {@link #minimize} or {@link #importState}
     */
    @Override
    public double[] point() {
        if (x == null) {
            throw new IllegalStateException("L-BFGS: no run has started");
        }
        return x.clone();
    }

    @Override
    public OptimizerState exportState() {
        if (n < 0) {
            throw new IllegalStateException("Lbfgs: no state to export before minimize(...)");
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("dimension", (long) n);
        counters.put("iterations", (long) iterations);
        counters.put("evaluations", (long) evaluations);
        counters.put("smallChanges", (long) smallChanges);
        counters.put("historyCount", (long) histCount);
        Map<String, Double> scalars = new LinkedHashMap<>(hyperparameters());
        scalars.put("value", f);
        scalars.put("gradientScale", gradientScale);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("x", x);
        arrays.put("g", g);
        for (int k = 0; k < histCount; k++) {
            int j = (histStart + k) % historySize;
            arrays.put("s" + k, sHist[j]);
            arrays.put("y" + k, yHist[j]);
        }
        return new OptimizerState("lbfgs", counters, scalars, arrays);
    }

    /**
     * Replaces the state by an exported one; {@link #resume} then continues that run.
     *
     * @throws IllegalArgumentException if the state is not an L-BFGS state of this history size
     *     or is inconsistent
     */
    @Override
    public void importState(OptimizerState state) {
        if (state == null) {
            throw new IllegalArgumentException("Lbfgs: state to import must not be null");
        }
        state.requireCompatible("lbfgs", hyperparameters());
        long dim = state.counter("dimension");
        long count = state.counter("historyCount");
        long its = state.counter("iterations");
        long evals = state.counter("evaluations");
        long small = state.counter("smallChanges");
        if (dim < 0
                || dim > Integer.MAX_VALUE
                || count < 0
                || count > historySize
                || its < 0
                || its > Integer.MAX_VALUE
                || evals < 1
                || evals > Integer.MAX_VALUE
                || small < 0
                || small > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Lbfgs: inconsistent state counters " + state.counters());
        }
        int dimension = (int) dim;
        double[] newX = sized(state, "x", dimension);
        double[] newG = sized(state, "g", dimension);
        double[][] s = new double[historySize][];
        double[][] y = new double[historySize][];
        double[] rho = new double[historySize];
        for (int k = 0; k < count; k++) {
            s[k] = sized(state, "s" + k, dimension);
            y[k] = sized(state, "y" + k, dimension);
            rho[k] = 1.0 / dot(s[k], y[k]);
        }
        n = dimension;
        x = newX;
        g = newG;
        f = state.scalar("value");
        gradientScale = state.scalar("gradientScale");
        iterations = (int) its;
        evaluations = (int) evals;
        smallChanges = (int) small;
        sHist = s;
        yHist = y;
        rhoHist = rho;
        histStart = 0;
        histCount = (int) count;
    }

    private static double[] sized(OptimizerState state, String name, int dimension) {
        double[] a = state.array(name);
        if (a.length != dimension) {
            throw new IllegalArgumentException(
                    "Lbfgs: state array '" + name + "' has length " + a.length + ", expected " + dimension);
        }
        return a;
    }
}
