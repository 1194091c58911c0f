package org.pinn4j.core.train;

import java.util.function.Supplier;
import org.pinn4j.core.optim.GradientOptimizer;
import org.pinn4j.core.optim.LearningRateSchedule;
import org.pinn4j.core.optim.Optimizers;
import org.pinn4j.core.optim.Schedules;

/**
 * One stretch of training with one optimizer: a first-order method for a number of steps (full batch)
 * or epochs of mini-batches, or L-BFGS for a number of iterations. A {@link Recipe} chains phases, so
 * "Adam then L-BFGS" is two phases. Immutable.
 */
public final class Phase {
    /** How the phase iterates. */
    public enum Mode {
        /** Full-batch steps of a first-order optimizer, every point of every condition in each step. */
        STEPS,
        /** Epochs of mini-batches of a first-order optimizer. */
        EPOCHS,
        /** Full-batch L-BFGS iterations with a line search. */
        LBFGS
    }

    private final Mode mode;
    private final Supplier<GradientOptimizer> optimizer;
    private final Supplier<LearningRateSchedule> schedule;
    private final int length;
    private final int batchSize;
    private final int resampleEvery;
    private final String label;
    private final Refinement refinement;

    /**
     * Residual-based adaptive refinement: every {@code every} steps, draw {@code candidates} points of the
     * condition's region, and add the {@code add} with the largest residual to its points.
     *
     * @param condition name of the condition to refine
     * @param every     steps between refinements
     * @param candidates size of the candidate pool
     * @param add       points added per refinement
     */
    public record Refinement(String condition, int every, int candidates, int add) {
        /** Checks the sizes. */
        public Refinement {
            if (every < 1 || candidates < 1 || add < 1 || add > candidates) {
                throw new IllegalArgumentException("refinement of '" + condition
                        + "' needs every >= 1, candidates >= 1 and " + "1 <= add <= candidates; got every " + every
                        + ", candidates " + candidates + ", add " + add);
            }
        }
    }

    private Phase(
            Mode mode,
            Supplier<GradientOptimizer> optimizer,
            Supplier<LearningRateSchedule> schedule,
            int length,
            int batchSize,
            int resampleEvery,
            String label) {
        this(mode, optimizer, schedule, length, batchSize, resampleEvery, label, null);
    }

    private Phase(
            Mode mode,
            Supplier<GradientOptimizer> optimizer,
            Supplier<LearningRateSchedule> schedule,
            int length,
            int batchSize,
            int resampleEvery,
            String label,
            Refinement refinement) {
        if (length < 1) {
            throw new IllegalArgumentException(
                    label + ": " + (mode == Mode.EPOCHS ? "epochs" : mode == Mode.LBFGS ? "iterations" : "steps")
                            + " must be >= 1; got " + length);
        }
        if (mode == Mode.EPOCHS && batchSize < 1) {
            throw new IllegalArgumentException(label + ": batch size must be >= 1; got " + batchSize);
        }
        if (resampleEvery < 0) {
            throw new IllegalArgumentException(
                    label + ": resample interval must be >= 0 (0 = never); got " + resampleEvery);
        }
        this.mode = mode;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.length = length;
        this.batchSize = batchSize;
        this.resampleEvery = resampleEvery;
        this.label = label;
        this.refinement = refinement;
        if (refinement != null && mode != Mode.STEPS) {
            throw new IllegalArgumentException(
                    label + ": residual-based refinement works with full-batch steps; this phase is " + mode);
        }
        if (refinement != null && resampleEvery > 0) {
            throw new IllegalArgumentException(
                    label + ": refinement and resampling both replace points; use one of them");
        }
    }

    /** Adam with a constant learning rate, full batch. */
    public static Phase adam(int steps, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "adam: learning rate " + learningRate + " must be a positive finite number, e.g. 1e-3");
        }
        return steps(Optimizers::adam, () -> Schedules.constant(learningRate), steps, "adam");
    }

    /** Any first-order optimizer and schedule, full batch; the suppliers give fresh instances per run. */
    public static Phase steps(
            Supplier<GradientOptimizer> optimizer, Supplier<LearningRateSchedule> schedule, int steps, String label) {
        return new Phase(Mode.STEPS, optimizer, schedule, steps, 0, 0, label);
    }

    /** Epochs of mini-batches: every epoch reshuffles each condition's points and splits them into batches. */
    public static Phase epochs(
            Supplier<GradientOptimizer> optimizer,
            Supplier<LearningRateSchedule> schedule,
            int epochs,
            int batchSize,
            String label) {
        return new Phase(Mode.EPOCHS, optimizer, schedule, epochs, batchSize, 0, label);
    }

    /** L-BFGS (strong-Wolfe line search) for at most {@code iterations} iterations, full batch. */
    public static Phase lbfgs(int iterations) {
        return new Phase(Mode.LBFGS, null, null, iterations, 0, 0, "lbfgs");
    }

    /** Copy that resamples the non-fixed conditions' points every k steps (0 = never). */
    public Phase resampleEvery(int k) {
        return new Phase(mode, optimizer, schedule, length, batchSize, k, label, refinement);
    }

    /** Copy with residual-based adaptive refinement of one condition (full-batch step phases only). */
    public Phase refine(String condition, int every, int candidates, int add) {
        return new Phase(
                mode,
                optimizer,
                schedule,
                length,
                batchSize,
                resampleEvery,
                label,
                new Refinement(condition, every, candidates, add));
    }

    /** The refinement settings, or null. */
    public Refinement refinement() {
        return refinement;
    }

    /** Mode. */
    public Mode mode() {
        return mode;
    }

    /** A fresh optimizer (null for L-BFGS). */
    public GradientOptimizer newOptimizer() {
        return optimizer == null ? null : optimizer.get();
    }

    /** A fresh schedule (null for L-BFGS). */
    public LearningRateSchedule newSchedule() {
        return schedule == null ? null : schedule.get();
    }

    /** Steps, epochs or iterations. */
    public int length() {
        return length;
    }

    /** Mini-batch size (EPOCHS mode). */
    public int batchSize() {
        return batchSize;
    }

    /** Resampling interval in steps (0 = never). */
    public int resampleEvery() {
        return resampleEvery;
    }

    /** Label shown in progress lines, history and charts. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        switch (mode) {
            case LBFGS:
                return "L-BFGS " + length + " iterations";
            case EPOCHS:
                return label + " " + length + " epochs, batch " + batchSize;
            default:
                return label + " " + length + " steps" + (resampleEvery > 0 ? ", resample every " + resampleEvery : "")
                        + (refinement != null
                                ? ", refine '" + refinement.condition() + "' every " + refinement.every() + " (+"
                                        + refinement.add() + " of " + refinement.candidates() + ")"
                                : "");
        }
    }
}
