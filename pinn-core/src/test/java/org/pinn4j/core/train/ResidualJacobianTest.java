package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.loss.PointLoss;

/**
 * The residual vector of a loss term and its Jacobian from the engine's per-point reverse sweep: against
 * central finite differences of the residuals, against the term's summed gradient (2 J^T r), bit-identical for
 * one and two threads; a periodic pair's residual is the difference of its two sides.
 */
class ResidualJacobianTest {
    private static final NetworkSpec SPEC =
            NetworkSpec.mlp(new int[] {2, 7, 5, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 2});

    /** A Burgers-like residual with second derivatives and a coefficient, and a second expression u_xt. */
    private static PointTerm pdeTerm(double weight) {
        Scope s = Scope.create(List.of("x", "t"), List.of("u"), List.of("lambda"), List.of("w"));
        s.defineOutput(
                "u", s.input("t").times(s.networkOutput("u")).plus(s.input("x").sin()));
        Field u = s.output("u");
        Field residual = u.d("t")
                .plus(u.times(u.d("x")))
                .minus(u.d("x", "x").times(s.coefficient("lambda")))
                .times(s.column("w"));
        Program program = Program.compile(List.of(residual, u.d("x", "t")));
        return new PointTerm(
                "pde", weight, new BoundProgram(program, SPEC, 8, SPEC.parameterCount()), PointLoss.mse(), new int[0]);
    }

    /** A data term: u minus measured values (a column); it does not read the coefficient. */
    private static PointTerm dataTerm(double weight) {
        Scope s = Scope.create(List.of("x", "t"), List.of("u"), List.of("lambda"), List.of("d"));
        Program program = Program.compile(List.of(s.networkOutput("u").minus(s.column("d"))));
        return new PointTerm(
                "data", weight, new BoundProgram(program, SPEC, 8, SPEC.parameterCount()), PointLoss.mse(), new int[0]);
    }

    private static double[] parameters(SplittableRandom rng) {
        double[] params = new double[SPEC.parameterCount() + 1];
        for (int j = 0; j < params.length; j++) {
            params[j] = 0.6 * (rng.nextDouble() - 0.5);
        }
        params[SPEC.parameterCount()] = 0.05;
        return params;
    }

    private static void setPoints(PointTerm term, SplittableRandom rng, int n) {
        double[][] pts = new double[2][n];
        double[][] cols = new double[1][n];
        for (int p = 0; p < n; p++) {
            pts[0][p] = -1 + 2 * rng.nextDouble();
            pts[1][p] = 2 * rng.nextDouble();
            cols[0][p] = 0.5 + rng.nextDouble();
        }
        term.setPoints(pts, cols, n);
    }

