package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.sampling.PointSet;

/** Residual-based refinement, learning-rate-annealing weights and the validation curve. */
class TrainerFeaturesTest {
    static Recipe refining() {
        return Recipe.of(NetworkConfig.mlp(2, 12), Phase.adam(60, 5e-3).refine("pde", 20, 400, 25))
                .withSeed(5)
                .withAdaptiveWeights(10, 0.5);
    }

    @Test
    void refinementGrowsTheResidualPointsAndAnnealingMovesTheWeights() {
        Trainer t = new Trainer(TrainerBehaviourTest.heat(0.1, false), refining());
        int before = t.pointsOf("pde").size();
        TrainingResult r = t.train();
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        // refinements at steps 20 and 40 of 60 (not at 0): two times 25 points
        assertEquals(before + 50, t.pointsOf("pde").size());
        double[] w = t.weights();
        assertEquals(1.0, w[0], 0.0, "the residual keeps its weight");
        assertNotEquals(1.0, w[1], "the initial-condition weight was adapted");
        assertTrue(Double.isFinite(w[1]) && w[1] > 0 && Double.isFinite(w[2]) && w[2] > 0);
    }

    @Test
    void refinementAndAnnealingSurviveAResume(@TempDir Path dir) {
        TrainingResult full = Trainer.train(TrainerBehaviourTest.heat(0.1, false), refining());
        Path ckpt = dir.resolve("c.json");
        new Trainer(TrainerBehaviourTest.heat(0.1, false), refining(), CheckpointResumeTest.stopAt(47))
                .checkpointEvery(15, new CheckpointFile(ckpt))
                .train();
        TrainingResult resumed = Trainer.resume(
                        TrainerBehaviourTest.heat(0.1, false), refining(), new CheckpointFile(ckpt))
                .train();
        assertArrayEquals(full.model().parameters(), resumed.model().parameters(), 0.0);
    }

    @Test
    void validationCurveIsRecordedAtItsIntervalAndFalls() {
        // -u'' = pi^2 sin(pi x), u(+-1) = 0: held-out points of the exact solution sin(pi x)
        int n = 101;
        double[][] pts = new double[1][n];
        double[] u = new double[n];
        for (int p = 0; p < n; p++) {
            pts[0][p] = -1 + 2.0 * p / (n - 1);
            u[p] = Math.sin(Math.PI * pts[0][p]);
        }
        org.pinn4j.core.problem.Problem problem = HeldOutTest.poisson();
        Recipe recipe =
                Recipe.of(NetworkConfig.mlp(2, 16), Phase.adam(300, 1e-2)).withSeed(2);
        TrainingResult r = new Trainer(problem, recipe)
                .validation(new PointSet(pts), new double[][] {u}, 50)
                .train();
        double[] v = r.history().validation();
        int recorded = 0;
        for (int k = 0; k < v.length; k++) {
            boolean due = (k + 1) % 50 == 0 || k + 1 == v.length;
            assertEquals(due, !Double.isNaN(v[k]), "validation at step " + (k + 1));
            recorded += due ? 1 : 0;
        }
        assertEquals(6, recorded);
        assertTrue(v[v.length - 1] < v[49] / 5, "validation error falls: " + v[49] + " -> " + v[v.length - 1]);
    }

