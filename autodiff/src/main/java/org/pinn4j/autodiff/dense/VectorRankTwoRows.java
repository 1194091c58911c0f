package org.pinn4j.autodiff.dense;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RankTwoRows} on the Vector API: the whole vectors of a row, each lane the scalar expression's operations
 * in its order; the caller finishes the tail. Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorRankTwoRows {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();

    private VectorRankTwoRows() {}

    /** The self-scaled Broyden row over j in [0, n - n % V); returns where the tail starts. */
    static int selfScaled(
            double[] h,
            int row,
            int n,
            double si,
            double hyi,
            double vi,
            double[] s,
            double[] hy,
            double[] v,
            double yhy,
            double phiYhy,
            double invTau,
            double rho) {
        int full = n - n % V;
        for (int j = 0; j < full; j += V) {
            DoubleVector hj = DoubleVector.fromArray(S, h, row + j);
            DoubleVector down = DoubleVector.fromArray(S, hy, j).mul(hyi).div(yhy);
            DoubleVector up = DoubleVector.fromArray(S, v, j).mul(vi).mul(phiYhy);
            DoubleVector ss = DoubleVector.fromArray(S, s, j).mul(si).mul(rho);
            hj.sub(down).add(up).mul(invTau).add(ss).intoArray(h, row + j);
        }
        return full;
    }

    /** The BFGS row over j in [0, n - n % V); returns where the tail starts. */
    static int bfgs(double[] h, int row, int n, double si, double hyi, double[] s, double[] hy, double c, double rho) {
        int full = n - n % V;
        for (int j = 0; j < full; j += V) {
            DoubleVector sj = DoubleVector.fromArray(S, s, j);
            DoubleVector cross = DoubleVector.fromArray(S, hy, j).mul(si).add(sj.mul(hyi));
            DoubleVector hj = DoubleVector.fromArray(S, h, row + j);
            hj.add(sj.mul(si).mul(c)).sub(cross.mul(rho)).intoArray(h, row + j);
        }
        return full;
    }
}
