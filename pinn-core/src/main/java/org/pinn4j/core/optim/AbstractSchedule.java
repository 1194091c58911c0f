package org.pinn4j.core.optim;

import java.util.Map;

/** Shared code for schedules whose rate depends on the step alone (no mutable state). */
abstract class AbstractSchedule implements LearningRateSchedule {

    private final String name;

    AbstractSchedule(String name) {
        this.name = name;
    }

    /** Hyperparameters by name, in a fixed order. */
    abstract Map<String, Double> hyperparameters();

    /** The rate at a validated step index. */
    abstract double rateAt(long step);

    @Override
    public final double rate(long step) {
        if (step < 0) {
            throw new IllegalArgumentException(name + " schedule: step must be >= 0, got " + step);
        }
        return rateAt(step);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public OptimizerState exportState() {
        return new OptimizerState(name, Map.of(), hyperparameters(), Map.of());
    }

    @Override
    public void importState(OptimizerState state) {
        if (state == null) {
            throw new IllegalArgumentException(name + " schedule: state to import must not be null");
        }
        state.requireCompatible(name, hyperparameters());
    }

    @Override
    public String toString() {
        return name + hyperparameters();
    }
}
