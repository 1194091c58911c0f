package org.pinn4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlackScholesTest {

    // The course exercise's parameters: K = 10, r = 0.035, sigma = 0.2, T = 1, S in [0, 20]
    private static final BlackScholes BS = new BlackScholes(10.0, 0.035, 0.2, 1.0);

    @Test
    void hullTextbookExample() {
        // Hull, Options, Futures and Other Derivatives, Example 15.6: S0 = 42, K = 40, r = 10%, sigma = 20%,
        // T = 0.5 gives c = 4.76 and p = 0.81, printed to two decimals (so tolerance 0.005)
        BlackScholes hull = new BlackScholes(40, 0.1, 0.2, 0.5);
        assertEquals(4.76, hull.value(42, 0), 0.005);
        assertEquals(0.81, hull.putValue(42, 0), 0.005);
        // and N(d1) with d1 = 0.7693 printed there: N(0.7693) = 0.7791 from normal tables (4 decimals)
        assertEquals(0.7791, hull.delta(42, 0), 1e-4);
    }

    @Test
    void putCallParity() {
        for (double t = 0; t < 1.0; t += 0.1) {
            for (double s = 0.5; s <= 20; s += 0.5) {
                double parity = s - BS.strike() * Math.exp(-BS.rate() * (BS.maturity() - t));
                // C - P = S - K e^{-r tau}; values O(10), so 1e-12 allows a few ulps of cancellation
                assertEquals(parity, BS.value(s, t) - BS.putValue(s, t), 1e-12, "S = " + s + ", t = " + t);
            }
        }
    }

    @Test
    void greeksMatchFiniteDifferencesOfPrice() {
        double h = 1e-3;
        for (double t = 0; t <= 0.9; t += 0.15) {
            final double tt = t;
            for (double s = 2; s <= 20; s += 0.75) {
                final double ss = s;
                double fdDelta = AnalyticTest.d1(x -> BS.value(x, tt), s, h);
                double fdGamma = AnalyticTest.d2(x -> BS.value(x, tt), s, h);
                double fdTheta = AnalyticTest.d1(x -> BS.value(ss, x), t, h);
                // tau >= 0.1 keeps derivatives moderate: 4th-order truncation ~h^4 |V^(5)| < 1e-9; round-off of
                // the second difference ~3 eps |V| / h^2 ~ 1e-8
                assertEquals(fdDelta, BS.delta(s, t), 1e-9, "delta at S = " + s + ", t = " + t);
                assertEquals(fdGamma, BS.gamma(s, t), 1e-7, "gamma at S = " + s + ", t = " + t);
                assertEquals(fdTheta, BS.theta(s, t), 1e-8, "theta at S = " + s + ", t = " + t);
            }
        }
    }

    @Test
    void pdeResidualByFiniteDifferences() {
        double h = 1e-3;
        double sig2 = BS.sigma() * BS.sigma();
        for (double t = 0; t <= 0.9; t += 0.15) {
            final double tt = t;
            for (double s = 2; s <= 20; s += 0.75) {
                final double ss = s;
                double vt = AnalyticTest.d1(x -> BS.value(ss, x), t, h);
                double vs = AnalyticTest.d1(x -> BS.value(x, tt), s, h);
                double vss = AnalyticTest.d2(x -> BS.value(x, tt), s, h);
                double res = vt + 0.5 * sig2 * s * s * vss + BS.rate() * s * vs - BS.rate() * BS.value(s, t);
                // FD errors above (<1e-7 in V_SS) times 0.5 sigma^2 S^2 <= 8 give < 1e-6
                assertEquals(0.0, res, 1e-6, "S = " + s + ", t = " + t);
            }
        }
    }

    @Test
    void terminalAndBoundaryValues() {
        for (double s = 0; s <= 20; s += 0.5) {
            // at t = T the price is the payoff, exactly
            assertEquals(Math.max(s - 10, 0), BS.value(s, 1.0), 0.0);
            assertEquals(Math.max(10 - s, 0), BS.putValue(s, 1.0), 0.0);
            assertEquals(0.0, BS.gamma(s, 1.0), 0.0);
        }
        assertEquals(1.0, BS.delta(12, 1.0), 0.0);
        assertEquals(0.0, BS.delta(8, 1.0), 0.0);
        assertEquals(0.5, BS.delta(10, 1.0), 0.0);
        assertEquals(-0.035 * 10, BS.theta(12, 1.0), 0.0);
        for (double t = 0; t < 1; t += 0.25) {
            assertEquals(0.0, BS.value(0, t), 0.0); // worthless if S = 0
            assertEquals(10 * Math.exp(-0.035 * (1 - t)), BS.putValue(0, t), 1e-14);
            // deep in the money V -> S - K e^{-r tau}; the put part K e^{-r tau} N(-d2) at S = 1000 is < 1e-300
            assertEquals(1000 - 10 * Math.exp(-0.035 * (1 - t)), BS.value(1000, t), 1e-12);
            // just before maturity the price approaches the payoff: |V - payoff| <= K (1 - e^{-r tau}) off the strike
            assertEquals(5.0, BS.value(15, 1 - 1e-10), 1e-9);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new BlackScholes(0, 0.1, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new BlackScholes(10, 0.1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BlackScholes(10, Double.NaN, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new BlackScholes(10, 0.1, 0.2, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BS.value(-1, 0.5));
        assertTrue(e.getMessage().contains("S = -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BS.value(10, 1.5));
        assertTrue(e.getMessage().contains("t = 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BS.values(new double[1], new double[2], new double[1]));
    }
}
