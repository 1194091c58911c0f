package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The first updates of each method against the update rule worked out by hand. Gradients are
 * fed directly (no objective), so each step is one line of the paper's algorithm. Tolerance 1e-15
 * absolute on values of order 1: a few ulps of rounding from a different evaluation order.
 */
class OptimizerUpdateFormulaTest {

    private static final double TOL = 1e-15;
    private static final double[] G1 = {0.5, -1.5};
    private static final double[] G2 = {0.25, 2.0};

    private static double[] theta0() {
        return new double[] {1.0, -2.0};
    }

    @Test
    void gradientDescentIsThetaMinusRateTimesGradient() {
        double[] p = theta0();
        Optimizers.gd().step(p, G1, 0.1);
        assertArrayEquals(new double[] {0.95, -1.85}, p, TOL);
    }

    @Test
    void classicMomentumFirstTwoUpdates() {
        // delta1 = -0.1 g1 = (-0.05, 0.15); theta1 = (0.95, -1.85)
        // delta2 = -0.1 g2 + 0.9 delta1 = (-0.025 - 0.045, -0.2 + 0.135) = (-0.07, -0.065)
        double[] p = theta0();
        Momentum m = Optimizers.momentum(0.9);
        m.step(p, G1, 0.1);
        assertArrayEquals(new double[] {0.95, -1.85}, p, TOL);
        m.step(p, G2, 0.1);
        assertArrayEquals(new double[] {0.88, -1.915}, p, TOL);
    }

    @Test
    void velocityMomentumFirstTwoUpdates() {
        // v1 = g1; theta1 = theta0 - 0.1 g1 = (0.95, -1.85)
        // v2 = 0.9 g1 + g2 = (0.7, 0.65); theta2 = theta1 - 0.1 v2 = (0.88, -1.915)
        double[] p = theta0();
        VelocityMomentum m = Optimizers.velocityMomentum(0.9);
        m.step(p, G1, 0.1);
        assertArrayEquals(new double[] {0.95, -1.85}, p, TOL);
        m.step(p, G2, 0.1);
        assertArrayEquals(new double[] {0.88, -1.915}, p, TOL);
    }

    @Test
    void momentumFormsDifferWhenTheRateChanges() {
        // Rate 0.1 then 0.2. Classic: delta2 = -0.2 g2 + 0.9 (-0.05, 0.15) = (-0.095, -0.265),
        // theta2 = (0.855, -2.115). Velocity: theta2 = (0.95, -1.85) - 0.2 (0.7, 0.65) = (0.81, -1.98).
        double[] classic = theta0();
        Momentum m = Optimizers.momentum(0.9);
        m.step(classic, G1, 0.1);
        m.step(classic, G2, 0.2);
        assertArrayEquals(new double[] {0.855, -2.115}, classic, TOL);
        double[] velocity = theta0();
        VelocityMomentum v = Optimizers.velocityMomentum(0.9);
        v.step(velocity, G1, 0.1);
        v.step(velocity, G2, 0.2);
        assertArrayEquals(new double[] {0.81, -1.98}, velocity, TOL);
    }

    @Test
    void nesterovFirstTwoUpdates() {
        // v1 = g1; theta1 = theta0 - 0.1 (g1 + 0.9 g1) = (1 - 0.095, -2 + 0.285) = (0.905, -1.715)
        // v2 = 0.9 g1 + g2 = (0.7, 0.65); theta2 = theta1 - 0.1 (g2 + 0.9 v2)
        //    = (0.905 - 0.088, -1.715 - 0.2585) = (0.817, -1.9735)
        double[] p = theta0();
        Nesterov n = Optimizers.nesterov(0.9);
        n.step(p, G1, 0.1);
        assertArrayEquals(new double[] {0.905, -1.715}, p, TOL);
        n.step(p, G2, 0.1);
        assertArrayEquals(new double[] {0.817, -1.9735}, p, TOL);
    }

