package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.List;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.core.optim.GradientOptimizer;
import org.pinn4j.core.optim.LearningRateSchedule;

/**
 * Runs a first-order phase (full-batch steps or epochs of mini-batches) with the phase's optimizer and schedule.
 * Both kinds share one step body: the phase's {@link StepHook}s in order, each acting when due, then the loss
 * and gradient, the record of the step, the optimizer's update, the schedule's observation and the checkpoint.
 * The hooks are what differs: resampling, residual refinement and weight annealing for full batches;
 * resampling, the epoch's mini-batch and weight annealing for epochs.
 */
final class FirstOrderPhase {
    private final RunState run;
    private final TrainingConditions conditions;
    private final MiniBatches miniBatches;
    private final WeightAnnealing annealing;
    private final StepRecorder recorder;
    private final BatchEvaluator evaluator;

    FirstOrderPhase(
            RunState run,
            TrainingConditions conditions,
            MiniBatches miniBatches,
            WeightAnnealing annealing,
            StepRecorder recorder,
            BatchEvaluator evaluator) {
        this.run = run;
        this.conditions = conditions;
        this.miniBatches = miniBatches;
        this.annealing = annealing;
        this.recorder = recorder;
        this.evaluator = evaluator;
    }

    /**
     * Runs phase {@code ph} from its start, or from the position in {@code resume} (null: from the start).
     *
     * @return false when a listener stopped the run or a stop was requested
     */
    boolean run(int ph, Phase phase, RunSnapshot resume) {
        GradientOptimizer opt = phase.newOptimizer();
        LearningRateSchedule schedule = phase.newSchedule();
        long first = 0;
        if (resume != null) {
            if (resume.optimizer() != null) {
                opt.importState(resume.optimizer());
            }
            if (resume.schedule() != null) {
                schedule.importState(resume.schedule());
            }
            first = resume.phaseStep();
        }
        boolean epochs = phase.mode() == Phase.Mode.EPOCHS;
        int batches = epochs ? miniBatches.perEpoch(phase) : 1;
        long length = (long) phase.length() * batches;
        List<StepHook> hooks = new ArrayList<>();
        int every = phase.resampleEvery();
        Phase.ResidualAttention attention = phase.residualAttention();
        if (attention != null) {
            conditions.attachMultipliers(attention, resume);
        }
        hooks.add((q, ev) -> {
            if (every > 0 && q > 0 && q % every == 0) {
                conditions.resampleAll(phase.residualSampling(), ev, run.params);
                if (attention != null) {
                    conditions.attachMultipliers(attention, null); // new points start again
                }
            }
        });
        Phase.Refinement refinement = phase.refinement();
        if (epochs) {
            hooks.add(miniBatches.epochBatches(ph, phase, batches, every, first));
        } else if (refinement != null) {
            hooks.add((q, ev) -> {
                if (q > 0 && q % refinement.every() == 0) {
                    conditions.refine(refinement, ev, run.params);
                }
            });
        }
        hooks.add(annealing);
        double[] grad = new double[run.params.length];
        double[] lastGood = run.params.clone();
        try {
            for (long q = first; q < length; q++) {
                int epoch = epochs ? (int) (q / batches) + 1 : 0;
                if (!step(ph, phase, q, epoch, hooks, opt, schedule, grad, lastGood)) {
                    return false;
                }
            }
            return true;
        } finally {
            if (epochs) {
                miniBatches.restoreFull();
            }
            conditions.detachMultipliers();
        }
    }

    /**
     * One step, the same for full batches and mini-batches: the hooks, loss and gradient, the record, the last
     * good parameters, the optimizer's update, the schedule's observation and the checkpoint (when due).
     *
     * @param phaseStep the step within the phase (0-based)
     * @param epoch the 1-based epoch of a mini-batch phase, 0 in a full-batch phase
     * @return false when a listener stopped the run or a stop was requested
     */
    private boolean step(
            int ph,
            Phase phase,
            long phaseStep,
            int epoch,
            List<StepHook> hooks,
            GradientOptimizer opt,
            LearningRateSchedule schedule,
            double[] grad,
            double[] lastGood) {
        for (StepHook h : hooks) {
            h.beforeStep(phaseStep, evaluator);
        }
        double rate = schedule.rate(phaseStep);
        double loss = recorder.lossAndGradient(evaluator, grad, lastGood);
        if (!recorder.record(phase.label(), epoch, rate, loss)) {
            return false;
        }
        System.arraycopy(run.params, 0, lastGood, 0, lastGood.length);
        if (phase.residualAttention() != null) {
            conditions.updateMultipliers(phase.residualAttention(), phaseStep + 1);
        }
        opt.step(run.params, grad, rate);
        schedule.observe(loss);
        return recorder.endStep(ph, phaseStep + 1, opt, schedule, null);
    }
}
