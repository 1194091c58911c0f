package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.OptimizerSettings;
import org.pinn4j.core.optim.Optimizers;
import org.pinn4j.core.optim.ScheduleSettings;
import org.pinn4j.core.optim.Schedules;

/** Recipes and phases are values: equal settings are equal, and the first difference is named with both values. */
class RecipeValueTest {
    private static Recipe recipe(double rate) {
        return Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(100, rate), Phase.lbfgs(50))
                .withSeed(4);
    }

    @Test
    void equalSettingsMakeEqualRecipesWhateverTheThreads() {
        assertEquals(recipe(1e-3), recipe(1e-3));
        assertEquals(recipe(1e-3).hashCode(), recipe(1e-3).withThreads(7).hashCode());
        assertEquals(recipe(1e-3), recipe(1e-3).withThreads(7).withLogEvery(3));
        assertEquals(Runtime.getRuntime().availableProcessors(), recipe(1e-3).threads());
        assertEquals(
                Phase.adam(10, 1e-3),
                Phase.steps(new OptimizerSettings.Adam(0.9, 0.999, 1e-8), new ScheduleSettings.Constant(1e-3), 10));
    }

    @Test
    void theFirstDifferenceNamesTheFieldAndBothValues() {
        assertEquals(
                Optional.of("phase 1 learning rate: constant(rate 0.001) vs constant(rate 0.002)"),
                recipe(1e-3).firstDifference(recipe(2e-3)));
        assertNotEquals(recipe(1e-3), recipe(2e-3));
        assertEquals(
                Optional.of("seed: 4 vs 5"),
                recipe(1e-3).firstDifference(recipe(1e-3).withSeed(5)));
        assertEquals(
                Optional.of("network: [8, 8] tanh xavier-normal vs [8, 8, 8] tanh xavier-normal"),
                recipe(1e-3).firstDifference(recipe(1e-3).withNetwork(NetworkConfig.mlp(3, 8))));
        assertEquals(
                Optional.of("number of phases: 2 vs 1"),
                recipe(1e-3).firstDifference(recipe(1e-3).withPhases(Phase.lbfgs(50))));
        assertEquals(
                Optional.of("phase 2 iterations: 50 vs 60"),
                recipe(1e-3).firstDifference(recipe(1e-3).withPhases(Phase.adam(100, 1e-3), Phase.lbfgs(60))));
        assertEquals(
                Optional.of("phase 1 resample every: 0 vs 10"),
                Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(100, 1e-3))
                        .firstDifference(Recipe.of(
                                NetworkConfig.mlp(2, 8), Phase.adam(100, 1e-3).resampleEvery(10))));
    }

    @Test
    void everySettingIsInThePhaseDescription() {
        assertEquals(
                "adam 1000 steps: adam(beta1 0.9, beta2 0.999, eps 1.0E-8), learning rate constant(rate 0.002)",
                Phase.adam(1000, 2e-3).toString());
        assertEquals(
                "nesterov 3 epochs, batch 64: nesterov(mu 0.8), learning rate cosine(initial 0.1, floor 0.001, steps 30),"
                        + " resample every 5",
                Phase.epochs(new OptimizerSettings.Nesterov(0.8), new ScheduleSettings.Cosine(0.1, 1e-3, 30), 3, 64)
                        .resampleEvery(5)
                        .toString());
    }

    @Test
    void customPhasesAreDescribedAndComparedByLabel() {
        Phase a = Phase.steps(Optimizers::adam, () -> Schedules.constant(1e-3), 10, "mine");
        Phase b = Phase.steps(Optimizers::gd, () -> Schedules.constant(5e-1), 10, "mine");
        assertTrue(a.isCustom());
        assertEquals("custom:mine 10 steps", a.toString());
        assertEquals(a, b, "what custom suppliers make is not recorded, so only the label and lengths compare");
        assertEquals(Optional.of("label: mine vs other"), a.firstDifference(a.withLabel("other")));
        assertEquals(Optional.of("custom: true vs false"), a.withLabel("adam").firstDifference(Phase.adam(10, 1e-3)));
    }
}
