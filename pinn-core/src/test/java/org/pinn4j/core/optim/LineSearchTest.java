package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both line searches on the one-dimensional test functions 1-6 of More and Thuente (ACM TOMS 20, 1994, Tables
 * 1-6, with their constants), from the paper's four starting steps: the returned step must satisfy both strong
 * Wolfe conditions, checked here directly from phi and phi', and the point and value handed back must be the
 * ones at that step. Functions 4-6 (Yanai, Ozawa and Kaneko) are the More-Thuente search's only: they need its
 * careful interval updates at c1 = c2 = 0.001.
 */
class LineSearchTest {

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

    private static double gamma(double b) {
        return Math.sqrt(1.0 + b * b) - b;
    }

    /** Yanai, Ozawa and Kaneko's function with parameters b1, b2 (the paper's functions 4-6). */
    private static Phi yanai(String name, double b1, double b2) {
        return new Phi(
                name,
                a -> gamma(b1) * Math.sqrt((1 - a) * (1 - a) + b2 * b2) + gamma(b2) * Math.sqrt(a * a + b1 * b1),
                a -> -gamma(b1) * (1 - a) / Math.sqrt((1 - a) * (1 - a) + b2 * b2)
                        + gamma(b2) * a / Math.sqrt(a * a + b1 * b1),
                1e-3,
                1e-3);
    }

    private enum Search {
        MORE_THUENTE,
        BRACKETING;

        LineSearch create(double c1, double c2) {
            return this == MORE_THUENTE ? new MoreThuenteLineSearch(c1, c2, 40) : new StrongWolfeLineSearch(c1, c2, 40);
        }
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Search search : Search.values()) {
            Phi[] functions = search == Search.MORE_THUENTE
                    ? new Phi[] {
                        MT1,
                        MT2,
                        MT3,
                        yanai("MT4 (0.001, 0.001)", 0.001, 0.001),
                        yanai("MT5 (0.01, 0.001)", 0.01, 0.001),
                        yanai("MT6 (0.001, 0.01)", 0.001, 0.01)
                    }
                    : new Phi[] {MT1, MT2, MT3};
            for (Phi phi : functions) {
                for (double a0 : new double[] {1e-3, 1e-1, 1e1, 1e3}) {
                    b.add(Arguments.of(search, phi.name(), phi, a0));
                }
            }
        }
        return b.build();
    }

    private static Objective along(Phi phi, int[] calls) {
        return new Objective() {
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
    }

    @ParameterizedTest(name = "{0} {1}, alpha0={3}")
    @MethodSource("cases")
    void findsAStrongWolfeStep(Search search, String label, Phi phi, double alpha0) {
        int[] calls = {0};
        LineSearch ls = search.create(phi.c1(), phi.c2());
        double f0 = phi.value().applyAsDouble(0.0);
        double d0 = phi.slope().applyAsDouble(0.0);
        double[] xOut = new double[1];
        double[] gOut = new double[1];
        LineSearch.Status status =
                ls.search(along(phi, calls), new double[] {0.0}, f0, new double[] {1.0}, d0, alpha0, 1000, xOut, gOut);
        assertEquals(LineSearch.Status.SUCCESS, status, label);
        double a = ls.alpha();
        assertEquals(a, xOut[0], 0.0, "the output point is x + alpha d");
        assertEquals(phi.value().applyAsDouble(a), ls.value(), 0.0, "reported value is phi(alpha)");
        assertEquals(phi.slope().applyAsDouble(a), gOut[0], 0.0, "the output gradient is the one at alpha");
        assertTrue(ls.value() <= f0 + phi.c1() * a * d0, label + ": sufficient decrease fails at alpha " + a);
        assertTrue(
                Math.abs(phi.slope().applyAsDouble(a)) <= phi.c2() * Math.abs(d0),
                label + ": curvature condition fails at alpha " + a);
        assertEquals(calls[0], ls.evaluations(), "evaluation count");
        assertTrue(ls.evaluations() <= 20, label + ": " + ls.evaluations() + " evaluations");
    }

    /** Beyond a = 1 the objective overflows: both searches must step back into the finite region and succeed. */
    @ParameterizedTest
    @MethodSource("searches")
    void stepsBackFromNonFiniteValues(Search search) {
        Phi wall = new Phi(
                "(a-0.8)^2 for a < 1, infinite beyond",
                a -> a < 1 ? (a - 0.8) * (a - 0.8) : Double.POSITIVE_INFINITY,
                a -> a < 1 ? 2 * (a - 0.8) : Double.NaN,
                1e-4,
                0.9);
        int[] calls = {0};
        LineSearch ls = search.create(wall.c1(), wall.c2());
        double[] xOut = new double[1];
        double[] gOut = new double[1];
        LineSearch.Status status =
                ls.search(along(wall, calls), new double[] {0.0}, 0.64, new double[] {1.0}, -1.6, 50, 1000, xOut, gOut);
        assertEquals(LineSearch.Status.SUCCESS, status);
        assertTrue(ls.alpha() < 1 && ls.value() <= 0.64 - 1e-4 * 1.6 * ls.alpha(), "alpha " + ls.alpha());
        assertTrue(Math.abs(2 * (ls.alpha() - 0.8)) <= 0.9 * 1.6, "curvature at " + ls.alpha());
    }

    static Stream<Search> searches() {
        return Stream.of(Search.values());
    }

    /** The caller's budget cuts a search short: BUDGET_EXHAUSTED, not FAILED, and no more calls than allowed. */
    @ParameterizedTest
    @MethodSource("searches")
    void respectsTheCallersBudget(Search search) {
        int[] calls = {0};
        LineSearch ls = search.create(MT1.c1(), MT1.c2());
        LineSearch.Status status = ls.search(
                along(MT1, calls),
                new double[] {0.0},
                0.0,
                new double[] {1.0},
                -0.5,
                1e3,
                1,
                new double[1],
                new double[1]);
        assertEquals(LineSearch.Status.BUDGET_EXHAUSTED, status);
        assertEquals(1, calls[0]);
    }

    /** The fallback search runs from the same point when the first fails, and the evaluations of both count. */
    @Test
    void fallsBackWhenTheFirstSearchFails() {
        int[] calls = {0};
        LineSearch failing = new StrongWolfeLineSearch(MT1.c1(), MT1.c2(), 1);
        FallbackLineSearch ls = new FallbackLineSearch(failing, new MoreThuenteLineSearch(MT1.c1(), MT1.c2(), 40));
        double d0 = MT1.slope().applyAsDouble(0.0);
        double[] xOut = new double[1];
        LineSearch.Status status = ls.search(
                along(MT1, calls), new double[] {0.0}, 0.0, new double[] {1.0}, d0, 1e3, 1000, xOut, new double[1]);
        assertEquals(LineSearch.Status.SUCCESS, status);
        assertEquals(1, ls.fallbacks());
        assertEquals(calls[0], ls.evaluations(), "both searches' evaluations");
        assertTrue(calls[0] > 1);
        assertEquals(xOut[0], ls.alpha(), 0.0);
        assertTrue(Math.abs(MT1.slope().applyAsDouble(ls.alpha())) <= MT1.c2() * Math.abs(d0));
    }
}
