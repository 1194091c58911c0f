package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * H v gives, for every row, the bits of its dot product in four interleaved sums (written out here), on one thread
 * and with the rows split over two and three (blocks of odd length): the product does not depend on the split.
 */
class DenseInverseHessianTest {
    @Test
    void theProductGivesEveryRowsFourSumDotProduct() {
        SplittableRandom rng = new SplittableRandom(31);
        for (int n : new int[] {1, 2, 5, 7, 301, 515}) {
            double[] values = new double[n * n];
            for (int k = 0; k < values.length; k++) {
                values[k] = rng.nextDouble(-1, 1);
            }
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = rng.nextDouble(-1, 1);
            }
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                double[] s = new double[4];
                int k = 0;
                for (; k + 3 < n; k += 4) {
                    for (int q = 0; q < 4; q++) {
                        s[q] += values[i * n + k + q] * v[k + q];
                    }
                }
                for (; k < n; k++) {
                    s[0] += values[i * n + k] * v[k];
                }
                expected[i] = (s[0] + s[1]) + (s[2] + s[3]);
            }
            for (int threads = 1; threads <= 3; threads++) {
                try (DenseInverseHessian h = new DenseInverseHessian(n, threads, values)) {
                    double[] out = new double[n];
                    for (int repeat = 0; repeat < 20; repeat++) {
                        h.multiply(v, out);
                    }
                    for (int i = 0; i < n; i++) {
                        assertEquals(
                                Double.doubleToRawLongBits(expected[i]),
                                Double.doubleToRawLongBits(out[i]),
                                "row " + i + " of " + n + " on " + threads + " threads");
                    }
                }
            }
        }
    }
}
