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
 * @param wolfeC1 the line search's sufficient-decrease constant: f(x + a d) &lt;= f(x) + c1 a g.d
 * @param wolfeC2 its curvature constant: |g(x + a d).d| &lt;= c2 |g.d|; 0 &lt; c1 &lt; c2 &lt; 1
 */
public record QuasiNewtonSettings(
        int maxEvaluations,
        double gradientTolerance,
        double relativeTolerance,
        int relativeTolerancePatience,
        int maxLineSearchEvaluations,
        boolean initialScaling,
        int positiveDefiniteCheckEvery,
        double wolfeC1,
        double wolfeC2) {

    /** Checks the values. */
    public QuasiNewtonSettings {
        if (!(0 < wolfeC1 && wolfeC1 < wolfeC2 && wolfeC2 < 1)) {
            throw new IllegalArgumentException(
                    "quasi-Newton: the Wolfe constants need 0 < c1 < c2 < 1, got " + wolfeC1 + " and " + wolfeC2);
        }
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
     * L-BFGS's defaults (evaluations 18,750, tolerances 1e-12 over 10 iterations, 25 per line search, Wolfe
     * constants 1e-4 and 0.9), scaled start, a Cholesky test every 1,000 updates.
     */
    public static QuasiNewtonSettings defaults() {
        return new QuasiNewtonSettings(18_750, 1e-12, 1e-12, 10, 25, true, 1000, 1e-4, 0.9);
    }

    /** These settings with another evaluation limit. */
    public QuasiNewtonSettings withMaxEvaluations(int limit) {
        return new QuasiNewtonSettings(
                limit,
                gradientTolerance,
                relativeTolerance,
                relativeTolerancePatience,
                maxLineSearchEvaluations,
                initialScaling,
                positiveDefiniteCheckEvery,
                wolfeC1,
                wolfeC2);
    }

    /** These settings with the Cholesky test every {@code updates} updates (0: never). */
    public QuasiNewtonSettings withPositiveDefiniteCheckEvery(int updates) {
        return new QuasiNewtonSettings(
                maxEvaluations,
                gradientTolerance,
                relativeTolerance,
                relativeTolerancePatience,
                maxLineSearchEvaluations,
                initialScaling,
                updates,
                wolfeC1,
                wolfeC2);
    }

    /** These settings with the line search's Wolfe constants c1 and c2. */
    public QuasiNewtonSettings withWolfe(double c1, double c2) {
        return new QuasiNewtonSettings(
                maxEvaluations,
                gradientTolerance,
                relativeTolerance,
                relativeTolerancePatience,
                maxLineSearchEvaluations,
                initialScaling,
                positiveDefiniteCheckEvery,
                c1,
                c2);
    }

    /** Every setting, e.g. "quasiNewton(maxEvaluations 18750, ...)". */
    public String describe() {
        return Settings.describe("quasiNewton", this);
    }
}
