package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Levenberg-Marquardt against problems with known minima, its damping rule against Nielsen's formulas step by
 * step, the normal equations against a plain computation and across thread counts, and its state round trip.
 */
class LevenbergMarquardtTest {

    /** A least-squares problem from a residual function with a Jacobian by columns; also an Objective. */
    abstract static class Problem implements LeastSquares, Objective {
        final int n;
        final int m;
        final List<double[]> trials = new ArrayList<>();

        Problem(int n, int m) {
            this.n = n;
            this.m = m;
        }

        abstract void eval(double[] x, double[] r, double[] jt);

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public int residualCount() {
            return m;
        }

        @Override
        public double residuals(double[] x, double[] r) {
            trials.add(x.clone());
            eval(x, r, null);
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += r[i] * r[i];
            }
            return s;
        }

        @Override
        public void jacobian(double[] x, int row0, int rows, double[] jt) {
            double[] whole = new double[m * n];
            eval(x, new double[m], whole);
            for (int j = 0; j < n; j++) {
                System.arraycopy(whole, j * m + row0, jt, j * rows, rows);
            }
        }

        @Override
        public double valueAndGradient(double[] x, double[] grad) {
            throw new UnsupportedOperationException("not used by Levenberg-Marquardt");
        }
    }

    /** Rosenbrock as residuals: r = (10 (x2 - x1^2), 1 - x1), minimum 0 at (1, 1). */
    static Problem rosenbrock() {
        return new Problem(2, 2) {
            @Override
            void eval(double[] x, double[] r, double[] jt) {
                r[0] = 10 * (x[1] - x[0] * x[0]);
                r[1] = 1 - x[0];
                if (jt != null) {
                    jt[0] = -20 * x[0]; // d r0 / d x1
                    jt[1] = -1; // d r1 / d x1
                    jt[2] = 10; // d r0 / d x2
                    jt[3] = 0; // d r1 / d x2
                }
            }
        };
    }

    @Test
    void rosenbrockConvergesToTheMinimumTo1e12() {
        LevenbergMarquardt lm = new LevenbergMarquardt(LevenbergMarquardtSettings.defaults()).maxIterations(500);
        LbfgsResult r = lm.minimize(rosenbrock(), new double[] {-1.2, 1}, null);
        assertTrue(r.converged(), r.toString());
        // a zero-residual problem converges quadratically near the minimum: far below 1e-12
        assertEquals(1.0, r.x()[0], 1e-12, r.toString());
        assertEquals(1.0, r.x()[1], 1e-12, r.toString());
        assertTrue(r.value() < 1e-24, r.toString());
        assertTrue(r.iterations() < 100, r.toString());
    }

    @Test
    void anExponentialFitRecoversItsParametersTo1e12() {
        double[] t = new double[40];
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.1 * i;
            y[i] = 2.5 * Math.exp(-1.3 * t[i]) + 0.4;
        }
        Problem fit = new Problem(3, t.length) {
            @Override
            void eval(double[] x, double[] r, double[] jt) {
                for (int i = 0; i < m; i++) {
                    double e = Math.exp(x[1] * t[i]);
                    r[i] = x[0] * e + x[2] - y[i];
                    if (jt != null) {
                        jt[i] = e;
                        jt[m + i] = x[0] * t[i] * e;
                        jt[2 * m + i] = 1;
                    }
                }
            }
        };
        for (boolean diagonal : new boolean[] {false, true}) {
            LevenbergMarquardtSettings s = new LevenbergMarquardtSettings(10_000, 1e-3, diagonal, 1e-14, 1e-15);
            LbfgsResult r = new LevenbergMarquardt(s).maxIterations(1000).minimize(fit, new double[] {1, 0, 0}, null);
            assertTrue(r.converged(), r.toString());
            assertArrayEquals(new double[] {2.5, -1.3, 0.4}, r.x(), 1e-12, "diagonal scaling " + diagonal + ": " + r);
        }
    }

    @Test
    void theDampingFollowsNielsensRuleStepByStep() {
        // r(x) = exp(x) - 1 from x = -5: the Gauss-Newton step overshoots to x ~ 143, so steps are rejected first
        Problem p = new Problem(1, 1) {
            @Override
            void eval(double[] x, double[] r, double[] jt) {
                r[0] = Math.exp(x[0]) - 1;
                if (jt != null) {
                    jt[0] = Math.exp(x[0]);
                }
            }
        };
        double tau = 1e-3;
        List<Double> accepted = new ArrayList<>();
        LevenbergMarquardt lm = new LevenbergMarquardt(new LevenbergMarquardtSettings(10_000, tau, false, 0, 0));
        lm.maxIterations(1).minimize(p, new double[] {-5}, (it, v, g) -> {
            accepted.add(v);
            return true;
        });
        // replay: A = J^2, g = J r, mu0 = tau A; each trial x + delta with delta = -g / (A + mu)
        double x = -5;
        double j = Math.exp(x);
        double r = Math.exp(x) - 1;
        double a = j * j;
        double g = j * r;
        double mu = tau * a;
        double nu = 2;
        int trial = 0;
        while (true) {
            double delta = -g / (a + mu);
            // the solve divides by sqrt(A + mu) twice, the replay once by A + mu: a few ulps apart
            // evaluation 0 is the start point's residual, then one per trial
            assertEquals(x + delta, p.trials.get(trial + 1)[0], 1e-14 * Math.abs(x + delta), "trial " + trial);
            double fNew = Math.pow(Math.exp(x + delta) - 1, 2);
            double predicted = delta * (mu * delta - g);
            double rho = (r * r - fNew) / predicted;
            trial++;
            if (Double.isFinite(fNew) && rho > 0) {
                double t = 2 * rho - 1;
                mu *= Math.max(1.0 / 3.0, 1 - t * t * t);
                break;
            }
            mu *= nu;
            nu *= 2;
        }
        assertTrue(trial > 3, "the first steps were rejected: " + trial + " trials");
        assertEquals(trial + 1, p.trials.size(), "one evaluation at the start and one per trial");
        assertEquals(mu, lm.damping(), 1e-14 * mu);
        assertEquals(1, accepted.size());
    }

    @Test
    void normalEquationsAreTheSameBitsOnAnyThreadCountAndMatchAPlainProduct() {
        SplittableRandom rng = new SplittableRandom(2);
        int m = 1100; // three chunks of rows, the last part-filled
        int n = 37; // three tiles of columns, the last part-filled, an odd edge
        double[] jt = new double[m * n];
        double[] res = new double[m];
        for (int i = 0; i < jt.length; i++) {
            jt[i] = rng.nextDouble() - 0.5;
        }
        for (int i = 0; i < m; i++) {
            res[i] = rng.nextDouble() - 0.5;
        }
        try (NormalEquations one = new NormalEquations(n, 1);
                NormalEquations two = new NormalEquations(n, 2)) {
            one.form(jt, res, m);
            two.form(jt, res, m);
            assertArrayEquals(one.normalMatrix(), two.normalMatrix(), 0.0);
            assertArrayEquals(one.gradientHalf(), two.gradientHalf(), 0.0);
            for (int i = 0; i < n; i++) {
                double gi = 0;
                for (int k = 0; k < m; k++) {
                    gi += jt[i * m + k] * res[k];
                }
                assertEquals(gi, one.gradientHalf()[i], 1e-12);
                for (int j = 0; j < n; j++) {
                    double aij = 0;
                    for (int k = 0; k < m; k++) {
                        aij += jt[i * m + k] * jt[j * m + k];
                    }
                    // two summation orders of m = 1,100 products of size <= 0.25: 1e-12 absolute
                    assertEquals(aij, one.normalMatrix()[i * n + j], 1e-12, i + "," + j);
                    assertEquals(one.normalMatrix()[i * n + j], one.normalMatrix()[j * n + i], 0.0);
                }
            }
            // the damped solve: (A + mu I) delta = -g to round-off
            double mu = 0.01;
            double[] delta = new double[n];
            assertTrue(one.solve(mu, false, delta));
            double[] a = one.normalMatrix();
            for (int i = 0; i < n; i++) {
                double s = mu * delta[i];
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * delta[j];
                }
                assertEquals(-one.gradientHalf()[i], s, 1e-10);
            }
            // formed block by block (blocks on chunk boundaries, in row order): the same bits
            try (NormalEquations blocks = new NormalEquations(n, 2)) {
                blocks.begin();
                for (int b0 = 0; b0 < m; b0 += NormalEquations.CHUNK) {
                    int rows = Math.min(NormalEquations.CHUNK, m - b0);
                    double[] block = new double[rows * n];
                    for (int j = 0; j < n; j++) {
                        System.arraycopy(jt, j * m + b0, block, j * rows, rows);
                    }
                    blocks.accumulate(block, rows, res, b0);
                }
                blocks.finish();
                assertArrayEquals(one.normalMatrix(), blocks.normalMatrix(), 0.0);
                assertArrayEquals(one.gradientHalf(), blocks.gradientHalf(), 0.0);
                assertThrows(IllegalArgumentException.class, () -> blocks.accumulate(jt, 10, res, 7));
            }
            // rank-deficient A (more unknowns than rows) without damping is refused, not solved
            try (NormalEquations wide = new NormalEquations(5, 1)) {
                wide.form(new double[10], new double[2], 2);
                assertTrue(!wide.solve(0, false, new double[5]));
            }
        }
    }

    @Test
    void theCholeskySolveIsTheSameBitsOnOneAndTwoThreads() {
        // n = 300: the columns past the first hundred are split over the threads
        SplittableRandom rng = new SplittableRandom(4);
        int m = 700;
        int n = 300;
        double[] jt = new double[m * n];
        double[] res = new double[m];
        for (int i = 0; i < jt.length; i++) {
            jt[i] = rng.nextDouble() - 0.5;
        }
        for (int i = 0; i < m; i++) {
            res[i] = rng.nextDouble() - 0.5;
        }
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        try (NormalEquations one = new NormalEquations(n, 1);
                NormalEquations two = new NormalEquations(n, 2)) {
            one.form(jt, res, m);
            two.form(jt, res, m);
            assertTrue(one.solve(1e-3, true, d1));
            assertTrue(two.solve(1e-3, true, d2));
            assertArrayEquals(d1, d2, 0.0);
            double[] a = one.normalMatrix();
            double gmax = 0;
            for (int i = 0; i < n; i++) {
                double s = 1e-3 * a[i * n + i] * d1[i];
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * d1[j];
                }
                gmax = Math.max(gmax, Math.abs(one.gradientHalf()[i]));
                // (A + mu diag A) delta = -g, A's entries ~ m / 12 ~ 60: round-off of a well-conditioned solve
                assertEquals(-one.gradientHalf()[i], s, 1e-9, "row " + i);
            }
            assertTrue(gmax > 0);
        }
    }

    @Test
    void aStoppedRunResumesFromItsExportedStateToTheSameBits() {
        Problem p = rosenbrock();
        LbfgsResult whole = new LevenbergMarquardt(LevenbergMarquardtSettings.defaults())
                .maxIterations(500)
                .minimize(p, new double[] {-1.2, 1}, null);
        LevenbergMarquardt first = new LevenbergMarquardt(LevenbergMarquardtSettings.defaults()).maxIterations(500);
        LbfgsResult part = first.minimize(rosenbrock(), new double[] {-1.2, 1}, (it, v, g) -> it < 5);
        assertEquals(Lbfgs.StopReason.STOPPED_BY_CALLBACK, part.stopReason());
        OptimizerState state = first.exportState();
        LevenbergMarquardt second = new LevenbergMarquardt(LevenbergMarquardtSettings.defaults()).maxIterations(500);
        second.importState(state);
        LbfgsResult rest = second.resume(rosenbrock(), null);
        assertArrayEquals(whole.x(), rest.x(), 0.0);
        assertEquals(whole.iterations(), rest.iterations());
        assertEquals(whole.evaluations(), rest.evaluations());
        assertEquals(whole.stopReason(), rest.stopReason());

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new LevenbergMarquardt(LevenbergMarquardtSettings.defaults())
                        .minimize(
                                new Objective() {
                                    @Override
                                    public int dimension() {
                                        return 1;
                                    }

                                    @Override
                                    public double valueAndGradient(double[] x, double[] grad) {
                                        return 0;
                                    }
                                },
                                new double[1],
                                null));
        assertTrue(e.getMessage().contains("LeastSquares"), e.getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new LevenbergMarquardtSettings(0, 1e-3, false, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LevenbergMarquardtSettings(10, 0, false, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LevenbergMarquardtSettings(10, 1e-3, false, -1, 0));
        assertEquals(
                "levenbergMarquardt(maxEvaluations 100000, initialDamping 0.001, diagonalScaling false,"
                        + " gradientTolerance 1.0E-14, stepTolerance 1.0E-15)",
                LevenbergMarquardtSettings.defaults().describe());
    }
}
