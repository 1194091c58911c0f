package org.pinn4j.autodiff;

/**
 * The hyperbolic tangent of the engine, branch-free so that it vectorises, within 2 ulp of
 * {@link Math#tanh}. With a = |z|: for a < 0.625 the rational approximation of Cephes' tanh
 * (a + a^3 P(a^2)/Q(a^2), relative error below 2.5e-16); otherwise 1 - 2/(e^{2a} + 1) (no cancellation,
 * tanh >= 0.55 there), with a clamped to 22 (the formula gives exactly 1 from a = 19.1 on). e^x is
 * evaluated here, not by {@link Math#exp}: x = k ln2 + r with k = rint(x / ln2) (round-to-nearest by
 * adding and subtracting 1.5 * 2^52), ln2 split in two parts so that r is exact to a few ulp, e^r by its
 * Taylor polynomial of degree 13 (truncation error below 4e-18 for |r| <= ln2/2), times 2^k built from
 * its exponent bits. Both signs are handled by copying z's sign bit onto the result.
 *
 * <p>{@link VectorTanh} performs exactly these operations lane by lane, so {@link #tanh(double[], double[], int)}
 * gives the same bits with or without the Vector API.
 */
final class TanhKernel {
    static final double P0 = -9.64399179425052238628E-1;
    static final double P1 = -9.92877231001918586564E1;
    static final double P2 = -1.61468768441708447952E3;
    static final double Q0 = 1.12811678491632931402E2;
    static final double Q1 = 2.23548839060100448583E3;
    static final double Q2 = 4.84406305325125486048E3;
    static final double SMALL = 0.625;
    static final double CLAMP = 22.0;
    static final double LOG2E = 1.4426950408889634;
    /** 1.5 * 2^52: adding and subtracting it rounds to the nearest integer (|x| < 2^51). */
    static final double ROUND = 6755399441055744.0;
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI has 32 significant bits, so k * LN2_HI is exact for |k| < 2^21. */
    static final double LN2_HI = 6.93147180369123816490e-01;

    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 2^52 + 1023: k + BIAS carries k + 1023 in its low mantissa bits; shifted left by 52 they are 2^k. */
    static final double BIAS = 4503599627371519.0;
    /** Taylor coefficients 1/j! of e^r, j = 2..13 (the terms 1 + r are added by the last two steps). */
    static final double E2 = 0.5;

    static final double E3 = 1.0 / 6.0;
    static final double E4 = 1.0 / 24.0;
    static final double E5 = 1.0 / 120.0;
    static final double E6 = 1.0 / 720.0;
    static final double E7 = 1.0 / 5040.0;
    static final double E8 = 1.0 / 40320.0;
    static final double E9 = 1.0 / 362880.0;
    static final double E10 = 1.0 / 3628800.0;
    static final double E11 = 1.0 / 39916800.0;
    static final double E12 = 1.0 / 479001600.0;
    static final double E13 = 1.0 / 6227020800.0;
    static final long SIGN = 0x8000000000000000L;

    private TanhKernel() {}

    /** tanh(z), the scalar reference. */
    static double tanh(double z) {
        double a = Math.abs(z);
        double s = a * a;
        double num = (P0 * s + P1) * s + P2;
        double den = ((s + Q0) * s + Q1) * s + Q2;
        double small = a + a * s * (num / den);
        double x = 2.0 * Math.min(a, CLAMP);
        double k = (x * LOG2E + ROUND) - ROUND;
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double p = Math.fma(E13, r, E12);
        p = Math.fma(p, r, E11);
        p = Math.fma(p, r, E10);
        p = Math.fma(p, r, E9);
        p = Math.fma(p, r, E8);
        p = Math.fma(p, r, E7);
        p = Math.fma(p, r, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        double e = p * Double.longBitsToDouble(Double.doubleToRawLongBits(k + BIAS) << 52);
        double large = 1.0 - 2.0 / (e + 1.0);
        double t = a < SMALL ? small : large;
        return Double.longBitsToDouble(
                (Double.doubleToRawLongBits(t) & ~SIGN) | (Double.doubleToRawLongBits(z) & SIGN));
    }

    /** out[p] = tanh(z[p]) for p in [0, n): on the Vector API when it is enabled, the same bits otherwise. */
    static void tanh(double[] z, double[] out, int n) {
        int p = 0;
        if (VectorSupport.enabled()) {
            p = VectorTanh.tanh(z, out, n);
        }
        for (; p < n; p++) {
            out[p] = tanh(z[p]);
        }
    }
}
