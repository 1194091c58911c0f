package org.pinn4j.core.train;

import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.core.optim.IterationCallback;
import org.pinn4j.core.optim.Lbfgs;
import org.pinn4j.core.optim.LbfgsResult;

/**
 * Runs an L-BFGS phase on the {@link TrainingObjective}: each accepted iteration is one recorded step (with the
 * terms' losses of the evaluation it accepted) and may be checkpointed; a non-finite loss stops the run with the
 * parameters of the last good step.
 */
final class LbfgsPhase {
    private final RunState run;
    private final StepRecorder recorder;
    private final BatchEvaluator evaluator;
    private String stopReason;

    LbfgsPhase(RunState run, StepRecorder recorder, BatchEvaluator evaluator) {
        this.run = run;
        this.recorder = recorder;
        this.evaluator = evaluator;
    }

    /**
     * Runs phase {@code ph} from its start, or from the L-BFGS state in {@code resume} (null: from the start).
     *
     * @return false when a listener stopped the run
     */
    boolean run(int ph, Phase phase, RunSnapshot resume) {
        TrainingObjective objective = new TrainingObjective(run, evaluator);
        double[] lastGood = run.params.clone();
        boolean[] keepGoing = {true};
        DivergenceException[] diverged = {null};
        Lbfgs lbfgs = phase.lbfgsSettings().orElseThrow().create(phase.length());
        IterationCallback callback = (iteration, value, gradNorm) -> {
            double[] losses = objective.lossesAt(value);
            if (losses != null) {
                for (int i = 0; i < run.conditions.length; i++) {
                    run.conditions[i].loss = losses[i];
                }
            }
            if (!Double.isFinite(value)) {
                diverged[0] = new DivergenceException(
                        "training diverged at step " + (run.step + 1) + " (L-BFGS iteration " + iteration
                                + "): total loss became " + value + "; kept the parameters of step " + run.step,
                        lastGood);
                return false;
            }
            keepGoing[0] = recorder.record(phase.label(), 0, Double.NaN, value);
            recorder.checkpointIfDue(ph, iteration, null, null, lbfgs);
            return keepGoing[0];
        };
        LbfgsResult result;
        if (resume != null && resume.lbfgs() != null) {
            lbfgs.importState(resume.lbfgs());
            result = lbfgs.resume(objective, callback);
        } else {
            result = lbfgs.minimize(objective, run.params.clone(), callback);
        }
        if (diverged[0] != null) {
            throw diverged[0];
        }
        System.arraycopy(result.x(), 0, run.params, 0, run.params.length);
        // evaluations include the line searches' extra ones: the cost of an iteration is that many steps' worth
        stopReason = result.stopReason().description() + " (" + result.iterations() + " iterations, "
                + result.evaluations() + " function evaluations)";
        return keepGoing[0];
    }

    /** Why the last run of an L-BFGS phase stopped, or null if none has run to its end. */
    String stopReason() {
        return stopReason;
    }
}
