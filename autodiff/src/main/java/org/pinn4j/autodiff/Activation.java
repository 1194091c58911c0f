package org.pinn4j.autodiff;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.special.Erf;

/**
 * Elementwise activation functions with derivatives of any order, the rule table of the
 * Taylor-mode engine.
 *
 * <p>Higher derivatives are evaluated from closed forms rather than by nesting: tanh and sigmoid
 * derivatives are polynomials in the function value (P<sub>k+1</sub>(t) = P<sub>k</sub>'(t)(1 - t^2) for
 * tanh, Q<sub>k+1</sub>(s) = Q<sub>k</sub>'(s)(s - s^2) for sigmoid), sin and cos cycle, softplus
 * differentiates to sigmoid, silu and gelu are z&middot;g(z) so that
 * f<sup>(k)</sup> = z g<sup>(k)</sup> + k g<sup>(k-1)</sup>, and the Gaussian density's derivatives are
 * Hermite-type polynomials times the density. The polynomial tables are built once, up to
 * {@link #MAX_ORDER}.
 */
public enum Activation {
    /** f(z) = z; used for the linear output layer. */
    IDENTITY,
    /** Hyperbolic tangent. */
    TANH,
    /** Sine, as in SIREN-style networks. */
    SIN,
    /** Cosine (used by Fourier input features). */
    COS,
    /** Logistic sigmoid 1 / (1 + e^-z). */
    SIGMOID,
    /** Rectified linear unit max(0, z); derivatives of order >= 2 are zero almost everywhere. */
    RELU,
    /** SiLU / swish: z * sigmoid(z). */
    SILU,
    /** Exact GELU: z * Phi(z) with Phi the standard normal CDF. */
    GELU,
    /** Softplus log(1 + e^z), computed without overflow. */
    SOFTPLUS;

    /** Highest derivative order the tables support (the engine needs plan order + 1). */
    public static final int MAX_ORDER = 10;

