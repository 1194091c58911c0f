package org.pinn4j.validation.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;
import org.pinn4j.validation.metrics.Metrics;
import org.pinn4j.validation.reference.References;

/**
 * One quick (reduced-budget) solve of every catalogue problem, seed 0, compared with its reference on
 * its evaluation grid. The tolerances are what the quick recipes reach with margin (measured values in
 * the comments of {@link #TOLERANCES}); they show the method works end to end, not the full recipes'
 * accuracy, which the benchmark runner reports.
 */
class QuickSolveTest {
    /**
     * Relative L2 tolerance per problem (all outputs pooled); for inverse problems the tolerance on the
     * largest relative coefficient error instead.
     */
    static final Map<String, Double> TOLERANCES = new LinkedHashMap<>();

    static {
        // measured with seed 0 on the 2-core build machine (the result does not depend on the thread
        // count). Rounding-level changes move these numbers: changing only the evaluator's chunk size (the
        // order of the gradient sums) moved helmholtz-2d from 1.4e-2 to 2.0e-2 and lorenz s from 0.76% to
        // 0.97%, so each tolerance is 2-3 times the measured value
        TOLERANCES.put("burgers", 0.3); // 0.147 (4 x 20, 500 Adam + 500 L-BFGS; full recipe 2.5e-4)
        TOLERANCES.put(
                "burgers-inverse", 0.03); // lambda1 0.052%, lambda2 0.85% (lambda2 scaled by 0.01; unscaled it was 24%)
        TOLERANCES.put("black-scholes", 5e-3); // 2.4e-3
        TOLERANCES.put("oscillator", 2e-3); // 6.6e-4
        TOLERANCES.put("poisson-1d", 2e-4); // 6.4e-5
        TOLERANCES.put("poisson-2d", 3e-5); // 8.5e-6 (1.1e-5)
        TOLERANCES.put("poisson-lshape", 0.12); // 5.6e-2 (the corner singularity)
        TOLERANCES.put("heat-1d", 2e-5); // 6.2e-6
        TOLERANCES.put("wave-1d", 0.6); // 0.29 (the quick budget does not resolve the 4 periods in t)
        TOLERANCES.put("helmholtz-2d", 5e-2); // 2.0e-2 (1.4e-2)
        TOLERANCES.put("allen-cahn", 0.3); // 0.125 (periodic input, 500 + 500 steps: the interfaces not yet sharp)
        TOLERANCES.put("lorenz-inverse", 3e-2); // s 0.97%, r 0.16%, b 0.47%
        TOLERANCES.put("poisson-disk", 1.5e-3); // 5.0e-4 (3.5e-4)
        TOLERANCES.put("poisson-3d", 2e-2); // 6.4e-3
        // 1.4e-4; shorter quasi-Newton phases (1,000-1,500 iterations) stay near the fixed point at 0.25-0.88, so the
        // bound is wide of the figure and far below a failed run
        TOLERANCES.put("lotka-volterra", 1e-2);
        TOLERANCES.put("kdv", 3e-2); // 1.2e-2
        TOLERANCES.put("kdv-inverse", 3e-3); // lambda1 0.095%, lambda2 0.099%
        TOLERANCES.put("schrodinger", 0.3); // 0.124 (500 + 500 steps; 2 sech(x) fitted by a periodic network)
        TOLERANCES.put("kovasznay", 5e-3); // 1.6e-3
        TOLERANCES.put("klein-gordon", 1e-3); // 3.9e-4
        // 0.80: the quick budget does not leave the failure mode (the default recipe does: 4.0e-5); the bound is the
        // error of predicting u = 0, so the check is only that training ends with a better field than none
        TOLERANCES.put("convection", 1.0);
        // 0.33 (u, v; 3 x 20, 500 + 500 steps: the vortex is there, its centre-line profiles still off by up to 0.12);
        // u = v = 0 would score 1.0
        TOLERANCES.put("lid-driven-cavity", 0.6);
    }

    static Stream<String> problems() {
        return TOLERANCES.keySet().stream();
    }

    @Test
    void everyCatalogueProblemHasAQuickSolve() {
        List<String> names = new ArrayList<>(Catalogue.names());
        names.remove(CatalogueNamesTest.EXERCISE); // its quick solve is the exercise's own test
        names.remove(CatalogueNamesTest.ONE_NEURON);
        assertEquals(names, new ArrayList<>(TOLERANCES.keySet()));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void quickRecipeSolves(String name) {
        BenchmarkProblem bp = Catalogue.get(name);
        ProblemContext ctx = References.contextFor(bp, 0, 0.0, true);
        Reference ref = ctx.reference().orElseThrow();
        TrainingResult r = Trainer.train(bp.problem(ctx), bp.recipe(true));
        assertTrue(r.ok(), name + ": " + r.message());
        double tol = TOLERANCES.get(name);
        if (!bp.trueCoefficients().isEmpty()) {
            Map<String, Double> found = r.model().coefficients();
            for (Map.Entry<String, Double> e : bp.trueCoefficients().entrySet()) {
                double err = Math.abs(found.get(e.getKey()) - e.getValue()) / Math.abs(e.getValue());
                System.out.println(
                        "QUICK " + name + " " + e.getKey() + " rel err " + err + " in " + r.seconds() + " s");
                assertTrue(
                        err <= tol,
                        name + ": " + e.getKey() + " = " + found.get(e.getKey()) + ", relative error " + err);
            }
            return;
        }
        double[][] pts = bp.evaluationGrid().points();
        double[][] all = r.model().predict(pts);
        List<String> outputs = r.model().problem().outputs();
        double[][] pred = bp.measuredOutputs(r.model().problem()).stream()
                .map(o -> all[outputs.indexOf(o)])
                .toArray(double[][]::new);
        double[][] exact = ref.values(pts);
        double err = Metrics.relativeL2(flatten(pred), flatten(exact));
        System.out.println("QUICK " + name + " rel L2 " + err + " in " + r.seconds() + " s");
        assertTrue(err <= tol, name + ": quick rel L2 " + err + " > " + tol + " (" + r.seconds() + " s)");
    }

    static double[] flatten(double[][] a) {
        int n = 0;
        for (double[] r : a) {
            n += r.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] r : a) {
            System.arraycopy(r, 0, out, k, r.length);
            k += r.length;
        }
        return out;
    }
}
