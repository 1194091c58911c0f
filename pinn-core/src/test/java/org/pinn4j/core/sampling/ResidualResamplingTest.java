package org.pinn4j.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The RAD weights by hand, and the weighted draw without replacement: distinct, and with the right frequencies. */
class ResidualResamplingTest {

    @Test
    void weightsAreThePowerOfTheResidualOverItsMeanPlusTheOffset() {
        // |r| = 0, 1, 2, 3: mean 1.5; power 1, offset 1 -> |r| / 1.5 + 1
        assertArrayEquals(
                new double[] {1, 1 + 1 / 1.5, 1 + 2 / 1.5, 1 + 3 / 1.5},
                ResidualResampling.weights(new double[] {0, 1, 4, 9}, 1, 1),
                1e-15);
        // power 2, offset 0: r^2 / mean(r^2) = r^2 / 3.5
        assertArrayEquals(
                new double[] {0, 1 / 3.5, 4 / 3.5, 9 / 3.5},
                ResidualResampling.weights(new double[] {0, 1, 4, 9}, 2, 0),
                1e-15);
        // nothing to weigh by: uniform
        assertArrayEquals(new double[] {1, 1, 1}, ResidualResampling.weights(new double[3], 1, 0), 0.0);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ResidualResampling.weights(new double[] {1, Double.NaN}, 1, 1));
        assertTrue(e.getMessage().contains("candidate 1 is NaN"), e.getMessage());
    }

    @Test
    void drawsAreDistinctAndSkipZeroWeightsWhileOthersRemain() {
        double[] w = new double[100];
        for (int i = 0; i < w.length; i += 2) {
            w[i] = 1 + i;
        }
        int[] picked = ResidualResampling.drawWithoutReplacement(w, 50, new SplittableRandom(3));
        assertEquals(50, picked.length);
        assertEquals(50, Arrays.stream(picked).distinct().count());
        for (int i : picked) {
            assertEquals(0, i % 2, "a candidate of weight 0 was drawn while 50 positive ones were left");
        }
        assertEquals(
                51,
                Arrays.stream(ResidualResampling.drawWithoutReplacement(w, 51, new SplittableRandom(3)))
                        .distinct()
                        .count());
    }

    @Test
    void aSingleDrawFollowsTheWeights() {
        // P(index 1) = 3 / 4 for one draw from weights {1, 3}; 20,000 draws: standard error 0.0031, tolerance 5 of them
        int ones = 0;
        SplittableRandom random = new SplittableRandom(7);
        int trials = 20_000;
        for (int t = 0; t < trials; t++) {
            ones += ResidualResampling.drawWithoutReplacement(new double[] {1, 3}, 1, random)[0];
        }
        assertEquals(0.75, ones / (double) trials, 0.0155);
    }
}
