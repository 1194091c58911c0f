package org.pinn4j.autodiff.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.VectorSupport;

/**
 * The Vector API kernels against the plain-Java reference kernels: the same bits for every shape
 * (block remainders, tiles that are not a multiple of the lane width, one stream or several), and the
 * reference against a plain double sum in another order.
 */
class LaneKernelsTest {
    private static final int[][] SHAPES = {
        // in, out, streams, tile
        {20, 20, 4, 64},
        {20, 20, 4, 37},
        {7, 9, 3, 64},
        {2, 20, 4, 64},
        {20, 1, 4, 64},
        {5, 6, 1, 5},
        {4, 4, 6, 8},
        {13, 3, 2, 19},
        {1, 1, 1, 1},
        // inputs over one panel (VectorLaneKernels.KC): partial sums go back to y and continue
        {100, 100, 4, 64},
        {256, 22, 4, 37},
        {70, 66, 2, 64},
        {33, 7, 3, 50},
    };

    @Test
    void theSurefireJvmRunsTheVectorKernels() {
        // the build passes --add-modules jdk.incubator.vector to the test JVMs; without it the
        // comparisons below would compare the scalar kernels with themselves
        assertTrue(
                VectorSupport.enabled(),
                "expected the Vector API kernels in the test JVM, got " + TaylorNetwork.kernels());
    }

