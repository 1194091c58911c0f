package org.pinn4j.core.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.core.optim.GradientOptimizer;
import org.pinn4j.core.optim.LearningRateSchedule;
import org.pinn4j.core.optim.OptimizerState;

/**
 * What every step of every phase does besides its update: the loss and gradient with the divergence checks,
 * the row in the history (with the validation error when due), the report to the listeners, and the checkpoint
 * when due. One per call of {@link Trainer#train}; its clock starts when it is made.
 */
final class StepRecorder {
    private final RunState run;
    private final List<TrainingListener> listeners;
    private final int total;
    private final ValidationSet validation;
    private final int coefficientOffset;
    private final double[] coefficientScales;
    private final Checkpointing checkpointing;
    private final BooleanSupplier stopRequest;
    private final long startNanos = System.nanoTime();
    private boolean interrupted;
    private final BlowUp blowUp = new BlowUp();

    /**
     * Where and how often the run is saved (every {@code every} steps, 0 = only when it stops on request), and
     * what the checkpoint records about the problem and recipe.
     */
    record Checkpointing(CheckpointStore store, int every, String problem, Recipe recipe) {}

    StepRecorder(
            RunState run,
            List<TrainingListener> listeners,
            int total,
            ValidationSet validation,
            int coefficientOffset,
            double[] coefficientScales,
            Checkpointing checkpointing,
            BooleanSupplier stopRequest) {
        this.run = run;
        this.listeners = listeners;
        this.total = total;
        this.validation = validation;
        this.coefficientOffset = coefficientOffset;
        this.coefficientScales = coefficientScales;
        this.checkpointing = checkpointing;
        this.stopRequest = stopRequest;
    }

    /** True once the run stopped on request ({@link #endStep}). */
    boolean interrupted() {
        return interrupted;
    }

    /** Seconds the run has taken, earlier processes of a resumed run included. */
    double elapsed() {
        return run.elapsedBefore + (System.nanoTime() - startNanos) * 1e-9;
    }

    /** Marks the start of phase {@code ph} in the history (unless it is the one being resumed) and tells the listeners. */
    void phaseStart(int ph, Phase phase, boolean resumed) {
        if (!resumed) {
            run.history.markSwitch(run.step + 1, phase.label());
        }
        for (TrainingListener l : listeners) {
            l.onPhaseStart(ph, phase, run.step + 1);
        }
    }

    /** Tells the listeners why the quasi-Newton phase {@code ph} stopped. */
    void phaseEnd(int ph, Phase phase, String stopReason) {
        for (TrainingListener l : listeners) {
            l.onPhaseEnd(ph, phase, stopReason);
        }
    }

    /** Total weighted loss and its gradient at the current parameters; throws on NaN/Inf. */
    double lossAndGradient(BatchEvaluator evaluator, double[] grad, double[] lastGood) {
        double loss = run.evaluate(evaluator, grad);
        for (ConditionState c : run.conditions) {
            if (!Double.isFinite(c.loss) && run.history.size() == 0) {
                throw new DivergenceException(
                        "loss term '" + c.condition.name() + "' is " + c.loss
                                + " at the initial parameters (step 1), before any update: check its data, source terms and "
                                + "coefficients for NaN or infinite values",
                        lastGood);
            }
            if (!Double.isFinite(c.loss)) {
                throw new DivergenceException(
                        "training diverged at step " + (run.step + 1) + ": loss term '" + c.condition.name()
                                + "' became " + c.loss + "; kept the parameters of step " + run.step,
                        lastGood);
            }
        }
        for (double g : grad) {
            if (!Double.isFinite(g)) {
                throw new DivergenceException(
                        "training diverged at step " + (run.step + 1) + ": the gradient became non-finite (loss " + loss
                                + "); kept the parameters of step " + run.step,
                        lastGood);
            }
            if (Math.abs(g) > MAX_GRADIENT) {
                // Adam's second moment is the gradient squared: it would be infinite, and every update 0
                throw new DivergenceException(
                        "training diverged at step " + (run.step + 1) + ": a gradient entry is " + g + " (loss " + loss
                                + "), too large to square in double precision as the optimizers do; kept the parameters"
                                + " of step " + run.step + "; scale the loss down (condition weights, data, domain)",
                        lastGood);
            }
        }
        return loss;
    }

