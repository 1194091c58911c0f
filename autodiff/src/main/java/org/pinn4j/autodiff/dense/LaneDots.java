package org.pinn4j.autodiff.dense;

import org.pinn4j.autodiff.VectorSupport;

/**
 * Dot products of long arrays with one fixed arithmetic, so that the Vector API path and the plain-Java path give
 * the same bits on any machine: {@link #LANES} partial sums, lane q a chain of fused multiply-adds ({@link
 * Math#fma}) over the indices k = q, q + 8, q + 16, ... of the first {@code len - len % 8}, the remaining
 * indices added to lanes 0, 1, ... by fma in order, then the lanes summed as ((l0 + l1) + (l2 + l3)) + ((l4 + l5)
 * + (l6 + l7)). {@link #dot2x2} computes four such products of two x and two y arrays at once (each loaded element
 * used twice), the block of a Gram matrix J^T J.
 */
public final class LaneDots {
    /** Partial sums per product. */
    public static final int LANES = 8;

    private LaneDots() {}

    /** Which implementation runs: "vector (S lanes)" or "scalar". */
    public static String describe() {
        return VectorSupport.enabled() ? VectorLaneDots.describe() : "scalar";
    }

    /** x[p .. p+len) . y[q .. q+len). */
    public static double dot(double[] x, int p, double[] y, int q, int len) {
        if (VectorSupport.enabled()) {
            return VectorLaneDots.dot(x, p, y, q, len);
        }
        return ScalarLaneDots.dot(x, p, y, q, len);
    }

    /**
     * The four products of x[p0..), x[p1..) with y[q0..), y[q1..) (each {@code len} long) into {@code out}: x0.y0,
     * x0.y1, x1.y0, x1.y1; each equal, bit for bit, to {@link #dot} of the same arrays.
     */
    public static void dot2x2(double[] x, int p0, int p1, double[] y, int q0, int q1, int len, double[] out) {
        if (VectorSupport.enabled()) {
            VectorLaneDots.dot2x2(x, p0, p1, y, q0, q1, len, out);
        } else {
            ScalarLaneDots.dot2x2(x, p0, p1, y, q0, q1, len, out);
        }
    }

    /** The lanes of one product, reduced in the fixed order. */
    static double reduce(double[] l) {
        return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
    }
}
