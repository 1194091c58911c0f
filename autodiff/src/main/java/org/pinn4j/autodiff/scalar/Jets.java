package org.pinn4j.autodiff.scalar;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * Truncated Taylor jets of arbitrary order for scalar functions of several variables, on top of
 * Commons Math's {@link DerivativeStructure} (which implements the arithmetic and elementary
 * functions with the multivariate chain rule). This class adds:
 * <ul>
 *   <li>constructors that read like the maths ({@link #variable}, {@link #variables}, {@link #constant});</li>
 *   <li>{@link #derivative(DerivativeStructure, int...)}, which checks the multi-index first;</li>
 *   <li>the activations {@code DerivativeStructure} lacks: {@link #sigmoid}, {@link #softplus},
 *       {@link #silu}, {@link #gelu} (exact), {@link #relu}, plus {@link #erf} and {@link #normalCdf}.</li>
 * </ul>
 * Example: second derivative of tanh(x y) in x at (0.3, 2):
 * <pre>{@code
 * DerivativeStructure[] v = Jets.variables(2, 0.3, 2.0);
 * double fxx = Jets.derivative(v[0].multiply(v[1]).tanh(), 2, 0);
 * }</pre>
 */
public final class Jets {

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private Jets() {}

    /**
     * The {@code index}-th of {@code nVars} independent variables, at {@code value}, carrying
     * derivatives up to total order {@code order}.
     */
    public static DerivativeStructure variable(int nVars, int order, int index, double value) {
        checkShape(nVars, order);
        if (index < 0 || index >= nVars) {
            throw new IllegalArgumentException("Jets.variable: index " + index + " must be in [0, " + nVars + ")");
        }
        return new DerivativeStructure(nVars, order, index, value);
    }

    /** All variables at once: {@code values.length} variables, the i-th at values[i]. */
    public static DerivativeStructure[] variables(int order, double... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Jets.variables: need at least one value");
        }
        DerivativeStructure[] out = new DerivativeStructure[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = variable(values.length, order, i, values[i]);
        }
        return out;
    }

    /** A constant (all derivatives zero) in a jet space of {@code nVars} variables and order {@code order}. */
    public static DerivativeStructure constant(int nVars, int order, double value) {
        checkShape(nVars, order);
        return new DerivativeStructure(nVars, order, value);
    }

    /**
     * The partial derivative d^(k1+...+kn) f / dx1^k1 ... dxn^kn, with {@code orders = {k1, ..., kn}}
     * (one entry per variable, non-negative, total at most the jet order). All zeros gives the value.
     */
    public static double derivative(DerivativeStructure f, int... orders) {
        if (f == null) {
            throw new IllegalArgumentException("Jets.derivative: f must not be null");
        }
        if (orders == null || orders.length != f.getFreeParameters()) {
            throw new IllegalArgumentException("Jets.derivative: expected " + f.getFreeParameters()
                    + " derivative orders (one per variable), got "
                    + (orders == null ? "null" : String.valueOf(orders.length)));
        }
        int total = 0;
        for (int k : orders) {
            if (k < 0) {
                throw new IllegalArgumentException("Jets.derivative: derivative order " + k + " must be >= 0");
            }
            total += k;
        }
        if (total > f.getOrder()) {
            throw new IllegalArgumentException(
                    "Jets.derivative: total order " + total + " exceeds the jet order " + f.getOrder());
        }
        return f.getPartialDerivative(orders);
    }

    /** Logistic sigmoid, as (1 + tanh(x / 2)) / 2 (an exact identity; tanh is a DerivativeStructure primitive). */
    public static DerivativeStructure sigmoid(DerivativeStructure x) {
        return x.multiply(0.5).tanh().multiply(0.5).add(0.5);
    }

    /**
     * Softplus log(1 + e^x). For x &gt; 0 it is evaluated as x + log1p(e^-x), otherwise as
     * log1p(e^x); both are the same analytic function, so the derivatives agree, and neither overflows.
     */
    public static DerivativeStructure softplus(DerivativeStructure x) {
        if (x.getValue() > 0) {
            return x.add(x.negate().exp().log1p());
        }
        return x.exp().log1p();
    }

    /** SiLU x * sigmoid(x). */
    public static DerivativeStructure silu(DerivativeStructure x) {
        return x.multiply(sigmoid(x));
    }

    /**
     * ReLU max(x, 0): value and first derivative of the active branch, higher derivatives zero
     * (derivative at the kink x = 0 taken as 0).
     */
    public static DerivativeStructure relu(DerivativeStructure x) {
        double v = x.getValue();
        double[] f = new double[x.getOrder() + 1];
        f[0] = ScalarFunctions.relu(v);
        if (f.length > 1) {
            f[1] = ScalarFunctions.reluDerivative(v);
        }
        return x.compose(f);
    }

    /**
     * Error function. Its derivatives are erf^(n)(x) = (-1)^(n-1) (2 / sqrt pi) H_(n-1)(x) e^(-x^2)
     * with the physicists' Hermite polynomials H (H_0 = 1, H_1 = 2x, H_(k+1) = 2x H_k - 2k H_(k-1));
     * they are handed to {@link DerivativeStructure#compose(double...)}, which applies the chain rule.
     */
    public static DerivativeStructure erf(DerivativeStructure x) {
        double v = x.getValue();
        int order = x.getOrder();
        double[] f = new double[order + 1];
        f[0] = ScalarFunctions.erf(v);
        double g = TWO_OVER_SQRT_PI * Math.exp(-v * v);
        double hPrev = 0.0;
        double h = 1.0;
        double sign = 1.0;
        for (int n = 1; n <= order; n++) {
            f[n] = sign * h * g;
            // advance H_(n-1) -> H_n
            double hNext = 2.0 * v * h - 2.0 * (n - 1) * hPrev;
            hPrev = h;
            h = hNext;
            sign = -sign;
        }
        return x.compose(f);
    }

    /**
     * Standard normal CDF Phi(x). Derivatives Phi^(n)(x) = (-1)^(n-1) He_(n-1)(x) phi(x) with the
     * probabilists' Hermite polynomials He (He_0 = 1, He_1 = x, He_(k+1) = x He_k - k He_(k-1)).
     */
    public static DerivativeStructure normalCdf(DerivativeStructure x) {
        double v = x.getValue();
        int order = x.getOrder();
        double[] f = new double[order + 1];
        f[0] = ScalarFunctions.normalCdf(v);
        double pdf = ScalarFunctions.normalPdf(v);
        double hPrev = 0.0;
        double h = 1.0;
        double sign = 1.0;
        for (int n = 1; n <= order; n++) {
            f[n] = sign * h * pdf;
            double hNext = v * h - (n - 1) * hPrev;
            hPrev = h;
            h = hNext;
            sign = -sign;
        }
        return x.compose(f);
    }

    /** Exact GELU x * Phi(x). */
    public static DerivativeStructure gelu(DerivativeStructure x) {
        return x.multiply(normalCdf(x));
    }

    private static void checkShape(int nVars, int order) {
        if (nVars < 1) {
            throw new IllegalArgumentException("Jets: number of variables " + nVars + " must be >= 1");
        }
        if (order < 0) {
            throw new IllegalArgumentException("Jets: derivative order " + order + " must be >= 0");
        }
    }
}
