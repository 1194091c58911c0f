package org.pinn4j.core.train;

/** Callback of a training run (progress display, early stopping, checkpoints, custom tracking). */
public interface TrainingListener {
    /** A phase starts at the given global step. */
    default void onPhaseStart(int phaseIndex, Phase phase, int step) {}

    /**
     * A quasi-Newton phase (L-BFGS, BFGS, self-scaled Broyden) ended, for the reason given, e.g. "max iterations
     * (500 iterations, 537 function evaluations)" or "gradient tolerance (...)".
     */
    default void onPhaseEnd(int phaseIndex, Phase phase, String stopReason) {}

    /** After every step; return false to stop training (the current parameters are kept). */
    default boolean onStep(StepReport report) {
        return true;
    }
}