    @Test
    void gradientAccumulationIsBitIdenticalOnBothPaths() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int[] shape : SHAPES) {
            int in = shape[0], out = shape[1], streams = shape[2], tile = shape[3];
            double[][][] a = random(rng, in, streams, tile);
            double[][][] zbar = random(rng, out, streams, tile);
            double[][] gwScalar = randomRows(rng, out * in, LaneKernels.LANES);
            double[][] gbScalar = randomRows(rng, out, LaneKernels.LANES);
            double[][] gwVector = copy(gwScalar);
            double[][] gbVector = copy(gbScalar);
            for (int repeat = 0; repeat < 3; repeat++) {
                ScalarLaneKernels.accumulate(a, in, zbar, out, streams, tile, gwScalar, gbScalar);
                VectorLaneKernels.accumulate(a, in, zbar, out, streams, tile, gwVector, gbVector, false);
            }
            assertBitIdentical(gwScalar, gwVector, "weight gradient " + java.util.Arrays.toString(shape));
            assertBitIdentical(gbScalar, gbVector, "bias gradient " + java.util.Arrays.toString(shape));
        }
    }

    /**
     * A fresh (flushed) accumulator counts as zero whatever its array holds: the vector path started fresh on random
     * values, then continued, gives the bits of the reference path started on zeros.
     */
    @Test
    void aFreshAccumulatorStartsFromZeroWhateverItsArrayHolds() {
        SplittableRandom rng = new SplittableRandom(15);
        for (int[] shape : SHAPES) {
            int in = shape[0], out = shape[1], streams = shape[2], tile = shape[3];
            double[][][] a = random(rng, in, streams, tile);
            double[][][] zbar = random(rng, out, streams, tile);
            double[][] gwScalar = new double[out * in][LaneKernels.LANES];
            double[][] gbScalar = new double[out][LaneKernels.LANES];
            double[][] gwVector = randomRows(rng, out * in, LaneKernels.LANES);
            double[][] gbVector = new double[out][LaneKernels.LANES];
            for (int repeat = 0; repeat < 2; repeat++) {
                ScalarLaneKernels.accumulate(a, in, zbar, out, streams, tile, gwScalar, gbScalar);
                VectorLaneKernels.accumulate(a, in, zbar, out, streams, tile, gwVector, gbVector, repeat == 0);
            }
            assertBitIdentical(gwScalar, gwVector, "fresh weight gradient " + java.util.Arrays.toString(shape));
            assertBitIdentical(gbScalar, gbVector, "bias gradient " + java.util.Arrays.toString(shape));
        }
    }

    /** The same after both paths ran long enough for the JIT to compile them (the Vector API is intrinsified only then). */
    @Test
    void bitIdenticalAfterTheJitCompiledBothPaths() {
        SplittableRandom rng = new SplittableRandom(14);
        // 70 inputs: three panels of the dense map, so the compiled code carries partial sums too; 70 x 64 weights:
        // large enough for the deferred pass over packed rows (LaneKernels.PACK_FROM), run beside the others
        int in = 70, out = 64, streams = 2, tile = 64;
        double[][][] a = random(rng, in, streams, tile);
        double[][][] zbar = random(rng, out, streams, tile);
        double[] w = new double[in * out + out];
        for (int j = 0; j < w.length; j++) {
            w[j] = rng.nextDouble(-1, 1);
        }
        double[][] gwScalar = new double[out * in][LaneKernels.LANES];
        double[][] gbScalar = new double[out][LaneKernels.LANES];
        double[][] gwVector = new double[out * in][LaneKernels.LANES];
        double[][] gbVector = new double[out][LaneKernels.LANES];
        double[][][] yScalar = new double[out][streams][tile];
        double[][][] yVector = new double[out][streams][tile];
        DeferredRows deferred = new DeferredRows(in, out, streams, tile);
        double[][] gwDeferred = new double[out * in][LaneKernels.LANES];
        double[][] gbDeferred = new double[out][LaneKernels.LANES];
        double[] gradScalar = new double[out * in];
        double[] gradDeferred = new double[out * in];
        for (int repeat = 0; repeat < 2000; repeat++) {
            // every fourth call starts fresh, as after a flush: the reference clears its accumulators instead
            boolean fresh = repeat % 4 == 0;
            if (fresh) {
                LaneKernels.clear(gwScalar);
            }
            ScalarLaneKernels.accumulate(a, in, zbar, out, streams, tile, gwScalar, gbScalar);
            VectorLaneKernels.accumulate(a, in, zbar, out, streams, tile, gwVector, gbVector, fresh);
            ScalarLaneKernels.matmul(w, 0, in, 1, w, in * out, a, in, yScalar, out, streams, tile);
            VectorLaneKernels.matmul(w, 0, in, 1, w, in * out, a, in, yVector, out, streams, tile);
            deferred.add(a, zbar, gwDeferred, gbDeferred, true);
            if (repeat % 4 == 3) {
                // a chunk of 4 tiles ends: the reference sums its lanes, the deferred rows run their pass
                for (int k = 0; k < out * in; k++) {
                    gradScalar[k] += LaneKernels.sumLanes(gwScalar[k], 0);
                }
                deferred.flush(gwDeferred, true, gradDeferred, 0);
            }
        }
        assertBitIdentical(gradScalar, gradDeferred, "deferred weight gradient after 2000 tiles");
        assertBitIdentical(gbScalar, gbDeferred, "deferred bias gradient after 2000 tiles");
        assertBitIdentical(gwScalar, gwVector, "weight gradient after 2000 calls");
        assertBitIdentical(gbScalar, gbVector, "bias gradient after 2000 calls");
        for (int o = 0; o < out; o++) {
            assertBitIdentical(yScalar[o], yVector[o], "affine after 2000 calls");
        }
    }

    /**
     * A large layer's pass put off to the flush (DeferredRows) gives the bits of the reference pass run tile by tile
     * with its lanes summed at the flush: chunks of 4 tiles (the rows' capacity), of 6 (the rows are passed into the
     * lanes when full, and the flush continues from them) and of 1, for shapes with and without 4 x 4 remainders.
     */
    @Test
    void theDeferredPassGivesTheBitsOfTheTileByTilePass() {
        SplittableRandom rng = new SplittableRandom(16);
        int[][] shapes = {{64, 64, 3, 64}, {70, 66, 2, 64}, {100, 100, 4, 64}, {67, 65, 2, 16}};
        for (int[] shape : shapes) {
            int in = shape[0], out = shape[1], streams = shape[2], tile = shape[3];
            assertTrue(DeferredRows.applies(in, out, tile), java.util.Arrays.toString(shape));
            DeferredRows rows = new DeferredRows(in, out, streams, tile);
            assertEquals(DeferredRows.MAX_TILES, rows.capacity());
            double[][] gwRef = new double[out * in][LaneKernels.LANES];
            double[][] gbRef = new double[out][LaneKernels.LANES];
            double[][] gw = randomRows(rng, out * in, LaneKernels.LANES);
            double[][] gb = new double[out][LaneKernels.LANES];
            double[] gradRef = new double[out * in + 3];
            double[] grad = new double[out * in + 3];
            for (int chunk : new int[] {4, 6, 1, 4}) {
                boolean fresh = true;
                for (int t = 0; t < chunk; t++) {
                    double[][][] a = random(rng, in, streams, tile);
                    double[][][] zbar = random(rng, out, streams, tile);
                    ScalarLaneKernels.accumulate(a, in, zbar, out, streams, tile, gwRef, gbRef);
                    if (rows.add(a, zbar, gw, gb, fresh)) {
                        fresh = false;
                    }
                }
                for (int w = 0; w < out * in; w++) {
                    gradRef[3 + w] += LaneKernels.sumLanes(gwRef[w], 0);
                }
                LaneKernels.clear(gwRef);
                assertTrue(rows.holdsTiles());
                rows.flush(gw, fresh, grad, 3);
                assertTrue(!rows.holdsTiles());
                assertBitIdentical(gradRef, grad, "deferred weight gradient " + java.util.Arrays.toString(shape));
                assertBitIdentical(gbRef, gb, "bias gradient " + java.util.Arrays.toString(shape));
            }
        }
    }

    @Test
    void denseMapIsBitIdenticalOnBothPathsAndItsTranspose() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int[] shape : SHAPES) {
            int in = shape[0], out = shape[1], streams = shape[2], tile = shape[3];
            double[] w = new double[3 + in * out + out];
            for (int j = 0; j < w.length; j++) {
                w[j] = rng.nextDouble(-1, 1);
            }
            int wOff = 3;
            int bOff = 3 + in * out;
            double[][][] x = random(rng, in, streams, tile);
            double[][][] yScalar = random(rng, out, streams, tile);
            double[][][] yVector = random(rng, out, streams, tile);
            ScalarLaneKernels.matmul(w, wOff, in, 1, w, bOff, x, in, yScalar, out, streams, tile);
            VectorLaneKernels.matmul(w, wOff, in, 1, w, bOff, x, in, yVector, out, streams, tile);
            for (int o = 0; o < out; o++) {
                assertBitIdentical(yScalar[o], yVector[o], "affine " + java.util.Arrays.toString(shape));
            }
            double[][][] zbar = random(rng, out, streams, tile);
            double[][][] tScalar = random(rng, in, streams, tile);
            double[][][] tVector = random(rng, in, streams, tile);
            ScalarLaneKernels.matmul(w, wOff, 1, in, null, 0, zbar, out, tScalar, in, streams, tile);
            VectorLaneKernels.matmul(w, wOff, 1, in, null, 0, zbar, out, tVector, in, streams, tile);
            for (int i = 0; i < in; i++) {
                assertBitIdentical(tScalar[i], tVector[i], "transpose " + java.util.Arrays.toString(shape));
            }
        }
    }

    /** The reference kernels compute the intended sums: compared with plain sums, to 1e-13 relative (a few ulps of 20-term sums of O(1) terms). */
    @Test
    void referenceKernelsComputeTheIntendedSums() {
        SplittableRandom rng = new SplittableRandom(13);
        int in = 7, out = 5, streams = 3, tile = 21;
        double[][][] a = random(rng, in, streams, tile);
        double[][][] zbar = random(rng, out, streams, tile);
        double[][] gw = new double[out * in][LaneKernels.LANES];
        double[][] gb = new double[out][LaneKernels.LANES];
        ScalarLaneKernels.accumulate(a, in, zbar, out, streams, tile, gw, gb);
        for (int o = 0; o < out; o++) {
            double bias = 0;
            for (int p = 0; p < tile; p++) {
                bias += zbar[o][0][p];
            }
            assertEquals(bias, sum(gb[o]), 1e-13 * Math.max(1, Math.abs(bias)));
            for (int i = 0; i < in; i++) {
                double g = 0;
                for (int p = 0; p < tile; p++) {
                    for (int s = 0; s < streams; s++) {
                        g += zbar[o][s][p] * a[i][s][p];
                    }
                }
                assertEquals(g, sum(gw[o * in + i]), 1e-13 * Math.max(1, Math.abs(g)));
            }
        }
        double[] w = new double[in * out + out];
        for (int j = 0; j < w.length; j++) {
            w[j] = rng.nextDouble(-1, 1);
        }
        double[][][] y = new double[out][streams][tile];
        ScalarLaneKernels.matmul(w, 0, in, 1, w, in * out, a, in, y, out, streams, tile);
        double[][][] t = new double[in][streams][tile];
        ScalarLaneKernels.matmul(w, 0, 1, in, null, 0, zbar, out, t, in, streams, tile);
        for (int s = 0; s < streams; s++) {
            for (int p = 0; p < tile; p++) {
                for (int o = 0; o < out; o++) {
                    double z = s == 0 ? w[in * out + o] : 0;
                    for (int i = 0; i < in; i++) {
                        z += w[o * in + i] * a[i][s][p];
                    }
                    assertEquals(z, y[o][s][p], 1e-13 * Math.max(1, Math.abs(z)));
                }
                for (int i = 0; i < in; i++) {
                    double v = 0;
                    for (int o = 0; o < out; o++) {
                        v += w[o * in + i] * zbar[o][s][p];
                    }
                    assertEquals(v, t[i][s][p], 1e-13 * Math.max(1, Math.abs(v)));
                }
            }
        }
    }

    private static double sum(double[] lanes) {
        double s = 0;
        for (double v : lanes) {
            s += v;
        }
        return s;
    }

    private static double[][][] random(SplittableRandom rng, int rows, int streams, int tile) {
        double[][][] a = new double[rows][streams][tile];
        for (double[][] r : a) {
            for (double[] s : r) {
                for (int p = 0; p < tile; p++) {
                    s[p] = rng.nextDouble(-1, 1);
                }
            }
        }
        return a;
    }

    private static double[][] randomRows(SplittableRandom rng, int rows, int width) {
        double[][] a = new double[rows][width];
        for (double[] r : a) {
            for (int j = 0; j < width; j++) {
                r[j] = rng.nextDouble(-1, 1);
            }
        }
        return a;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            c[j] = a[j].clone();
        }
        return c;
    }

    private static void assertBitIdentical(double[][] expected, double[][] actual, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertBitIdentical(expected[j], actual[j], what + " row " + j);
        }
    }

    private static void assertBitIdentical(double[] expected, double[] actual, String what) {
        for (int p = 0; p < expected.length; p++) {
            assertEquals(
                    Double.doubleToLongBits(expected[p]),
                    Double.doubleToLongBits(actual[p]),
                    what + " at " + p + ": " + expected[p] + " vs " + actual[p]);
        }
    }
}
