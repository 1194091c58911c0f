package org.pinn4j.core.sampling;

/**
 * Base of the low-discrepancy samplers backed by a Commons Math sequence generator. The state is
 * the index of the next sequence point. Coordinate {@code k} of a sequence point does not depend on
 * the generator's dimension, so the sampler keeps one generator of the largest dimension asked for
 * and returns the leading coordinates: the points depend only on the index, not on call history.
 */
abstract class SequenceSampler implements Sampler {

    private final String who;
    private final int maxDimension;
    private final boolean skipOrigin;
    private int generatorDimension;
    private boolean positioned;
    private long index;

    SequenceSampler(String who, int maxDimension, boolean skipOrigin) {
        this.who = who;
        this.maxDimension = maxDimension;
        this.skipOrigin = skipOrigin;
        this.index = skipOrigin ? 1 : 0;
    }

    /** Creates a fresh generator of the given dimension, positioned at index 0. */
    abstract void createGenerator(int dimension);

    /** Returns the point at {@code index} and positions the generator at {@code index + 1}. */
    abstract double[] skipTo(int index);

    /** Returns the next point. */
    abstract double[] nextVector();

    /** @return whether the point at index 0 (the origin) is skipped by a new sampler */
    public final boolean skipsOrigin() {
        return skipOrigin;
    }

    @Override
    public final double[][] sample(int n, int dimension) {
        SamplerChecks.request(who, n, dimension);
        if (dimension > maxDimension) {
            throw new IllegalArgumentException(who + ".sample: dimension " + dimension + " exceeds the " + maxDimension
                    + " dimensions supported by the Commons Math generator");
        }
        if (index + n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(who + ".sample: drawing " + n + " points from index " + index
                    + " passes the generator's last index " + Integer.MAX_VALUE);
        }
        if (dimension > generatorDimension) {
            generatorDimension = dimension;
            positioned = false;
        }
        if (!positioned) {
            createGenerator(generatorDimension);
            if (index > 0) {
                skipTo((int) index - 1);
            }
            positioned = true;
        }
        double[][] u = new double[dimension][n];
        for (int i = 0; i < n; i++) {
            double[] v = nextVector();
            for (int k = 0; k < dimension; k++) {
                u[k][i] = v[k];
            }
        }
        index += n;
        return u;
    }

    /** @return the index of the next sequence point */
    @Override
    public final long state() {
        return index;
    }

    /** Positions the sequence at index {@code state} (the origin is index 0). */
    @Override
    public final void restore(long state) {
        SamplerChecks.state(who, state);
        if (state > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    who + ".restore: state " + state + " exceeds the generator's last index " + Integer.MAX_VALUE);
        }
        index = state;
        positioned = false;
    }

    /** @return the class name with the next index */
    @Override
    public String toString() {
        return who + "(index=" + index + ")";
    }
}
