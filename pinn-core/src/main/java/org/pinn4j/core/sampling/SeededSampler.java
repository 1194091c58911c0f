package org.pinn4j.core.sampling;

import java.util.SplittableRandom;

/**
 * Base of the pseudo-random samplers. Call number {@code b} (counting from 0) draws from a fresh
 * {@link SplittableRandom} seeded with the {@code b}-th {@code nextLong()} of
 * {@code new SplittableRandom(seed)}; the state is the number of calls made so far.
 */
abstract class SeededSampler implements Sampler {

    private final long seed;
    private SplittableRandom root;
    private long calls;

    SeededSampler(long seed) {
        this.seed = seed;
        this.root = new SplittableRandom(seed);
    }

    /** @return the seed this sampler was created with */
    public final long seed() {
        return seed;
    }

    /** The generator for the next call; advances the state by one. */
    final SplittableRandom nextCallRandom() {
        calls++;
        return new SplittableRandom(root.nextLong());
    }

    /** @return the number of {@code sample} calls made so far */
    @Override
    public final long state() {
        return calls;
    }

    /** Replays {@code state} calls' worth of seeds (cost linear in {@code state}, a few ns each). */
    @Override
    public final void restore(long state) {
        SamplerChecks.state(getClass().getSimpleName(), state);
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; i < state; i++) {
            r.nextLong();
        }
        root = r;
        calls = state;
    }

    /** @return the class name with seed and state */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(seed=" + seed + ", state=" + calls + ")";
    }
}
