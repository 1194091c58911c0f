package org.pinn4j.validation.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.pinn4j.core.io.RecipeJson;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;

/**
 * Every recipe of the catalogue (each budget, each named recipe, each optimizer choice) is recorded completely:
 * written as model files and checkpoints write it and read back, it is equal to the original and describes itself
 * identically. (RunnerTest reads one back from a real run's model.json.)
 */
class RecipeRecordTest {
    @Test
    void everyCatalogueRecipeSurvivesTheRecord() {
        int checked = 0;
        for (BenchmarkProblem p : Catalogue.all()) {
            for (boolean quick : new boolean[] {true, false}) {
                check(p.name(), p.recipe(quick));
                for (String optimizer : p.optimizerChoices()) {
                    check(p.name() + " " + optimizer, p.recipe(quick, optimizer));
                }
                checked++;
            }
            p.recipes().forEach((name, r) -> check(p.name() + " recipe " + name, r));
        }
        assertEquals(2 * Catalogue.all().size(), checked);
    }

    private static void check(String what, Recipe r) {
        for (Phase ph : r.phases()) {
            assertFalse(ph.isCustom(), what + ": catalogue phases are built from settings, so they can be rebuilt");
        }
        Recipe back = RecipeJson.read(RecipeJson.write(r), r.threads());
        assertEquals(r, back, what);
        assertEquals(r.toString(), back.toString(), what);
        assertEquals(r.logEvery(), back.logEvery(), what);
    }
    /**
     * A model file written before the Cholesky test of H existed has no positiveDefiniteCheckEvery: it reads
     * back as 0 (never), which is what that run did.
     */
    @Test
    void aQuasiNewtonRecipeFromBeforeTheCholeskyTestReadsAsNeverCheckingWithTheFixedWolfeConstants() {
        Recipe r = Recipe.of(org.pinn4j.core.nn.NetworkConfig.mlp(1, 4), Phase.adam(10, 1e-3), Phase.ssbroyden(20));
        com.fasterxml.jackson.databind.node.ObjectNode json = RecipeJson.write(r);
        com.fasterxml.jackson.databind.node.ObjectNode settings =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.findValue("quasiNewton");
        assertEquals(1000, settings.remove("positiveDefiniteCheckEvery").asInt());
        settings.remove("wolfeC1");
        settings.remove("wolfeC2");
        Recipe back = RecipeJson.read(json, r.threads());
        org.pinn4j.core.optim.QuasiNewtonSettings read =
                back.phases().get(1).quasiNewtonSettings().orElseThrow();
        assertEquals(0, read.positiveDefiniteCheckEvery());
        assertEquals(1e-4, read.wolfeC1(), 0.0);
        assertEquals(0.9, read.wolfeC2(), 0.0);
        assertEquals(r.phases().get(0), back.phases().get(0));
    }
}
