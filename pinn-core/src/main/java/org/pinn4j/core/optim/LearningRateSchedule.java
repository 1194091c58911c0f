package org.pinn4j.core.optim;

/**
 * A learning rate as a function of the optimizer step (and, for some schedules, of the loss).
 *
 * <p>The trainer asks {@link #rate(long)} before each step and, for loss-driven schedules such as
 * {@link ReduceOnPlateau}, reports losses through {@link #observe(double)} (per step or per
 * epoch; the schedule counts whatever it is given).
 */
public interface LearningRateSchedule {

    /**
     * The learning rate for the step with the given 0-based index.
     *
     * @throws IllegalArgumentException if {@code step < 0}
     */
    double rate(long step);

    /** Reports a loss value; schedules that do not use the loss ignore it. */
    default void observe(double loss) {}

    /** Short name, e.g. {@code "cosine"}. */
    String name();

    /** Exports hyperparameters (checked on import) and any mutable state. */
    OptimizerState exportState();

    /**
     * Restores exported state.
     *
     * @throws IllegalArgumentException if the state is of another kind or other hyperparameters
     */
    void importState(OptimizerState state);
}
