package org.pinn4j.autodiff.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Dual numbers: value and tangent of every operation against the closed-form derivative and against a
 * central finite difference of the value.
 *
 * <p>Tolerances: value and closed-form derivative are the same formula evaluated in double, so they
 * agree to a few ulps (1e-14 relative). The central difference with h = 1e-5 has truncation error
 * h^2/6 |f'''| ~ 1e-11 and rounding error eps |f| / h ~ 1e-11 here: 1e-8 relative.
 */
class DualTest {

    private static final double ULPS = 1e-14;
    private static final double FD_TOL = 1e-8;
    private static final double H = 1e-5;
    private static final double SQRT2 = Math.sqrt(2);

    record Case(
            String name, UnaryOperator<Dual> op, DoubleUnaryOperator f, DoubleUnaryOperator df, double lo, double hi) {}

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double pdf(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    private static final List<Case> CASES = List.of(
            new Case("add const", d -> d.add(2.5), x -> x + 2.5, x -> 1, -2, 2),
            new Case("subtract const", d -> d.subtract(2.5), x -> x - 2.5, x -> 1, -2, 2),
            new Case("multiply const", d -> d.multiply(-3), x -> -3 * x, x -> -3, -2, 2),
            new Case("divide const", d -> d.divide(4), x -> x / 4, x -> 0.25, -2, 2),
            new Case("negate", Dual::negate, x -> -x, x -> -1, -2, 2),
            new Case("x*x", d -> d.multiply(d), x -> x * x, x -> 2 * x, -2, 2),
            new Case("1/x", d -> Dual.constant(1).divide(d), x -> 1 / x, x -> -1 / (x * x), 0.5, 2),
            new Case("pow 3", d -> d.pow(3.0), x -> x * x * x, x -> 3 * x * x, -2, 2),
            new Case("pow 0.5", d -> d.pow(0.5), Math::sqrt, x -> 0.5 / Math.sqrt(x), 0.5, 2),
            new Case("pow 0", d -> d.pow(0.0), x -> 1, x -> 0, -2, 2),
            new Case("x^x", d -> d.pow(d), x -> Math.pow(x, x), x -> Math.pow(x, x) * (Math.log(x) + 1), 0.5, 2),
            new Case("sqrt", Dual::sqrt, Math::sqrt, x -> 0.5 / Math.sqrt(x), 0.5, 2),
            new Case("exp", Dual::exp, Math::exp, Math::exp, -2, 2),
            new Case("log", Dual::log, Math::log, x -> 1 / x, 0.5, 2),
            new Case("sin", Dual::sin, Math::sin, Math::cos, -2, 2),
            new Case("cos", Dual::cos, Math::cos, x -> -Math.sin(x), -2, 2),
            new Case("tan", Dual::tan, Math::tan, x -> 1 / (Math.cos(x) * Math.cos(x)), -1.2, 1.2),
            new Case("tanh", Dual::tanh, Math::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x)), -2, 2),
            new Case("sigmoid", Dual::sigmoid, DualTest::sig, x -> Math.exp(-x) / Math.pow(1 + Math.exp(-x), 2), -4, 4),
            new Case("softplus", Dual::softplus, x -> Math.log(1 + Math.exp(x)), DualTest::sig, -4, 4),
            new Case("silu", Dual::silu, x -> x * sig(x), x -> sig(x) + x * sig(x) * (1 - sig(x)), -4, 4),
            new Case(
                    "gelu",
                    Dual::gelu,
                    x -> 0.5 * x * (1 + Erf.erf(x / SQRT2)),
                    x -> 0.5 * (1 + Erf.erf(x / SQRT2)) + x * pdf(x),
                    -3,
                    3),
            new Case("erf", Dual::erf, Erf::erf, x -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x), -2, 2),
            new Case("relu +", Dual::relu, x -> x, x -> 1, 0.1, 2),
            new Case("relu -", Dual::relu, x -> 0, x -> 0, -2, -0.1),
            new Case("abs +", Dual::abs, x -> x, x -> 1, 0.1, 2),
            new Case("abs -", Dual::abs, x -> -x, x -> -1, -2, -0.1),
            new Case(
                    "composite",
                    d -> d.sin().multiply(d.exp()).divide(d.multiply(d).add(1)).tanh(),
                    x -> Math.tanh(Math.sin(x) * Math.exp(x) / (x * x + 1)),
                    null,
                    -2,
                    2));

    @Test
    void valuesAndTangentsMatchClosedFormsAndFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (Case c : CASES) {
            for (int k = 0; k < 5; k++) {
                double x = rnd.nextDouble(c.lo(), c.hi());
                double seed = rnd.nextDouble(-2, 2);
                Dual y = c.op().apply(Dual.of(x, seed));
                double f = c.f().applyAsDouble(x);
                assertEquals(f, y.value(), ULPS * Math.max(1, Math.abs(f)), c.name() + " value at " + x);
                if (c.df() != null) {
                    double df = seed * c.df().applyAsDouble(x);
                    assertEquals(df, y.tangent(), ULPS * Math.max(1, Math.abs(df)), c.name() + " tangent at " + x);
                }
                double fd = seed * (c.f().applyAsDouble(x + H) - c.f().applyAsDouble(x - H)) / (2 * H);
                assertEquals(fd, y.tangent(), FD_TOL * Math.max(1, Math.abs(fd)), c.name() + " tangent vs FD at " + x);
            }
        }
    }

    /** Binary operations with both operands moving: tangent = df/da * ta + df/db * tb. */
    @Test
    void binaryOperationsCombineBothTangents() {
        double a = 1.3;
        double b = 0.7;
        double ta = 0.4;
        double tb = -1.1;
        Dual x = Dual.of(a, ta);
        Dual y = Dual.of(b, tb);
        // closed forms in double: a few ulps, 1e-14
        assertEquals(ta + tb, x.add(y).tangent(), ULPS);
        assertEquals(ta - tb, x.subtract(y).tangent(), ULPS);
        assertEquals(b * ta + a * tb, x.multiply(y).tangent(), ULPS);
        assertEquals(ta / b - a * tb / (b * b), x.divide(y).tangent(), ULPS);
        double p = Math.pow(a, b);
        assertEquals(p, x.pow(y).value(), ULPS);
        assertEquals(p * (tb * Math.log(a) + b * ta / a), x.pow(y).tangent(), ULPS);
    }

    @Test
    void constantsAndVariablesSeedTheTangent() {
        // exact by construction
        assertEquals(1.0, Dual.variable(3).tangent(), 0.0);
        assertEquals(0.0, Dual.constant(3).tangent(), 0.0);
        assertEquals(0.0, Dual.constant(2).exp().sin().tangent(), 0.0);
        assertEquals(Dual.of(1.5, 2), Dual.of(1.5, 2));
    }
}
