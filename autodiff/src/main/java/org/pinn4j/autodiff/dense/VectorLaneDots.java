package org.pinn4j.autodiff.dense;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneDots} on the Vector API with the preferred species, as the network kernels use (one species per JVM
 * keeps the Vector API's call sites monomorphic, so they compile to vector instructions): the 8 lanes of a product
 * are one vector of 8 doubles (AVX-512) or two of 4 (AVX2); any other vector size uses the scalar path. Each lane
 * sees exactly the fma chain of {@link ScalarLaneDots}. Loaded only when the {@code jdk.incubator.vector} module
 * is present.
 */
final class VectorLaneDots {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();

    private VectorLaneDots() {}

    static String describe() {
        return "vector (" + V + " doubles)";
    }

    static double dot(double[] x, int p, double[] y, int q, int len) {
        int full = len - len % LaneDots.LANES;
        double[] l = new double[LaneDots.LANES];
        if (V == 8) {
            DoubleVector a = DoubleVector.zero(S);
            for (int k = 0; k < full; k += 8) {
                a = DoubleVector.fromArray(S, x, p + k).fma(DoubleVector.fromArray(S, y, q + k), a);
            }
            a.intoArray(l, 0);
        } else if (V == 4) {
            DoubleVector a = DoubleVector.zero(S);
            DoubleVector b = DoubleVector.zero(S);
            for (int k = 0; k < full; k += 8) {
                a = DoubleVector.fromArray(S, x, p + k).fma(DoubleVector.fromArray(S, y, q + k), a);
                b = DoubleVector.fromArray(S, x, p + k + 4).fma(DoubleVector.fromArray(S, y, q + k + 4), b);
            }
            a.intoArray(l, 0);
            b.intoArray(l, 4);
        } else {
            return ScalarLaneDots.dot(x, p, y, q, len);
        }
        return finish(x, p, y, q, len, full, l);
    }

    static void dot2x2(double[] x, int p0, int p1, double[] y, int q0, int q1, int len, double[] out) {
        if (V == 8) {
            dot2x2Wide(x, p0, p1, y, q0, q1, len, out);
        } else if (V == 4) {
            dot2x2Half(x, p0, p1, y, q0, q1, len, out);
        } else {
            ScalarLaneDots.dot2x2(x, p0, p1, y, q0, q1, len, out);
        }
    }

    /** Eight lanes in one vector. */
    private static void dot2x2Wide(double[] x, int p0, int p1, double[] y, int q0, int q1, int len, double[] out) {
        int full = len - len % LaneDots.LANES;
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        for (int k = 0; k < full; k += 8) {
            DoubleVector x0 = DoubleVector.fromArray(S, x, p0 + k);
            DoubleVector x1 = DoubleVector.fromArray(S, x, p1 + k);
            DoubleVector y0 = DoubleVector.fromArray(S, y, q0 + k);
            DoubleVector y1 = DoubleVector.fromArray(S, y, q1 + k);
            c00 = x0.fma(y0, c00);
            c01 = x0.fma(y1, c01);
            c10 = x1.fma(y0, c10);
            c11 = x1.fma(y1, c11);
        }
        double[] l = new double[LaneDots.LANES];
        c00.intoArray(l, 0);
        out[0] = finish(x, p0, y, q0, len, full, l);
        c01.intoArray(l, 0);
        out[1] = finish(x, p0, y, q1, len, full, l);
        c10.intoArray(l, 0);
        out[2] = finish(x, p1, y, q0, len, full, l);
        c11.intoArray(l, 0);
        out[3] = finish(x, p1, y, q1, len, full, l);
    }

    /** Lanes 0-3 and 4-7 in two vectors. */
    private static void dot2x2Half(double[] x, int p0, int p1, double[] y, int q0, int q1, int len, double[] out) {
        int full = len - len % LaneDots.LANES;
        DoubleVector a00 = DoubleVector.zero(S);
        DoubleVector b00 = DoubleVector.zero(S);
        DoubleVector a01 = DoubleVector.zero(S);
        DoubleVector b01 = DoubleVector.zero(S);
        DoubleVector a10 = DoubleVector.zero(S);
        DoubleVector b10 = DoubleVector.zero(S);
        DoubleVector a11 = DoubleVector.zero(S);
        DoubleVector b11 = DoubleVector.zero(S);
        for (int k = 0; k < full; k += 8) {
            DoubleVector x0a = DoubleVector.fromArray(S, x, p0 + k);
            DoubleVector x1a = DoubleVector.fromArray(S, x, p1 + k);
            DoubleVector y0a = DoubleVector.fromArray(S, y, q0 + k);
            DoubleVector y1a = DoubleVector.fromArray(S, y, q1 + k);
            a00 = x0a.fma(y0a, a00);
            a01 = x0a.fma(y1a, a01);
            a10 = x1a.fma(y0a, a10);
            a11 = x1a.fma(y1a, a11);
            DoubleVector x0b = DoubleVector.fromArray(S, x, p0 + k + 4);
            DoubleVector x1b = DoubleVector.fromArray(S, x, p1 + k + 4);
            DoubleVector y0b = DoubleVector.fromArray(S, y, q0 + k + 4);
            DoubleVector y1b = DoubleVector.fromArray(S, y, q1 + k + 4);
            b00 = x0b.fma(y0b, b00);
            b01 = x0b.fma(y1b, b01);
            b10 = x1b.fma(y0b, b10);
            b11 = x1b.fma(y1b, b11);
        }
        double[] l = new double[LaneDots.LANES];
        a00.intoArray(l, 0);
        b00.intoArray(l, 4);
        out[0] = finish(x, p0, y, q0, len, full, l);
        a01.intoArray(l, 0);
        b01.intoArray(l, 4);
        out[1] = finish(x, p0, y, q1, len, full, l);
        a10.intoArray(l, 0);
        b10.intoArray(l, 4);
        out[2] = finish(x, p1, y, q0, len, full, l);
        a11.intoArray(l, 0);
        b11.intoArray(l, 4);
        out[3] = finish(x, p1, y, q1, len, full, l);
    }

    /** The tail indices into lanes 0, 1, ... by fma, then the fixed reduction. */
    private static double finish(double[] x, int p, double[] y, int q, int len, int full, double[] l) {
        for (int k = full; k < len; k++) {
            l[k - full] = Math.fma(x[p + k], y[q + k], l[k - full]);
        }
        return LaneDots.reduce(l);
    }
}
