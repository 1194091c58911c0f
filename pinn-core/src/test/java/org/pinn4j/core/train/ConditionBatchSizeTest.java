package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.io.RecipeJson;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.OptimizerSettings;
import org.pinn4j.core.optim.ScheduleSettings;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;

/**
 * The epoch rule (a step takes n_i / B points of condition i, B = ceil(n_max / batch)) and batch sizes of single
 * conditions ({@link Phase#withBatchSize}), observed as the point counts the loss terms get at each step.
 */
class ConditionBatchSizeTest {
    /** 1,000 residual points and 100 fixed data points. */
    static Problem problem() {
        double[] x = new double[100];
        double[] u = new double[100];
        for (int k = 0; k < 100; k++) {
            x[k] = -1 + 2 * (k + 0.5) / 100;
            u[k] = Math.sin(Math.PI * x[k]);
        }
        return Problem.builder("p")
                .inputs("x")
                .outputs("u")
                .domain(new Interval(-1, 1))
                .condition(Conditions.pde("pde", s -> s.output("u").d("x", "x")).withPoints(1000))
                .condition(Conditions.data("data", new PointSet(new double[][] {x}), "u", u))
                .build();
    }

    static Phase epochs() {
        return Phase.epochs(OptimizerSettings.adam(), new ScheduleSettings.Constant(1e-3), 2, 100);
    }

    /** Point counts {pde, data} the terms get at each of the first {@code steps} steps. */
    static List<List<Integer>> counts(Phase phase, int steps) {
        Recipe recipe = Recipe.of(NetworkConfig.mlp(1, 4), phase);
        Problem p = problem();
        NetworkSpec spec = Trainer.seededSpec(p, recipe);
        TrainingConditions conditions =
                new TrainingConditions(p, recipe, spec, spec.parameterCount(), new SplittableRandom(1));
        MiniBatches batches = new MiniBatches(1, conditions.states);
        StepHook hook = batches.epochBatches(0, phase, batches.perEpoch(phase), 0, 0);
        List<List<Integer>> out = new ArrayList<>();
        for (int q = 0; q < steps; q++) {
            hook.beforeStep(q, null);
            out.add(List.of(conditions.states[0].term.count(), conditions.states[1].term.count()));
        }
        return out;
    }

    @Test
    void theDefaultRuleSplitsEveryConditionIntoTheSameNumberOfBatches() {
        // B = 1000 / 100 = 10: 100 residual points and 10 data points a step
        for (List<Integer> c : counts(epochs(), 10)) {
            assertEquals(List.of(100, 10), c);
        }
        assertEquals(Map.of("pde", 100, "data", 10), epochs().pointsPerStep(Map.of("pde", 1000, "data", 100)));
    }

    @Test
    void aConditionWithItsOwnSizeTakesThatMany() {
        // data at 25 a step: its pass lasts 4 steps; the epoch stays 10 steps (the residual's 1000 / 100)
        Phase phase = epochs().withBatchSize("data", 25);
        for (List<Integer> c : counts(phase, 10)) {
            assertEquals(List.of(100, 25), c);
        }
        // the residual at 250: B = max(4, ceil(100 / 100)) = 4, so the data take 100 / 4 = 25
        Phase big = epochs().withBatchSize("pde", 250);
        for (List<Integer> c : counts(big, 8)) {
            assertEquals(List.of(250, 25), c);
        }
        assertEquals(Map.of("pde", 250, "data", 25), big.pointsPerStep(Map.of("pde", 1000, "data", 100)));
        assertEquals(4 * 2, new Trainer(problem(), Recipe.of(NetworkConfig.mlp(1, 4), big)).plannedSteps());
    }

    @Test
    void sizesAreRecordedAndCheckedAgainstTheProblem() {
        Recipe recipe = Recipe.of(NetworkConfig.mlp(1, 4), epochs().withBatchSize("data", 25));
        assertEquals(recipe, RecipeJson.read(RecipeJson.write(recipe), 1));
        assertEquals(
                "adam 2 epochs, batch 100, batch 25 of 'data': adam(beta1 0.9, beta2 0.999, eps 1.0E-8), learning rate"
                        + " constant(rate 0.001)",
                recipe.phases().get(0).toString());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Trainer(problem(), Recipe.of(NetworkConfig.mlp(1, 4), epochs().withBatchSize("ic", 5))));
        assertEquals(
                "phase 'adam' gives a batch size to condition 'ic', which is not a pointwise condition of problem 'p';"
                        + " its pointwise conditions are [pde, data]",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Phase.adam(10, 1e-3).withBatchSize("pde", 5));
        assertEquals(
                "adam: batch sizes per condition need a phase of epochs (Phase.epochs); this phase is STEPS",
                e.getMessage());
    }

    @Test
    void aResumeInsideAConditionsOwnPassIsBitIdentical(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // the heat problem with 200 data points at 70 a step: passes of 3 steps inside epochs of 4 (1,000 / 250);
        // stopped at step 11 after the checkpoint at step 10, which is step 1 of a data pass
        Recipe recipe = Recipe.of(
                        NetworkConfig.mlp(2, 8),
                        Phase.epochs(OptimizerSettings.adam(), new ScheduleSettings.Constant(1e-3), 3, 250)
                                .withBatchSize("data", 70)
                                .resampleEvery(4))
                .withSeed(2);
        CheckpointResumeTest.assertResumesBitForBit(recipe, 11, 5, dir);
    }

    @Test
    void theDefaultRuleTrainsAsBefore() {
        // the same recipe with and without an explicit size equal to what the rule gives the largest condition:
        // the rule's slices are the same, so the same bits
        Recipe plain = Recipe.of(NetworkConfig.mlp(1, 4), epochs()).withSeed(3);
        Recipe explicit = Recipe.of(NetworkConfig.mlp(1, 4), epochs().withBatchSize("pde", 100))
                .withSeed(3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                Trainer.train(problem(), plain).model().parameters(),
                Trainer.train(problem(), explicit).model().parameters(),
                0.0);
    }
}
