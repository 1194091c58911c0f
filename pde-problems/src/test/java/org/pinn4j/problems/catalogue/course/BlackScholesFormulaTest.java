package org.pinn4j.problems.catalogue.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlackScholesFormulaTest {
    private final BlackScholesFormula call = new BlackScholesFormula(100, 0.05, 0.2, 1);

    @Test
    void textbookValueAtTheMoney() {
        // Hull's worked figure for S = K = 100, r = 5%, sigma = 20%, one year: 10.4506 (4 decimals quoted)
        assertEquals(10.4506, call.price(100, 0), 5e-5);
    }

    @Test
    void greeksAreTheDerivativesOfThePrice() {
        // central differences in S with h = 1e-3: truncation ~ h^2 V''' ~ 1e-8, rounding ~ 1e-16 * 100 / h ~ 1e-11
        // (Delta)
        // and 1e-16 * 100 / h^2 ~ 1e-8 (Gamma), so 1e-6 absolute leaves a wide margin
        double h = 1e-3;
        for (double s : new double[] {20, 60, 95, 100, 130, 190}) {
            for (double t : new double[] {0, 0.3, 0.9}) {
                double fdDelta = (call.price(s + h, t) - call.price(s - h, t)) / (2 * h);
                double fdGamma = (call.price(s + h, t) - 2 * call.price(s, t) + call.price(s - h, t)) / (h * h);
                assertEquals(fdDelta, call.delta(s, t), 1e-6, "Delta at S = " + s + ", t = " + t);
                assertEquals(fdGamma, call.gamma(s, t), 1e-6, "Gamma at S = " + s + ", t = " + t);
            }
        }
    }

    @Test
    void priceSolvesTheBlackScholesEquation() {
        // residual V_t + 0.5 sigma^2 S^2 V_SS + r S V_S - r V from finite differences of the price (V_t with h = 1e-5):
        // the terms are O(1-10); the FD error is ~1e-5, so 1e-4 absolute
        double h = 1e-5;
        for (double s : new double[] {50, 90, 100, 110, 150}) {
            for (double t : new double[] {0, 0.5, 0.8}) {
                double vt = (call.price(s, t + h) - call.price(s, t - h)) / (2 * h);
                double r = vt
                        + 0.5 * 0.04 * s * s * call.gamma(s, t)
                        + 0.05 * s * call.delta(s, t)
                        - 0.05 * call.price(s, t);
                assertEquals(0, r, 1e-4, "residual at S = " + s + ", t = " + t);
            }
        }
    }

    @Test
    void noArbitrageBoundsAndSpecialCases() {
        // max(S - K e^{-r T}, 0) <= C <= S (rounding slack 1e-12)
        for (double s : new double[] {1, 50, 100, 150, 200}) {
            double lower = Math.max(s - 100 * Math.exp(-0.05), 0);
            assertTrue(call.price(s, 0) >= lower - 1e-12 && call.price(s, 0) <= s, "no-arbitrage bounds at S = " + s);
        }
        // payoff at maturity and the zero asset price are exact by definition
        assertEquals(0, call.price(0, 0.5), 0);
        assertEquals(20, call.price(120, 1), 1e-12);
        assertEquals(0, call.price(80, 1), 0);
        assertEquals(1, call.delta(120, 1), 0);
        assertEquals(0.5, call.delta(100, 1), 0);
        assertEquals(0, call.gamma(100, 1), 0);
        // deep in the money the call is S - K e^{-r T} plus a put worth about 1e-3 here (d1 = 3.8), so 0.01 absolute
        assertEquals(200 - 100 * Math.exp(-0.05), call.price(200, 0), 0.01);
    }

    @Test
    void rejectsBadInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BlackScholesFormula(-1, 0.05, 0.2, 1))
                .getMessage()
                .contains("K = -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> call.price(-5, 0))
                .getMessage()
                .contains("S = -5.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> call.delta(100, 1.5))
                .getMessage()
                .contains("t = 1.5"));
    }
}
