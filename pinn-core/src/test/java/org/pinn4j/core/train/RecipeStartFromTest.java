package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.geometry.Box;
import org.pinn4j.core.io.RecipeJson;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;

/** {@link Recipe#startFrom}: a run that starts from a saved model instead of the seed's initialisation. */
class RecipeStartFromTest {
    static Recipe adam(int steps) {
        return Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(steps, 1e-2)).withSeed(3);
    }

    static PinnModel trained() {
        return Trainer.train(TrainerBehaviourTest.heat(0.3, true), adam(30)).model();
    }

    @Test
    void theRunStartsAtTheModelsParametersAndDrawsTheSeedsPoints() {
        PinnModel start = trained();
        Recipe recipe = adam(10).startFrom(start);
        Trainer from = new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe);
        Trainer fresh = new Trainer(TrainerBehaviourTest.heat(0.3, true), adam(10));
        // exactly the model's parameters, its coefficient k included (0.3 moved by 30 Adam steps)
        assertArrayEquals(start.parameters(), from.model().parameters(), 0.0);
        assertNotEquals(0.3, from.model().coefficients().get("k"), 0.0);
        // the seed still draws the collocation points: the same as a run without the start
        assertArrayEquals(
                fresh.pointsOf("pde").toArray()[0], from.pointsOf("pde").toArray()[0], 0.0, "points");
        // the first recorded loss is the start model's loss on those points: continuing 30 steps of Adam from the
        // model gives a lower first loss than the fresh network's (a loose, one-sided check that the start is used)
        TrainingResult continued = from.train();
        TrainingResult scratch = fresh.train();
        assertTrue(continued.history().totals()[0] < scratch.history().totals()[0]);
    }

    @Test
    void aModelOfAnotherShapeIsRefusedInOneMessage() {
        PinnModel start = trained();
        Recipe wider = Recipe.of(NetworkConfig.mlp(2, 10), Phase.adam(5, 1e-2)).startFrom(start);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Trainer(TrainerBehaviourTest.heat(0.3, true), wider));
        assertTrue(e.getMessage().contains("is not the recipe's network"), e.getMessage());
        assertTrue(
                e.getMessage().contains("MLP[2, 8, 8, 1]") && e.getMessage().contains("MLP[2, 10, 10, 1]"),
                e.getMessage());
        Problem withoutK = Problem.builder("heat")
                .inputs("x", "t")
                .outputs("u")
                .domain(new Box(new double[] {0, 0}, new double[] {1, 1}))
                .condition(Conditions.pde(
                        "pde", s -> s.output("u").d("t").minus(s.output("u").d("x", "x"))))
                .build();
        IllegalArgumentException c =
                assertThrows(IllegalArgumentException.class, () -> new Trainer(withoutK, adam(5).startFrom(start)));
        assertTrue(c.getMessage().contains("coefficients [k]"), c.getMessage());
    }

    @Test
    void aRecordedStartComparesEqualButCannotTrain() {
        Recipe recipe = adam(10).startFrom(trained());
        Recipe read = RecipeJson.read(RecipeJson.write(recipe), 1);
        assertEquals(recipe.startFingerprint(), read.startFingerprint());
        assertTrue(
                recipe.firstDifference(read).isEmpty(),
                () -> recipe.firstDifference(read).get());
        assertEquals(
                "start model: none vs " + recipe.startFingerprint().get(),
                adam(10).firstDifference(recipe).orElseThrow());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Trainer(TrainerBehaviourTest.heat(0.3, true), read));
        assertTrue(e.getMessage().contains("Recipe.startFrom(model)"), e.getMessage());
        // another model (other parameter bits) is another start
        Recipe other = adam(10).startFrom(Trainer.train(TrainerBehaviourTest.heat(0.3, true), adam(31))
                .model());
        assertTrue(recipe.firstDifference(other).orElseThrow().startsWith("start model: "));
    }

    @Test
    void aRunFromAModelResumesBitForBit(@TempDir Path dir) {
        CheckpointResumeTest.assertResumesBitForBit(
                Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(12, 1e-2), Phase.lbfgs(10))
                        .withSeed(5)
                        .startFrom(trained()),
                16,
                4,
                dir);
    }
}
