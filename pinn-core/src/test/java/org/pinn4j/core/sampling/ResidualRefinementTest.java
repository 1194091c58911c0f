package org.pinn4j.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResidualRefinementTest {

    @Test
    void picksLargestAbsoluteScoresWithTiesByIndex() {
        // |scores| = 1, 5, 3, 5, 0, 3: the two 5s (indices 1, 3), then the first 3 (index 2).
        double[] scores = {1, -5, 3, 5, 0, -3};
        assertArrayEquals(new int[] {1, 3, 2}, ResidualRefinement.topIndices(scores, 3));
        assertArrayEquals(new int[] {1, 3, 2, 5, 0, 4}, ResidualRefinement.topIndices(scores, 6));
        assertArrayEquals(new int[0], ResidualRefinement.topIndices(scores, 0));
    }

    @Test
    void agreesWithAFullSortOnRandomScoresWithManyTies() {
        SplittableRandom r = new SplittableRandom(5);
        double[] scores = new double[2000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.round(r.nextGaussian() * 4) / 4.0; // coarse values: many ties
        }
        int[] expected = IntStream.range(0, scores.length)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -Math.abs(scores[i]))
                        .thenComparingInt(i -> i))
                .limit(137)
                .mapToInt(Integer::intValue)
                .toArray();
        assertArrayEquals(expected, ResidualRefinement.topIndices(scores, 137));
    }

    @Test
    void selectsPointsAndKeepsNormals() {
        PointSet c = new PointSet(new double[][] {{0, 1, 2, 3}}, new double[][] {{-1, 1, -1, 1}});
        PointSet top = ResidualRefinement.selectTop(c, new double[] {0.1, -2, 0.5, 1}, 2);
        assertArrayEquals(new double[] {1, 3}, top.coordinate(0)); // copied values: exact
        assertArrayEquals(new double[] {1, 1}, top.normal(0));
        assertEquals(2, top.size());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ResidualRefinement.topIndices(new double[] {1, Double.NaN}, 1));
        assertTrue(e.getMessage().contains("index 1 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResidualRefinement.topIndices(new double[3], 4));
        assertTrue(e.getMessage().contains("k = 4 must be in [0, 3]"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> ResidualRefinement.selectTop(new PointSet(new double[][] {{1, 2}}), new double[3], 1));
        assertTrue(e.getMessage().contains("one score per candidate (2), got 3 scores"), e.getMessage());
    }
}