    @Test
    void adamFirstTwoUpdatesWithBiasCorrection() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double lr = 0.1;
        double[] p = theta0();
        Adam adam = Optimizers.adam(b1, b2, eps);
        adam.step(p, G1, lr);
        // Bias correction makes the first step lr * g / (|g| + eps): (0.9, -1.9) up to eps.
        double[] expected = new double[2];
        double[] t0 = theta0();
        for (int i = 0; i < 2; i++) {
            expected[i] = t0[i] - lr * G1[i] / (Math.abs(G1[i]) + eps);
        }
        assertArrayEquals(expected, p, TOL);
        assertArrayEquals(new double[] {0.9, -1.9}, p, 1e-8); // eps changes the step by ~lr*eps/|g|
        adam.step(p, G2, lr);
        for (int i = 0; i < 2; i++) {
            double m = b1 * (1 - b1) * G1[i] + (1 - b1) * G2[i];
            double v = b2 * (1 - b2) * G1[i] * G1[i] + (1 - b2) * G2[i] * G2[i];
            double mHat = m / (1 - b1 * b1);
            double vHat = v / (1 - b2 * b2);
            expected[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
        assertArrayEquals(expected, p, TOL);
    }

    @Test
    void adamWDecayIsDecoupledFromTheGradient() {
        // With a zero gradient the Adam part is 0 / (0 + eps) = 0, so theta_k = theta0 (1 - lr wd)^k
        // exactly; an L2 penalty added to the gradient would instead give steps of size ~lr.
        double lr = 0.01;
        double wd = 0.1;
        double[] p = theta0();
        Adam w = Optimizers.adamW(wd);
        double[] zero = new double[2];
        for (int k = 0; k < 100; k++) {
            w.step(p, zero, lr);
        }
        double factor = Math.pow(1 - lr * wd, 100);
        // 100 multiplications: relative rounding <= ~100 ulps ~ 2e-14.
        assertEquals(1.0 * factor, p[0], 2e-14);
        assertEquals(-2.0 * factor, p[1], 4e-14);
    }

    @Test
    void adamWFirstStepAddsDecayOfOldParameters() {
        double lr = 0.1;
        double wd = 0.01;
        double[] p = theta0();
        Optimizers.adamW(0.9, 0.999, 1e-8, wd).step(p, G1, lr);
        double[] t0 = theta0();
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            expected[i] = t0[i] - lr * G1[i] / (Math.abs(G1[i]) + 1e-8) - lr * wd * t0[i];
        }
        assertArrayEquals(expected, p, TOL);
    }

    @Test
    void rmsPropFirstStep() {
        // s1 = (1 - rho) g^2, step = lr g / (sqrt(1 - rho) |g| + eps)
        double rho = 0.9;
        double eps = 1e-8;
        double lr = 0.01;
        double[] p = theta0();
        Optimizers.rmsProp(rho, eps).step(p, G1, lr);
        double[] t0 = theta0();
        for (int i = 0; i < 2; i++) {
            assertEquals(t0[i] - lr * G1[i] / (Math.sqrt(1 - rho) * Math.abs(G1[i]) + eps), p[i], TOL);
        }
    }

    @Test
    void adagradFirstTwoSteps() {
        double eps = 1e-10;
        double lr = 0.1;
        double[] p = theta0();
        Adagrad a = Optimizers.adagrad(eps);
        a.step(p, G1, lr);
        a.step(p, G2, lr);
        double[] t0 = theta0();
        for (int i = 0; i < 2; i++) {
            double s1 = G1[i] * G1[i];
            double s2 = s1 + G2[i] * G2[i];
            double expected = t0[i] - lr * G1[i] / (Math.sqrt(s1) + eps) - lr * G2[i] / (Math.sqrt(s2) + eps);
            assertEquals(expected, p[i], TOL);
        }
    }

    @Test
    void adadeltaFirstTwoStepsFollowZeiler() {
        double rho = 0.95;
        double eps = 1e-6;
        double[] p = theta0();
        Adadelta a = Optimizers.adadelta(rho, eps);
        a.step(p, G1, 1.0);
        a.step(p, G2, 1.0);
        double[] t0 = theta0();
        for (int i = 0; i < 2; i++) {
            double eg = (1 - rho) * G1[i] * G1[i];
            double dx1 = -Math.sqrt(eps) / Math.sqrt(eg + eps) * G1[i];
            double edx = (1 - rho) * dx1 * dx1;
            eg = rho * eg + (1 - rho) * G2[i] * G2[i];
            double dx2 = -Math.sqrt(edx + eps) / Math.sqrt(eg + eps) * G2[i];
            assertEquals(t0[i] + dx1 + dx2, p[i], TOL);
        }
    }

    @Test
    void adadeltaRateScalesOnlyTheAppliedStep() {
        // Same gradients, lr = 0.5: the accumulators see the unscaled dx, so theta moves by exactly
        // half of the lr = 1 displacement in every step (not just the first).
        double[] full = theta0();
        double[] half = theta0();
        Adadelta a = Optimizers.adadelta();
        Adadelta b = Optimizers.adadelta();
        a.step(full, G1, 1.0);
        a.step(full, G2, 1.0);
        b.step(half, G1, 0.5);
        b.step(half, G2, 0.5);
        double[] t0 = theta0();
        for (int i = 0; i < 2; i++) {
            assertEquals(0.5 * (full[i] - t0[i]), half[i] - t0[i], TOL);
        }
    }
}
