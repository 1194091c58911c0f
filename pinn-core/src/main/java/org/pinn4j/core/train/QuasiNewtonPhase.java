package org.pinn4j.core.train;

import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.core.optim.DenseQuasiNewton;
import org.pinn4j.core.optim.IterationCallback;
import org.pinn4j.core.optim.LbfgsResult;
import org.pinn4j.core.optim.LevenbergMarquardt;
import org.pinn4j.core.optim.QuasiNewtonMethod;

/**
 * Runs a quasi-Newton phase (L-BFGS, or BFGS / self-scaled Broyden on a dense inverse-Hessian estimate) on the
 * {@link TrainingObjective}: each accepted iteration is one recorded step (with the terms' losses of the
 * evaluation it accepted) and may be checkpointed; a non-finite loss stops the run with the parameters of the
 * last good step. A dense estimate that does not fit the heap is refused before the phase starts. Both kinds of method are a
 * {@link QuasiNewtonMethod}. With {@link Phase#resampleEvery} k &gt; 0 the run restarts every k iterations: new points
 * for the sampled conditions (uniform, or by the residual at the current point: {@link Phase#resampleByResidual}),
 * value and gradient evaluated there, the curvature memory (L-BFGS pairs, H) carried over (Urban et al.'s
 * "restarts").
 */
final class QuasiNewtonPhase {

    private final RunState run;
    private final TrainingConditions conditions;
    private final StepRecorder recorder;
    private final BatchEvaluator evaluator;
    private String stopReason;

    private final int threads;

    QuasiNewtonPhase(
            RunState run, TrainingConditions conditions, StepRecorder recorder, BatchEvaluator evaluator, int threads) {
        this.threads = threads;
        this.run = run;
        this.conditions = conditions;
        this.recorder = recorder;
        this.evaluator = evaluator;
    }