    /**
     * Counts a step taken and records it: the history row (with the validation error when due) and the report
     * to every listener.
     *
     * @return false when a listener stopped the run
     */
    boolean record(String phase, int epoch, double rate, double loss) {
        blowUp.observe(loss);
        run.step++;
        double elapsed = elapsed();
        double[] params = run.params;
        double[] coefs = Arrays.copyOfRange(params, coefficientOffset, params.length);
        for (int k = 0; k < coefs.length; k++) {
            coefs[k] *= coefficientScales[k];
        }
        double validationError =
                validation != null && validation.due(run.step, total, elapsed) ? validation.error(params) : Double.NaN;
        History history = run.history;
        history.record(run.step, phase, rate, loss, run.losses(), coefs, validationError, elapsed);
        StepReport r = new StepReport(
                run.step,
                total,
                phase,
                epoch,
                rate,
                loss,
                history.termNames(),
                run.losses(),
                history.coefficientNames(),
                coefs,
                elapsed,
                validation == null || Double.isNaN(validationError)
                        ? Double.NaN
                        : validation.relativeL2(validationError));
        boolean go = true;
        for (TrainingListener l : listeners) {
            go &= l.onStep(r);
        }
        return go;
    }

    /**
     * The rule for a loss that blows up without becoming NaN or infinite (SGD with too large a rate): the run
     * diverges when the total loss has been above {@value #BLOW_UP_FACTOR} times the run's first loss (at least
     * {@link Double#MIN_NORMAL}) at each of the last {@value #BLOW_UP_STEPS} steps and is higher at the last of
     * them than at the first. The parameters of the last step at or below that bound are kept. A resumed run
     * counts again from its resumption.
     */
    static final double BLOW_UP_FACTOR = 1e6;

    /** The largest gradient entry a first-order step takes: its square stays a double (sqrt(MAX_VALUE) ~ 1.3e154). */
    static final double MAX_GRADIENT = 1e150;

    /** Steps a blown-up loss must stay above the bound, rising, before the run is stopped. */
    static final int BLOW_UP_STEPS = 50;

    /** Watches the total loss of each step for {@link #BLOW_UP_FACTOR}'s rule, before the step is counted. */
    private final class BlowUp {
        private double bound = Double.NaN;
        private double first;
        private double[] safe;
        private int safeStep;
        private int above;
        private double firstAbove;

        void observe(double loss) {
            if (Double.isNaN(bound)) {
                first = run.history.size() > 0 ? run.history.totals()[0] : loss;
                bound = BLOW_UP_FACTOR * Math.max(first, Double.MIN_NORMAL);
            }
            if (!(loss > bound)) {
                // the parameters that gave this loss: the ones to keep if the loss blows up from here
                if (safe == null) {
                    safe = run.params.clone();
                } else {
                    System.arraycopy(run.params, 0, safe, 0, safe.length);
                }
                safeStep = run.step;
                above = 0;
                return;
            }
            if (above++ == 0) {
                firstAbove = loss;
            }
            if (above >= BLOW_UP_STEPS && loss > firstAbove && safe != null) {
                throw new DivergenceException(
                        "training diverged at step " + (run.step + 1) + ": the total loss grew to " + loss
                                + ", more than 1e6 times its first value " + first + ", and rose over the last "
                                + BLOW_UP_STEPS + " steps; kept the parameters of step " + safeStep
                                + (safeStep == 0 ? " (the initial ones)" : ""),
                        safe);
            }
        }
    }

    /**
     * Ends a step: saves the run when a checkpoint is due after it or a stop was requested (its state, its position,
     * {@code phaseStep} steps of phase {@code ph} done, and the state of whichever of optimizer, schedule and
     * quasi-Newton method the phase has).
     *
     * @return false when the run must stop here, on request
     */
    boolean endStep(
            int ph,
            long phaseStep,
            GradientOptimizer opt,
            LearningRateSchedule schedule,
            Supplier<OptimizerState> quasiNewton) {
        boolean stop = stopRequest.getAsBoolean();
        if (checkpointing != null && (stop || (checkpointing.every() > 0 && run.step % checkpointing.every() == 0))) {
            checkpointing
                    .store()
                    .save(new RunSnapshot(
                            checkpointing.problem(),
                            checkpointing.recipe(),
                            run.step,
                            ph,
                            phaseStep,
                            elapsed(),
                            run.params.clone(),
                            opt == null ? null : opt.exportState(),
                            schedule == null ? null : schedule.exportState(),
                            quasiNewton == null ? null : quasiNewton.get(),
                            run.conditionSnapshots(),
                            run.history.exportState()));
        }
        interrupted |= stop;
        return !stop;
    }
}
