package org.pinn4j.problems.catalogue.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.ProblemContext;

class OneNeuronTest {
    private final OneNeuron oneNeuron = new OneNeuron();
    private final Problem problem = oneNeuron.problem(ProblemContext.defaults());

    @Test
    void chainRuleEngineAndFiniteDifferencesAgree() {
        for (long seed : new long[] {0, 1, 7}) {
            Recipe recipe = oneNeuron.recipe(true).withSeed(seed);
            List<OneNeuron.StepTrace> trace = OneNeuron.trace(problem, recipe, OneNeuron.TRACED_STEPS);
            assertEquals(OneNeuron.TRACED_STEPS, trace.size());
            for (OneNeuron.StepTrace t : trace) {
                // the same loss by hand and by the engine: both sum 7 rounded squares, 1e-14 relative
                assertEquals(
                        t.lossByHand(),
                        t.lossByEngine(),
                        1e-14 * t.lossByHand(),
                        "loss, seed " + seed + " step " + t.step());
                for (int i = 0; i < 4; i++) {
                    String what = "dL/d" + OneNeuron.PARAMETERS.get(i) + ", seed " + seed + " step " + t.step();
                    double hand = t.byHand()[i];
                    // chain rule vs engine: the same products in another order, so agreement to rounding (1e-12
                    // relative
                    // of the largest gradient component, since a small component is a difference of larger terms)
                    assertEquals(hand, t.byEngine()[i], 1e-12 * maxAbs(t.byHand()), what + " (engine)");
                    // central difference with h = 1e-6: truncation h^2 L''' ~ 1e-12, rounding eps L / h ~ 1e-10 for L <
                    // 1,
                    // so 1e-8 absolute
                    assertEquals(hand, t.byFd()[i], 1e-8, what + " (finite difference)");
                    // the hand update theta - eta grad is the trainer's own gradient-descent step, to rounding (1e-13)
                    assertEquals(t.after()[i], t.trainer()[i], 1e-13, what + " (trainer's update)");
                }
                // dz/dw is the input scaled from [-3, 3] to [-1, 1] by the engine's convention: x / 3
                for (int p = 0; p < t.x().length; p++) {
                    assertEquals(t.x()[p] / 3, t.xi()[p], 1e-15);
                }
            }
        }
    }

    @Test
    void gradientDescentFitsTheSigmoidTarget() {
        TrainingResult r = Trainer.train(problem, oneNeuron.recipe(true));
        PinnModel m = r.model();
        double[] x = oneNeuron.evaluationGrid().axes()[0];
        double[] y = m.predict(new double[][] {x})[0];
        double max = 0;
        for (int p = 0; p < x.length; p++) {
            max = Math.max(max, Math.abs(y[p] - OneNeuron.target(x[p])));
        }
        // the target is representable exactly; the quick 10,000 steps bring the largest error on [-3, 3] below 0.01
        // (the full 20,000 steps reach rel L2 6e-4, see the README)
        assertTrue(max < 0.01, "max error " + max);
        assertTrue(r.history().lastTotal() < 1e-4, "final loss " + r.history().lastTotal());
    }

    @Test
    void walkthroughPrintsEveryTracedStep() {
        String text = oneNeuron.walkthrough(problem, oneNeuron.recipe(true));
        for (int k = 1; k <= OneNeuron.TRACED_STEPS; k++) {
            assertTrue(text.contains("step " + k + ": w = "), "step " + k + " in\n" + text);
        }
        assertTrue(
                text.contains("dL/dw") && text.contains("finite diff") && text.contains("the trainer's step gives"),
                text);
    }

    @Test
    void traceRejectsOtherNetworks() {
        Recipe wide = oneNeuron.recipe(true).withNetwork(NetworkConfig.hidden(2));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OneNeuron.trace(problem, wide, 1));
        assertTrue(e.getMessage().contains("one hidden neuron"), e.getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> OneNeuron.trace(problem, oneNeuron.recipe(true), 0))
                        .getMessage()
                        .contains("steps must be >= 1"));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
