package org.pinn4j.core.train;

/** Callback of a training run (progress display, early stopping, checkpoints, custom tracking). */
public interface TrainingListener {
    /** A phase starts at the given global step. */
    default void onPhaseStart(int phaseIndex, Phase phase, int step) {}

    /** After every step; return false to stop training (the current parameters are kept). */
    default boolean onStep(StepReport report) {
        return true;
    }
}
