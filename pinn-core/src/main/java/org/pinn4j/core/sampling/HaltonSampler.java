package org.pinn4j.core.sampling;

import org.apache.commons.math3.random.HaltonSequenceGenerator;

/**
 * The Halton sequence of Commons Math's {@link HaltonSequenceGenerator} (first 40 primes as bases,
 * with its default Faure-Lemieux digit weights), so there is no seed.
 *
 * <p>Sequence point 0 is the origin; by default a new sampler starts at index 1, skipping it, as
 * {@link SobolSampler} does. The state is the index of the next point.
 */
public final class HaltonSampler extends SequenceSampler {

    /** Largest dimension Commons Math supports with its built-in bases. */
    public static final int MAX_DIMENSION = 40;

    private HaltonSequenceGenerator generator;

    /** A sampler starting at index 1 (the origin skipped). */
    public HaltonSampler() {
        this(true);
    }

    /** @param skipOrigin true to start at index 1, false to start at index 0 (the origin) */
    public HaltonSampler(boolean skipOrigin) {
        super("HaltonSampler", MAX_DIMENSION, skipOrigin);
    }

    /** @return {@code "halton"} */
    @Override
    public String name() {
        return "halton";
    }

    @Override
    void createGenerator(int dimension) {
        generator = new HaltonSequenceGenerator(dimension);
    }

    @Override
    double[] skipTo(int index) {
        return generator.skipTo(index);
    }

    @Override
    double[] nextVector() {
        return generator.nextVector();
    }
}
