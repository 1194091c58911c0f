package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DenseQuasiNewton}: the first inverse-Hessian updates against the formulas written as matrix products
 * (Commons Math, an independent path from the optimizer's expanded rank-2 loops), the Wolfe conditions of its
 * steps, the Rosenbrock minimum, and a bit-identical resume.
 */
class DenseQuasiNewtonTest {
    private static final QuasiNewtonSettings SETTINGS = QuasiNewtonSettings.defaults();

    private static RealMatrix matrix(double[] rowMajor, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowMajor, i * n, m[i], 0, n);
        }
        return new Array2DRowRealMatrix(m);
    }

    /** The update of {@code h} for the pair (s, y), step length alpha, gradient before the step g, as matrices. */
    private static RealMatrix expected(
            DenseQuasiNewton.Update u,
            RealMatrix h,
            RealVector s,
            RealVector y,
            double alpha,
            RealVector g,
            boolean first) {
        int n = s.getDimension();
        double rho = 1 / y.dotProduct(s);
        RealMatrix ss = s.outerProduct(s);
        if (u == DenseQuasiNewton.Update.BFGS) {
            RealMatrix h0 = first ? h.scalarMultiply(s.dotProduct(y) / y.dotProduct(y)) : h;
            RealMatrix left = MatrixUtils.createRealIdentityMatrix(n)
                    .subtract(s.outerProduct(y).scalarMultiply(rho));
            RealMatrix right = MatrixUtils.createRealIdentityMatrix(n)
                    .subtract(y.outerProduct(s).scalarMultiply(rho));
            return left.multiply(h0).multiply(right).add(ss.scalarMultiply(rho));
        }
        RealVector hy = h.operate(y);
        double yhy = y.dotProduct(hy);
        double hk = rho * yhy;
        double b = -alpha * rho * s.dotProduct(g);
        double a = b * hk - 1;
        double rhoMinus = Math.min(1, hk * (1 - Math.sqrt(Math.abs(a) / (1 + a))));
        double theta = Math.max((rhoMinus - 1) / a, Math.min(1 / rhoMinus, (1 - b) / b));
        double tau;
        if (first) {
            tau = hk / (1 + a * theta);
        } else {
            double sigma = 1 + theta * a;
            double p = Math.pow(Math.abs(sigma), 1.0 / (1 - n));
            double c = Math.min(1, 1 / b);
            tau = theta <= 0 ? Math.min(c * p, sigma) : c * Math.min(p, 1 / theta);
        }
        RealVector v = s.mapMultiply(rho).subtract(hy.mapDivide(yhy));
        double phi = (1 - theta) / (1 + a * theta);
        return h.subtract(hy.outerProduct(hy).scalarMultiply(1 / yhy))
                .add(v.outerProduct(v).scalarMultiply(phi * yhy))
                .scalarMultiply(1 / tau)
                .add(ss.scalarMultiply(rho));
    }

    @ParameterizedTest
    @EnumSource(DenseQuasiNewton.Update.class)
    void theFirstUpdatesFollowTheFormulasAndTheStepsAreWolfe(DenseQuasiNewton.Update u) {
        checkFirstUpdates(u, SETTINGS);
        checkFirstUpdates(u, SETTINGS.withWolfe(0.01, 0.1)); // the constants are the settings', not fixed
    }

    private void checkFirstUpdates(DenseQuasiNewton.Update u, QuasiNewtonSettings settings) {
        double c1 = settings.wolfeC1();
        double c2 = settings.wolfeC2();
        TestFunctions.Quadratic q = new TestFunctions.Quadratic();
        int n = q.dimension();
        double[] x = {0.5, -0.3, 0.8, 0.1, -0.6};
        double[] g = new double[n];
        double f = q.valueAndGradient(x, g);
        DenseQuasiNewton opt = new DenseQuasiNewton(u, settings).maxIterations(1);
        opt.minimize(q, x, null);
        RealMatrix h = MatrixUtils.createRealIdentityMatrix(n);
        for (int k = 1; k <= 3; k++) {
            OptimizerState st = opt.exportState();
            double[] xNew = st.arrays().get("x");
            double[] gNew = st.arrays().get("g");
            double fNew = st.scalars().get("value");
            RealVector d = h.operate(new ArrayRealVector(g)).mapMultiply(-1);
            RealVector s = new ArrayRealVector(xNew).subtract(new ArrayRealVector(x));
            RealVector y = new ArrayRealVector(gNew).subtract(new ArrayRealVector(g));
            int big = d.getMaxIndex() >= 0 ? indexOfMaxAbs(d) : 0;
            double alpha = s.getEntry(big) / d.getEntry(big);
            double dphi0 = new ArrayRealVector(g).dotProduct(d);
            // strong Wolfe with the settings' c1 and c2 (a hair of rounding allowed on the decrease)
            assertTrue(fNew <= f + c1 * alpha * dphi0 + 1e-14 * Math.abs(f), "sufficient decrease, step " + k);
            assertTrue(
                    Math.abs(new ArrayRealVector(gNew).dotProduct(d)) <= c2 * Math.abs(dphi0), "curvature, step " + k);
            RealMatrix want = expected(u, h, s, y, alpha, new ArrayRealVector(g), k == 1);
            RealMatrix got = matrix(st.arrays().get("H"), n);
            double scale = want.getNorm();
            assertEquals(0.0, got.subtract(want).getNorm() / scale, 1e-12, u + " update " + k);
            assertEquals(0.0, got.subtract(got.transpose()).getNorm(), 0.0, "H stays exactly symmetric");
            h = got; // the next step starts from the optimizer's own H, so each update is checked on its own
            x = xNew;
            g = gNew;
            f = fNew;
            opt.maxIterations(k + 1);
            opt.resume(q, null);
        }
    }

    private static int indexOfMaxAbs(RealVector v) {
        int best = 0;
        for (int i = 1; i < v.getDimension(); i++) {
            if (Math.abs(v.getEntry(i)) > Math.abs(v.getEntry(best))) {
                best = i;
            }
        }
        return best;
    }

    @ParameterizedTest
    @EnumSource(DenseQuasiNewton.Update.class)
    void reachesTheRosenbrockMinimum(DenseQuasiNewton.Update u) {
        LbfgsResult r = new DenseQuasiNewton(u, SETTINGS)
                .maxIterations(500)
                .minimize(new TestFunctions.Rosenbrock(), new double[] {-1.2, 1.0}, null);
        // the minimum is (1, 1); 1e-10 is what the issue asks, far above the float64 resolution of the problem
        assertEquals(0.0, TestFunctions.maxAbsDiff(r.x(), 1.0), 1e-10, u + ": " + r);
    }

    @ParameterizedTest
    @EnumSource(DenseQuasiNewton.Update.class)
    void aResumedRunIsBitIdentical(DenseQuasiNewton.Update u) {
        TestFunctions.Rosenbrock f = new TestFunctions.Rosenbrock();
        double[] start = {-1.2, 1.0};
        LbfgsResult straight =
                new DenseQuasiNewton(u, SETTINGS).maxIterations(25).minimize(f, start, null);
        DenseQuasiNewton first = new DenseQuasiNewton(u, SETTINGS).maxIterations(10);
        first.minimize(f, start, null);
        DenseQuasiNewton second = new DenseQuasiNewton(u, SETTINGS).maxIterations(25);
        second.importState(first.exportState());
        LbfgsResult resumed = second.resume(f, null);
        assertArrayEquals(straight.x(), resumed.x(), 0.0);
        assertEquals(straight.iterations(), resumed.iterations());
        assertEquals(straight.evaluations(), resumed.evaluations());
    }

    /** Extended Rosenbrock in 300-D (pairs of coordinates), so the N x N work is split over threads. */
    private static final Objective WIDE = new Objective() {
        @Override
        public int dimension() {
            return 300;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double f = 0;
            for (int i = 0; i < x.length; i += 2) {
                double t = x[i + 1] - x[i] * x[i];
                f += (1 - x[i]) * (1 - x[i]) + 100 * t * t;
                g[i] = -2 * (1 - x[i]) - 400 * x[i] * t;
                g[i + 1] = 200 * t;
            }
            return f;
        }
    };

    @ParameterizedTest
    @EnumSource(DenseQuasiNewton.Update.class)
    void anyThreadCountGivesTheSameBits(DenseQuasiNewton.Update u) {
        double[] start = new double[300];
        for (int i = 0; i < start.length; i++) {
            start[i] = i % 2 == 0 ? -1.2 + 0.001 * i : 1.0;
        }
        DenseQuasiNewton one =
                new DenseQuasiNewton(u, SETTINGS).maxIterations(40).threads(1);
        LbfgsResult a = one.minimize(WIDE, start, null);
        for (int threads : new int[] {2, 3}) {
            DenseQuasiNewton many =
                    new DenseQuasiNewton(u, SETTINGS).maxIterations(40).threads(threads);
            LbfgsResult b = many.minimize(WIDE, start, null);
            assertArrayEquals(a.x(), b.x(), 0.0, threads + " threads");
            assertArrayEquals(one.inverseHessian(), many.inverseHessian(), 0.0, threads + " threads: H");
        }
    }
    /** A state at x with gradient g and inverse-Hessian estimate h (row-major), {@code updates} updates in. */
    private static OptimizerState state(String kind, double[] x, double[] g, double[] h, long updates) {
        java.util.Map<String, Long> counters = new java.util.LinkedHashMap<>();
        counters.put("dimension", (long) x.length);
        counters.put("iterations", 3L);
        counters.put("evaluations", 4L);
        counters.put("smallChanges", 0L);
        counters.put("updates", updates);
        java.util.Map<String, Double> scalars = new java.util.LinkedHashMap<>();
        scalars.put("value", 1.0);
        scalars.put("gradientScale", 1.0);
        java.util.Map<String, double[]> arrays = new java.util.LinkedHashMap<>();
        arrays.put("x", x);
        arrays.put("g", g);
        arrays.put("H", h);
        double[] hg = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                hg[i] += h[i * x.length + j] * g[j];
            }
        }
        arrays.put("Hg", hg);
        return new OptimizerState(kind, counters, scalars, arrays);
    }

    @org.junit.jupiter.api.Test
    void theCholeskyTestTellsPositiveDefiniteFromIndefiniteAndLeavesHAsItWas() {
        int n = 7;
        java.util.Random random = new java.util.Random(7);
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[] spd = new double[n * n]; // A A^T + 0.1 I: positive definite
        double[] indefinite = new double[n * n]; // A A^T - 0.1 I with one of its eigenvalues pushed below zero
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += a[i][k] * a[j][k];
                }
                spd[i * n + j] = dot + (i == j ? 0.1 : 0);
            }
        }
        double smallest =
                new org.apache.commons.math3.linear.EigenDecomposition(matrix(spd, n)).getRealEigenvalues()[n - 1];
        for (int i = 0; i < n * n; i++) {
            indefinite[i] = spd[i] - (i % (n + 1) == 0 ? smallest + 0.05 : 0);
        }
        DenseQuasiNewton q = new DenseQuasiNewton(DenseQuasiNewton.Update.BFGS, SETTINGS);
        q.importState(state("bfgs", new double[n], new double[n], spd, 3));
        assertTrue(q.positiveDefinite());
        assertArrayEquals(spd, q.inverseHessian(), 0.0, "H after the test");
        q.importState(state("bfgs", new double[n], new double[n], indefinite, 3));
        assertTrue(!q.positiveDefinite(), "smallest eigenvalue of the spd matrix " + smallest);
        assertArrayEquals(indefinite, q.inverseHessian(), 0.0, "H after a failed test");
    }

    /**
     * f = (x1^2 + 2 x2^2 + 3 x3^2) / 2 from x = (1, 1, 0) with H = diag(1, 1, -1e6): the step and the gradient change
     * have no third component, so the update keeps H's -1e6 and only the Cholesky test can find it.
     */
    @ParameterizedTest
    @EnumSource(DenseQuasiNewton.Update.class)
    void anIndefiniteHIsResetToTheIdentityAtTheCholeskyTest(DenseQuasiNewton.Update u) {
        Objective quadratic = new Objective() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < 3; i++) {
                    g[i] = (i + 1) * x[i];
                    f += 0.5 * (i + 1) * x[i] * x[i];
                }
                return f;
            }
        };
        double[] x = {1, 1, 0};
        double[] g = {1, 2, 0};
        double[] h = {1, 0, 0, 0, 1, 0, 0, 0, -1e6};
        String kind = u == DenseQuasiNewton.Update.BFGS ? "bfgs" : "ssbroyden";
        QuasiNewtonSettings never = SETTINGS.withPositiveDefiniteCheckEvery(0);
        QuasiNewtonSettings everyUpdate = SETTINGS.withPositiveDefiniteCheckEvery(1);
        DenseQuasiNewton unchecked = new DenseQuasiNewton(u, never);
        unchecked.importState(state(kind, x, g, h, 5));
        unchecked.resume(quadratic, (iteration, value, gradientNorm) -> false);
        assertTrue(unchecked.inverseHessian()[8] < 0, "without the test H keeps its negative entry");
        DenseQuasiNewton checked = new DenseQuasiNewton(u, everyUpdate);
        checked.importState(state(kind, x, g, h, 5));
        checked.resume(quadratic, (iteration, value, gradientNorm) -> false);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, checked.inverseHessian(), 0.0);
    }
    /**
     * The direction comes from H g carried by the rank-two formulas, not from a product with the updated H: after
     * 30 iterations in 300-D it must still agree with H g computed directly (Commons Math) to round-off.
     */
    @ParameterizedTest
    @EnumSource(DenseQuasiNewton.Update.class)
    void theCarriedProductHgIsHTimesG(DenseQuasiNewton.Update u) {
        double[] start = new double[300];
        for (int i = 0; i < start.length; i++) {
            start[i] = i % 2 == 0 ? -1.2 + 0.001 * i : 1.0;
        }
        DenseQuasiNewton q = new DenseQuasiNewton(u, SETTINGS).maxIterations(30);
        q.minimize(WIDE, start, null);
        OptimizerState st = q.exportState();
        RealVector direct = matrix(st.array("H"), 300).operate(new ArrayRealVector(st.array("g")));
        RealVector carried = new ArrayRealVector(st.array("Hg"));
        // relative to |H| |g|: a few hundred roundings of O(1e-16) each
        double scale = matrix(st.array("H"), 300).getFrobeniusNorm() * new ArrayRealVector(st.array("g")).getNorm();
        assertEquals(0.0, direct.subtract(carried).getNorm() / scale, 1e-13, u.toString());
        assertTrue(direct.getNorm() > 0);
    }

    @org.junit.jupiter.api.Test
    void wolfeConstantsOutOfOrderAreRefusedWithBothValues() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> SETTINGS.withWolfe(0.9, 0.1));
        assertEquals("quasi-Newton: the Wolfe constants need 0 < c1 < c2 < 1, got 0.9 and 0.1", e.getMessage());
    }
    /**
     * A restart on the same objective re-evaluates the same value and gradient and keeps the curvature memory, so
     * the run goes on as without it (one evaluation more): L-BFGS bit for bit; a dense method to round-off, since
     * the restart computes H g by a product where the uninterrupted run carries it by the update formula (1e-9:
     * measured differences are ~1e-11, while dropping H moves the 25th iterate by more than 1e-3).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lbfgs", "bfgs", "ssbroyden"})
    void aRestartOnTheSameObjectiveCarriesTheMemoryOver(String method) {
        java.util.function.Supplier<QuasiNewtonMethod> make = () -> switch (method) {
            case "lbfgs" -> new Lbfgs().maxIterations(25);
            case "bfgs" -> new DenseQuasiNewton(DenseQuasiNewton.Update.BFGS, SETTINGS).maxIterations(25);
            default -> new DenseQuasiNewton(DenseQuasiNewton.Update.SSBROYDEN, SETTINGS).maxIterations(25);
        };
        TestFunctions.Rosenbrock f = new TestFunctions.Rosenbrock();
        double[] start = {-1.2, 1.0};
        LbfgsResult straight = make.get().minimize(f, start, null);
        QuasiNewtonMethod restarted = make.get();
        restarted.minimize(f, start, (iteration, value, gradientNorm) -> iteration < 10);
        assertTrue(restarted.restart(f));
        LbfgsResult after = restarted.resume(f, null);
        assertArrayEquals(straight.x(), after.x(), method.equals("lbfgs") ? 0.0 : 1e-9);
        assertEquals(straight.iterations(), after.iterations());
        assertEquals(straight.evaluations() + 1, after.evaluations(), "the restart's evaluation is counted");
        double[] at10 = make.get()
                .minimize(f, start, (iteration, value, gradientNorm) -> iteration < 10)
                .x();
        double[] dropped = make.get()
                .minimize(f, at10, (iteration, value, gradientNorm) -> iteration < 15)
                .x();
        assertTrue(
                Math.abs(dropped[0] - straight.x()[0]) > 1e-3,
                "without the memory the path differs: " + dropped[0] + " vs " + straight.x()[0]);
    }
}
