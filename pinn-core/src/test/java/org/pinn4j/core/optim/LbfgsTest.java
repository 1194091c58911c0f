package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** L-BFGS: convergence to known minima, stop criteria, restarts and bit-identical resumes. */
class LbfgsTest {

    @Test
    void rosenbrockToOneEMinus8() {
        TestFunctions.Rosenbrock f = new TestFunctions.Rosenbrock();
        List<Double> values = new ArrayList<>();
        LbfgsResult r = new Lbfgs().minimize(f, new double[] {-1.2, 1.0}, (it, v, gn) -> {
            assertEquals(values.size() + 1, it, "iterations are reported 1, 2, 3, ...");
            values.add(v);
            return true;
        });
        double err = TestFunctions.maxAbsDiff(r.x(), 1.0);
        // Required accuracy 1e-8 in x; a well-behaved L-BFGS needs ~35-45 iterations here.
        assertTrue(err <= 1e-8, "|x - (1,1)|_inf = " + err + ", " + r);
        assertEquals(Lbfgs.StopReason.GRADIENT_TOLERANCE, r.stopReason(), r.toString());
        assertEquals("gradient tolerance", r.stopReason().description());
        assertTrue(r.converged());
        assertTrue(r.iterations() <= 60 && r.evaluations() <= 100, r.toString());
        assertEquals(f.evaluations, r.evaluations(), "every objective call is counted");
        assertEquals(r.iterations(), values.size());
        // Sufficient decrease makes every accepted value strictly lower.
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i) < values.get(i - 1), "value rose at iteration " + (i + 1));
        }
        // Gradient tolerance: 1e-12 * max(1, |g0|_inf) with |g0|_inf = 215.6 at (-1.2, 1).
        assertTrue(r.gradientInfNorm() <= 1e-12 * 215.6 * 1.0001, r.toString());
    }

    @Test
    void quadraticInFewIterations() {
        TestFunctions.Quadratic q = new TestFunctions.Quadratic();
        LbfgsResult r = new Lbfgs().minimize(q, new double[5]);
        double err = TestFunctions.maxAbsDiff(r.x(), q.minimizer);
        // x* ~ 1 and condition 10: the gradient tolerance (1e-12) bounds the error by ~1e-12.
        assertTrue(err <= 1e-11, "|x - x*|_inf = " + err + ", " + r);
        assertTrue(r.converged(), r.toString());
        // With strong-Wolfe (inexact) steps a 5-D quadratic still needs only a few dozen iterations.
        assertTrue(r.iterations() <= 30, r.toString());
    }

    @Test
    void extendedRosenbrockWithShortHistory() {
        int n = 20;
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                Arrays.fill(g, 0.0);
                double v = 0.0;
                for (int i = 0; i < n - 1; i++) {
                    double t = x[i + 1] - x[i] * x[i];
                    double u = 1.0 - x[i];
                    v += 100.0 * t * t + u * u;
                    g[i] += -400.0 * x[i] * t - 2.0 * u;
                    g[i + 1] += 200.0 * t;
                }
                return v;
            }
        };
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        LbfgsResult r = new Lbfgs().historySize(5).minimize(f, x0);
        // Chained Rosenbrock's global minimum is all ones; tolerance as for the 2-D case.
        assertTrue(TestFunctions.maxAbsDiff(r.x(), 1.0) <= 1e-8, r.toString());
        assertTrue(r.converged(), r.toString());
    }

    @Test
    void stopsAtMaxIterationsAndMaxEvaluations() {
        LbfgsResult r = new Lbfgs().maxIterations(5).minimize(new TestFunctions.Rosenbrock(), new double[] {-1.2, 1.0});
        assertEquals(Lbfgs.StopReason.MAX_ITERATIONS, r.stopReason());
        assertEquals(5, r.iterations());
        TestFunctions.Rosenbrock f = new TestFunctions.Rosenbrock();
        LbfgsResult e = new Lbfgs().maxEvaluations(10).minimize(f, new double[] {-1.2, 1.0});
        assertEquals(Lbfgs.StopReason.MAX_EVALUATIONS, e.stopReason());
        assertTrue(f.evaluations <= 10, "budget respected: " + f.evaluations);
        assertEquals(f.evaluations, e.evaluations());
        // The returned point is the last accepted iterate: its value is f there.
        double[] g = new double[2];
        assertEquals(new TestFunctions.Rosenbrock().valueAndGradient(e.x(), g), e.value(), 0.0);
        assertArrayEquals(g, e.gradient(), 0.0);
    }

    @Test
    void callbackCanStop() {
        LbfgsResult r =
                new Lbfgs().minimize(new TestFunctions.Rosenbrock(), new double[] {-1.2, 1.0}, (it, v, gn) -> it < 3);
        assertEquals(Lbfgs.StopReason.STOPPED_BY_CALLBACK, r.stopReason());
        assertEquals(3, r.iterations());
    }

    @Test
    void startingAtTheMinimumStopsAtOnce() {
        LbfgsResult r = new Lbfgs().minimize(new TestFunctions.Rosenbrock(), new double[] {1, 1});
        assertEquals(Lbfgs.StopReason.GRADIENT_TOLERANCE, r.stopReason());
        assertEquals(0, r.iterations());
        assertEquals(1, r.evaluations());
    }

    @Test
    void relativeChangeMustHoldForConsecutiveIterations() {
        // A large constant makes relative changes small; the gradient test is switched off, so the
        // run can only end on the relative-change test. The stop iteration is recomputed here from
        // the reported values.
        double offset = 1e6;
        double tol = 1e-9;
        int patience = 3;
        TestFunctions.Quadratic q = new TestFunctions.Quadratic(offset);
        double[] x0 = new double[5];
        double f0 = q.valueAndGradient(x0, new double[5]);
        List<Double> values = new ArrayList<>();
        values.add(f0);
        LbfgsResult r = new Lbfgs()
                .gradientTolerance(0.0)
                .relativeTolerance(tol, patience)
                .minimize(q, x0, (it, v, gn) -> values.add(v));
        assertEquals(Lbfgs.StopReason.RELATIVE_CHANGE, r.stopReason(), r.toString());
        int run = 0;
        int expectedStop = -1;
        boolean sawIsolatedSmallChange = false;
        for (int i = 1; i < values.size(); i++) {
            double a = values.get(i - 1);
            double b = values.get(i);
            boolean small = Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
            run = small ? run + 1 : 0;
            if (small && run < patience) {
                sawIsolatedSmallChange = true;
            }
            if (run >= patience) {
                expectedStop = i;
                break;
            }
        }
        assertEquals(expectedStop, r.iterations(), "stops at the first run of " + patience);
        assertTrue(sawIsolatedSmallChange, "a single small change did not stop the run");
    }

    @Test
    void lineSearchFailureRestartsWithSteepestDescent() {
        // Evaluations 12..36 return NaN (a transient blow-up): the line search in progress fails on
        // its 25-evaluation limit, the history is cleared, and the steepest-descent retry (with
        // working evaluations) succeeds, so the run still converges.
        TestFunctions.Rosenbrock ros = new TestFunctions.Rosenbrock();
        int[] calls = {0};
        int[] historyAtFailure = {-1};
        Lbfgs lbfgs = new Lbfgs();
        Objective flaky = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                calls[0]++;
                double v = ros.valueAndGradient(x, g);
                if (calls[0] == 12) {
                    historyAtFailure[0] = lbfgs.historyCount();
                }
                return calls[0] >= 12 && calls[0] < 37 ? Double.NaN : v;
            }
        };
        List<Integer> historyAfter = new ArrayList<>();
        LbfgsResult r = lbfgs.minimize(flaky, new double[] {-1.2, 1.0}, (it, v, gn) -> {
            historyAfter.add(lbfgs.historyCount());
            return true;
        });
        assertTrue(historyAtFailure[0] > 0, "the failing search used a non-empty history");
        assertTrue(r.converged(), r.toString());
        assertTrue(TestFunctions.maxAbsDiff(r.x(), 1.0) <= 1e-8, r.toString());
        // The first iteration after the failure starts from an empty history: one pair afterwards.
        int failedAt = historyAtFailure[0]; // iterations done before the failure = pairs stored
        assertEquals(1, historyAfter.get(failedAt), "history was cleared and restarted");
    }

    @Test
    void persistentLineSearchFailureStopsWithNoProgress() {
        // The gradient has the wrong sign: every "descent" direction goes uphill, so the line search
        // fails with and without history. The point must stay at the start.
        TestFunctions.Quadratic q = new TestFunctions.Quadratic();
        Objective wrong = new Objective() {
            @Override
            public int dimension() {
                return 5;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double v = q.valueAndGradient(x, g);
                for (int i = 0; i < 5; i++) {
                    g[i] = -g[i];
                }
                return v;
            }
        };
        double[] x0 = {0.1, 0.2, 0.3, 0.4, 0.5};
        LbfgsResult r = new Lbfgs().minimize(wrong, x0);
        assertEquals(Lbfgs.StopReason.NO_PROGRESS, r.stopReason());
        assertEquals("no progress after line-search restart", r.stopReason().description());
        assertArrayEquals(x0, r.x(), 0.0);
        assertEquals(0, r.iterations());
        assertTrue(r.evaluations() <= 1 + 25, "one failed search from an empty history");
    }

    @Test
    void checkpointResumeIsBitIdentical() {
        // Uninterrupted: 25 iterations. Interrupted: stop after 11, export, import into a new
        // instance and resume to 25. Same point, value and counters, exactly.
        TestFunctions.Rosenbrock f = new TestFunctions.Rosenbrock();
        double[] x0 = {-1.2, 1.0};
        LbfgsResult full = new Lbfgs().maxIterations(25).minimize(f, x0);

        Lbfgs first = new Lbfgs().maxIterations(25);
        OptimizerState[] saved = new OptimizerState[1];
        first.minimize(f, x0, (it, v, gn) -> {
            if (it == 11) {
                saved[0] = first.exportState();
                return false;
            }
            return true;
        });
        assertTrue(saved[0].counter("historyCount") > 0, "the checkpoint carries history pairs");
        Lbfgs second = new Lbfgs().maxIterations(25);
        second.importState(saved[0]);
        LbfgsResult resumed = second.resume(f, null);
        assertArrayEquals(full.x(), resumed.x(), 0.0);
        assertEquals(full.value(), resumed.value(), 0.0);
        assertEquals(full.iterations(), resumed.iterations());
        assertEquals(full.evaluations(), resumed.evaluations());
        assertEquals(Lbfgs.StopReason.MAX_ITERATIONS, resumed.stopReason());
    }

    @Test
    void badInputIsRejectedClearly() {
        Lbfgs l = new Lbfgs();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> l.minimize(new TestFunctions.Rosenbrock(), new double[3]));
        assertTrue(e.getMessage().contains("length 3") && e.getMessage().contains("dimension is 2"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> l.minimize(new TestFunctions.Rosenbrock(), new double[] {Double.NaN, 0}));
        assertTrue(e.getMessage().contains("starting point"), e.getMessage());
        IllegalStateException s = assertThrows(
                IllegalStateException.class, () -> new Lbfgs().resume(new TestFunctions.Rosenbrock(), null));
        assertTrue(s.getMessage().contains("nothing to resume"), s.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Lbfgs().historySize(0));
        assertTrue(e.getMessage().contains("history size must be >= 1"), e.getMessage());
        Lbfgs ten = new Lbfgs().historySize(10);
        ten.minimize(new TestFunctions.Rosenbrock(), new double[] {-1.2, 1.0});
        e = assertThrows(IllegalArgumentException.class, () -> new Lbfgs().importState(ten.exportState()));
        assertTrue(e.getMessage().contains("historySize=10.0"), e.getMessage());
    }
}