    @Test
    void jacobianMatchesFiniteDifferencesAndTheSummedGradient() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] params = parameters(rng);
        for (PointTerm term : List.of(pdeTerm(0.7), dataTerm(3.0))) {
            setPoints(term, rng, 29); // 29 points: tiles of 8 and chunks of 10 end part-filled
            int m = term.residualCount();
            int cols = params.length;
            double[] r = new double[m];
            double[] jt = new double[m * cols];
            try (BatchEvaluator eval = new BatchEvaluator(1, 10)) {
                term.residuals(eval, params, term.weight(), r, jt, m, 0);

                // |r|^2 is the weighted loss, 2 J^T r its gradient (the summed reverse sweep): equal to round-off
                double[] grad = new double[cols];
                double loss = term.weight() * term.evaluate(eval, params, grad, term.weight());
                double sq = 0;
                for (double v : r) {
                    sq += v * v;
                }
                assertEquals(loss, sq, 1e-13 * loss, term.name());
                double gmax = Arrays.stream(grad).map(Math::abs).max().orElseThrow();
                for (int j = 0; j < cols; j++) {
                    double jtr = 0;
                    for (int i = 0; i < m; i++) {
                        jtr += jt[j * m + i] * r[i];
                    }
                    // two summation orders of the same products: 1e-12 of the largest component
                    assertEquals(grad[j], 2 * jtr, 1e-12 * gmax, term.name() + " column " + j);
                }

                // every entry against central differences of the residuals (h = 1e-6: truncation ~1e-12,
                // rounding ~1e-10 relative to the residuals, so 1e-6 of the largest entry of the column's scale)
                double h = 1e-6;
                double[] rp = new double[m];
                double[] rm = new double[m];
                double jmax = Arrays.stream(jt).map(Math::abs).max().orElseThrow();
                for (int j = 0; j < cols; j++) {
                    double keep = params[j];
                    params[j] = keep + h;
                    term.residuals(eval, params, term.weight(), rp, null, m, 0);
                    params[j] = keep - h;
                    term.residuals(eval, params, term.weight(), rm, null, m, 0);
                    params[j] = keep;
                    for (int i = 0; i < m; i++) {
                        assertEquals(
                                (rp[i] - rm[i]) / (2 * h),
                                jt[j * m + i],
                                1e-6 * jmax,
                                term.name() + " row " + i + " column " + j);
                    }
                }
            }
            if (term.name().equals("data")) {
                // the data term does not read lambda: its column is zero
                for (int i = 0; i < m; i++) {
                    assertEquals(0.0, jt[SPEC.parameterCount() * m + i], term.name());
                }
            }
        }
    }

    @Test
    void theJacobianIsTheSameBitsOnOneAndTwoThreadsAndAtAnyRowOffset() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] params = parameters(rng);
        PointTerm term = pdeTerm(1.3);
        setPoints(term, rng, 300);
        int m = term.residualCount();
        int rows = m + 5;
        double[] r1 = new double[rows];
        double[] j1 = new double[rows * params.length];
        double[] r2 = new double[rows];
        double[] j2 = new double[rows * params.length];
        try (BatchEvaluator one = new BatchEvaluator(1, 16);
                BatchEvaluator two = new BatchEvaluator(2, 16)) {
            term.residuals(one, params, term.weight(), r1, j1, rows, 5);
            term.residuals(two, params, term.weight(), r2, j2, rows, 5);
        }
        assertArrayEquals(r1, r2, 0.0);
        assertArrayEquals(j1, j2, 0.0);
        for (int j = 0; j < params.length; j++) {
            for (int i = 0; i < 5; i++) {
                assertEquals(0.0, j1[j * rows + i], "rows before row0 untouched");
            }
        }
    }

    @Test
    void blocksOfRowsGiveTheWholeJacobiansBits() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] params = parameters(rng);
        PointTerm term = pdeTerm(0.9); // two expressions: rows 0..28 are the first's, 29..57 the second's
        setPoints(term, rng, 29);
        int m = term.residualCount();
        double[] whole = new double[m * params.length];
        try (BatchEvaluator eval = new BatchEvaluator(2, 10)) {
            term.residuals(eval, params, term.weight(), new double[m], whole, m, 0);
            for (int block : new int[] {7, 29, 40}) {
                for (int from = 0; from < m; from += block) {
                    int rows = Math.min(block, m - from);
                    double[] jt = new double[rows * params.length];
                    term.jacobianRows(eval, params, term.weight(), from, from + rows, jt, rows, 0);
                    for (int j = 0; j < params.length; j++) {
                        for (int i = 0; i < rows; i++) {
                            assertEquals(whole[j * m + from + i], jt[j * rows + i], 0.0, "row " + (from + i));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aPeriodicPairsResidualIsTheDifferenceOfItsSides() {
        Scope s = Scope.create(List.of("x", "t"), List.of("u"), List.of(), List.of());
        Field u = s.output("u");
        Program program = Program.compile(List.of(u.d("x")));
        PeriodicTerm term = new PeriodicTerm(new BoundProgram(program, SPEC, 8, SPEC.parameterCount()), 0, -1, 1);
        SplittableRandom rng = new SplittableRandom(8);
        double[] params = parameters(rng);
        int n = 13;
        double[][] lo = new double[2][n];
        double[][] hi = new double[2][n];
        for (int p = 0; p < n; p++) {
            lo[0][p] = -1;
            hi[0][p] = 1;
            lo[1][p] = hi[1][p] = 2 * rng.nextDouble();
        }
        term.setPoints(lo, hi, n);
        int m = term.residualCount();
        double[] r = new double[m];
        double[] jt = new double[m * params.length];
        try (BatchEvaluator eval = new BatchEvaluator(2, 10)) {
            term.residuals(eval, params, 2.0, r, jt, m, 0);
            double[] grad = new double[params.length];
            double loss = 2.0 * term.evaluate(eval, params, grad, 2.0);
            double sq = 0;
            for (double v : r) {
                sq += v * v;
            }
            assertEquals(loss, sq, 1e-13 * loss);
            double gmax = Arrays.stream(grad).map(Math::abs).max().orElseThrow();
            assertTrue(gmax > 0);
            for (int j = 0; j < params.length; j++) {
                double jtr = 0;
                for (int i = 0; i < m; i++) {
                    jtr += jt[j * m + i] * r[i];
                }
                assertEquals(grad[j], 2 * jtr, 1e-12 * gmax, "column " + j);
            }
            double[] part = new double[5 * params.length];
            term.jacobianRows(eval, params, 2.0, 4, 9, part, 5, 0);
            for (int j = 0; j < params.length; j++) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(jt[j * m + 4 + i], part[j * 5 + i], 0.0);
                }
            }
        }
    }

    @Test
    void aLossThatIsNotASumOfSquaresHasNoResiduals() {
        Scope s = Scope.create(List.of("x", "t"), List.of("u"), List.of(), List.of());
        Program program = Program.compile(List.of(s.output("u")));
        PointTerm term = new PointTerm(
                "mae", 1, new BoundProgram(program, SPEC, 8, SPEC.parameterCount()), PointLoss.mae(), new int[0]);
        setPoints(term, new SplittableRandom(1), 4);
        try (BatchEvaluator eval = new BatchEvaluator(1)) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> term.residuals(eval, new double[SPEC.parameterCount()], 1, new double[4], null, 4, 0));
            assertTrue(e.getMessage().contains("MAE"), e.getMessage());
        }
    }
}
