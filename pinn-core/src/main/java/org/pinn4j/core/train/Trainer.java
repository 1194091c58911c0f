package org.pinn4j.core.train;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
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

    private ValidationSet validation;
    private final long seed;
    private CheckpointStore checkpointStore;
    private int checkpointEvery;
    private CheckpointStore stopStore;
    private BooleanSupplier stopRequest = () -> false;
    private RunSnapshot resumeFrom;

    /** Prepares a run: network, terms and the first points. */
    public Trainer(Problem problem, Recipe recipe, TrainingListener... listeners) {
        this.problem = problem;
        this.recipe = recipe;
        this.listeners = List.of(listeners);
        this.seed = recipe.seed();
        SplittableRandom rng = new SplittableRandom(seed);
        NetworkSpec seeded = seededSpec(problem, recipe, rng);
        double[] net = recipe.network().initialParameters(seeded, rng.split());
        this.coefficientScales = problem.coefficientScales();
        PinnModel start = startModel(problem, recipe, seeded);
        this.spec = start == null ? seeded : start.spec();
        this.coefficientOffset = spec.parameterCount();
        if (start != null) {
            this.params = start.parameters();
        } else {
            this.params = Arrays.copyOf(net, net.length + problem.coefficients().size());
            int k = 0;
            for (double v : problem.coefficients().values()) {
                params[coefficientOffset + k] = v / coefficientScales[k]; // the optimizer works on value / scale
                k++;
            }
        }
        this.conditions = new TrainingConditions(problem, recipe, spec, coefficientOffset, rng);
        System.Logger log = System.getLogger(Trainer.class.getName());
        for (String w : conditions.warnings) {
            log.log(System.Logger.Level.WARNING, "problem '" + problem.name() + "': " + w);
        }
        this.states = conditions.states;
        this.history = new History(conditions.names(), problem.coefficientNames());
        this.run = new RunState(params, states, history);
        this.annealing = new WeightAnnealing(run, recipe.annealEvery(), recipe.annealAlpha());
        this.miniBatches = new MiniBatches(seed, states);
        java.util.Set<String> pointwise = miniBatches.pointCounts().keySet();
        for (Phase p : recipe.phases()) {
            for (String name : p.conditionBatchSizes().keySet()) {
                if (!pointwise.contains(name)) {
                    throw new IllegalArgumentException("phase '" + p.label() + "' gives a batch size to condition '"
                            + name + "', which is not a pointwise condition of problem '" + problem.name()
                            + "'; its pointwise conditions are " + pointwise);
                }
            }
        }
    }

    /**
     * What looks like a mistake in the problem or network but is not refused, one sentence each (also logged at
     * WARNING through {@link System.Logger} when the trainer is built): a relu network under a condition with
     * second derivatives; the initial slice of a domain that is not a {@code GeometryXTime}.
     */
    public List<String> warnings() {
        return List.copyOf(conditions.warnings);
    }

    /** The network the recipe's seed gives the problem: the first draw of the run's random generator. */
    private static NetworkSpec seededSpec(Problem problem, Recipe recipe, SplittableRandom rng) {
        return recipe.network()
                .spec(
                        problem.inputs(),
                        problem.outputs().size(),
                        problem.domain().lower(),
                        problem.domain().upper(),
                        rng.split());
    }

    /** The network (shape, input scaling, features) a run of {@code recipe} on {@code problem} trains. */
    static NetworkSpec seededSpec(Problem problem, Recipe recipe) {
        return seededSpec(problem, recipe, new SplittableRandom(recipe.seed()));
    }

    /**
     * The recipe's start model, checked against the network the recipe gives this problem, or null when the run
     * starts from the seed's initialisation (whose random draws are made either way, so the points do not depend on
     * the start).
     */
    private static PinnModel startModel(Problem problem, Recipe recipe, NetworkSpec seeded) {
        if (recipe.startFingerprint().isEmpty()) {
            return null;
        }
        PinnModel start = recipe.startModel()
                .orElseThrow(() -> new IllegalArgumentException("the recipe records its start model only by its"
                        + " fingerprint " + recipe.startFingerprint().get() + " (as a model file or checkpoint keeps"
                        + " it); give the model itself with Recipe.startFrom(model)"));
        NetworkSpec given = start.spec();
        String problemName = "problem '" + problem.name() + "'";
        if (given.inputs() != seeded.inputs() || given.outputs() != seeded.outputs()) {
            throw new IllegalArgumentException("the start model has " + given.inputs() + " input(s) and "
                    + given.outputs() + " output(s); " + problemName + " has " + seeded.inputs() + " and "
                    + seeded.outputs());
        }
        if (!given.toString().equals(seeded.toString())
                || given.fourierFeatures() != seeded.fourierFeatures()
                || given.declaredFeatures() != seeded.declaredFeatures()
                || given.parameterCount() != seeded.parameterCount()) {
            throw new IllegalArgumentException("the start model's network " + describe(given) + " is not the"
                    + " recipe's network for " + problemName + ", " + describe(seeded)
                    + "; start from a model of the same shape or train with its network");
        }
        if (!start.problem().coefficientNames().equals(problem.coefficientNames())
                || !Arrays.equals(start.problem().coefficientScales(), problem.coefficientScales())) {
            throw new IllegalArgumentException(
                    "the start model's coefficients " + start.problem().coefficientNames()
                            + " (scales " + Arrays.toString(start.problem().coefficientScales()) + ") are not those of "
                            + problemName + ", " + problem.coefficientNames() + " (scales "
                            + Arrays.toString(problem.coefficientScales()) + ")");
        }
        return start;
    }

    private static String describe(NetworkSpec spec) {
        return spec + (spec.fourierFeatures() > 0 ? " with " + spec.fourierFeatures() + " Fourier features" : "")
                + (spec.declaredFeatures() > 0 ? " with " + spec.declaredFeatures() + " input features" : "")
                + " (" + spec.parameterCount() + " parameters)";
    }

    /**
     * Continues the run last saved in {@code store} (by {@link #checkpointEvery} with the same problem and
     * recipe; the thread count may differ): the result is bit-identical to the run that was never interrupted.
     *
     * @throws IllegalArgumentException if the store has no snapshot, a damaged one, or one of another problem
     *     or recipe
     */
    public static Trainer resume(Problem problem, Recipe recipe, CheckpointStore store, TrainingListener... listeners) {
        Trainer t = new Trainer(problem, recipe, listeners);
        RunSnapshot s = store.load();
        if (!s.problem().equals(problem.name())) {
            throw new IllegalArgumentException(
                    store + " was made for problem '" + s.problem() + "'; this run is '" + problem.name() + "'");
        }
        s.recipe().firstDifference(recipe).ifPresent(d -> {
            throw new IllegalArgumentException(store + " was made with another recipe: " + d
                    + " (the checkpoint's vs this run's); resume with the recipe it was made with"
                    + " (only the thread count may differ)");
        });
        if (s.parameters().length != t.params.length) {
            throw new IllegalArgumentException(store + ": field 'parameters' has " + s.parameters().length
                    + " values; the network has " + t.params.length + " parameters");
        }
        if (s.conditions().size() != t.states.length) {
            throw new IllegalArgumentException(store + ": field 'conditions' has "
                    + s.conditions().size() + " entries; this problem has " + t.states.length + " conditions");
        }
        t.run.restore(s);
        t.conditions.restorePoints(s);
        t.resumeFrom = s;
        return t;
    }

    /**
     * Records a validation error every {@code every} steps (and at the last step): the mean squared
     * difference between the model's outputs and {@code values[output][p]} at {@code points}.
     */
    public Trainer validation(PointSet points, double[][] values, int every) {
        return validation(points, values, every, 0);
    }

    /**
     * As {@link #validation(PointSet, double[][], int)}, and also at the first step at least {@code everySeconds}
     * of training after the last measurement (0 = by steps only): a curve against time for phases whose steps
     * take very different times. Which steps are measured then depends on the machine; the training does not.
     */
    public Trainer validation(PointSet points, double[][] values, int every, double everySeconds) {
        return validation(points, problem.outputs(), values, every, everySeconds);
    }

    /**
     * As {@link #validation(PointSet, double[][], int, double)} for some of the outputs: {@code values[k]} holds
     * output {@code outputs.get(k)} (e.g. the velocities of a flow whose pressure has no reference).
     *
     * @throws IllegalArgumentException if an output is unknown or repeated, or the arrays do not fit
     */
    public Trainer validation(
            PointSet points, List<String> outputs, double[][] values, int every, double everySeconds) {
        this.validation =
                new ValidationSet(problem, spec, recipe.tileSize(), points, outputs, values, every, everySeconds);
        return this;
    }

    /** Saves the full training state to {@code store} every {@code steps} steps. */
    public Trainer checkpointEvery(int steps, CheckpointStore store) {
        if (steps < 1) {
            throw new IllegalArgumentException("checkpoint interval must be >= 1 step; got " + steps);
        }
        this.checkpointEvery = steps;
        this.checkpointStore = store;
        return this;
    }

    /**
     * Stops the run at the end of the first step after {@code request} turns true (asked once per step, on the
     * training thread; it may be set from any thread, e.g. a signal handler's). That step is saved to the
     * checkpoint store ({@link #checkpointEvery}, else {@link #checkpointOnStop}) and {@link #train} returns with
     * status {@link TrainingResult.Status#INTERRUPTED}: {@link #resume} then continues to the same bits as a run
     * never stopped.
     */
    public Trainer stopWhen(BooleanSupplier request) {
        if (request == null) {
            throw new IllegalArgumentException("stop request must be given (e.g. an AtomicBoolean's get)");
        }
        this.stopRequest = request;
        return this;
    }

    /** Where a run stopped by {@link #stopWhen} is saved when it has no {@link #checkpointEvery} store. */
    public Trainer checkpointOnStop(CheckpointStore store) {
        if (store == null) {
            throw new IllegalArgumentException("checkpoint store must be given");
        }
        this.stopStore = store;
        return this;
    }

    /** Runs all phases (or the rest of them, after {@link #resume}) and returns the model with its history. */
    public TrainingResult train() {
        int total = plannedSteps();
        StepRecorder.Checkpointing saving = checkpointStore != null
                ? new StepRecorder.Checkpointing(checkpointStore, checkpointEvery, problem.name(), recipe)
                : stopStore != null ? new StepRecorder.Checkpointing(stopStore, 0, problem.name(), recipe) : null;
        StepRecorder recorder = new StepRecorder(
                run, listeners, total, validation, coefficientOffset, coefficientScales, saving, stopRequest);
        TrainingResult.Status status = TrainingResult.Status.COMPLETED;
        String message = "completed " + total + " planned steps";
        try (BatchEvaluator evaluator = new BatchEvaluator(recipe.threads())) {
            FirstOrderPhase firstOrder =
                    new FirstOrderPhase(run, conditions, miniBatches, annealing, recorder, evaluator);
            QuasiNewtonPhase quasiNewton = new QuasiNewtonPhase(run, conditions, recorder, evaluator, recipe.threads());
            List<Phase> phases = recipe.phases();
            int firstPhase = resumeFrom == null ? 0 : resumeFrom.phase();
            for (int ph = firstPhase; ph < phases.size(); ph++) {
                Phase phase = phases.get(ph);
                RunSnapshot resume = resumeFrom != null && ph == resumeFrom.phase() ? resumeFrom : null;
                recorder.phaseStart(ph, phase, resume != null);
                boolean go;
                if (phase.mode().iterative()) {
                    go = quasiNewton.run(ph, phase, resume);
                    message = phase.mode().methodName() + " stopped: " + quasiNewton.stopReason();
                    recorder.phaseEnd(ph, phase, quasiNewton.stopReason());
                } else {
                    go = firstOrder.run(ph, phase, resume);
                }
                if (!go && recorder.interrupted()) {
                    status = TrainingResult.Status.INTERRUPTED;
                    message = "stopped on request after step " + run.step + " of " + total
                            + (saving == null ? "" : "; saved to " + saving.store());
                    break;
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
        return new TrainingResult(model(), history, recorder.elapsed(), status, message);
    }

    /** The training loss over this run's state, as the quasi-Newton and Levenberg-Marquardt phases see it. */
    TrainingObjective objective(BatchEvaluator evaluator) {
        return new TrainingObjective(run, evaluator);
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

    /** Steps the recipe plans in all (epochs counted as their mini-batches, L-BFGS as its iterations). */
    public int plannedSteps() {
        int total = 0;
        for (Phase p : recipe.phases()) {
            total += p.mode() == Phase.Mode.EPOCHS ? p.length() * miniBatches.perEpoch(p) : p.length();
        }
        return total;
    }

    /** Convenience: {@code new Trainer(problem, recipe, listeners).train()}. */
    public static TrainingResult train(Problem problem, Recipe recipe, TrainingListener... listeners) {
        return new Trainer(problem, recipe, listeners).train();
    }

    /**
     * Trains {@code recipe} on {@code problem} measuring {@code heldOut} along the way: its mean squared error is
     * {@link History#validation()}, {@link HeldOut#relativeL2(History)} the relative L2 error per step and {@link
     * HeldOut#errors(PinnModel)} the final model's errors.
     */
    public static TrainingResult train(Problem problem, Recipe recipe, HeldOut heldOut, TrainingListener... listeners) {
        return new Trainer(problem, recipe, listeners).validation(heldOut).train();
    }

    /** Measures {@code heldOut} every {@link HeldOut#every()} steps and at the last (see {@link HeldOut}). */
    public Trainer validation(HeldOut heldOut) {
        if (heldOut == null) {
            throw new IllegalArgumentException("held-out set must be given");
        }
        return validation(heldOut.points(), heldOut.outputs(), heldOut.values(), heldOut.every(), 0);
    }
}
