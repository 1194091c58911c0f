package org.pinn4j.autodiff.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Taylor jets (Commons Math DerivativeStructure plus our activations): derivatives up to third order
 * against closed forms, higher orders against finite differences of the next-lower jet derivative.
 */
class JetsTest {

    private static final double[] POINTS = {-2.3, -0.7, -0.05, 0.4, 1.9};

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double pdf(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    /** Closed-form value and first three derivatives of each activation at x. */
    private static double[] sigmoidDerivs(double x) {
        double s = sig(x);
        return new double[] {s, s * (1 - s), s * (1 - s) * (1 - 2 * s), s * (1 - s) * (1 - 6 * s + 6 * s * s)};
    }

    private static double[] softplusDerivs(double x) {
        double[] s = sigmoidDerivs(x);
        return new double[] {Math.log1p(Math.exp(x)), s[0], s[1], s[2]};
    }

    private static double[] siluDerivs(double x) {
        double[] s = sigmoidDerivs(x);
        // (x s)^(n) = n s^(n-1) + x s^(n)
        return new double[] {x * s[0], s[0] + x * s[1], 2 * s[1] + x * s[2], 3 * s[2] + x * s[3]};
    }

    private static double[] geluDerivs(double x) {
        double cdf = 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
        double p = pdf(x);
        // (x Phi)' = Phi + x phi, '' = (2 - x^2) phi, ''' = (x^3 - 4x) phi
        return new double[] {x * cdf, cdf + x * p, (2 - x * x) * p, (x * x * x - 4 * x) * p};
    }

    private static double[] erfDerivs(double x) {
        double g = 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
        return new double[] {Erf.erf(x), g, -2 * x * g, (4 * x * x - 2) * g};
    }

    private static double[] normalCdfDerivs(double x) {
        double p = pdf(x);
        return new double[] {0.5 * (1 + Erf.erf(x / Math.sqrt(2))), p, -x * p, (x * x - 1) * p};
    }

    private static void checkUnivariate(
            String name, UnaryOperator<DerivativeStructure> jet, java.util.function.DoubleFunction<double[]> exact) {
        for (double x : POINTS) {
            DerivativeStructure y = jet.apply(Jets.variable(1, 3, 0, x));
            double[] e = exact.apply(x);
            for (int k = 0; k <= 3; k++) {
                // closed forms vs the jet recursion, both in double: 1e-13 relative
                assertEquals(
                        e[k],
                        Jets.derivative(y, k),
                        1e-13 * Math.max(1, Math.abs(e[k])),
                        name + " derivative " + k + " at " + x);
            }
        }
    }

    @Test
    void activationJetsMatchClosedFormsUpToThirdOrder() {
        checkUnivariate("sigmoid", Jets::sigmoid, JetsTest::sigmoidDerivs);
        checkUnivariate("softplus", Jets::softplus, JetsTest::softplusDerivs);
        checkUnivariate("silu", Jets::silu, JetsTest::siluDerivs);
        checkUnivariate("gelu", Jets::gelu, JetsTest::geluDerivs);
        checkUnivariate("erf", Jets::erf, JetsTest::erfDerivs);
        checkUnivariate("normalCdf", Jets::normalCdf, JetsTest::normalCdfDerivs);
        checkUnivariate("relu", Jets::relu, x -> x > 0 ? new double[] {x, 1, 0, 0} : new double[] {0, 0, 0, 0});
    }

    /**
     * Orders 4..6 (where the Hermite recursions and the tanh-based sigmoid are exercised furthest):
     * the k-th derivative against the Richardson-extrapolated central difference (h = 1e-3, h/2) of the
     * (k-1)-th jet derivative. Truncation O(h^4) ~ 1e-12 times the (k+4)-th derivative, rounding
     * eps |f^(k-1)| / h ~ 1e-12: tolerance 1e-8 * max(1, |fd|).
     */
    @Test
    void higherOrderJetsMatchFiniteDifferencesOfLowerOrder() {
        int order = 6;
        for (Object[] c : new Object[][] {
            {"sigmoid", (UnaryOperator<DerivativeStructure>) Jets::sigmoid},
            {"softplus", (UnaryOperator<DerivativeStructure>) Jets::softplus},
            {"silu", (UnaryOperator<DerivativeStructure>) Jets::silu},
            {"gelu", (UnaryOperator<DerivativeStructure>) Jets::gelu},
            {"erf", (UnaryOperator<DerivativeStructure>) Jets::erf}
        }) {
            @SuppressWarnings("unchecked")
            UnaryOperator<DerivativeStructure> f = (UnaryOperator<DerivativeStructure>) c[1];
            for (double x : POINTS) {
                DerivativeStructure y = f.apply(Jets.variable(1, order, 0, x));
                for (int k = 4; k <= order; k++) {
                    int lower = k - 1;
                    DoubleUnaryOperator dLower = t -> Jets.derivative(f.apply(Jets.variable(1, lower, 0, t)), lower);
                    double fd = richardson(dLower, x, 1e-3);
                    assertEquals(
                            fd,
                            Jets.derivative(y, k),
                            1e-8 * Math.max(1, Math.abs(fd)),
                            c[0] + " derivative " + k + " at " + x);
                }
            }
        }
    }

    private static double richardson(DoubleUnaryOperator g, double x, double h) {
        double c1 = (g.applyAsDouble(x + h) - g.applyAsDouble(x - h)) / (2 * h);
        double c2 = (g.applyAsDouble(x + h / 2) - g.applyAsDouble(x - h / 2)) / h;
        return (4 * c2 - c1) / 3;
    }

    /** All partials of total order &le; 3 of f(x, y) = e^x sin y + x^2 y^3 against closed forms. */
    @Test
    void multivariatePartialsMatchClosedForms() {
        double x0 = 0.3;
        double y0 = -1.1;
        DerivativeStructure[] v = Jets.variables(3, x0, y0);
        DerivativeStructure f = v[0].exp().multiply(v[1].sin()).add(v[0].pow(2).multiply(v[1].pow(3)));
        double ex = Math.exp(x0);
        double s = Math.sin(y0);
        double c = Math.cos(y0);
        double[][] expected = new double[4][4];
        // expected[a][b] = d^(a+b) f / dx^a dy^b; d^b sin = sin, cos, -sin, -cos
        double[] sinDerivs = {s, c, -s, -c};
        double[] x2 = {x0 * x0, 2 * x0, 2, 0};
        double[] y3 = {Math.pow(y0, 3), 3 * y0 * y0, 6 * y0, 6};
        for (int a = 0; a <= 3; a++) {
            for (int b = 0; a + b <= 3; b++) {
                expected[a][b] = ex * sinDerivs[b] + x2[a] * y3[b];
                // closed forms in double: 1e-14 relative
                assertEquals(
                        expected[a][b],
                        Jets.derivative(f, a, b),
                        1e-14 * Math.max(1, Math.abs(expected[a][b])),
                        "d^" + (a + b) + "/dx^" + a + "dy^" + b);
            }
        }
    }

    /**
     * Mixed third partials of g(x, y) = gelu(x y) + softplus(x - y) + silu(x) sigmoid(y): each against the
     * Richardson central difference of a second-order jet partial in x. Tolerance as in the higher-order test.
     */
    @Test
    void mixedThirdPartialsOfActivationCompositesMatchFiniteDifferences() {
        double x0 = 0.6;
        double y0 = -0.9;
        java.util.function.BiFunction<Double, Integer, DerivativeStructure[]> vars =
                (x, order) -> Jets.variables(order, x, y0);
        java.util.function.Function<DerivativeStructure[], DerivativeStructure> g = v -> Jets.gelu(v[0].multiply(v[1]))
                .add(Jets.softplus(v[0].subtract(v[1])))
                .add(Jets.silu(v[0]).multiply(Jets.sigmoid(v[1])));
        DerivativeStructure third = g.apply(vars.apply(x0, 3));
        // d^3/dx^(a+1) dy^b from d/dx of d^2/dx^a dy^b, for a + b = 2
        for (int a = 0; a <= 2; a++) {
            int b = 2 - a;
            final int aa = a;
            DoubleUnaryOperator lower = x -> Jets.derivative(g.apply(vars.apply(x, 2)), aa, b);
            double fd = richardson(lower, x0, 1e-3);
            assertEquals(
                    fd,
                    Jets.derivative(third, a + 1, b),
                    1e-8 * Math.max(1, Math.abs(fd)),
                    "d^3/dx^" + (a + 1) + "dy^" + b);
        }
    }

    @Test
    void softplusIsFiniteForLargeArguments() {
        DerivativeStructure big = Jets.softplus(Jets.variable(1, 2, 0, 800));
        DerivativeStructure small = Jets.softplus(Jets.variable(1, 2, 0, -800));
        // e^-800 underflows to 0: softplus(800) = 800, slope 1, curvature 0 exactly; softplus(-800) = 0
        assertEquals(800.0, big.getValue(), 0.0);
        assertEquals(1.0, Jets.derivative(big, 1), 0.0);
        assertEquals(0.0, Jets.derivative(big, 2), 0.0);
        assertEquals(0.0, small.getValue(), 0.0);
        assertEquals(0.0, Jets.derivative(small, 1), 0.0);
    }

    @Test
    void badDerivativeRequestsGiveClearMessages() {
        DerivativeStructure f = Jets.variables(2, 1.0, 2.0)[0];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Jets.derivative(f, 1));
        assertTrue(e.getMessage().contains("expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jets.derivative(f, 2, 1));
        assertTrue(e.getMessage().contains("exceeds the jet order 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jets.derivative(f, -1, 0));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jets.variable(2, 3, 2, 0.0));
        assertTrue(e.getMessage().contains("index 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jets.variables(3));
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
    }
}
