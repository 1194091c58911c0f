package org.pinn4j.core.optim;

/**
 * Outcome of an {@link Lbfgs} run. The arrays belong to the result (they are copies of the
 * optimizer's state).
 *
 * @param x the final point (the last accepted iterate)
 * @param value objective value at {@code x}
 * @param gradient gradient at {@code x}
 * @param gradientInfNorm max-abs entry of {@code gradient}
 * @param iterations accepted iterations since {@link Lbfgs#minimize}
 * @param evaluations objective evaluations since {@link Lbfgs#minimize}, including the first
 * @param stopReason why the run stopped
 */
public record LbfgsResult(
        double[] x,
        double value,
        double[] gradient,
        double gradientInfNorm,
        int iterations,
        int evaluations,
        Lbfgs.StopReason stopReason) {

    /** True when the run stopped on a convergence test (gradient or relative change). */
    public boolean converged() {
        return stopReason == Lbfgs.StopReason.GRADIENT_TOLERANCE
                || stopReason == Lbfgs.StopReason.RELATIVE_CHANGE
                || stopReason == Lbfgs.StopReason.STEP_TOLERANCE;
    }

    @Override
    public String toString() {
        return "LbfgsResult[value=" + value + ", gradientInfNorm=" + gradientInfNorm + ", iterations=" + iterations
                + ", evaluations=" + evaluations + ", stop=" + stopReason.description() + "]";
    }
}
