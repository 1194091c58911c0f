package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The evaluator's per-loss scratch cache stays the same size over a long run: the terms of an Allen-Cahn-like
 * problem (a residual and two periodic conditions, on u and on u_x) run what a training step runs (the loss
 * and gradient of every term; a periodic term makes four passes) plus refinement scores and residual values,
 * 4,000 times on one evaluator. Each bound program has one kernel, so the cache holds three entries from step
 * 1 to step 4,000; before, every periodic pass and every score made a new loss, and the cache (with its
 * scratch buffers) grew by eight entries per step, about 10 MB per 1,000 steps of live heap.
 */
class ScratchCacheTest {
    @Test
    void cacheHoldsOneEntryPerTermFromStepOneToStepFourThousand() {
        NetworkSpec spec =
                NetworkSpec.mlp(new int[] {2, 8, 8, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1});
        int offset = spec.parameterCount();
        Scope s = Scope.create(List.of("x", "t"), List.of("u"), List.of(), List.of());
        Field u = s.output("u");
        Program residual = Program.compile(List.of(u.d("t")
                .minus(u.d("x", "x").times(1e-4))
                .plus(u.times(u).times(u).minus(u).times(5))));
        PointTerm pde =
                new PointTerm("pde", 1.0, new BoundProgram(residual, spec, 16, offset), PointLoss.mse(), new int[0]);
        PeriodicTerm periodicU =
                new PeriodicTerm(new BoundProgram(Program.compile(List.of(u)), spec, 16, offset), 0, -1, 1);
        PeriodicTerm periodicUx =
                new PeriodicTerm(new BoundProgram(Program.compile(List.of(u.d("x"))), spec, 16, offset), 0, -1, 1);

        SplittableRandom rng = new SplittableRandom(11);
        double[] params = new double[offset];
        for (int j = 0; j < params.length; j++) {
            params[j] = 0.4 * (rng.nextDouble() - 0.5);
        }
        int n = 40;
        double[][] interior = new double[2][n];
        double[][] lower = new double[2][n];
        double[][] upper = new double[2][n];
        for (int p = 0; p < n; p++) {
            interior[0][p] = -1 + 2 * rng.nextDouble();
            interior[1][p] = rng.nextDouble();
            lower[0][p] = -1;
            upper[0][p] = 1;
            lower[1][p] = upper[1][p] = rng.nextDouble();
        }
        pde.setPoints(interior, new double[0][], n);
        periodicU.setPoints(lower, upper, n);
        periodicUx.setPoints(lower, upper, n);

        double[] grad = new double[params.length];
        try (BatchEvaluator evaluator = new BatchEvaluator(2, 16)) {
            int afterFirstStep = -1;
            for (int step = 1; step <= 4000; step++) {
                pde.evaluate(evaluator, params, grad, 1.0);
                periodicU.evaluate(evaluator, params, grad, 1.0);
                periodicUx.evaluate(evaluator, params, grad, 1.0);
                pde.pointScores(evaluator, params);
                pde.pointValues(evaluator, params);
                if (step == 1) {
                    afterFirstStep = evaluator.cachedLosses();
                    assertEquals(3, afterFirstStep, "one cached kernel per term");
                }
            }
            assertEquals(afterFirstStep, evaluator.cachedLosses(), "cache size at step 4,000");
        }
    }
}
