package org.pinn4j.core.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.optim.GradientOptimizer;
import org.pinn4j.core.optim.Lbfgs;
import org.pinn4j.core.optim.LbfgsResult;
import org.pinn4j.core.optim.LearningRateSchedule;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;

/**
 * Trains a {@link Problem} with a {@link Recipe}: builds the network from the seed, compiles every
 * condition into a loss term planned for exactly the derivatives it reads, samples the points, and runs
 * the recipe's phases (full-batch steps, epochs of mini-batches, L-BFGS), reporting each step to the
 * listeners and recording the history.
 *
 * <p>Everything random derives from the recipe's seed, and batch evaluation is bit-identical for any
 * thread count, so a seed decides the result. A loss or gradient that becomes NaN or infinite stops the
 * run with a message naming the step and the term, and the parameters of the last good step are kept.
 * With {@link #checkpointEvery} the full state is saved periodically; {@link #resume} continues from
 * such a checkpoint and reaches bit-for-bit the same result as the uninterrupted run.
 */
public final class Trainer {
    private final Problem problem;
    private final Recipe recipe;
    private final List<TrainingListener> listeners;
    private final NetworkSpec spec;
    private final double[] params;
    private final int coefficientOffset;
    /** Scale of each coefficient: the parameter vector holds value / scale. */
    private final double[] coefficientScales;

    /** The conditions' terms and points. */
    private final TrainingConditions conditions;
    /** One per condition, in order: term, sampler, points, columns, weight, last loss. */
    private final ConditionState[] states;

    private final History history;
    /** Parameters, condition states, history, steps and time: what a checkpoint saves. */
    private final RunState run;
    /** The weight-annealing hook every first-order phase runs (does nothing unless the recipe asks for it). */
    private final WeightAnnealing annealing;
    /** Mini-batches of the pointwise conditions for epoch phases. */
    private final MiniBatches miniBatches;

    private Validation validation;
    private final long seed;
    private long startNanos;
    private Path checkpointFile;
    private int checkpointEvery;
    private Checkpoint resumeFrom;
    private String lbfgsStop;

    /** Prepares a run: network, terms and the first points. */
    public Trainer(Problem problem, Recipe recipe, TrainingListener... listeners) {
        this.problem = problem;
        this.recipe = recipe;
        this.listeners = List.of(listeners);
        this.seed = recipe.seed();
        SplittableRandom rng = new SplittableRandom(seed);
        this.spec = recipe.network()
                .spec(
                        problem.inputs().size(),
                        problem.outputs().size(),
                        problem.domain().lower(),
                        problem.domain().upper(),
                        rng.split());
        double[] net = recipe.network().initialParameters(spec, rng.split());
        this.coefficientOffset = spec.parameterCount();
        this.params = Arrays.copyOf(net, net.length + problem.coefficients().size());
        this.coefficientScales = problem.coefficientScales();
        int k = 0;
        for (double v : problem.coefficients().values()) {
            params[coefficientOffset + k] = v / coefficientScales[k]; // the optimizer works on value / scale
            k++;
        }
        this.conditions = new TrainingConditions(problem, recipe, spec, coefficientOffset, rng);
        this.states = conditions.states;
        this.history = new History(conditions.names(), problem.coefficientNames());
        this.run = new RunState(params, states, history);
        this.annealing = new WeightAnnealing(run, recipe.annealEvery(), recipe.annealAlpha());
        this.miniBatches = new MiniBatches(seed, states);
    }

