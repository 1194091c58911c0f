package org.pinn4j.autodiff.taylor;

import org.pinn4j.autodiff.VectorSupport;

/**
 * The dense kernels of {@link TaylorNetwork}, with one fixed arithmetic: every result is a chain of
 * fused multiply-adds ({@link Math#fma}) in a fixed order, so the two implementations give the same
 * bits. {@link VectorLaneKernels} runs them on the JDK's Vector API (the {@code jdk.incubator.vector}
 * module, enabled with {@code --add-modules jdk.incubator.vector}); {@link ScalarLaneKernels} is the
 * plain-Java reference used when that module is absent (slower, same result).
 *
 * <p>Weight-gradient accumulators are {@link #LANES} wide: lane q of weight (o, i) accumulates the
 * products of points p with p mod LANES == q, stream by stream in plan order and points in increasing
 * order within a stream; {@link TaylorNetwork#flushGradient} adds the lanes in a fixed order.
 * Keeping 8 doubles per weight instead of one per point of the tile keeps the accumulators in cache.
 *
 * <p>Which path runs is decided once per JVM by {@link VectorSupport}.
 */
final class LaneKernels {
    /** Width of the weight-gradient accumulators (doubles). */
    static final int LANES = 8;

    private LaneKernels() {}

    /** Which implementation runs the kernels: "vector (S lanes)" or "scalar". */
    static String describe() {
        return VectorSupport.enabled() ? VectorLaneKernels.describe() : "scalar";
    }

    /**
     * Weight-gradient accumulation for one layer and tile:
     * gw[o*in+i][q] = fma chain of zbar[o][s][p] * a[i][s][p] over streams s, then points p = q (mod LANES);
     * gb[o][q] += zbar[o][0][p] likewise. With {@code fresh} the weights' accumulators count as zero whatever they hold
     * (cleared by a flush): the chains start from 0.0.
     */
    static void accumulate(
            double[][][] a,
            int in,
            double[][][] zbar,
            int out,
            int streams,
            int tile,
            double[][] gw,
            double[][] gb,
            boolean fresh) {
        if (VectorSupport.enabled()) {
            VectorLaneKernels.accumulate(a, in, zbar, out, streams, tile, gw, gb, fresh);
        } else {
            if (fresh) {
                clear(gw);
            }
            ScalarLaneKernels.accumulate(a, in, zbar, out, streams, tile, gw, gb);
        }
    }

    /**
     * The sum of the {@link #LANES} = 8 lanes at {@code a[off..off+7]} in the fixed order every flush uses: lanes q
     * and q + 4 first, then the four pairs two by two ({@code 0.0 + a[q]} kept: it turns -0.0 into 0.0, as a sum
     * started from zero does).
     */
    static double sumLanes(double[] a, int off) {
        double s0 = (0.0 + a[off]) + a[off + 4];
        double s1 = (0.0 + a[off + 1]) + a[off + 5];
        double s2 = (0.0 + a[off + 2]) + a[off + 6];
        double s3 = (0.0 + a[off + 3]) + a[off + 7];
        return (s0 + s1) + (s2 + s3);
    }

    /** Sets every accumulator to 0.0. */
    static void clear(double[][] gw) {
        for (double[] g : gw) {
            java.util.Arrays.fill(g, 0.0);
        }
    }

    /**
     * Layers with at least this many weights run their weight-gradient pass over packed rows at the chunk's flush
     * ({@link DeferredRows}) on the Vector API path.
     */
    static final int PACK_FROM = 64 * 64;

    /** Whether a layer of {@code in} inputs and {@code out} outputs is large enough to pack. */
    static boolean packs(int in, int out) {
        return (long) in * out >= PACK_FROM;
    }

    /**
     * Dense map over every stream: {@code y[j][s][p] = fma chain over k of w[wOff + j*rowStride +
     * k*colStride] * x[k][s][p]}, started from {@code init[j]} on stream 0 (null = 0) and from 0 on the
     * other streams, k in increasing order. With rowStride = in, colStride = 1 this is the affine layer
     * z = W a + b; with rowStride = 1, colStride = in and no init it is the transpose abar = W^T zbar.
     */
    static void matmul(
            double[] w,
            int wOff,
            int rowStride,
            int colStride,
            double[] init,
            int bOff,
            double[][][] x,
            int inner,
            double[][][] y,
            int rows,
            int streams,
            int tile) {
        if (VectorSupport.enabled()) {
            VectorLaneKernels.matmul(w, wOff, rowStride, colStride, init, bOff, x, inner, y, rows, streams, tile);
        } else {
            ScalarLaneKernels.matmul(w, wOff, rowStride, colStride, init, bOff, x, inner, y, rows, streams, tile);
        }
    }
}
