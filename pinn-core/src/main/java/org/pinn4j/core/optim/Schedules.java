package org.pinn4j.core.optim;

import java.util.Map;

/** Factory for learning-rate schedules. Step indices are 0-based optimizer steps. */
public final class Schedules {

    private Schedules() {}

    private static double positive(String owner, String what, double v) {
        return AbstractGradientOptimizer.requirePositive(owner + " schedule", what, v);
    }

    /** The same rate at every step. */
    public static LearningRateSchedule constant(double rate) {
        return new Constant(positive("constant", "rate", rate));
    }

    /**
     * Step decay: {@code initial * gamma^floor(step / every)}, i.e. the rate is multiplied by
     * {@code gamma} after every {@code every} steps.
     */
    public static LearningRateSchedule step(double initial, long every, double gamma) {
        positive("step", "initial rate", initial);
        positive("step", "gamma", gamma);
        if (every < 1) {
            throw new IllegalArgumentException("step schedule: 'every' must be >= 1 step, got " + every);
        }
        return new StepDecay(initial, every, gamma);
    }

    /** Exponential decay per step: {@code initial * gamma^step}. */
    public static LearningRateSchedule exponential(double initial, double gamma) {
        return exponential(initial, gamma, 1);
    }

    /**
     * Smooth exponential decay: {@code initial * decayRate^(step / decaySteps)} (real exponent), so
     * the rate has been multiplied by {@code decayRate} after {@code decaySteps} steps.
     */
    public static LearningRateSchedule exponential(double initial, double decayRate, long decaySteps) {
        positive("exponential", "initial rate", initial);
        positive("exponential", "decay rate", decayRate);
        if (decaySteps < 1) {
            throw new IllegalArgumentException("exponential schedule: decay steps must be >= 1, got " + decaySteps);
        }
        return new Exponential(initial, decayRate, decaySteps);
    }

    /**
     * Cosine annealing from {@code initial} to {@code floor} over {@code steps} steps:
     * {@code floor + (initial - floor) (1 + cos(pi * min(step, steps) / steps)) / 2}; the rate stays
     * at {@code floor} afterwards.
     */
    public static LearningRateSchedule cosine(double initial, double floor, long steps) {
        positive("cosine", "initial rate", initial);
        AbstractGradientOptimizer.requireNonNegative("cosine schedule", "floor", floor);
        if (floor > initial) {
            throw new IllegalArgumentException(
                    "cosine schedule: floor " + floor + " must be <= initial rate " + initial);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("cosine schedule: steps must be >= 1, got " + steps);
        }
        return new Cosine(initial, floor, steps);
    }

    /**
     * Reduce-on-plateau with relative improvement threshold 1e-4; see {@link ReduceOnPlateau}.
     *
     * @param initial starting rate
     * @param factor multiplier in (0, 1) applied on a plateau
     * @param patience number of non-improving observations tolerated before reducing
     * @param minRate the rate never goes below this
     */
    public static ReduceOnPlateau reduceOnPlateau(double initial, double factor, int patience, double minRate) {
        return new ReduceOnPlateau(initial, factor, patience, minRate, 1e-4);
    }

    private static final class Constant extends AbstractSchedule {
        private final double rate;

        Constant(double rate) {
            super("constant");
            this.rate = rate;
        }

        @Override
        Map<String, Double> hyperparameters() {
            return AbstractGradientOptimizer.ordered("rate", rate);
        }

        @Override
        double rateAt(long step) {
            return rate;
        }
    }

    private static final class StepDecay extends AbstractSchedule {
        private final double initial;
        private final long every;
        private final double gamma;

        StepDecay(double initial, long every, double gamma) {
            super("step");
            this.initial = initial;
            this.every = every;
            this.gamma = gamma;
        }

        @Override
        Map<String, Double> hyperparameters() {
            return AbstractGradientOptimizer.ordered("initial", initial, "every", (double) every, "gamma", gamma);
        }

        @Override
        double rateAt(long step) {
            return initial * StrictMath.pow(gamma, (double) (step / every));
        }
    }

    private static final class Exponential extends AbstractSchedule {
        private final double initial;
        private final double decayRate;
        private final long decaySteps;

        Exponential(double initial, double decayRate, long decaySteps) {
            super("exponential");
            this.initial = initial;
            this.decayRate = decayRate;
            this.decaySteps = decaySteps;
        }

        @Override
        Map<String, Double> hyperparameters() {
            return AbstractGradientOptimizer.ordered(
                    "initial", initial, "decayRate", decayRate, "decaySteps", (double) decaySteps);
        }

        @Override
        double rateAt(long step) {
            return initial * StrictMath.pow(decayRate, (double) step / (double) decaySteps);
        }
    }

    private static final class Cosine extends AbstractSchedule {
        private final double initial;
        private final double floor;
        private final long steps;

        Cosine(double initial, double floor, long steps) {
            super("cosine");
            this.initial = initial;
            this.floor = floor;
            this.steps = steps;
        }

        @Override
        Map<String, Double> hyperparameters() {
            return AbstractGradientOptimizer.ordered("initial", initial, "floor", floor, "steps", (double) steps);
        }

        @Override
        double rateAt(long step) {
            if (step >= steps) {
                return floor;
            }
            double c = StrictMath.cos(Math.PI * (double) step / (double) steps);
            return floor + 0.5 * (initial - floor) * (1.0 + c);
        }
    }
}
