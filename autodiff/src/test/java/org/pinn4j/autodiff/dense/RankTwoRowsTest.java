package org.pinn4j.autodiff.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.VectorSupport;

/**
 * The rank-two row updates on the Vector API give, bit for bit, the scalar expressions they document (written out
 * here as the reference), for row lengths with and without a tail, before and after the JIT compiled them.
 */
class RankTwoRowsTest {
    @Test
    void bothUpdatesGiveTheBitsOfTheirScalarExpressions() {
        assertTrue(VectorSupport.enabled(), "the test JVM runs the Vector API path");
        SplittableRandom rng = new SplittableRandom(21);
        for (int repeat = 0; repeat < 3000; repeat++) {
            for (int n : new int[] {1, 7, 8, 13, 64, 101}) {
                double[] s = random(rng, n), hy = random(rng, n), v = random(rng, n);
                double yhy = rng.nextDouble(0.1, 10), phiYhy = rng.nextDouble(-2, 2);
                double invTau = 1.0 / rng.nextDouble(0.5, 2), rho = rng.nextDouble(0.1, 3), c = rng.nextDouble(-1, 1);
                int i = rng.nextInt(n);
                int row = 3;
                double[] h = new double[row + n + 2];
                for (int j = 0; j < h.length; j++) {
                    h[j] = rng.nextDouble(-1, 1);
                }
                double[] expected = h.clone();
                for (int j = 0; j < n; j++) {
                    expected[row + j] = (expected[row + j] - (hy[i] * hy[j]) / yhy + phiYhy * (v[i] * v[j])) * invTau
                            + rho * (s[i] * s[j]);
                }
                double[] actual = h.clone();
                RankTwoRows.selfScaled(actual, row, n, s[i], hy[i], v[i], s, hy, v, yhy, phiYhy, invTau, rho);
                assertBits(expected, actual, "self-scaled Broyden row, n = " + n);
                for (int j = 0; j < n; j++) {
                    expected[row + j] = expected[row + j] + c * (s[i] * s[j]) - rho * (s[i] * hy[j] + hy[i] * s[j]);
                }
                RankTwoRows.bfgs(actual, row, n, s[i], hy[i], s, hy, c, rho);
                assertBits(expected, actual, "BFGS row, n = " + n);
            }
        }
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] a = new double[n];
        for (int j = 0; j < n; j++) {
            a[j] = rng.nextDouble(-1, 1);
        }
        return a;
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(
                    Double.doubleToRawLongBits(expected[j]),
                    Double.doubleToRawLongBits(actual[j]),
                    what + ", entry " + j + ": " + expected[j] + " vs " + actual[j]);
        }
    }
}
