package org.pinn4j.validation.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.problems.BenchmarkProblem;

/**
 * How to run one catalogue problem: output directory, seed and thread count (the recipe's own when
 * not given), the problem's named recipe (default, quick, ...), data noise level (the problem's default when not given),
 * optimizer (for problems that offer a choice) and extra training listeners (progress). Immutable; the
 * {@code with...} methods return copies.
 */
public final class RunOptions {
    private final Path out;
    private final OptionalLong seed;
    private final OptionalInt threads;
    private final String recipe;
    private final OptionalDouble noise;
    private final Optional<String> optimizer;
    private final List<TrainingListener> listeners;
    // checkpointing: assigned only by keep() and the two with... methods below, before the copy is returned
    private int checkpointEvery;
    private Path resume;
    private boolean fresh;
    private int validationEvery;
    private double validationSeconds;
    private Map<String, Double> parameters = Map.of();
    private Path initFrom;
    private BooleanSupplier stopRequest = () -> false;

    private RunOptions(
            Path out,
            OptionalLong seed,
            OptionalInt threads,
            String recipe,
            OptionalDouble noise,
            Optional<String> optimizer,
            List<TrainingListener> listeners) {
        if (threads.isPresent() && threads.getAsInt() < 1) {
            throw new IllegalArgumentException("thread count must be >= 1; got " + threads.getAsInt());
        }
        if (noise.isPresent() && (!Double.isFinite(noise.getAsDouble()) || noise.getAsDouble() < 0)) {
            throw new IllegalArgumentException(
                    "noise level must be a finite number >= 0 (0.01 = 1% Gaussian noise); got " + noise.getAsDouble());
        }
        this.out = out;
        this.seed = seed;
        this.threads = threads;
        this.recipe = recipe;
        this.noise = noise;
        this.optimizer = optimizer;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Defaults: directory runs/&lt;problem&gt;, the recipe's seed, threads and optimizer, full budget, the
     * problem's default noise level.
     */
    public static RunOptions defaults() {
        return new RunOptions(
                null,
                OptionalLong.empty(),
                OptionalInt.empty(),
                BenchmarkProblem.DEFAULT_RECIPE,
                OptionalDouble.empty(),
                Optional.empty(),
                List.of());
    }

    /** Copy writing into {@code dir} (null = runs/&lt;problem&gt; under the working directory). */
    public RunOptions withOut(Path dir) {
        return keep(new RunOptions(dir, seed, threads, recipe, noise, optimizer, listeners));
    }

    /** Copy with an explicit seed. */
    public RunOptions withSeed(long s) {
        return keep(new RunOptions(out, OptionalLong.of(s), threads, recipe, noise, optimizer, listeners));
    }

    /** Copy with an explicit thread count (>= 1; results do not depend on it). */
    public RunOptions withThreads(int t) {
        return keep(new RunOptions(out, seed, OptionalInt.of(t), recipe, noise, optimizer, listeners));
    }

    /** Copy with the quick (reduced) or the default recipe. */
    public RunOptions withQuick(boolean q) {
        return withRecipe(q ? BenchmarkProblem.QUICK_RECIPE : BenchmarkProblem.DEFAULT_RECIPE);
    }

    /** Copy with the problem's named recipe (one of {@link BenchmarkProblem#recipes()}). */
    public RunOptions withRecipe(String name) {
        return keep(new RunOptions(out, seed, threads, name, noise, optimizer, listeners));
    }

    /** Copy with an explicit relative Gaussian noise level for data terms (0.01 = 1%; 0 = clean data). */
    public RunOptions withNoise(double x) {
        return keep(new RunOptions(out, seed, threads, recipe, OptionalDouble.of(x), optimizer, listeners));
    }

    /**
     * Copy training with the named optimizer (see {@link BenchmarkProblem#optimizerChoices()}; checked by the
     * problem when the run starts); null or blank = the recipe's own.
     */
    public RunOptions withOptimizer(String name) {
        Optional<String> o = name == null || name.isBlank() ? Optional.empty() : Optional.of(name.trim());
        return keep(new RunOptions(out, seed, threads, recipe, noise, o, listeners));
    }

    /** Copy with one more training listener (e.g. a progress display). */
    public RunOptions withListener(TrainingListener l) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(l);
        return keep(new RunOptions(out, seed, threads, recipe, noise, optimizer, all));
    }

