package org.pinn4j.core.optim;

/**
 * The settings of a built-in learning-rate schedule, as a value: {@link #create()} makes a fresh schedule, and
 * model files and reports record every setting. The records check their values as {@link Schedules} does.
 */
public sealed interface ScheduleSettings
        permits ScheduleSettings.Constant,
                ScheduleSettings.Step,
                ScheduleSettings.Exponential,
                ScheduleSettings.Cosine,
                ScheduleSettings.Plateau {

    /** The schedule's name. */
    String name();

    /** A fresh schedule with these settings. */
    LearningRateSchedule create();

    /** The rate at the first step. */
    double initialRate();

    /**
     * These settings with another rate at the first step; the other settings are kept, except a cosine's floor,
     * scaled by the same factor.
     *
     * @throws IllegalArgumentException if the rate is not a positive finite number (or below a plateau's minimum)
     */
    ScheduleSettings withInitialRate(double rate);

    /** The name and every setting, e.g. "constant(rate 0.002)". */
    default String describe() {
        return Settings.describe(name(), (Record) this);
    }

    /**
     * The same rate at every step.
     *
     * @param rate the learning rate
     */
    record Constant(double rate) implements ScheduleSettings {
        /** Checks the rate. */
        public Constant {
            Schedules.constant(rate);
        }

        @Override
        public String name() {
            return "constant";
        }

        @Override
        public LearningRateSchedule create() {
            return Schedules.constant(rate);
        }

        @Override
        public double initialRate() {
            return rate;
        }

        @Override
        public ScheduleSettings withInitialRate(double rate) {
            return new Constant(rate);
        }
    }

    /**
     * Step decay, {@code initial * gamma^floor(step / every)}.
     *
     * @param initial the first rate
     * @param every steps between decays
     * @param gamma the factor of each decay
     */
    record Step(double initial, long every, double gamma) implements ScheduleSettings {
        /** Checks the values. */
        public Step {
            Schedules.step(initial, every, gamma);
        }

        @Override
        public String name() {
            return "step";
        }

        @Override
        public LearningRateSchedule create() {
            return Schedules.step(initial, every, gamma);
        }

        @Override
        public double initialRate() {
            return initial;
        }

        @Override
        public ScheduleSettings withInitialRate(double rate) {
            return new Step(rate, every, gamma);
        }
    }

    /**
     * Smooth exponential decay, {@code initial * decayRate^(step / decaySteps)}.
     *
     * @param initial the first rate
     * @param decayRate the factor after {@code decaySteps} steps
     * @param decaySteps steps over which the rate is multiplied by {@code decayRate}
     */
    record Exponential(double initial, double decayRate, long decaySteps) implements ScheduleSettings {
        /** Checks the values. */
        public Exponential {
            Schedules.exponential(initial, decayRate, decaySteps);
        }

        @Override
        public String name() {
            return "exponential";
        }

        @Override
        public LearningRateSchedule create() {
            return Schedules.exponential(initial, decayRate, decaySteps);
        }

        @Override
        public double initialRate() {
            return initial;
        }

        @Override
        public ScheduleSettings withInitialRate(double rate) {
            return new Exponential(rate, decayRate, decaySteps);
        }
    }

    /**
     * Cosine annealing from {@code initial} to {@code floor} over {@code steps} steps.
     *
     * @param initial the first rate
     * @param floor the last rate, kept after {@code steps}
     * @param steps the length of the decay
     */
    record Cosine(double initial, double floor, long steps) implements ScheduleSettings {
        /** Checks the values. */
        public Cosine {
            Schedules.cosine(initial, floor, steps);
        }

        @Override
        public String name() {
            return "cosine";
        }

        @Override
        public LearningRateSchedule create() {
            return Schedules.cosine(initial, floor, steps);
        }

        @Override
        public double initialRate() {
            return initial;
        }

        @Override
        public ScheduleSettings withInitialRate(double rate) {
            return new Cosine(rate, floor * (rate / initial), steps);
        }
    }

    /**
     * Reduce-on-plateau; see {@link ReduceOnPlateau}.
     *
     * @param initial the first rate
     * @param factor multiplier in (0, 1) applied on a plateau
     * @param patience non-improving observations tolerated before reducing
     * @param minRate the rate never goes below this
     * @param threshold relative improvement that counts
     */
    record Plateau(double initial, double factor, int patience, double minRate, double threshold)
            implements ScheduleSettings {
        /** Checks the values. */
        public Plateau {
            new ReduceOnPlateau(initial, factor, patience, minRate, threshold);
        }

        /** With the threshold {@link Schedules#reduceOnPlateau} uses, 1e-4. */
        public Plateau(double initial, double factor, int patience, double minRate) {
            this(initial, factor, patience, minRate, 1e-4);
        }

        @Override
        public String name() {
            return "reduce-on-plateau";
        }

        @Override
        public LearningRateSchedule create() {
            return new ReduceOnPlateau(initial, factor, patience, minRate, threshold);
        }

        @Override
        public double initialRate() {
            return initial;
        }

        @Override
        public ScheduleSettings withInitialRate(double rate) {
            return new Plateau(rate, factor, patience, minRate, threshold);
        }
    }
}