    /**
     * Continues the run saved in {@code checkpoint} (made by {@link #checkpointEvery} with the same problem
     * and recipe): the result is bit-identical to the run that was never interrupted.
     *
     * @throws IllegalArgumentException if the file is missing, damaged, or from another problem or recipe
     */
    public static Trainer resume(Problem problem, Recipe recipe, Path checkpoint, TrainingListener... listeners) {
        Trainer t = new Trainer(problem, recipe, listeners);
        Checkpoint c = Checkpoint.read(checkpoint);
        if (!c.problem.equals(problem.name()) || !c.configuration.equals(t.configuration())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " was made for problem '" + c.problem
                    + "' with " + c.configuration + "; this run is '" + problem.name() + "' with " + t.configuration());
        }
        if (c.parameters.length != t.params.length || c.samplerStates.length != t.states.length) {
            throw new IllegalArgumentException(
                    "checkpoint " + checkpoint + " does not match this problem's network or conditions");
        }
        t.run.restore(c);
        t.conditions.restorePoints(c);
        t.resumeFrom = c;
        return t;
    }

    /**
     * Records a validation error every {@code every} steps (and at the last step): the mean squared
     * difference between the model's outputs and {@code values[output][p]} at {@code points}.
     */
    public Trainer validation(PointSet points, double[][] values, int every) {
        this.validation = new Validation(problem, spec, recipe.tileSize(), points, values, every);
        return this;
    }

    /** Saves the full training state to {@code file} (atomically) every {@code steps} steps. */
    public Trainer checkpointEvery(int steps, Path file) {
        if (steps < 1) {
            throw new IllegalArgumentException("checkpoint interval must be >= 1 step; got " + steps);
        }
        this.checkpointEvery = steps;
        this.checkpointFile = file;
        return this;
    }

    /** What a checkpoint must agree on besides the problem name (the thread count is free to change). */
    private String configuration() {
        return recipe.withThreads(1).toString() + ", tile " + recipe.tileSize();
    }

    /** Runs all phases (or the rest of them, after {@link #resume}) and returns the model with its history. */
    public TrainingResult train() {
        startNanos = System.nanoTime();
        int total = plannedSteps();
        TrainingResult.Status status = TrainingResult.Status.COMPLETED;
        String message = "completed " + total + " planned steps";
        try (BatchEvaluator evaluator = new BatchEvaluator(recipe.threads())) {
            List<Phase> phases = recipe.phases();
            int firstPhase = resumeFrom == null ? 0 : resumeFrom.phase;
            for (int ph = firstPhase; ph < phases.size(); ph++) {
                Phase phase = phases.get(ph);
                Checkpoint resume = resumeFrom != null && ph == resumeFrom.phase ? resumeFrom : null;
                if (resume == null) {
                    history.markSwitch(run.step + 1, phase.label());
                }
                for (TrainingListener l : listeners) {
                    l.onPhaseStart(ph, phase, run.step + 1);
                }
                boolean go;
                switch (phase.mode()) {
                    case LBFGS:
                        go = runLbfgs(ph, phase, evaluator, total, resume);
                        if (lbfgsStop != null) {
                            message = "L-BFGS stopped: " + lbfgsStop;
                        }
                        break;
                    case EPOCHS:
                        go = runEpochs(ph, phase, evaluator, total, resume);
                        break;
                    default:
                        go = runSteps(ph, phase, evaluator, total, resume);
                }
                if (!go) {
                    status = TrainingResult.Status.STOPPED;
                    message = "stopped by a listener at step " + run.step;
                    break;
                }
            }
        } catch (DivergenceException e) {
            System.arraycopy(e.lastGood, 0, params, 0, params.length);
            status = TrainingResult.Status.DIVERGED;
            message = e.getMessage();
        }
        return new TrainingResult(model(), history, elapsed(), status, message);
    }

    /** The current points of the named condition (grows under refinement). */
    public PointSet pointsOf(String condition) {
        return states[conditions.indexOf(condition)].points;
    }

    /** Current weights of the conditions, in order (differ from the declared ones under adaptive weighting). */
    public double[] weights() {
        return run.weights();
    }

    /** The model with the current parameters. */
    public PinnModel model() {
        return new PinnModel(problem, spec, params.clone(), recipe);
    }

    private double elapsed() {
        return run.elapsedBefore + (System.nanoTime() - startNanos) * 1e-9;
    }

    /** Steps the recipe plans in all (epochs counted as their mini-batches, L-BFGS as its iterations). */
    public int plannedSteps() {
        int total = 0;
        for (Phase p : recipe.phases()) {
            total += p.mode() == Phase.Mode.EPOCHS ? p.length() * miniBatches.perEpoch(p.batchSize()) : p.length();
        }
        return total;
    }

    private boolean runSteps(int ph, Phase phase, BatchEvaluator evaluator, int total, Checkpoint resume) {
        GradientOptimizer opt = phase.newOptimizer();
        LearningRateSchedule schedule = phase.newSchedule();
        long first = 0;
        if (resume != null) {
            restoreFirstOrder(opt, schedule, resume);
            first = resume.phaseStep;
        }
        double[] grad = new double[params.length];
        double[] lastGood = params.clone();
        Phase.Refinement refinement = phase.refinement();
        int every = phase.resampleEvery();
        List<StepHook> hooks = List.of(
                (q, ev) -> {
                    if (every > 0 && q > 0 && q % every == 0) {
                        conditions.resampleAll();
                    }
                },
                (q, ev) -> {
                    if (refinement != null && q > 0 && q % refinement.every() == 0) {
                        conditions.refine(refinement, ev, params);
                    }
                },
                annealing);
        for (long s = first; s < phase.length(); s++) {
            if (!stepBody(ph, phase, evaluator, total, s, 0, hooks, opt, schedule, grad, lastGood)) {
                return false;
            }
        }
        return true;
    }

    private boolean runEpochs(int ph, Phase phase, BatchEvaluator evaluator, int total, Checkpoint resume) {
        GradientOptimizer opt = phase.newOptimizer();
        LearningRateSchedule schedule = phase.newSchedule();
        int batches = miniBatches.perEpoch(phase.batchSize());
        int k = phase.resampleEvery();
        long first = 0;
        int[][] order = null;
        if (resume != null) {
            restoreFirstOrder(opt, schedule, resume);
            first = resume.phaseStep;
            if (first % batches != 0) {
                // the orders in force were made at this epoch's start (fixed data) or at the last resample
                long epochStart = (first / batches) * batches;
                long lastResample = k > 0 ? Math.max(epochStart, ((first - 1) / k) * k) : epochStart;
                order = new int[states.length][];
                for (int i = 0; i < states.length; i++) {
                    order[i] =
                            miniBatches.order(ph, states[i].condition.region().fixed() ? epochStart : lastResample, i);
                }
            }
        }
        double[] grad = new double[params.length];
        double[] lastGood = params.clone();
        long length = (long) phase.length() * batches;
        for (long q = first; q < length; q++) {
            boolean resampled = false;
            if (k > 0 && q > 0 && q % k == 0) {
                conditions.resampleAll();
                resampled = true;
            }
            if (q % batches == 0) {
                order = new int[states.length][];
            }
            for (int i = 0; i < states.length; i++) {
                // fixed data keep their epoch order across resamples, so an epoch sees each sample once
                if (q % batches == 0
                        || (resampled && !states[i].condition.region().fixed())) {
                    order[i] = miniBatches.order(ph, q, i);
                }
            }
            int b = (int) (q % batches);
            for (int i = 0; i < states.length; i++) {
                miniBatches.setBatch(i, order[i], b, batches);
            }
            if (!stepBody(
                    ph,
                    phase,
                    evaluator,
                    total,
                    q,
                    (int) (q / batches) + 1,
                    List.of(annealing),
                    opt,
                    schedule,
                    grad,
                    lastGood)) {
                miniBatches.restoreFull();
                return false;
            }
        }
        miniBatches.restoreFull();
        return true;
    }

    /**
     * One first-order step, the same for full batches and mini-batches once the step's points are in place:
     * the phase's hooks in order (resampling, refinement and weight annealing, each when due), loss and gradient, the report to history and listeners, the last good
     * parameters, the optimizer's update, the schedule's observation and the checkpoint (when due).
     *
     * @param phaseStep the step within the phase (0-based)
     * @param epoch the 1-based epoch of a mini-batch phase, 0 in a full-batch phase
     * @return false when a listener stopped the run
     */
    private boolean stepBody(
            int ph,
            Phase phase,
            BatchEvaluator evaluator,
            int total,
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
        double loss = lossAndGradient(evaluator, grad, lastGood);
        run.step++;
        if (!report(phase.label(), epoch, rate, loss, total)) {
            return false;
        }
        System.arraycopy(params, 0, lastGood, 0, params.length);
        opt.step(params, grad, rate);
        schedule.observe(loss);
        maybeCheckpoint(ph, phaseStep + 1, opt, schedule, null);
        return true;
    }

    private static void restoreFirstOrder(GradientOptimizer opt, LearningRateSchedule schedule, Checkpoint c) {
        if (c.optimizer != null) {
            opt.importState(c.optimizer);
        }
        if (c.schedule != null) {
            schedule.importState(c.schedule);
        }
    }

    private boolean runLbfgs(int ph, Phase phase, BatchEvaluator evaluator, int total, Checkpoint resume) {
        TrainingObjective objective = new TrainingObjective(run, evaluator);
        double[] lastGood = params.clone();
        boolean[] keepGoing = {true};
        DivergenceException[] diverged = {null};
        Lbfgs lbfgs = new Lbfgs().maxIterations(phase.length());
        org.pinn4j.core.optim.IterationCallback callback = (iteration, value, gradNorm) -> {
            double[] losses = objective.lossesAt(value);
            if (losses != null) {
                for (int i = 0; i < states.length; i++) {
                    states[i].loss = losses[i];
                }
            }
            if (!Double.isFinite(value)) {
                diverged[0] = new DivergenceException(
                        "training diverged at step " + (run.step + 1) + " (L-BFGS iteration " + iteration
                                + "): total loss became " + value + "; kept the parameters of step " + run.step,
                        lastGood);
                return false;
            }
            run.step++;
            keepGoing[0] = report(phase.label(), 0, Double.NaN, value, total);
            maybeCheckpoint(ph, iteration, null, null, lbfgs);
            return keepGoing[0];
        };
        LbfgsResult result;
        if (resume != null && resume.lbfgs != null) {
            lbfgs.importState(resume.lbfgs);
            result = lbfgs.resume(objective, callback);
        } else {
            result = lbfgs.minimize(objective, params.clone(), callback);
        }
        if (diverged[0] != null) {
            throw diverged[0];
        }
        System.arraycopy(result.x(), 0, params, 0, params.length);
        // evaluations include the line searches' extra ones: the cost of an iteration is that many steps' worth
        lbfgsStop = result.stopReason().description() + " (" + result.iterations() + " iterations, "
                + result.evaluations() + " function evaluations)";
        return keepGoing[0];
    }

    private void maybeCheckpoint(
            int ph, long phaseStep, GradientOptimizer opt, LearningRateSchedule schedule, Lbfgs lbfgs) {
        if (checkpointFile == null || run.step % checkpointEvery != 0) {
            return;
        }
        Checkpoint c = run.snapshot(elapsed());
        c.problem = problem.name();
        c.configuration = configuration();
        c.phase = ph;
        c.phaseStep = phaseStep;
        c.optimizer = opt == null ? null : opt.exportState();
        c.schedule = schedule == null ? null : schedule.exportState();
        c.lbfgs = lbfgs == null ? null : lbfgs.exportState();
        c.write(checkpointFile);
    }

    /** Total weighted loss and its gradient at the current parameters; throws on NaN/Inf. */
    private double lossAndGradient(BatchEvaluator evaluator, double[] grad, double[] lastGood) {
        double total = run.evaluate(evaluator, grad);
        for (int i = 0; i < states.length; i++) {
            if (!Double.isFinite(states[i].loss) && history.size() == 0) {
                throw new DivergenceException(
                        "loss term '" + states[i].condition.name() + "' is " + states[i].loss
                                + " at the initial parameters (step 1), before any update: check its data, source terms and "
                                + "coefficients for NaN or infinite values",
                        lastGood);
            }
            if (!Double.isFinite(states[i].loss)) {
                throw new DivergenceException(
                        "training diverged at step " + (run.step + 1) + ": loss term '"
                                + states[i].condition.name() + "' became " + states[i].loss
                                + "; kept the parameters of step " + run.step,
                        lastGood);
            }
        }
        for (double g : grad) {
            if (!Double.isFinite(g)) {
                throw new DivergenceException(
                        "training diverged at step " + (run.step + 1) + ": the gradient became non-finite (loss "
                                + total + "); kept the parameters of step " + run.step,
                        lastGood);
            }
        }
        return total;
    }

    private boolean report(String phase, int epoch, double rate, double loss, int total) {
        double elapsed = elapsed();
        double[] coefs = Arrays.copyOfRange(params, coefficientOffset, params.length);
        for (int k = 0; k < coefs.length; k++) {
            coefs[k] *= coefficientScales[k];
        }
        double validationError = validation != null && (run.step % validation.every() == 0 || run.step == total)
                ? validation.error(params)
                : Double.NaN;
        double[] termLosses = run.losses();
        history.record(run.step, phase, rate, loss, termLosses, coefs, validationError, elapsed);
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
                elapsed);
        boolean go = true;
        for (TrainingListener l : listeners) {
            go &= l.onStep(r);
        }
        return go;
    }

    /** Convenience: {@code new Trainer(problem, recipe, listeners).train()}. */
    public static TrainingResult train(Problem problem, Recipe recipe, TrainingListener... listeners) {
        return new Trainer(problem, recipe, listeners).train();
    }

    /** Thrown inside the loop when a loss becomes non-finite; carries the last good parameters. */
    static final class DivergenceException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient double[] lastGood;

        DivergenceException(String message, double[] lastGood) {
            super(message);
            this.lastGood = lastGood.clone();
        }
    }
}
