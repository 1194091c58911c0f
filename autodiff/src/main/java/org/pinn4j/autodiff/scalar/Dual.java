package org.pinn4j.autodiff.scalar;

/**
 * Immutable dual number {@code value + tangent * eps} with {@code eps^2 = 0}: first-order forward-mode
 * automatic differentiation of scalar code. Seed an input with {@link #variable(double)} (tangent 1)
 * or with a direction component via {@link #of(double, double)}; the tangent of the result is the
 * directional derivative.
 *
 * <p>For higher orders or several variables at once use {@link Jets}.
 */
public final class Dual {

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private final double value;
    private final double tangent;

    private Dual(double value, double tangent) {
        this.value = value;
        this.tangent = tangent;
    }

    /** A dual number with the given value and tangent. */
    public static Dual of(double value, double tangent) {
        return new Dual(value, tangent);
    }

    /** The independent variable at {@code value}: tangent 1. */
    public static Dual variable(double value) {
        return new Dual(value, 1.0);
    }

    /** A constant: tangent 0. */
    public static Dual constant(double value) {
        return new Dual(value, 0.0);
    }

    /** The value part. */
    public double value() {
        return value;
    }

    /** The tangent (first derivative) part. */
    public double tangent() {
        return tangent;
    }

    /** this + b. */
    public Dual add(Dual b) {
        return new Dual(value + b.value, tangent + b.tangent);
    }

    /** this + c. */
    public Dual add(double c) {
        return new Dual(value + c, tangent);
    }

    /** this - b. */
    public Dual subtract(Dual b) {
        return new Dual(value - b.value, tangent - b.tangent);
    }

    /** this - c. */
    public Dual subtract(double c) {
        return new Dual(value - c, tangent);
    }

    /** this * b. */
    public Dual multiply(Dual b) {
        return new Dual(value * b.value, tangent * b.value + value * b.tangent);
    }

    /** this * c. */
    public Dual multiply(double c) {
        return new Dual(value * c, tangent * c);
    }

    /** this / b. */
    public Dual divide(Dual b) {
        double q = value / b.value;
        return new Dual(q, (tangent - q * b.tangent) / b.value);
    }

    /** this / c. */
    public Dual divide(double c) {
        return new Dual(value / c, tangent / c);
    }

    /** -this. */
    public Dual negate() {
        return new Dual(-value, -tangent);
    }

    /** this^p for a constant exponent p (derivative p * x^(p-1); p = 0 gives tangent 0 everywhere). */
    public Dual pow(double p) {
        if (p == 0.0) {
            return new Dual(1.0, 0.0);
        }
        return new Dual(Math.pow(value, p), p * Math.pow(value, p - 1.0) * tangent);
    }

    /**
     * this^b with a dual exponent, as exp(b log this): defined for a positive base; the derivative is
     * x^b (b' log x + b x' / x).
     */
    public Dual pow(Dual b) {
        double v = Math.pow(value, b.value);
        return new Dual(v, v * (b.tangent * Math.log(value) + b.value * tangent / value));
    }

    /** Square root. */
    public Dual sqrt() {
        double s = Math.sqrt(value);
        return new Dual(s, tangent / (2.0 * s));
    }

    /** Exponential. */
    public Dual exp() {
        double e = Math.exp(value);
        return new Dual(e, e * tangent);
    }

    /** Natural logarithm. */
    public Dual log() {
        return new Dual(Math.log(value), tangent / value);
    }

    /** Sine. */
    public Dual sin() {
        return new Dual(Math.sin(value), Math.cos(value) * tangent);
    }

    /** Cosine. */
    public Dual cos() {
        return new Dual(Math.cos(value), -Math.sin(value) * tangent);
    }

    /** Tangent; derivative 1 + tan^2. */
    public Dual tan() {
        double t = Math.tan(value);
        return new Dual(t, (1.0 + t * t) * tangent);
    }

    /** Hyperbolic tangent; derivative 1 - tanh^2. */
    public Dual tanh() {
        double t = Math.tanh(value);
        return new Dual(t, (1.0 - t * t) * tangent);
    }

    /** Logistic sigmoid; derivative s (1 - s). */
    public Dual sigmoid() {
        double s = ScalarFunctions.sigmoid(value);
        return new Dual(s, s * (1.0 - s) * tangent);
    }

    /** Softplus log(1 + e^x); derivative sigmoid(x). */
    public Dual softplus() {
        return new Dual(ScalarFunctions.softplus(value), ScalarFunctions.sigmoid(value) * tangent);
    }

    /** ReLU max(x, 0); the derivative at 0 is taken as 0. */
    public Dual relu() {
        return new Dual(ScalarFunctions.relu(value), ScalarFunctions.reluDerivative(value) * tangent);
    }

    /** SiLU x sigmoid(x); derivative s (1 + x (1 - s)). */
    public Dual silu() {
        double s = ScalarFunctions.sigmoid(value);
        return new Dual(value * s, s * (1.0 + value * (1.0 - s)) * tangent);
    }

    /** Exact GELU x Phi(x); derivative Phi(x) + x phi(x). */
    public Dual gelu() {
        double cdf = ScalarFunctions.normalCdf(value);
        return new Dual(value * cdf, (cdf + value * ScalarFunctions.normalPdf(value)) * tangent);
    }

    /** Error function; derivative 2 / sqrt(pi) exp(-x^2). */
    public Dual erf() {
        return new Dual(ScalarFunctions.erf(value), TWO_OVER_SQRT_PI * Math.exp(-value * value) * tangent);
    }

    /** Absolute value; derivative sign(x), taken as 0 at x = 0. */
    public Dual abs() {
        return new Dual(Math.abs(value), Math.signum(value) * tangent);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dual d && Double.compare(value, d.value) == 0 && Double.compare(tangent, d.tangent) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Double.hashCode(tangent);
    }

    @Override
    public String toString() {
        return "Dual(" + value + ", " + tangent + ")";
    }
}
