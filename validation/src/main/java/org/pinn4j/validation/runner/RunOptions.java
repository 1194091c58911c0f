package org.pinn4j.validation.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.pinn4j.core.train.TrainingListener;

/**
 * How to run one catalogue problem: output directory, seed and thread count (the recipe's own when
 * not given), quick (reduced) or full budget, data noise level, and extra training listeners (progress).
 * Immutable; the {@code with...} methods return copies.
 */
public final class RunOptions {
    private final Path out;
    private final OptionalLong seed;
    private final OptionalInt threads;
    private final boolean quick;
    private final double noise;
    private final List<TrainingListener> listeners;

    private RunOptions(Path out, OptionalLong seed, OptionalInt threads, boolean quick, double noise, List<TrainingListener> listeners) {
        if (threads.isPresent() && threads.getAsInt() < 1) {
            throw new IllegalArgumentException("thread count must be >= 1; got " + threads.getAsInt());
        }
        if (!Double.isFinite(noise) || noise < 0) {
            throw new IllegalArgumentException("noise level must be a finite number >= 0 (0.01 = 1% Gaussian noise); got " + noise);
        }
        this.out = out;
        this.seed = seed;
        this.threads = threads;
        this.quick = quick;
        this.noise = noise;
        this.listeners = List.copyOf(listeners);
    }

    /** Defaults: directory runs/&lt;problem&gt;, the recipe's seed and threads, full budget, no noise. */
    public static RunOptions defaults() {
        return new RunOptions(null, OptionalLong.empty(), OptionalInt.empty(), false, 0.0, List.of());
    }

    /** Copy writing into {@code dir} (null = runs/&lt;problem&gt; under the working directory). */
    public RunOptions withOut(Path dir) {
        return new RunOptions(dir, seed, threads, quick, noise, listeners);
    }

    /** Copy with an explicit seed. */
    public RunOptions withSeed(long s) {
        return new RunOptions(out, OptionalLong.of(s), threads, quick, noise, listeners);
    }

    /** Copy with an explicit thread count (>= 1; results do not depend on it). */
    public RunOptions withThreads(int t) {
        return new RunOptions(out, seed, OptionalInt.of(t), quick, noise, listeners);
    }

    /** Copy with the quick (reduced) or full budget. */
    public RunOptions withQuick(boolean q) {
        return new RunOptions(out, seed, threads, q, noise, listeners);
    }

    /** Copy with a relative Gaussian noise level for data terms (0.01 = 1%). */
    public RunOptions withNoise(double x) {
        return new RunOptions(out, seed, threads, quick, x, listeners);
    }

    /** Copy with one more training listener (e.g. a progress display). */
    public RunOptions withListener(TrainingListener l) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(l);
        return new RunOptions(out, seed, threads, quick, noise, all);
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

    /** Relative noise level of data terms. */
    public double noise() {
        return noise;
    }

    /** Extra training listeners. */
    public List<TrainingListener> listeners() {
        return listeners;
    }
}
