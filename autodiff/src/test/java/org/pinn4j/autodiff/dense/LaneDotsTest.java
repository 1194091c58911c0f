package org.pinn4j.autodiff.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.VectorSupport;

/**
 * The lane dot products: the running path (vector when the module is present, as in this build's tests) gives the
 * bits of the scalar reference for every length and offset, the 2 x 2 block the bits of four single products, and
 * both agree with a plain sum to round-off.
 */
class LaneDotsTest {
    @Test
    void everyPathGivesTheReferenceBits() {
        SplittableRandom rng = new SplittableRandom(9);
        double[] x = new double[400];
        double[] y = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() - 0.5;
            y[i] = rng.nextDouble() - 0.5;
        }
        double[] out = new double[4];
        for (int len : new int[] {0, 1, 7, 8, 9, 31, 64, 100, 131}) {
            for (int p : new int[] {0, 3, 150}) {
                int q = 260 - p;
                double ref = ScalarLaneDots.dot(x, p, y, q, len);
                assertEquals(ref, LaneDots.dot(x, p, y, q, len), 0.0, "len " + len + ", offset " + p);
                double plain = 0;
                for (int k = 0; k < len; k++) {
                    plain += x[p + k] * y[q + k];
                }
                // two summation orders of at most 131 products below 0.25: 1e-14 absolute
                assertEquals(plain, ref, 1e-14, "len " + len);
                LaneDots.dot2x2(x, p, p + 17, y, q, q + 5, len, out);
                assertEquals(ref, out[0], 0.0);
                assertEquals(LaneDots.dot(x, p, y, q + 5, len), out[1], 0.0);
                assertEquals(LaneDots.dot(x, p + 17, y, q, len), out[2], 0.0);
                assertEquals(LaneDots.dot(x, p + 17, y, q + 5, len), out[3], 0.0);
                double[] scalar = new double[4];
                ScalarLaneDots.dot2x2(x, p, p + 17, y, q, q + 5, len, scalar);
                for (int i = 0; i < 4; i++) {
                    assertEquals(scalar[i], out[i], 0.0);
                }
            }
        }
        assertTrue(LaneDots.describe().equals(VectorSupport.enabled() ? VectorLaneDots.describe() : "scalar"));
    }
}