    /**
     * Runs phase {@code ph} from its start, or from the optimizer state in {@code resume} (null: from the start).
     *
     * @return false when a listener stopped the run or a stop was requested
     */
    boolean run(int ph, Phase phase, RunSnapshot resume) {
        TrainingObjective objective = new TrainingObjective(run, evaluator);
        double[] lastGood = run.params.clone();
        boolean[] keepGoing = {true};
        boolean[] restartDue = {false};
        int every = phase.resampleEvery();
        DivergenceException[] diverged = {null};
        QuasiNewtonMethod method = method(phase, objective);
        IterationCallback callback = (iteration, value, gradNorm) -> {
            double[] losses = objective.lossesAt(value);
            if (losses != null) {
                for (int i = 0; i < run.conditions.length; i++) {
                    run.conditions[i].loss = losses[i];
                }
            }
            if (!Double.isFinite(value)) {
                diverged[0] = new DivergenceException(
                        "training diverged at step " + (run.step + 1) + " (" + phase.label() + " iteration " + iteration
                                + "): total loss became " + value + "; kept the parameters of step " + run.step,
                        lastGood);
                return false;
            }
            keepGoing[0] = recorder.record(phase.label(), 0, Double.NaN, value);
            // saved before a restart: a resumed run restarts from the same points and RNG state
            keepGoing[0] &= recorder.endStep(ph, iteration, null, null, method::exportState);
            restartDue[0] = keepGoing[0] && every > 0 && iteration % every == 0 && iteration < phase.length();
            return keepGoing[0] && !restartDue[0];
        };
        LbfgsResult result;
        if (resume != null && resume.quasiNewton() != null) {
            method.importState(resume.quasiNewton());
            long done = resume.phaseStep();
            if (every > 0 && done > 0 && done % every == 0 && done < phase.length()) {
                restart(method, objective, phase);
            }
            result = method.resume(objective, callback);
        } else {
            result = method.minimize(objective, run.params.clone(), callback);
        }
        while (restartDue[0] && diverged[0] == null) {
            restartDue[0] = false;
            restart(method, objective, phase);
            result = method.resume(objective, callback);
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

    /** New points for the sampled conditions, and the method restarted on them. */
    private void restart(QuasiNewtonMethod method, TrainingObjective objective, Phase phase) {
        conditions.resampleAll(phase.residualSampling(), evaluator, method.point());
        if (!method.restart(objective)) {
            // the objective has just evaluated the current point, so run.params holds it
            throw new DivergenceException(
                    "training diverged at step " + run.step + " (" + phase.label() + " restart on new points): the loss"
                            + " there is not finite; kept the parameters of step " + run.step,
                    run.params.clone());
        }
    }

    /** The phase's method, with its settings and iteration limit; a dense estimate is checked against the heap. */
    private QuasiNewtonMethod method(Phase phase, TrainingObjective objective) {
        if (phase.mode() == Phase.Mode.LBFGS) {
            return phase.lbfgsSettings().orElseThrow().create(phase.length());
        }
        if (phase.mode() == Phase.Mode.LEVENBERG_MARQUARDT) {
            requireJacobianHeap(phase.label(), objective.residualCount(), run.params.length);
            return new LevenbergMarquardt(phase.levenbergMarquardtSettings().orElseThrow())
                    .maxIterations(phase.length())
                    .threads(threads);
        }
        requireHeap(phase.label(), run.params.length);
        return new DenseQuasiNewton(
                        phase.mode() == Phase.Mode.BFGS
                                ? DenseQuasiNewton.Update.BFGS
                                : DenseQuasiNewton.Update.SSBROYDEN,
                        phase.quasiNewtonSettings().orElseThrow())
                .maxIterations(phase.length())
                .threads(threads);
    }

    /**
     * Refuses, before any work, a dense N x N estimate (with a copy for checkpoints) that the heap cannot hold.
     *
     * @throws IllegalArgumentException with the parameter count and the memory needed and available
     */
    static void requireHeap(String method, int n) {
        long needed = 2L * 8L * n * (long) n;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if ((long) n * n > Integer.MAX_VALUE - 8 || needed > available) {
            throw new IllegalArgumentException(method + ": the dense inverse-Hessian estimate of " + n
                    + " parameters needs " + (needed >> 20) + " MB (an N x N matrix and a copy for checkpoints); "
                    + (available >> 20) + " MB of heap are free: give Java more (PINN_JAVA_OPTS=-Xmx"
                    + Math.max(1, (needed >> 30) + 2) + "g), a smaller network, or lbfgs");
        }
    }

    /**
     * Refuses, before any work, a Levenberg-Marquardt phase whose block of Jacobian rows, residual vectors and two N
     * x N matrices of the normal equations the heap cannot hold, or that do not fit Java arrays.
     *
     * @throws IllegalArgumentException with the sizes and the memory needed and available
     */
    static void requireJacobianHeap(String method, long m, int n) {
        long block = Math.min(m, LevenbergMarquardt.JACOBIAN_BLOCK_ROWS);
        long doubles = block * n + 2L * n * n + 3 * m + 4L * n;
        long needed = 8L * doubles;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (block * n > Integer.MAX_VALUE - 8 || (long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(method + ": a block of " + block + " Jacobian rows x " + n
                    + " parameters or the " + n + " x " + n + " normal equations do not fit one Java array (2^31 - 1"
                    + " entries); use a smaller network");
        }
        if (needed > available) {
            throw new IllegalArgumentException(method + ": the Jacobian (in blocks of " + block + " of its " + m
                    + " rows) x " + n + " parameters and the normal equations need " + (needed >> 20) + " MB; "
                    + (available >> 20) + " MB of heap are free: give Java more (PINN_JAVA_OPTS=-Xmx"
                    + Math.max(1, (needed >> 30) + 2) + "g) or a smaller network");
        }
    }

    /** Why the last run of a quasi-Newton phase stopped, or null if none has run to its end. */
    String stopReason() {
        return stopReason;
    }
}
