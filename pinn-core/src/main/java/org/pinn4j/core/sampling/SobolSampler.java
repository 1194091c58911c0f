package org.pinn4j.core.sampling;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The Sobol sequence of Commons Math's {@link SobolSequenceGenerator} (Joe-Kuo direction numbers,
 * up to 1000 dimensions), unscrambled, so there is no seed.
 *
 * <p>Sequence point 0 is the origin; by default a new sampler starts at index 1, skipping it (the
 * origin is a corner of the cube and would put a collocation point on the boundary). The state
 * is the index of the next point.
 */
public final class SobolSampler extends SequenceSampler {

    /** Largest dimension Commons Math supports. */
    public static final int MAX_DIMENSION = 1000;

    private SobolSequenceGenerator generator;

    /** A sampler starting at index 1 (the origin skipped). */
    public SobolSampler() {
        this(true);
    }

    /** @param skipOrigin true to start at index 1, false to start at index 0 (the origin) */
    public SobolSampler(boolean skipOrigin) {
        super("SobolSampler", MAX_DIMENSION, skipOrigin);
    }

    /** @return {@code "sobol"} */
    @Override
    public String name() {
        return "sobol";
    }

    @Override
    void createGenerator(int dimension) {
        generator = new SobolSequenceGenerator(dimension);
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
