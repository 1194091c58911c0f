package org.pinn4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each closed form is checked against its own differential equation by fourth-order central finite
 * differences, and against its initial and boundary conditions.
 */
class AnalyticTest {

    private static final double H = 1e-3;
    private static final double PI2 = Math.PI * Math.PI;

    /** Fourth-order central first derivative; truncation h^4 f^(5) / 30. */
    static double d1(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x - 2 * h)
                        - 8 * f.applyAsDouble(x - h)
                        + 8 * f.applyAsDouble(x + h)
                        - f.applyAsDouble(x + 2 * h))
                / (12 * h);
    }

    /** Fourth-order central second derivative; truncation h^4 f^(6) / 90, round-off ~ 3 eps |f| / h^2. */
    static double d2(DoubleUnaryOperator f, double x, double h) {
        return (-f.applyAsDouble(x - 2 * h)
                        + 16 * f.applyAsDouble(x - h)
                        - 30 * f.applyAsDouble(x)
                        + 16 * f.applyAsDouble(x + h)
                        - f.applyAsDouble(x + 2 * h))
                / (12 * h * h);
    }

    @Test
    void dampedOscillatorSatisfiesOdeAndInitialConditions() {
        double d = 2;
        double w0 = 20;
        DoubleUnaryOperator x = t -> Analytic.dampedOscillator(d, w0, t);
        for (double t = 0.05; t < 1.0; t += 0.0731) {
            double res = d2(x, t, H) + 2 * d * d1(x, t, H) + w0 * w0 * x.applyAsDouble(t);
            // scale of terms is w0^2 ~ 400; truncation h^4 w0^6 / 90 ~ 7e-7, round-off 3e-16 / 1e-6 ~ 3e-10
            assertEquals(0.0, res, 2e-6, "residual at t = " + t);
        }
        assertEquals(1.0, x.applyAsDouble(0.0), 1e-15); // x(0) = 1 exactly up to rounding
        // x'(0) = 0: one-sided evaluation is avoided by the central formula (x is smooth through t = 0);
        // truncation h^4 w0^5 / 30 ~ 1e-7
        assertEquals(0.0, d1(x, 0.0, H), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Analytic.dampedOscillator(20, 2, 0.1));
    }

    @Test
    void heatSatisfiesPdeIcBc() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (double k : new double[] {Analytic.HEAT_DIFFUSIVITY, 1.0}) {
            for (int i = 0; i < 50; i++) {
                double x = rnd.nextDouble(-1, 1);
                double t = rnd.nextDouble(0.01, 1);
                double ut = d1(s -> Analytic.heat(k, x, s), t, H);
                double uxx = d2(s -> Analytic.heat(k, s, t), x, H);
                // derivatives are O(pi^2 k); truncation of d2 ~ h^4 pi^6 / 90 ~ 1e-11, round-off ~ 3e-10
                assertEquals(0.0, ut - k * uxx, 1e-8, "heat residual at x = " + x + ", t = " + t);
            }
            for (double t = 0; t <= 1; t += 0.25) {
                // sin(+-pi) ~ 1.2e-16: boundary values vanish up to rounding
                assertEquals(0.0, Analytic.heat(k, -1, t), 1e-15);
                assertEquals(0.0, Analytic.heat(k, 1, t), 1e-15);
            }
            for (double x = -1; x <= 1; x += 0.125) {
                assertEquals(Math.sin(Math.PI * x), Analytic.heat(k, x, 0), 0.0); // exp(0) = 1 exactly
            }
        }
        assertEquals(Analytic.heat(0.1, 0.3, 0.7), Analytic.heat(0.3, 0.7), 0.0); // default k = 0.1
    }

    @Test
    void waveSatisfiesPdeIcBc() {
        SplittableRandom rnd = new SplittableRandom(12);
        double c = 1.0;
        for (int i = 0; i < 50; i++) {
            double x = rnd.nextDouble(0, 1);
            double t = rnd.nextDouble(0.01, 1);
            double utt = d2(s -> Analytic.wave(c, x, s), t, H);
            double uxx = d2(s -> Analytic.wave(c, s, t), x, H);
            // terms up to 0.5 (4 pi)^2 ~ 80; truncation h^4 (4 pi)^6 / 90 * 0.5 ~ 2e-8, round-off ~ 1e-9
            assertEquals(0.0, utt - c * c * uxx, 1e-7, "wave residual at x = " + x + ", t = " + t);
        }
        for (int i = 0; i <= 10; i++) {
            double x = 0.1 * i;
            double u0 = Math.sin(Math.PI * x) + 0.5 * Math.sin(4 * Math.PI * x);
            assertEquals(u0, Analytic.wave(c, x, 0), 1e-15); // cos(0) = 1, rounding only
            // u_t(x, 0) = 0; truncation h^4 (4 pi)^5 / 30 ~ 1e-11
            assertEquals(0.0, d1(s -> Analytic.wave(c, x, s), 0.0, H), 1e-9);
        }
        for (double t = 0; t <= 1; t += 0.2) {
            assertEquals(0.0, Analytic.wave(c, 0, t), 1e-15); // sin(0) = 0 exactly
            assertEquals(0.0, Analytic.wave(c, 1, t), 1e-15); // sin(pi), sin(4 pi) ~ 1e-16
        }
    }

    @Test
    void poissonSolutionsMatchTheirSources() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 0; i < 50; i++) {
            double x = rnd.nextDouble(-1, 1);
            double y = rnd.nextDouble(-1, 1);
            // sources are O(pi^2) ~ 10 (1D) and 2 pi^2 (2D); truncation ~ h^4 pi^6 / 90 ~ 1e-11; round-off 3e-10
            assertEquals(Analytic.poisson1dSource(x), -d2(Analytic::poisson1d, x, H), 1e-8);
            double lap = d2(s -> Analytic.poisson2d(s, y), x, H) + d2(s -> Analytic.poisson2d(x, s), y, H);
            assertEquals(Analytic.poisson2dSource(x, y), -lap, 1e-8);
        }
        for (double s = -1; s <= 1; s += 0.25) {
            // zero Dirichlet data on the boundary of [-1, 1] and [-1, 1]^2, up to sin(pi) rounding
            assertEquals(0.0, Analytic.poisson1d(-1), 1e-15);
            assertEquals(0.0, Analytic.poisson1d(1), 1e-15);
            assertEquals(0.0, Analytic.poisson2d(-1, s), 1e-15);
            assertEquals(0.0, Analytic.poisson2d(1, s), 1e-15);
            assertEquals(0.0, Analytic.poisson2d(s, -1), 1e-15);
            assertEquals(0.0, Analytic.poisson2d(s, 1), 1e-15);
        }
    }

    @Test
    void helmholtzSolutionMatchesItsSource() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int i = 0; i < 50; i++) {
            double x = rnd.nextDouble(-1, 1);
            double y = rnd.nextDouble(-1, 1);
            double lap = d2(s -> Analytic.helmholtz2d(s, y), x, H) + d2(s -> Analytic.helmholtz2d(x, s), y, H);
            // q is O(17 pi^2) ~ 168; truncation h^4 (4 pi)^6 / 90 ~ 4e-8, round-off ~ 3e-10
            assertEquals(Analytic.helmholtz2dSource(x, y), lap + Analytic.helmholtz2d(x, y), 2e-7);
        }
        for (double s = -1; s <= 1; s += 0.25) {
            // sin(4 pi) ~ 5e-16 rounding
            assertEquals(0.0, Analytic.helmholtz2d(-1, s), 1e-15);
            assertEquals(0.0, Analytic.helmholtz2d(1, s), 1e-15);
            assertEquals(0.0, Analytic.helmholtz2d(s, -1), 1e-15);
            assertEquals(0.0, Analytic.helmholtz2d(s, 1), 1e-15);
        }
    }
}
