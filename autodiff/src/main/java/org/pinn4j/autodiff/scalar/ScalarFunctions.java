package org.pinn4j.autodiff.scalar;

import org.apache.commons.math3.special.Erf;

/**
 * Plain {@code double} versions of the activation functions, written in numerically stable forms.
 * {@link Dual}, {@link Jets} and the tape all take their values from here, so there is one
 * definition of each function in the module.
 */
public final class ScalarFunctions {

    /** 1 / sqrt(2). */
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    /** 1 / sqrt(2 pi). */
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private ScalarFunctions() {}

    /** Logistic sigmoid 1 / (1 + exp(-x)), evaluated without overflow for large |x|. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** Softplus log(1 + exp(x)), as max(x, 0) + log1p(exp(-|x|)) so it neither overflows nor underflows. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** Rectified linear unit max(x, 0). */
    public static double relu(double x) {
        return x > 0 ? x : 0.0;
    }

    /** Derivative of ReLU: 1 for x &gt; 0, else 0 (the value 0 is used at the kink). */
    public static double reluDerivative(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    /** SiLU (swish) x * sigmoid(x). */
    public static double silu(double x) {
        return x * sigmoid(x);
    }

    /** Standard normal cumulative distribution Phi(x) = (1 + erf(x / sqrt 2)) / 2, via erfc for accuracy at x &lt; 0. */
    public static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x * INV_SQRT2);
    }

    /** Standard normal density phi(x) = exp(-x^2 / 2) / sqrt(2 pi). */
    public static double normalPdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Exact GELU x * Phi(x) (the erf form, not the tanh approximation). */
    public static double gelu(double x) {
        return x * normalCdf(x);
    }

    /** Error function, from Commons Math. */
    public static double erf(double x) {
        return Erf.erf(x);
    }
}