    private static final double[][] TANH_POLY = derivativePolynomials(new double[] {0, 1}, new double[] {1, 0, -1});
    private static final double[][] SIGMOID_POLY = derivativePolynomials(new double[] {0, 1}, new double[] {0, 1, -1});
    /** R_m with phi^(m)(z) = R_m(z) phi(z): R_0 = 1, R_{m+1} = R_m' - z R_m. */
    private static final double[][] GAUSS_POLY = gaussianPolynomials();

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
    private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2);

    /**
     * Looks an activation up by its lower-case name ("tanh", "sin", "sigmoid", "relu", "silu" or
     * "swish", "gelu", "softplus", "identity" or "linear", "cos").
     *
     * @throws IllegalArgumentException naming the valid names if {@code name} is unknown
     */
    public static Activation byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("activation name is missing; expected one of " + validNames());
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "swish":
                return SILU;
            case "linear":
                return IDENTITY;
            default:
                for (Activation a : values()) {
                    if (a.name().toLowerCase(Locale.ROOT).equals(key)) {
                        return a;
                    }
                }
                throw new IllegalArgumentException(
                        "unknown activation '" + name + "'; expected one of " + validNames());
        }
    }

    private static String validNames() {
        return "tanh, sin, cos, sigmoid, relu, silu (swish), gelu, softplus, identity (linear)";
    }

    /** Lower-case name, the inverse of {@link #byName(String)}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** f(z). */
    public double value(double z) {
        switch (this) {
            case IDENTITY:
                return z;
            case TANH:
                return tanh(z);
            case SIN:
                return Math.sin(z);
            case COS:
                return Math.cos(z);
            case SIGMOID:
                return sigmoid(z);
            case RELU:
                return z > 0 ? z : 0.0;
            case SILU:
                return z * sigmoid(z);
            case GELU:
                return z * normalCdf(z);
            case SOFTPLUS:
                return softplus(z);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Writes f<sup>(k)</sup>(z) into {@code out[k]} for k = 0..maxOrder.
     *
     * @throws IllegalArgumentException if maxOrder is negative or above {@link #MAX_ORDER}
     */
    public void derivatives(double z, int maxOrder, double[] out) {
        checkOrder(maxOrder);
        fill(z, maxOrder, out, null, 0);
    }

    /** Writes f^(k)(z) to out[k], or to rows[k][p] when out is null (no allocation either way). */
    private void fill(double z, int maxOrder, double[] out, double[][] rows, int p) {
        switch (this) {
            case IDENTITY:
                set(out, rows, p, 0, z);
                for (int k = 1; k <= maxOrder; k++) set(out, rows, p, k, k == 1 ? 1.0 : 0.0);
                return;
            case TANH: {
                double t = tanh(z);
                for (int k = 0; k <= maxOrder; k++) set(out, rows, p, k, horner(TANH_POLY[k], t));
                return;
            }
            case SIN:
            case COS: {
                double s = Math.sin(z), c = Math.cos(z);
                int shift = this == COS ? 1 : 0;
                for (int k = 0; k <= maxOrder; k++) {
                    switch ((k + shift) & 3) {
                        case 0:
                            set(out, rows, p, k, s);
                            break;
                        case 1:
                            set(out, rows, p, k, c);
                            break;
                        case 2:
                            set(out, rows, p, k, -s);
                            break;
                        default:
                            set(out, rows, p, k, -c);
                            break;
                    }
                }
                return;
            }
            case SIGMOID: {
                double s = sigmoid(z);
                for (int k = 0; k <= maxOrder; k++) set(out, rows, p, k, horner(SIGMOID_POLY[k], s));
                return;
            }
            case RELU:
                set(out, rows, p, 0, z > 0 ? z : 0.0);
                for (int k = 1; k <= maxOrder; k++) set(out, rows, p, k, (k == 1 && z > 0) ? 1.0 : 0.0);
                return;
            case SOFTPLUS: {
                set(out, rows, p, 0, softplus(z));
                double s = sigmoid(z);
                for (int k = 1; k <= maxOrder; k++) set(out, rows, p, k, horner(SIGMOID_POLY[k - 1], s));
                return;
            }
            case SILU: {
                double s = sigmoid(z);
                double prev = 0;
                for (int k = 0; k <= maxOrder; k++) {
                    double g = horner(SIGMOID_POLY[k], s);
                    set(out, rows, p, k, z * g + k * prev);
                    prev = g;
                }
                return;
            }
            case GELU: {
                double phi = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
                double prev = 0;
                for (int k = 0; k <= maxOrder; k++) {
                    double g = k == 0 ? normalCdf(z) : horner(GAUSS_POLY[k - 1], z) * phi;
                    set(out, rows, p, k, z * g + k * prev);
                    prev = g;
                }
                return;
            }
            default:
                throw new AssertionError(this);
        }
    }

    private static void set(double[] out, double[][] rows, int p, int k, double v) {
        if (out != null) {
            out[k] = v;
        } else {
            rows[k][p] = v;
        }
    }

    /**
     * Batched form used by the engine's hot loop: for p in [0, n) writes f<sup>(k)</sup>(z[p]) to
     * {@code d[k][p]} for k = 0..maxOrder. Every loop indexes by p alone so HotSpot vectorises it;
     * allocation-free except for the rarely used scalar fallback (relu, silu, gelu, softplus, cos).
     */
    public void derivatives(double[] z, int n, int maxOrder, double[][] d) {
        checkOrder(maxOrder);
        switch (this) {
            case TANH:
                // own method: kept small, so the JIT inlines tanh into its loop in every calling context
                tanhRows(z, n, maxOrder, d);
                return;
            case SIGMOID: {
                double[] v = d[0];
                for (int p = 0; p < n; p++) {
                    v[p] = sigmoid(z[p]);
                }
                polynomialsOfValue(SIGMOID_POLY, d, n, 1, maxOrder);
                return;
            }
            case SIN: {
                double[] s0 = d[0];
                for (int p = 0; p < n; p++) {
                    s0[p] = Math.sin(z[p]);
                }
                if (maxOrder >= 1) {
                    double[] c = d[1];
                    for (int p = 0; p < n; p++) {
                        c[p] = Math.cos(z[p]);
                    }
                }
                for (int k = 2; k <= maxOrder; k++) {
                    double[] src = d[k - 2];
                    double[] dst = d[k];
                    for (int p = 0; p < n; p++) {
                        dst[p] = -src[p];
                    }
                }
                return;
            }
            case IDENTITY: {
                System.arraycopy(z, 0, d[0], 0, n);
                for (int k = 1; k <= maxOrder; k++) {
                    Arrays.fill(d[k], 0, n, k == 1 ? 1.0 : 0.0);
                }
                return;
            }
            case RELU: {
                double[] v = d[0];
                for (int p = 0; p < n; p++) {
                    v[p] = z[p] > 0 ? z[p] : 0.0;
                }
                if (maxOrder >= 1) {
                    double[] d1 = d[1];
                    for (int p = 0; p < n; p++) {
                        d1[p] = z[p] > 0 ? 1.0 : 0.0;
                    }
                }
                for (int k = 2; k <= maxOrder; k++) {
                    Arrays.fill(d[k], 0, n, 0.0);
                }
                return;
            }
            default: {
                // cos, silu, gelu, softplus: pointwise closed forms written straight into the rows
                for (int p = 0; p < n; p++) {
                    fill(z[p], maxOrder, null, d, p);
                }
            }
        }
    }

    /** tanh and its derivatives as polynomials in t = tanh(z): closed forms up to order 3, Horner above. */
    private static void tanhRows(double[] z, int n, int maxOrder, double[][] d) {
        double[] t = d[0];
        TanhKernel.tanh(z, t, n);
        if (maxOrder >= 1) {
            double[] d1 = d[1];
            for (int p = 0; p < n; p++) {
                d1[p] = 1.0 - t[p] * t[p];
            }
        }
        if (maxOrder >= 2) {
            double[] d1 = d[1];
            double[] d2 = d[2];
            for (int p = 0; p < n; p++) {
                d2[p] = -2.0 * t[p] * d1[p];
            }
        }
        if (maxOrder >= 3) {
            double[] d1 = d[1];
            double[] d3 = d[3];
            for (int p = 0; p < n; p++) {
                d3[p] = (6.0 * t[p] * t[p] - 2.0) * d1[p];
            }
        }
        polynomialsOfValue(TANH_POLY, d, n, 4, maxOrder);
    }

    /** Fills rows from..maxOrder with P_k(row 0) by Horner's rule, row by row so each pass vectorises. */
    private static void polynomialsOfValue(double[][] poly, double[][] d, int n, int from, int maxOrder) {
        double[] v = d[0];
        for (int k = from; k <= maxOrder; k++) {
            double[] c = poly[k];
            double[] r = d[k];
            Arrays.fill(r, 0, n, c[c.length - 1]);
            for (int j = c.length - 2; j >= 0; j--) {
                double cj = c[j];
                for (int p = 0; p < n; p++) {
                    r[p] = r[p] * v[p] + cj;
                }
            }
        }
    }

    private static void checkOrder(int maxOrder) {
        if (maxOrder < 0 || maxOrder > MAX_ORDER) {
            throw new IllegalArgumentException(
                    "derivative order " + maxOrder + " out of range; expected 0.." + MAX_ORDER);
        }
    }

    /**
     * Hyperbolic tangent within 2 ulp of {@link Math#tanh} (a native fdlibm call on JDK 17), branch-free
     * and vectorised in the engine's batched form: see {@code TanhKernel} for the method (Cephes' rational
     * form below |z| = 0.625, 1 - 2/(e^{2|z|} + 1) with an own e^x above, exactly +-1 from |z| = 19.1).
     */
    public static double tanh(double z) {
        return TanhKernel.tanh(z);
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z * INV_SQRT_2);
    }

    private static double horner(double[] c, double t) {
        double acc = c[c.length - 1];
        for (int j = c.length - 2; j >= 0; j--) {
            acc = acc * t + c[j];
        }
        return acc;
    }

    /** Polynomials P_k in the function value v with P_0 = start and P_{k+1} = P_k' * chain, ascending coefficients. */
    private static double[][] derivativePolynomials(double[] start, double[] chain) {
        double[][] table = new double[MAX_ORDER + 2][];
        table[0] = start;
        for (int k = 1; k < table.length; k++) {
            table[k] = multiply(differentiate(table[k - 1]), chain);
        }
        return table;
    }

    private static double[][] gaussianPolynomials() {
        double[][] table = new double[MAX_ORDER + 2][];
        table[0] = new double[] {1};
        for (int m = 1; m < table.length; m++) {
            double[] deriv = differentiate(table[m - 1]);
            double[] zTimes = multiply(table[m - 1], new double[] {0, 1});
            double[] r = new double[Math.max(deriv.length, zTimes.length)];
            for (int j = 0; j < deriv.length; j++) r[j] += deriv[j];
            for (int j = 0; j < zTimes.length; j++) r[j] -= zTimes[j];
            table[m] = r;
        }
        return table;
    }

    private static double[] differentiate(double[] c) {
        if (c.length == 1) {
            return new double[] {0};
        }
        double[] d = new double[c.length - 1];
        for (int j = 1; j < c.length; j++) {
            d[j - 1] = j * c[j];
        }
        return d;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] r = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                r[i + j] += a[i] * b[j];
            }
        }
        return r;
    }
}