    /**
     * Copy that saves the full training state to DIR/{@value RunCheckpoint#CHECKPOINT_FILE} every {@code steps}
     * steps (0 = off; on resume, 0 keeps the interval of the interrupted run).
     */
    public RunOptions withCheckpointEvery(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 1 step (0 = off); got " + steps);
        }
        RunOptions c = copy();
        c.checkpointEvery = steps;
        return c;
    }

    /**
     * Copy that starts afresh even in a directory that holds an unfinished run's checkpoint (which is then
     * removed); without it such a directory is refused.
     */
    public RunOptions withFresh(boolean f) {
        RunOptions c = copy();
        c.fresh = f;
        return c;
    }

    /**
     * Copy that measures the error on the evaluation grid every {@code steps} steps (history column
     * "validation"); 0 = the runner's default, about 100 measurements per run.
     */
    public RunOptions withValidationEvery(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("validation interval must be >= 1 step (0 = default); got " + steps);
        }
        RunOptions c = copy();
        c.validationEvery = steps;
        return c;
    }

    /**
     * Copy that also measures on the evaluation grid at the first step at least {@code seconds} of training after
     * the last measurement (0 = by steps only), for curves against time whose phases' steps differ in cost.
     */
    public RunOptions withValidationSeconds(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(
                    "validation interval must be a finite number of seconds >= 0 (0 = by steps only); got " + seconds);
        }
        RunOptions c = copy();
        c.validationSeconds = seconds;
        return c;
    }

    /** Seconds of training between measurements on the evaluation grid besides the step interval (0 = none). */
    public double validationSeconds() {
        return validationSeconds;
    }

    /**
     * Copy with values for some of the problem's declared parameters ({@code --param NAME=V}); the problem checks
     * names and ranges when the run starts.
     */
    public RunOptions withParameters(Map<String, Double> values) {
        RunOptions c = copy();
        c.parameters = Map.copyOf(new java.util.LinkedHashMap<>(values));
        return c;
    }

    /**
     * Copy that starts training from the model saved in {@code file} ({@code --init-from}; see
     * {@link org.pinn4j.core.train.Recipe#startFrom}) instead of the seed's initialisation; null = from the seed.
     */
    public RunOptions withInitFrom(Path file) {
        RunOptions c = copy();
        c.initFrom = file;
        return c;
    }

    /**
     * Copy whose training stops at the end of the first step after {@code request} turns true (e.g. set by a
     * signal handler), saving that step to the run directory's checkpoint for {@code --resume} (see {@link
     * org.pinn4j.core.train.Trainer#stopWhen}); the outputs are written as for any run.
     */
    public RunOptions withStopWhen(BooleanSupplier request) {
        if (request == null) {
            throw new IllegalArgumentException("stop request must be given");
        }
        RunOptions c = copy();
        c.stopRequest = request;
        return c;
    }

    /** When to stop training early, on request (never, unless {@link #withStopWhen} was given). */
    public BooleanSupplier stopRequest() {
        return stopRequest;
    }

    /** The model file training starts from, if any. */
    public Optional<Path> initFrom() {
        return Optional.ofNullable(initFrom);
    }

    /** The parameter values given (the others take the problem's defaults). */
    public Map<String, Double> parameters() {
        return parameters;
    }

    /** Steps between measurements on the evaluation grid (0 = the runner's default). */
    public int validationEvery() {
        return validationEvery;
    }

    /** Whether an unfinished run's checkpoint in the output directory may be discarded. */
    public boolean fresh() {
        return fresh;
    }

    /**
     * Copy that continues the run whose directory {@code dir} holds a checkpoint (null = start afresh); the
     * outputs go to {@code dir} unless {@link #withOut} names another directory.
     */
    public RunOptions withResume(Path dir) {
        RunOptions c = copy();
        c.resume = dir;
        return c;
    }

    /** Checkpoint interval in steps (0 = off). */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** Directory of the run to resume, if any. */
    public Optional<Path> resume() {
        return Optional.ofNullable(resume);
    }

    private RunOptions copy() {
        return keep(new RunOptions(out, seed, threads, recipe, noise, optimizer, listeners));
    }

    /** {@code c} with this one's checkpoint settings. */
    private RunOptions keep(RunOptions c) {
        c.checkpointEvery = checkpointEvery;
        c.resume = resume;
        c.fresh = fresh;
        c.validationEvery = validationEvery;
        c.validationSeconds = validationSeconds;
        c.parameters = parameters;
        c.initFrom = initFrom;
        c.stopRequest = stopRequest;
        return c;
    }

    /** The output directory for {@code problem}: the configured one, else the resumed run's, else runs/&lt;problem&gt;. */
    public Path outFor(String problem) {
        return out != null ? out : resume != null ? resume : Path.of("runs", problem);
    }

    /** Explicit seed, if any. */
    public OptionalLong seed() {
        return seed;
    }

    /** Explicit thread count, if any. */
    public OptionalInt threads() {
        return threads;
    }

    /** True for the quick recipe (the reduced budget). */
    public boolean quick() {
        return BenchmarkProblem.QUICK_RECIPE.equals(recipe);
    }

    /** The name of the problem's recipe to train with. */
    public String recipe() {
        return recipe;
    }

    /** The explicit noise level, or 0 when none was given (see {@link #noiseFor}). */
    public double noise() {
        return noise.orElse(0.0);
    }

    /** The explicit noise level, if one was given. */
    public OptionalDouble explicitNoise() {
        return noise;
    }

    /** The noise level a run of {@code p} uses: the explicit one, else the problem's default. */
    public double noiseFor(BenchmarkProblem p) {
        return noise.isPresent() ? noise.getAsDouble() : p.defaultNoise();
    }

    /** The explicit optimizer name, if any. */
    public Optional<String> optimizer() {
        return optimizer;
    }

    /** Extra training listeners. */
    public List<TrainingListener> listeners() {
        return listeners;
    }
}
