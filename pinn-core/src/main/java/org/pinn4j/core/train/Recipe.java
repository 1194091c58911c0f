package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.List;
import org.pinn4j.core.nn.NetworkConfig;

/**
 * Everything that decides a training run besides the problem: network, phases, seed, thread count,
 * sampler, point counts per condition and tile size. Immutable; {@code with...} methods return copies.
 */
public final class Recipe {
    private final NetworkConfig network;
    private final List<Phase> phases;
    private final long seed;
    private final int threads;
    private final String sampler;
    private final int tileSize;
    private final int logEvery;
    private final int annealEvery;
    private final double annealAlpha;

    private Recipe(
            NetworkConfig network,
            List<Phase> phases,
            long seed,
            int threads,
            String sampler,
            int tileSize,
            int logEvery) {
        this(network, phases, seed, threads, sampler, tileSize, logEvery, 0, 0.0);
    }

    private Recipe(
            NetworkConfig network,
            List<Phase> phases,
            long seed,
            int threads,
            String sampler,
            int tileSize,
            int logEvery,
            int annealEvery,
            double annealAlpha) {
        if (network == null) {
            throw new IllegalArgumentException("recipe needs a network configuration");
        }
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("recipe needs at least one training phase, e.g. Phase.adam(1000, 1e-3)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1; got " + threads);
        }
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be >= 1; got " + tileSize);
        }
        this.network = network;
        this.phases = List.copyOf(phases);
        this.seed = seed;
        this.threads = threads;
        this.sampler = sampler;
        this.tileSize = tileSize;
        this.logEvery = logEvery;
        if (annealEvery < 0 || !(annealAlpha >= 0 && annealAlpha <= 1)) {
            throw new IllegalArgumentException(
                    "adaptive weighting needs every >= 0 (0 = off) and 0 <= alpha <= 1; got every " + annealEvery
                            + ", alpha " + annealAlpha);
        }
        this.annealEvery = annealEvery;
        this.annealAlpha = annealAlpha;
    }

    /** A recipe with the given network and phases; seed 0, 1 thread, uniform sampler, tiles of 64. */
    public static Recipe of(NetworkConfig network, Phase... phases) {
        return new Recipe(network, List.of(phases), 0L, 1, "uniform", 64, 100);
    }

    /** Copy with another seed. */
    public Recipe withSeed(long s) {
        return new Recipe(network, phases, s, threads, sampler, tileSize, logEvery, annealEvery, annealAlpha);
    }

    /** Copy with another thread count (results do not depend on it). */
    public Recipe withThreads(int t) {
        return new Recipe(network, phases, seed, t, sampler, tileSize, logEvery, annealEvery, annealAlpha);
    }

    /** Copy with another sampler name (uniform, grid, lhs, sobol, halton). */
    public Recipe withSampler(String name) {
        org.pinn4j.core.sampling.Samplers.create(name, 0L); // rejects an unknown name now, listing the valid ones
        return new Recipe(network, phases, seed, threads, name, tileSize, logEvery, annealEvery, annealAlpha);
    }

    /** Copy with another tile size (points per cache tile). */
    public Recipe withTileSize(int t) {
        return new Recipe(network, phases, seed, threads, sampler, t, logEvery, annealEvery, annealAlpha);
    }

    /** Copy with other phases. */
    public Recipe withPhases(Phase... p) {
        return new Recipe(network, List.of(p), seed, threads, sampler, tileSize, logEvery, annealEvery, annealAlpha);
    }

    /** Copy with another network. */
    public Recipe withNetwork(NetworkConfig n) {
        return new Recipe(n, phases, seed, threads, sampler, tileSize, logEvery, annealEvery, annealAlpha);
    }

    /** Copy with another progress interval in steps. */
    public Recipe withLogEvery(int steps) {
        return new Recipe(network, phases, seed, threads, sampler, tileSize, steps, annealEvery, annealAlpha);
    }

    /**
     * Copy with learning-rate-annealing weights (Wang, Teng and Perdikaris 2021): every {@code every}
     * first-order steps, each condition after the first gets the weight
     * max|grad of the first condition's loss| / mean|grad of its loss|, smoothed with factor alpha; the
     * first condition (the PDE residual) keeps its weight. 0 turns it off.
     */
    public Recipe withAdaptiveWeights(int every, double alpha) {
        return new Recipe(network, phases, seed, threads, sampler, tileSize, logEvery, every, alpha);
    }

    /** Steps between adaptive weight updates (0 = off). */
    public int annealEvery() {
        return annealEvery;
    }

    /** Smoothing factor of adaptive weights. */
    public double annealAlpha() {
        return annealAlpha;
    }

    /** Network configuration. */
    public NetworkConfig network() {
        return network;
    }

    /** Phases in order. */
    public List<Phase> phases() {
        return new ArrayList<>(phases);
    }

    /** Seed of everything random. */
    public long seed() {
        return seed;
    }

    /** Worker threads. */
    public int threads() {
        return threads;
    }

    /** Sampler name. */
    public String sampler() {
        return sampler;
    }

    /** Points per tile. */
    public int tileSize() {
        return tileSize;
    }

    /** Steps between progress reports. */
    public int logEvery() {
        return logEvery;
    }

    @Override
    public String toString() {
        return "network " + network + ", phases " + phases + ", seed " + seed + ", sampler " + sampler
                + (annealEvery > 0 ? ", adaptive weights every " + annealEvery + " (alpha " + annealAlpha + ")" : "");
    }
}
