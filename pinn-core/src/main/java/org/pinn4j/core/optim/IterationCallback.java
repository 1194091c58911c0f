package org.pinn4j.core.optim;

/** Called by {@link Lbfgs} after every accepted iteration, e.g. to log, checkpoint or stop. */
@FunctionalInterface
public interface IterationCallback {

    /**
     * Reports one finished iteration. {@link Lbfgs#exportState()} may be called from here and then
     * describes the state right after this iteration.
     *
     * @param iteration 1-based count of accepted iterations since {@link Lbfgs#minimize}
     * @param value objective value at the new point
     * @param gradientInfNorm max-abs entry of the gradient at the new point
     * @return {@code true} to continue, {@code false} to stop with
     *     {@link Lbfgs.StopReason#STOPPED_BY_CALLBACK}
     */
    boolean onIteration(int iteration, double value, double gradientInfNorm);
}
