package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.nn.NetworkConfig;

/** {@link EarlyStopping} on a given sequence of losses, and as a listener of a real run. */
class EarlyStoppingTest {
    private static StepReport report(int step, double total) {
        return new StepReport(
                step,
                100,
                "adam",
                0,
                1e-3,
                total,
                List.of("pde"),
                new double[] {total},
                List.of(),
                new double[0],
                0,
                Double.NaN);
    }

    /** The step at which the listener says stop, or -1 if it never does. */
    private static int stopStep(EarlyStopping e, double... losses) {
        for (int k = 0; k < losses.length; k++) {
            if (!e.onStep(report(k + 1, losses[k]))) {
                return k + 1;
            }
        }
        return -1;
    }

    @Test
    void stopsAfterPatienceStepsWithoutRelativeImprovement() {
        // best 1.0 at step 1; 0.995 is not 1% better, 0.98 is (step 4 resets), then three steps without
        assertEquals(7, stopStep(new EarlyStopping(3, 0.01), 1.0, 0.995, 0.999, 0.98, 0.975, 0.99, 0.971, 0.5));
        // with minDelta 0 any decrease counts
        assertEquals(-1, stopStep(new EarlyStopping(2, 0), 1.0, 0.999, 0.998, 0.997));
        assertEquals(3, stopStep(new EarlyStopping(2, 0), 1.0, 1.0, 1.0));
    }

    @Test
    void stopsARunWithStatusStoppedAndItsHistoryEndsThere() {
        // a learning rate of 1e-6 cannot halve the loss in a step: the run stops after exactly `patience` more steps
        Recipe recipe = Recipe.of(NetworkConfig.mlp(2, 4), Phase.adam(50, 1e-6)).withSeed(3);
        TrainingResult r = Trainer.train(TrainerBehaviourTest.heat(0.1, false), recipe, new EarlyStopping(5, 0.5));
        assertEquals(TrainingResult.Status.STOPPED, r.status());
        assertEquals(6, r.history().size(), "step 1 sets the best, steps 2-6 do not improve it");
    }

    @Test
    void refusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(3, Double.NaN));
    }
}
