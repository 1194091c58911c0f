package org.pinn4j.core.sampling;

import java.util.SplittableRandom;

/**
 * Residual-based adaptive distribution of collocation points (RAD; C. Wu, M. Zhu, Q. Tan, Y. Kartha and L. Lu, "A
 * comprehensive study of non-adaptive and residual-based adaptive sampling for physics-informed neural networks",
 * Comput. Methods Appl. Mech. Engrg. 403, 2023): from a pool of candidates, points are drawn with probability
 * proportional to |r|^k / mean(|r|^k) + c, where |r| is a candidate's residual norm. k = 1, c = 1 is the
 * paper's recommended default; c = 0 samples by the residual alone, a large c approaches uniform sampling.
 */
public final class ResidualResampling {

    private ResidualResampling() {}

    /**
     * The RAD weights |r|^k / mean(|r|^k) + c of candidates with squared residual norms {@code squaredNorms}. When
     * every |r|^k is zero (or the mean is not finite) every weight is 1: the draw is uniform.
     *
     * @param squaredNorms |r|^2 of each candidate, none negative or NaN
     * @param power        k &gt;= 0
     * @param offset       c &gt;= 0
     */
    public static double[] weights(double[] squaredNorms, double power, double offset) {
        int n = squaredNorms.length;
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = squaredNorms[i];
            if (!(s >= 0)) {
                throw new IllegalArgumentException("residual-based resampling: the squared residual of candidate " + i
                        + " is " + s + "; expected a number >= 0 (check the residual evaluation)");
            }
            w[i] = Math.pow(s, power / 2);
            sum += w[i];
        }
        double mean = sum / n;
        for (int i = 0; i < n; i++) {
            w[i] = mean > 0 && Double.isFinite(mean) ? w[i] / mean + offset : 1;
        }
        return w;
    }

    /**
     * Indices of {@code m} distinct candidates drawn without replacement, each draw with probability proportional
     * to the weights of the candidates left (Efraimidis and Spirakis, "Weighted random sampling with a reservoir",
     * Inf. Process. Lett. 97, 2006: the m largest keys u^(1/w), u uniform, ranked here as w / -log u). A candidate
     * of weight 0 is taken only when fewer than m have a positive weight.
     *
     * @param weights one weight &gt;= 0 per candidate
     * @param m       how many to draw, in [0, weights.length]
     * @param random  the source of the uniforms (one per candidate, in order)
     */
    public static int[] drawWithoutReplacement(double[] weights, int m, SplittableRandom random) {
        double[] keys = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            double u = random.nextDouble();
            keys[i] = u == 0 ? 0 : weights[i] / -Math.log(u);
        }
        return ResidualRefinement.topIndices(keys, m);
    }
}
