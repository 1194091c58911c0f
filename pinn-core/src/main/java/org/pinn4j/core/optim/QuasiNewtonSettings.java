package org.pinn4j.core.optim;

/**
 * The settings of a {@link DenseQuasiNewton} run besides its iteration limit, as a value that model files and
 * reports record.
 *
 * @param maxEvaluations function evaluations allowed in all
 * @param gradientTolerance stop when the gradient's max norm falls below this times max(1, its first max norm)
 * @param relativeTolerance stop when the loss changes relatively less than this ...
 * @param relativeTolerancePatience ... for this many consecutive iterations
 * @param maxLineSearchEvaluations evaluations allowed in one line search
 * @param initialScaling whether the first update after a start or reset scales the identity (BFGS: by
 *     {@code s.y / y.y}; self-scaled Broyden: by its own first-step factor)
 * @param positiveDefiniteCheckEvery every this many updates, H is tested by a Cholesky factorisation (N^3/3
 *     flops) and reset to the identity if it is not positive definite; 0: never
 */
public record QuasiNewtonSettings(
        int maxEvaluations,
        double gradientTolerance,
        double relativeTolerance,
        int relativeTolerancePatience,
        int maxLineSearchEvaluations,
        boolean initialScaling,
        int positiveDefiniteCheckEvery) {

    /** Checks the values. */
    public QuasiNewtonSettings {
        if (positiveDefiniteCheckEvery < 0) {
            throw new IllegalArgumentException("quasi-Newton: positiveDefiniteCheckEvery must be >= 0 (0: never), got "
                    + positiveDefiniteCheckEvery);
        }
        if (maxEvaluations < 1 || relativeTolerancePatience < 1 || maxLineSearchEvaluations < 1) {
            throw new IllegalArgumentException("quasi-Newton: evaluation limits and patience must be >= 1; got "
                    + maxEvaluations + ", " + relativeTolerancePatience + ", " + maxLineSearchEvaluations);
        }
        AbstractGradientOptimizer.requireNonNegative("quasi-Newton", "gradient tolerance", gradientTolerance);
        AbstractGradientOptimizer.requireNonNegative("quasi-Newton", "relative tolerance", relativeTolerance);
    }

    /**
     * L-BFGS's defaults (evaluations 18,750, tolerances 1e-12 over 10 iterations, 25 per line search), scaled start,
     * a Cholesky test every 1,000 updates.
     */
    public static QuasiNewtonSettings defaults() {
        return new QuasiNewtonSettings(18_750, 1e-12, 1e-12, 10, 25, true, 1000);
    }

    /** Every setting, e.g. "quasiNewton(maxEvaluations 18750, ...)". */
    public String describe() {
        return Settings.describe("quasiNewton", this);
    }
}
