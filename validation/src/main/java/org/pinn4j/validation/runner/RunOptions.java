package org.pinn4j.validation.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.problems.BenchmarkProblem;

/**
 * How to run one catalogue problem: output directory, seed and thread count (the recipe's own when
 * not given), quick (reduced) or full budget, data noise level (the problem's default when not given),
 * optimizer (for problems that offer a choice) and extra training listeners (progress). Immutable; the
 * {@code with...} methods return copies.
 */
public final class RunOptions {
    private final Path out;
    private final OptionalLong seed;
    private final OptionalInt threads;
    private final boolean quick;
    private final OptionalDouble noise;
    private final Optional<String> optimizer;
    private final List<TrainingListener> listeners;

    private RunOptions(Path out, OptionalLong seed, OptionalInt threads, boolean quick, OptionalDouble noise, Optional<String> optimizer,
                       List<TrainingListener> listeners) {
        if (threads.isPresent() && threads.getAsInt() < 1) {
            throw new IllegalArgumentException("thread count must be >= 1; got " + threads.getAsInt());
        }
        if (noise.isPresent() && (!Double.isFinite(noise.getAsDouble()) || noise.getAsDouble() < 0)) {
            throw new IllegalArgumentException("noise level must be a finite number >= 0 (0.01 = 1% Gaussian noise); got "
                    + noise.getAsDouble());
        }
        this.out = out;
        this.seed = seed;
        this.threads = threads;
        this.quick = quick;
        this.noise = noise;
        this.optimizer = optimizer;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Defaults: directory runs/&lt;problem&gt;, the recipe's seed, threads and optimizer, full budget, the
     * problem's default noise level.
     */
    public static RunOptions defaults() {
        return new RunOptions(null, OptionalLong.empty(), OptionalInt.empty(), false, OptionalDouble.empty(), Optional.empty(), List.of());
    }

    /** Copy writing into {@code dir} (null = runs/&lt;problem&gt; under the working directory). */
    public RunOptions withOut(Path dir) {
        return new RunOptions(dir, seed, threads, quick, noise, optimizer, listeners);
    }

    /** Copy with an explicit seed. */
    public RunOptions withSeed(long s) {
        return new RunOptions(out, OptionalLong.of(s), threads, quick, noise, optimizer, listeners);
    }

    /** Copy with an explicit thread count (>= 1; results do not depend on it). */
    public RunOptions withThreads(int t) {
        return new RunOptions(out, seed, OptionalInt.of(t), quick, noise, optimizer, listeners);
    }

    /** Copy with the quick (reduced) or full budget. */
    public RunOptions withQuick(boolean q) {
        return new RunOptions(out, seed, threads, q, noise, optimizer, listeners);
    }

    /** Copy with an explicit relative Gaussian noise level for data terms (0.01 = 1%; 0 = clean data). */
    public RunOptions withNoise(double x) {
        return new RunOptions(out, seed, threads, quick, OptionalDouble.of(x), optimizer, listeners);
    }

    /**
     * Copy training with the named optimizer (see {@link BenchmarkProblem#optimizerChoices()}; checked by the
     * problem when the run starts); null or blank = the recipe's own.
     */
    public RunOptions withOptimizer(String name) {
        Optional<String> o = name == null || name.isBlank() ? Optional.empty() : Optional.of(name.trim());
        return new RunOptions(out, seed, threads, quick, noise, o, listeners);
    }

    /** Copy with one more training listener (e.g. a progress display). */
    public RunOptions withListener(TrainingListener l) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(l);
        return new RunOptions(out, seed, threads, quick, noise, optimizer, all);
    }

    /** The output directory for {@code problem}: the configured one or runs/&lt;problem&gt;. */
    public Path outFor(String problem) {
        return out != null ? out : Path.of("runs", problem);
    }

    /** Explicit seed, if any. */
    public OptionalLong seed() {
        return seed;
    }

    /** Explicit thread count, if any. */
    public OptionalInt threads() {
        return threads;
    }

    /** True for the reduced budget. */
    public boolean quick() {
        return quick;
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
