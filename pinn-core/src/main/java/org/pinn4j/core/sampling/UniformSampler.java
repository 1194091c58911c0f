package org.pinn4j.core.sampling;

import java.util.SplittableRandom;

/**
 * Independent uniform points in {@code [0,1)^d} from {@link SplittableRandom}.
 *
 * <p>Within one call the coordinates are drawn point by point, so the first {@code m} points of a
 * call for {@code n > m} points equal a call for {@code m} points from the same state. The state is
 * the number of calls made (see {@link #state()}).
 */
public final class UniformSampler extends SeededSampler {

    /** @param seed the seed; same seed and state give bit-identical points */
    public UniformSampler(long seed) {
        super(seed);
    }

    /** @return {@code "uniform"} */
    @Override
    public String name() {
        return "uniform";
    }

    /** Draws {@code n} independent uniform points. */
    @Override
    public double[][] sample(int n, int dimension) {
        SamplerChecks.request("UniformSampler", n, dimension);
        SplittableRandom r = nextCallRandom();
        double[][] u = new double[dimension][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dimension; k++) {
                u[k][i] = r.nextDouble();
            }
        }
        return u;
    }
}