    @Test
    void validationOfSomeOutputsIsTheirMeanSquaredError() {
        // two outputs; validation does not change training, so runs with the same seed share their parameters at
        // every step. The error of all outputs (the existing path) is the mean of the errors of each output alone,
        // and naming the outputs in another order changes nothing: equal to rounding (1e-15 relative)
        org.pinn4j.core.problem.Problem problem = org.pinn4j.core.problem.Problem.builder("two")
                .inputs("x")
                .outputs("a", "b")
                .domain(new org.pinn4j.core.geometry.Interval(0, 1))
                .condition(org.pinn4j.core.problem.Conditions.pde(
                        "a", s -> s.output("a").d("x").minus(s.output("b"))))
                .condition(org.pinn4j.core.problem.Conditions.pde(
                        "b", s -> s.output("b").minus(s.input("x"))))
                .build();
        double[][] pts = {{0.1, 0.4, 0.8}};
        double[] a = {0.5, 0.1, -0.4};
        double[] b = {0.3, -0.2, 0.9};
        Recipe recipe = Recipe.of(NetworkConfig.mlp(1, 6), Phase.adam(5, 1e-2)).withSeed(3);
        java.util.function.BiFunction<java.util.List<String>, double[][], double[]> curve =
                (outputs, values) -> new Trainer(problem, recipe)
                        .validation(new PointSet(pts), outputs, values, 1, 0)
                        .train()
                        .history()
                        .validation();
        double[] onlyA = curve.apply(java.util.List.of("a"), new double[][] {a});
        double[] onlyB = curve.apply(java.util.List.of("b"), new double[][] {b});
        double[] both = new Trainer(problem, recipe)
                .validation(new PointSet(pts), new double[][] {a, b}, 1)
                .train()
                .history()
                .validation();
        double[] reversed = curve.apply(java.util.List.of("b", "a"), new double[][] {b, a});
        assertEquals(5, both.length);
        for (int k = 0; k < both.length; k++) {
            assertNotEquals(onlyA[k], onlyB[k], "the two outputs have different errors");
            assertEquals((onlyA[k] + onlyB[k]) / 2, both[k], 1e-15 * both[k], "step " + (k + 1));
            assertEquals(both[k], reversed[k], 1e-15 * both[k], "step " + (k + 1));
        }
        Trainer t = new Trainer(problem, recipe);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> t.validation(new PointSet(pts), java.util.List.of("c"), new double[][] {b}, 1, 0));
        assertEquals(
                "validation outputs [c] must be distinct names among the problem's outputs [a, b]", e.getMessage());
    }

    @Test
    void likelyMistakesAreWarnedAboutNotRefused() {
        org.pinn4j.core.problem.Problem poisson = HeldOutTest.poisson();
        Recipe tanh = Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(1, 1e-3));
        Recipe relu =
                Recipe.of(NetworkConfig.mlp(2, 8).activation(org.pinn4j.autodiff.Activation.RELU), Phase.adam(1, 1e-3));
        assertEquals(java.util.List.of(), new Trainer(poisson, tanh).warnings());
        assertEquals(
                java.util.List.of("condition 'pde' uses derivatives of order 2, but the network has relu layers, whose"
                        + " second derivative is zero almost everywhere: use tanh, sin or silu"),
                new Trainer(poisson, relu).warnings());
        org.pinn4j.core.problem.Problem square = org.pinn4j.core.problem.Problem.builder("square")
                .inputs("x", "y")
                .outputs("u")
                .domain(new org.pinn4j.core.geometry.Rectangle(0, 2, 1, 3))
                .condition(org.pinn4j.core.problem.Conditions.pde(
                        "pde", s -> s.output("u").d("x")))
                .condition(org.pinn4j.core.problem.Conditions.initial("ic", "u", p -> 0.0))
                .build();
        Trainer t = new Trainer(square, tanh);
        assertEquals(
                java.util.List.of("condition 'ic' is on the initial slice, but the domain is not a GeometryXTime: its"
                        + " last input 'y' is taken as time and held at 2.0"),
                t.warnings());
        // a warning, not an error: the run trains
        assertEquals(TrainingResult.Status.COMPLETED, t.train().status());
    }

    @Test
    void anIntervalInSecondsAddsMeasurementsByTime() {
        double[][] pts = {{0.25, 0.5}, {0.5, 0.5}};
        double[][] u = {{0.7, 1.0}};
        Recipe recipe = Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(30, 1e-2)).withSeed(2);
        // steps every 1,000 never fall due in 30 steps: only the last step, plus the first by time (the clock of
        // the interval starts before training) when an interval is set; a step takes far more than 1e-12 s
        assertArrayEquals(new int[] {30}, measured(recipe, pts, u, 0));
        assertArrayEquals(new int[] {1, 30}, measured(recipe, pts, u, 1e6));
        assertEquals(30, measured(recipe, pts, u, 1e-12).length);
    }

    private static int[] measured(Recipe recipe, double[][] pts, double[][] u, double everySeconds) {
        double[] v = new Trainer(TrainerBehaviourTest.heat(0.3, false), recipe)
                .validation(new PointSet(pts), u, 1000, everySeconds)
                .train()
                .history()
                .validation();
        return java.util.stream.IntStream.range(0, v.length)
                .filter(k -> !Double.isNaN(v[k]))
                .map(k -> k + 1)
                .toArray();
    }
}
