package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The line search on the one-dimensional test functions 1-3 of More and Thuente (ACM TOMS 20,
 * 1994, Table 1-3), from their four starting steps: the returned step must satisfy both strong
 * Wolfe conditions, checked here directly from phi and phi'.
 */
class StrongWolfeLineSearchTest {

    private record Phi(String name, DoubleUnaryOperator value, DoubleUnaryOperator slope, double c1, double c2) {}

    private static final Phi MT1 = new Phi(
            "MT1 -a/(a^2+2)", a -> -a / (a * a + 2.0), a -> (a * a - 2.0) / ((a * a + 2.0) * (a * a + 2.0)), 1e-3, 0.1);

    private static final Phi MT2 = new Phi(
            "MT2 (a+b)^5-2(a+b)^4",
            a -> Math.pow(a + 0.004, 5) - 2.0 * Math.pow(a + 0.004, 4),
            a -> 5.0 * Math.pow(a + 0.004, 4) - 8.0 * Math.pow(a + 0.004, 3),
            0.1,
            0.1);

    private static final double BETA3 = 0.01;
    private static final double L3 = 39.0;

    private static double phi03(double a) {
        if (a <= 1.0 - BETA3) {
            return 1.0 - a;
        }
        if (a >= 1.0 + BETA3) {
            return a - 1.0;
        }
        return (a - 1.0) * (a - 1.0) / (2.0 * BETA3) + BETA3 / 2.0;
    }

    private static double dphi03(double a) {
        if (a <= 1.0 - BETA3) {
            return -1.0;
        }
        if (a >= 1.0 + BETA3) {
            return 1.0;
        }
        return (a - 1.0) / BETA3;
    }

    private static final Phi MT3 = new Phi(
            "MT3 wiggly",
            a -> phi03(a) + 2.0 * (1.0 - BETA3) / (L3 * Math.PI) * Math.sin(L3 * Math.PI * a / 2.0),
            a -> dphi03(a) + (1.0 - BETA3) * Math.cos(L3 * Math.PI * a / 2.0),
            0.1,
            0.1);

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Phi phi : new Phi[] {MT1, MT2, MT3}) {
            for (double a0 : new double[] {1e-3, 1e-1, 1e1, 1e3}) {
                b.add(Arguments.of(phi.name(), phi, a0));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}, alpha0={2}")
    @MethodSource("cases")
    void findsAStrongWolfeStep(String label, Phi phi, double alpha0) {
        int[] calls = {0};
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                calls[0]++;
                g[0] = phi.slope().applyAsDouble(x[0]);
                return phi.value().applyAsDouble(x[0]);
            }
        };
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(phi.c1(), phi.c2(), 40);
        double f0 = phi.value().applyAsDouble(0.0);
        double d0 = phi.slope().applyAsDouble(0.0);
        double[] xOut = new double[1];
        double[] gOut = new double[1];
        StrongWolfeLineSearch.Status status =
                ls.search(f, new double[] {0.0}, f0, new double[] {1.0}, d0, alpha0, 1000, xOut, gOut);
        assertEquals(StrongWolfeLineSearch.Status.SUCCESS, status, label);
        double a = ls.alpha;
        assertEquals(a, xOut[0], 0.0, "the output point is x + alpha d");
        assertEquals(phi.value().applyAsDouble(a), ls.value, 0.0, "reported value is phi(alpha)");
        assertTrue(ls.value <= f0 + phi.c1() * a * d0, label + ": sufficient decrease fails at alpha " + a);
        assertTrue(
                Math.abs(phi.slope().applyAsDouble(a)) <= phi.c2() * Math.abs(d0),
                label + ": curvature condition fails at alpha " + a);
        assertEquals(calls[0], ls.evaluations, "evaluation count");
        assertTrue(ls.evaluations <= 20, label + ": " + ls.evaluations + " evaluations");
    }
}
