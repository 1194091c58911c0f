package org.pinn4j.autodiff.dense;

/** {@link LaneDots} in plain Java: the reference arithmetic. */
final class ScalarLaneDots {
    private ScalarLaneDots() {}

    static double dot(double[] x, int p, double[] y, int q, int len) {
        double[] l = new double[LaneDots.LANES];
        lanes(x, p, y, q, len, l);
        return LaneDots.reduce(l);
    }

    static void dot2x2(double[] x, int p0, int p1, double[] y, int q0, int q1, int len, double[] out) {
        out[0] = dot(x, p0, y, q0, len);
        out[1] = dot(x, p0, y, q1, len);
        out[2] = dot(x, p1, y, q0, len);
        out[3] = dot(x, p1, y, q1, len);
    }

    /** The lanes of one product (see {@link LaneDots}), in locals so that they stay in registers. */
    static void lanes(double[] x, int p, double[] y, int q, int len, double[] l) {
        int full = len - len % LaneDots.LANES;
        double l0 = l[0], l1 = l[1], l2 = l[2], l3 = l[3], l4 = l[4], l5 = l[5], l6 = l[6], l7 = l[7];
        for (int k = 0; k < full; k += 8) {
            int a = p + k;
            int b = q + k;
            l0 = Math.fma(x[a], y[b], l0);
            l1 = Math.fma(x[a + 1], y[b + 1], l1);
            l2 = Math.fma(x[a + 2], y[b + 2], l2);
            l3 = Math.fma(x[a + 3], y[b + 3], l3);
            l4 = Math.fma(x[a + 4], y[b + 4], l4);
            l5 = Math.fma(x[a + 5], y[b + 5], l5);
            l6 = Math.fma(x[a + 6], y[b + 6], l6);
            l7 = Math.fma(x[a + 7], y[b + 7], l7);
        }
        l[0] = l0;
        l[1] = l1;
        l[2] = l2;
        l[3] = l3;
        l[4] = l4;
        l[5] = l5;
        l[6] = l6;
        l[7] = l7;
        for (int k = full; k < len; k++) {
            l[k - full] = Math.fma(x[p + k], y[q + k], l[k - full]);
        }
    }
}
