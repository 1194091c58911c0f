package org.pinn4j.core.optim;

/**
 * The settings of {@link Lbfgs} besides its iteration limit, as a value that model files and reports record.
 *
 * @param historySize stored curvature pairs
 * @param maxEvaluations function evaluations allowed in all
 * @param gradientTolerance stop when the gradient's max norm falls below this times max(1, its first max norm)
 * @param relativeTolerance stop when the loss changes relatively less than this ...
 * @param relativeTolerancePatience ... for this many consecutive iterations
 * @param maxLineSearchEvaluations evaluations allowed in one line search
 */
public record LbfgsSettings(
        int historySize,
        int maxEvaluations,
        double gradientTolerance,
        double relativeTolerance,
        int relativeTolerancePatience,
        int maxLineSearchEvaluations) {

    /** Checks the values as {@link Lbfgs} does. */
    public LbfgsSettings {
        new Lbfgs()
                .historySize(historySize)
                .maxEvaluations(maxEvaluations)
                .gradientTolerance(gradientTolerance)
                .relativeTolerance(relativeTolerance, relativeTolerancePatience)
                .maxLineSearchEvaluations(maxLineSearchEvaluations);
    }

    /** The defaults of a new {@link Lbfgs}: 50 pairs, 18,750 evaluations, tolerances 1e-12 (10 iterations), 25 per search. */
    public static LbfgsSettings defaults() {
        Lbfgs l = new Lbfgs();
        return new LbfgsSettings(
                l.historySize(),
                l.maxEvaluations(),
                l.gradientTolerance(),
                l.relativeTolerance(),
                l.relativeTolerancePatience(),
                l.maxLineSearchEvaluations());
    }

    /** These settings with another evaluation limit. */
    public LbfgsSettings withMaxEvaluations(int limit) {
        return new LbfgsSettings(
                historySize,
                limit,
                gradientTolerance,
                relativeTolerance,
                relativeTolerancePatience,
                maxLineSearchEvaluations);
    }

    /** A fresh L-BFGS with these settings and at most {@code maxIterations} iterations. */
    public Lbfgs create(int maxIterations) {
        return new Lbfgs()
                .historySize(historySize)
                .maxEvaluations(maxEvaluations)
                .gradientTolerance(gradientTolerance)
                .relativeTolerance(relativeTolerance, relativeTolerancePatience)
                .maxLineSearchEvaluations(maxLineSearchEvaluations)
                .maxIterations(maxIterations);
    }

    /** Every setting, e.g. "lbfgs(historySize 50, maxEvaluations 18750, ...)". */
    public String describe() {
        return Settings.describe("lbfgs", this);
    }
}
