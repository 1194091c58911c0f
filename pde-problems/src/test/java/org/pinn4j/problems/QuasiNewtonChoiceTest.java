package org.pinn4j.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.catalogue.Burgers;
import org.pinn4j.problems.catalogue.course.CwruExercise;

/**
 * {@code --optimizer lbfgs|bfgs|ssbroyden} replaces a recipe's final quasi-Newton phase (keeping its length and
 * restarts) and nothing else.
 */
class QuasiNewtonChoiceTest {
    @Test
    void theFinalQuasiNewtonPhaseIsReplacedWithTheSameIterationsAndRestarts() {
        Burgers b = new Burgers();
        for (boolean quick : new boolean[] {true, false}) {
            Recipe base = b.recipe(quick);
            for (String m : List.of("bfgs", "ssbroyden", "lbfgs", "SSBroyden", "lm")) {
                Recipe r = b.recipe(quick, m);
                List<Phase> phases = r.phases();
                Phase last = phases.get(phases.size() - 1);
                Phase replaced = base.phases().get(1);
                assertEquals(Phase.quasiNewton(m, replaced.length()).resamplingAs(replaced), last, m);
                assertEquals(replaced.residualSampling(), last.residualSampling(), m);
                assertEquals(quick ? 0 : 500, last.resampleEvery(), "the default recipe's restarts are kept");
                assertEquals(base.phases().get(0), phases.get(0), "the Adam phase is kept");
                assertEquals(base.network().toString(), r.network().toString());
            }
        }
    }

    @Test
    void aNamedRecipeTakesAQuasiNewtonMethodButNoFirstOrderOptimizer() {
        Burgers b = new Burgers();
        for (String name : List.of("best", "classic")) {
            Recipe base = b.recipes().get(name);
            Recipe r = b.recipe(name, "bfgs");
            Phase replaced = base.phases().get(base.phases().size() - 1);
            assertEquals(
                    Phase.quasiNewton("bfgs", replaced.length()).resamplingAs(replaced),
                    r.phases().get(r.phases().size() - 1),
                    name);
            assertEquals(base.phases().get(0), r.phases().get(0), name + ": the Adam phase is kept");
            assertEquals(base, b.recipe(name, null), name + ": no optimizer = the recipe itself");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.recipe("classic", "adam"));
        assertTrue(e.getMessage().contains("can only replace a final quasi-Newton phase"), e.getMessage());
    }

    @Test
    void aRecipeWithoutAQuasiNewtonPhaseIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new CwruExercise().recipe(true, "ssbroyden"));
        assertTrue(e.getMessage().contains("ssbroyden"), e.getMessage());
    }
}
