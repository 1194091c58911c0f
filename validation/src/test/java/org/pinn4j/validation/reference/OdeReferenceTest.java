package org.pinn4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.junit.jupiter.api.Test;

class OdeReferenceTest {

    private static final double D = 2;
    private static final double W0 = 20;
    private static final OdeSystem OSCILLATOR = (t, y, dy) -> {
        dy[0] = y[1];
        dy[1] = -2 * D * y[1] - W0 * W0 * y[0];
    };
    private static final LorenzSystem LORENZ = new LorenzSystem(10, 15, 8.0 / 3.0);
    private static final double[] LORENZ_Y0 = {-8, 7, 27};

    @Test
    void dampedOscillatorMatchesClosedForm() {
        double[] times = new double[201];
        for (int k = 0; k < times.length; k++) {
            times[k] = k * 0.005;
        }
        double[][] y = new OdeReference(OSCILLATOR, 0, new double[] {1, 0}).sample(times);
        for (int k = 0; k < times.length; k++) {
            // tolerance 1e-10 per step through ~3 oscillation periods: measured global error 1.5e-10, within
            // the 1e-8 asked of the reference (|x| <= 1)
            assertEquals(Analytic.dampedOscillator(D, W0, times[k]), y[k][0], 1e-8, "t = " + times[k]);
        }
    }

    @Test
    void samplesInAnyOrderWithRepeatsAndInitialTime() {
        OdeReference ref = new OdeReference(OSCILLATOR, 0.5, new double[] {1, 0});
        double[][] a = ref.sample(new double[] {0.9, 0.5, 0.7, 0.9, 0.6});
        double[][] b = ref.sample(new double[] {0.5, 0.6, 0.7, 0.9});
        assertArrayEquals(new double[] {1, 0}, a[1], 0.0); // t0 returns y0 exactly
        // same integration path (ends at 0.9 in both), so bit-identical dense-output values
        assertArrayEquals(b[3], a[0], 0.0);
        assertArrayEquals(b[3], a[3], 0.0);
        assertArrayEquals(b[2], a[2], 0.0);
        assertArrayEquals(b[1], a[4], 0.0);
        // shifted start: x(t) = closed form at t - 0.5, same 1e-8 bound as above
        assertEquals(Analytic.dampedOscillator(D, W0, 0.4), a[0][0], 1e-8);
        assertArrayEquals(new double[] {0.6, 0.9}, OdeReference.component(new double[][] {{0.6, 1}, {0.9, 2}}, 0), 0.0);
    }

    @Test
    void lorenzIsInvariantUnderTolerance() {
        double[] times = {0.5, 1.0, 2.0, 3.0};
        OdeReference ref = new OdeReference(LORENZ, 0, LORENZ_Y0);
        double[][] y10 = ref.sample(times);
        double[][] y12 = ref.withTolerance(1e-12, 1e-12).sample(times);
        double[][] y7 = ref.withTolerance(1e-7, 1e-7).sample(times);
        for (int k = 0; k < times.length; k++) {
            for (int i = 0; i < 3; i++) {
                // r = 15 < 24.74: not chaotic, errors are not amplified. On O(10) states the global error is a
                // few local tolerances (measured at t = 3: 3e-10 at tol 1e-10, 8e-7 at tol 1e-7); the bounds
                // leave a factor >10 of margin
                assertEquals(y12[k][i], y10[k][i], 1e-8, "tol 1e-10 vs 1e-12, t = " + times[k] + ", i = " + i);
                assertEquals(y12[k][i], y7[k][i], 1e-5, "tol 1e-7 vs 1e-12, t = " + times[k] + ", i = " + i);
            }
        }
    }

    @Test
    void lorenzMatchesFixedStepRungeKutta() {
        // independent method: classical RK4 with h = 1e-4, global error ~ C h^4 ~ 1e-12 for this smooth flow
        FirstOrderDifferentialEquations eq = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 3;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] yDot) {
                LORENZ.derivative(t, y, yDot);
            }
        };
        double[] yRk = LORENZ_Y0.clone();
        new ClassicalRungeKuttaIntegrator(1e-4).integrate(eq, 0, yRk, 3.0, yRk);
        double[] y = new OdeReference(LORENZ, 0, LORENZ_Y0).sample(new double[] {3.0})[0];
        // both accurate to ~1e-8 or better on O(10) states
        assertArrayEquals(yRk, y, 1e-7);
    }

    @Test
    void rejectsBadInputAndReportsBlowUp() {
        OdeReference ref = new OdeReference(OSCILLATOR, 0, new double[] {1, 0});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ref.sample(new double[] {0.1, -0.1}));
        assertTrue(e.getMessage().contains("times[1] = -0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OdeReference(null, 0, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new OdeReference(OSCILLATOR, 0, new double[0]));
        assertThrows(
                IllegalArgumentException.class, () -> new OdeReference(OSCILLATOR, 0, new double[] {1, 0}, 0, 1e-8));
        // y' = y^2, y(0) = 1 blows up at t = 1
        OdeReference blowUp = new OdeReference((t, y, dy) -> dy[0] = y[0] * y[0], 0, new double[] {1});
        assertThrows(IllegalStateException.class, () -> blowUp.sample(new double[] {2.0}));
    }
}
