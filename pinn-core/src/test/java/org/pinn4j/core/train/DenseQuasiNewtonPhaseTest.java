package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.nn.NetworkConfig;

/**
 * BFGS and self-scaled Broyden phases in training: they lower the loss after Adam, give the same bits on 1 and 2
 * threads, and a run killed inside the phase resumes from its checkpoint (the inverse-Hessian estimate included)
 * bit for bit; a dense estimate the heap cannot hold is refused with the numbers.
 */
class DenseQuasiNewtonPhaseTest {
    private static Recipe recipe(String method) {
        return recipe(method, 8);
    }

    private static Recipe recipe(String method, int width) {
        return Recipe.of(NetworkConfig.mlp(2, width), Phase.adam(20, 1e-2), Phase.quasiNewton(method, 25))
                .withSeed(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bfgs", "ssbroyden"})
    void lowersTheLossAndIsTheSameOnOneAndTwoThreads(String method) {
        String[] ended = {null};
        TrainingListener phaseEnd = new TrainingListener() {
            @Override
            public void onPhaseEnd(int phaseIndex, Phase phase, String stopReason) {
                ended[0] = phaseIndex + " " + stopReason;
            }
        };
        TrainingResult one = Trainer.train(
                TrainerBehaviourTest.heat(0.3, true), recipe(method).withThreads(1), phaseEnd);
        TrainingResult two = Trainer.train(
                TrainerBehaviourTest.heat(0.3, true), recipe(method).withThreads(2));
        assertArrayEquals(one.model().parameters(), two.model().parameters(), 0.0, "thread count changes nothing");
        double[] totals = one.history().totals();
        assertTrue(
                totals[totals.length - 1] < totals[19],
                method + " lowers the loss Adam left: " + totals[19] + " -> " + totals[totals.length - 1]);
        assertTrue(
                one.message().startsWith(method.equals("bfgs") ? "BFGS stopped: " : "SSBroyden stopped: "),
                one.message());
        assertEquals("1 " + one.message().substring(one.message().indexOf(": ") + 2), ended[0], "listeners hear why");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bfgs", "ssbroyden"})
    void aRunStoppedInsideThePhaseResumesBitForBit(String method, @TempDir Path dir) {
        // width 16: 337 parameters, so H (113,569 doubles) is stored in the checkpoint's binary file
        TrainingResult full = Trainer.train(TrainerBehaviourTest.heat(0.3, true), recipe(method, 16));
        Path ckpt = dir.resolve("checkpoint.json");
        TrainingResult cut = new Trainer(
                        TrainerBehaviourTest.heat(0.3, true), recipe(method, 16), CheckpointResumeTest.stopAt(33))
                .checkpointEvery(4, new CheckpointFile(ckpt))
                .train();
        assertEquals(TrainingResult.Status.STOPPED, cut.status());
        assertEquals(1, new CheckpointFile(ckpt).binaryFiles().size(), "H beside the JSON");
        TrainingResult resumed = Trainer.resume(
                        TrainerBehaviourTest.heat(0.3, true),
                        recipe(method, 16).withThreads(2),
                        new CheckpointFile(ckpt))
                .train();
        assertArrayEquals(full.model().parameters(), resumed.model().parameters(), 0.0, "final parameters");
        assertArrayEquals(full.history().totals(), resumed.history().totals(), 0.0, "loss history");
        // stopped on request (a signal) at another iteration, saved there without a checkpoint interval
        CheckpointResumeTest.assertStopOnRequestResumesBitForBit(recipe(method, 16), 35, dir.resolve("on-request"));
    }

    @Test
    void aDenseEstimateTheHeapCannotHoldIsRefusedUpFront() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuasiNewtonPhase.requireHeap("ssbroyden", 60_000));
        assertTrue(
                e.getMessage()
                        .startsWith("ssbroyden: the dense inverse-Hessian estimate of 60000 parameters needs"
                                + " 54931 MB (an N x N matrix and a copy for checkpoints); "),
                e.getMessage());
        QuasiNewtonPhase.requireHeap("bfgs", 500); // 4 MB fits any heap these tests run in
    }

    private static Recipe restarting(String method) {
        return Recipe.of(
                        NetworkConfig.mlp(2, 8),
                        Phase.adam(20, 1e-2),
                        Phase.quasiNewton(method, 25).resampleEvery(10))
                .withSeed(7);
    }

    /** Restarts every 10 iterations draw new PDE points; the steps are the phase's iterations, as without them. */
    @ParameterizedTest
    @ValueSource(strings = {"lbfgs", "bfgs", "ssbroyden"})
    void restartsDrawNewPointsAndTrainOn(String method) {
        Trainer plain = new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe(method));
        TrainingResult a = plain.train();
        Trainer restarted = new Trainer(TrainerBehaviourTest.heat(0.3, true), restarting(method));
        TrainingResult b = restarted.train();
        assertEquals(a.history().totals().length, b.history().totals().length, "one step per iteration");
        assertEquals(45, b.history().totals().length);
        assertFalse(
                java.util.Arrays.equals(
                        plain.pointsOf("pde").coordinate(0),
                        restarted.pointsOf("pde").coordinate(0)),
                "the restarts drew new collocation points");
        double[] totals = b.history().totals();
        assertTrue(totals[totals.length - 1] < totals[19], method + ": " + totals[19] + " -> " + totals[44]);
    }

    /**
     * Killed on a restart boundary (phase iteration 20: the checkpoint is saved before the restart) or between two
     * (iteration 13), the resumed run ends where the uninterrupted one does, bit for bit.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"lbfgs,40", "ssbroyden,40", "ssbroyden,33", "bfgs,33"})
    void aRunWithRestartsResumesBitForBit(String method, int stopStep, @TempDir Path dir) {
        TrainingResult full = Trainer.train(TrainerBehaviourTest.heat(0.3, true), restarting(method));
        Path ckpt = dir.resolve("checkpoint.json");
        TrainingResult cut = new Trainer(
                        TrainerBehaviourTest.heat(0.3, true), restarting(method), CheckpointResumeTest.stopAt(stopStep))
                .checkpointEvery(4, new CheckpointFile(ckpt))
                .train();
        assertEquals(TrainingResult.Status.STOPPED, cut.status());
        TrainingResult resumed = Trainer.resume(
                        TrainerBehaviourTest.heat(0.3, true), restarting(method), new CheckpointFile(ckpt))
                .train();
        assertArrayEquals(full.model().parameters(), resumed.model().parameters(), 0.0, "final parameters");
        assertArrayEquals(full.history().totals(), resumed.history().totals(), 0.0, "loss history");
    }
}
