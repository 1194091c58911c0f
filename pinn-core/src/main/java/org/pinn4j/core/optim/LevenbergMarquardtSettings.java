package org.pinn4j.core.optim;

/**
 * The settings of a {@link LevenbergMarquardt} run besides its iteration limit, as a value that model files and
 * reports record.
 *
 * @param maxEvaluations residual evaluations allowed in all (each trial step is one, each Jacobian one more)
 * @param initialDamping tau: the first damping is tau times the largest diagonal entry of J^T J (with
 *     {@code diagonalScaling}: tau itself)
 * @param diagonalScaling false: damp with the identity, (J^T J + mu I) delta = -J^T r (Levenberg; Nielsen's
 *     choice); true: with the diagonal of J^T J, (J^T J + mu diag(J^T J)) delta = -J^T r (Marquardt's scaling)
 * @param gradientTolerance stop when the gradient's max norm falls below this times max(1, its first max norm)
 * @param stepTolerance stop when |delta| &lt;= stepTolerance (|x| + stepTolerance)
 */
public record LevenbergMarquardtSettings(
        int maxEvaluations,
        double initialDamping,
        boolean diagonalScaling,
        double gradientTolerance,
        double stepTolerance) {

    /** Checks the values. */
    public LevenbergMarquardtSettings {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException(
                    "Levenberg-Marquardt: maxEvaluations must be >= 1; got " + maxEvaluations);
        }
        if (!(initialDamping > 0) || Double.isInfinite(initialDamping)) {
            throw new IllegalArgumentException(
                    "Levenberg-Marquardt: initialDamping must be a positive finite number, e.g. 1e-3; got "
                            + initialDamping);
        }
        AbstractGradientOptimizer.requireNonNegative("Levenberg-Marquardt", "gradient tolerance", gradientTolerance);
        AbstractGradientOptimizer.requireNonNegative("Levenberg-Marquardt", "step tolerance", stepTolerance);
    }

    /**
     * Defaults: 100,000 evaluations, tau 1e-3 with identity damping (Madsen, Nielsen and Tingleff's
     * recommendation), gradient tolerance 1e-14, step tolerance 1e-15.
     */
    public static LevenbergMarquardtSettings defaults() {
        return new LevenbergMarquardtSettings(100_000, 1e-3, false, 1e-14, 1e-15);
    }

    /** These settings with another evaluation limit. */
    public LevenbergMarquardtSettings withMaxEvaluations(int limit) {
        return new LevenbergMarquardtSettings(limit, initialDamping, diagonalScaling, gradientTolerance, stepTolerance);
    }

    /** Every setting, e.g. "levenbergMarquardt(maxEvaluations 100000, ...)". */
    public String describe() {
        return Settings.describe("levenbergMarquardt", this);
    }
}
