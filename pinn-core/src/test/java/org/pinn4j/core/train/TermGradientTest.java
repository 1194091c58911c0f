package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.MultiIndex;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.loss.PointLoss;

/**
 * A loss term built from the residual DSL (with an output transform, a source term, a data column and a
 * trainable coefficient) against central finite differences of the same term, for every network
 * parameter and the coefficient.
 */
class TermGradientTest {
    @Test
    void termGradientIncludingACoefficientMatchesFiniteDifferences() {
        Scope s = Scope.create(List.of("x", "t"), List.of("u"), List.of("lambda"), List.of("w"));
        // u = (1 + t) * N + sin(x): exercises symbolic product and chain rules through d()
        s.defineOutput(
                "u",
                s.input("t")
                        .plus(1)
                        .times(s.networkOutput("u"))
                        .plus(s.input("x").sin()));
        Field u = s.output("u");
        Field residual = u.d("t")
                .plus(u.times(u.d("x")))
                .minus(u.d("x", "x").times(s.coefficient("lambda")))
                .minus(s.source("q", p -> Math.cos(p[0]) * p[1]))
                .times(s.column("w"));
        Program program = Program.compile(List.of(residual, u.d("x", "t")));
        // u_t, u_x, u_xx, u_xt of the transformed u need N, N_t, N_x, N_xx, N_xt and nothing else
        assertEquals(
                java.util.Set.of(
                        MultiIndex.of(0, 0),
                        MultiIndex.of(0, 1),
                        MultiIndex.of(1, 0),
                        MultiIndex.of(1, 1),
                        MultiIndex.of(2, 0)),
                program.derivatives());

        NetworkSpec spec =
                NetworkSpec.mlp(new int[] {2, 6, 6, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 2});
        SplittableRandom rng = new SplittableRandom(4);
        double[] params = new double[spec.parameterCount() + 1];
        for (int j = 0; j < params.length; j++) {
            params[j] = 0.5 * (rng.nextDouble() - 0.5);
        }
        params[spec.parameterCount()] = 0.03;
        int n = 23;
        double[][] pts = new double[2][n];
        double[][] cols = new double[1][n];
        for (int p = 0; p < n; p++) {
            pts[0][p] = -1 + 2 * rng.nextDouble();
            pts[1][p] = 2 * rng.nextDouble();
            cols[0][p] = 0.5 + rng.nextDouble();
        }
        PointTerm term = new PointTerm(
                "pde", 1.0, new BoundProgram(program, spec, 8, spec.parameterCount()), PointLoss.mse(), new int[0]);
        term.setPoints(pts, cols, n);
        try (BatchEvaluator eval = new BatchEvaluator(1, 10)) {
            assertTrue(term.evaluate(eval, params, null, 1.0) > 0);
            assertGradientMatchesDifferences(term, eval, params, spec.parameterCount());
        }
    }

    /**
     * The term's gradient against central differences with h = 1e-6: truncation ~1e-12, rounding ~1e-10 of the
     * value, so each component must agree to 1e-6 of the gradient's max norm (parameters from {@code network} on
     * are coefficients).
     */
    private static void assertGradientMatchesDifferences(
            PointTerm term, BatchEvaluator eval, double[] params, int network) {
        double[] grad = new double[params.length];
        term.evaluate(eval, params, grad, 1.0);
        double max = 0;
        for (double g : grad) {
            max = Math.max(max, Math.abs(g));
        }
        double h = 1e-6;
        for (int j = 0; j < params.length; j++) {
            double keep = params[j];
            params[j] = keep + h;
            double fp = term.evaluate(eval, params, null, 1.0);
            params[j] = keep - h;
            double fm = term.evaluate(eval, params, null, 1.0);
            params[j] = keep;
            assertEquals(
                    (fp - fm) / (2 * h),
                    grad[j],
                    1e-6 * max,
                    "parameter " + j + (j >= network ? " (coefficient)" : ""));
        }
    }

    /**
     * With attention multipliers lambda_p the term is mean_p sum_k (lambda_p e_k(p))^2: against the unweighted
     * per-point scores sum_k e_k(p)^2 (to 1e-14 relative: the same numbers summed in another order), its residual
     * norms against their square roots, and its gradient against central differences as above.
     */
    @Test
    void weightedTermIsTheMeanOfTheWeightedSquaresAndItsGradientMatches() {
        Scope s = Scope.create(List.of("x", "t"), List.of("u"), List.of(), List.of());
        Field u = s.output("u");
        Program program = Program.compile(
                List.of(u.d("t").plus(u.times(u.d("x"))).minus(u.d("x", "x").times(0.01)), u));
        NetworkSpec spec =
                NetworkSpec.mlp(new int[] {2, 6, 6, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1});
        SplittableRandom rng = new SplittableRandom(5);
        double[] params = new double[spec.parameterCount()];
        for (int j = 0; j < params.length; j++) {
            params[j] = 0.8 * (rng.nextDouble() - 0.5);
        }
        int n = 19;
        double[][] pts = new double[2][n];
        double[] lambda = new double[n];
        for (int p = 0; p < n; p++) {
            pts[0][p] = -1 + 2 * rng.nextDouble();
            pts[1][p] = rng.nextDouble();
            lambda[p] = 0.2 + 3 * rng.nextDouble();
        }
        PointTerm term = new PointTerm(
                "pde", 1.0, new BoundProgram(program, spec, 8, spec.parameterCount()), PointLoss.mse(), new int[0]);
        term.setPoints(pts, null, n);
        try (BatchEvaluator eval = new BatchEvaluator(1, 10)) {
            double[] scores = term.pointScores(eval, params);
            double expected = 0;
            for (int p = 0; p < n; p++) {
                expected += lambda[p] * lambda[p] * scores[p];
            }
            expected /= n;
            term.setMultipliers(lambda);
            double[] grad = new double[params.length];
            assertEquals(expected, term.evaluate(eval, params, grad, 1.0), 1e-14 * expected);
            for (int p = 0; p < n; p++) {
                assertEquals(Math.sqrt(scores[p]), term.residualNorms()[p], 1e-15 * Math.sqrt(scores[p]));
            }
            assertGradientMatchesDifferences(term, eval, params, params.length);
            term.setPoints(pts, null, n);
            assertEquals(
                    java.util.Arrays.stream(scores).sum() / n,
                    term.evaluate(eval, params, null, 1.0),
                    1e-14,
                    "new points clear the multipliers");
        }
    }
}
