package org.pinn4j.core.sampling;

import java.util.SplittableRandom;

/**
 * Latin hypercube points: each call of {@code n} points splits every axis into {@code n} strata
 * {@code {u : floor(u * n) = j}} and puts exactly one point in each stratum of each axis, at a
 * uniform position inside it; the strata are matched across axes by independent random
 * permutations (Fisher-Yates). The state is the number of calls made.
 */
public final class LatinHypercubeSampler extends SeededSampler {

    /** @param seed the seed; same seed and state give bit-identical points */
    public LatinHypercubeSampler(long seed) {
        super(seed);
    }

    /** @return {@code "lhs"} */
    @Override
    public String name() {
        return "lhs";
    }

    /** Draws one Latin hypercube design of {@code n} points. */
    @Override
    public double[][] sample(int n, int dimension) {
        SamplerChecks.request("LatinHypercubeSampler", n, dimension);
        SplittableRandom r = nextCallRandom();
        double[][] u = new double[dimension][n];
        int[] perm = new int[n];
        for (int k = 0; k < dimension; k++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            double[] row = u[k];
            for (int i = 0; i < n; i++) {
                row[i] = inStratum(perm[i], n, r.nextDouble());
            }
        }
        return u;
    }

    /** {@code (j + jitter) / n}, nudged by ulps so that {@code floor(u * n) == j} holds in floating point. */
    private static double inStratum(int j, int n, double jitter) {
        double u = (j + jitter) / n;
        while (u >= 1.0 || Math.floor(u * n) > j) {
            u = Math.nextDown(u);
        }
        while (Math.floor(u * n) < j) {
            u = Math.nextUp(u);
        }
        return u;
    }
}
