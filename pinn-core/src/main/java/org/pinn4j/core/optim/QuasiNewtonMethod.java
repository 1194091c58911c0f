package org.pinn4j.core.optim;

/**
 * A quasi-Newton method as a configuration plus state ({@link Lbfgs}, {@link DenseQuasiNewton}): start a run,
 * continue it, and export or import its whole state for a bit-identical resume.
 */
public interface QuasiNewtonMethod {
    /** Starts a fresh run from {@code x0} (not modified); {@code callback} is called after each iteration. */
    LbfgsResult minimize(Objective objective, double[] x0, IterationCallback callback);

    /** Continues the current run (after {@link #minimize}, a stop, or {@link #importState}). */
    LbfgsResult resume(Objective objective, IterationCallback callback);

    /**
     * Restarts the current run on a changed objective (e.g. new collocation points): evaluates value and gradient
     * at the current point, counts that evaluation, and carries the curvature memory over; {@link #resume}
     * then continues from there.
     *
     * @return false if the value or gradient there is not finite (point, value, gradient and memory are then
     *     unchanged)
     * @throws IllegalStateException if there is no run to restart
     */
    boolean restart(Objective objective);

    /**
     * A copy of the current point (the last accepted iterate).
     *
     * @throws IllegalStateException if no run has started
     */
    double[] point();

    /** The whole state, for a checkpoint. */
    OptimizerState exportState();

    /** Replaces the state by an exported one; {@link #resume} then continues that run. */
    void importState(OptimizerState state);
}
