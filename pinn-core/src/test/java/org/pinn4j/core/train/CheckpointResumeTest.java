package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.Optimizers;
import org.pinn4j.core.optim.Schedules;

/**
 * An interrupted run resumed from its last checkpoint ends bit-for-bit where the uninterrupted run
 * ends: parameters, coefficients and the whole history. Interruptions are placed inside a full-batch
 * Adam phase with resampling, inside epochs of mini-batches with resampling, and inside L-BFGS.
 */
class CheckpointResumeTest {
    static Recipe recipe() {
        return Recipe.of(
                        NetworkConfig.mlp(2, 8),
                        Phase.adam(20, 1e-2).resampleEvery(7),
                        Phase.epochs(() -> Optimizers.momentum(0.9), () -> Schedules.step(1e-3, 5, 0.5), 2, 250, "sgd")
                                .resampleEvery(3),
                        Phase.lbfgs(15))
                .withSeed(11);
    }

    /** Stops the run (like a kill) when the given step is reported. */
    /**
     * Trains the heat problem with {@code recipe} in full, and again stopped after {@code stopStep} steps with a
     * checkpoint every {@code every}, resumed with two threads: the final parameters and the loss history must be
     * the same bits.
     */
    static void assertResumesBitForBit(Recipe recipe, int stopStep, int every, Path dir) {
        TrainingResult full = Trainer.train(TrainerBehaviourTest.heat(0.3, true), recipe);
        Path ckpt = dir.resolve("checkpoint.json");
        new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe, stopAt(stopStep))
                .checkpointEvery(every, new CheckpointFile(ckpt))
                .train();
        TrainingResult resumed = Trainer.resume(
                        TrainerBehaviourTest.heat(0.3, true), recipe.withThreads(2), new CheckpointFile(ckpt))
                .train();
        assertArrayEquals(full.model().parameters(), resumed.model().parameters(), 0.0, "final parameters");
        assertArrayEquals(full.history().totals(), resumed.history().totals(), 0.0, "loss history");
    }

    static TrainingListener stopAt(int step) {
        return new TrainingListener() {
            @Override
            public boolean onStep(StepReport r) {
                return r.step() < step;
            }
        };
    }

    @ParameterizedTest
    // Adam (steps 1-20), mid-epoch of the mini-batch phase (21-28; checkpoint 25 is batch 1 of epoch 2), L-BFGS (29-43)
    @ValueSource(ints = {13, 26, 36})
    void resumedRunIsBitIdenticalToTheUninterruptedOne(int stopStep, @TempDir Path dir) {
        TrainingResult full = Trainer.train(TrainerBehaviourTest.heat(0.3, true), recipe());
        Path ckpt = dir.resolve("checkpoint.json");
        TrainingResult cut = new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe(), stopAt(stopStep))
                .checkpointEvery(5, new CheckpointFile(ckpt))
                .train();
        assertEquals(TrainingResult.Status.STOPPED, cut.status());
        assertTrue(Files.exists(ckpt), "a checkpoint was written before the stop");
        TrainingResult resumed = Trainer.resume(
                        TrainerBehaviourTest.heat(0.3, true), recipe().withThreads(2), new CheckpointFile(ckpt))
                .train();
        assertEquals(full.status(), resumed.status());
        assertArrayEquals(full.model().parameters(), resumed.model().parameters(), 0.0, "final parameters");
        assertEquals(full.history().size(), resumed.history().size());
        assertArrayEquals(full.history().totals(), resumed.history().totals(), 0.0, "loss history");
        assertArrayEquals(full.history().coefficient(0), resumed.history().coefficient(0), 0.0, "coefficient history");
        assertArrayEquals(full.history().switchSteps(), resumed.history().switchSteps());
    }

    @ParameterizedTest
    // a stop requested from another thread (a signal handler) at any step, without checkpointEvery: in Adam, in the
    // middle of an epoch of mini-batches, in L-BFGS, and at the last step
    @ValueSource(ints = {1, 13, 26, 36, 43})
    void aRunStoppedOnRequestIsSavedAtThatStepAndResumesBitForBit(int stopStep, @TempDir Path dir) {
        Path ckpt = dir.resolve("checkpoint.json");
        TrainingResult cut = assertStopOnRequestResumesBitForBit(recipe(), stopStep, dir);
        assertEquals(
                "stopped on request after step " + stopStep + " of 43; saved to checkpoint " + ckpt, cut.message());
    }

    /**
     * Trains {@code recipe} on the heat problem in full, and again with a stop requested (as from a signal handler)
     * when step {@code stopStep} is reported, without {@code checkpointEvery}: the stopped run must end after that
     * step with that step saved, and its resumption (two threads) must end on the full run's bits.
     *
     * @return the stopped run's result
     */
    static TrainingResult assertStopOnRequestResumesBitForBit(Recipe recipe, int stopStep, Path dir) {
        TrainingResult full = Trainer.train(TrainerBehaviourTest.heat(0.3, true), recipe);
        Path ckpt = dir.resolve("checkpoint.json");
        java.util.concurrent.atomic.AtomicBoolean signal = new java.util.concurrent.atomic.AtomicBoolean();
        TrainingListener raiseAt = new TrainingListener() {
            @Override
            public boolean onStep(StepReport r) {
                if (r.step() == stopStep) {
                    signal.set(true);
                }
                return true;
            }
        };
        TrainingResult cut = new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe, raiseAt)
                .checkpointOnStop(new CheckpointFile(ckpt))
                .stopWhen(signal::get)
                .train();
        assertEquals(TrainingResult.Status.INTERRUPTED, cut.status(), cut.message());
        assertEquals(stopStep, cut.history().size(), "the stopped run's history ends at the step it stopped after");
        RunSnapshot saved = new CheckpointFile(ckpt).load();
        assertEquals(stopStep, saved.step());
        assertArrayEquals(cut.model().parameters(), saved.parameters(), 0.0, "the model is the saved step's");
        TrainingResult resumed = Trainer.resume(
                        TrainerBehaviourTest.heat(0.3, true), recipe.withThreads(2), new CheckpointFile(ckpt))
                .train();
        assertEquals(full.status(), resumed.status());
        assertArrayEquals(full.model().parameters(), resumed.model().parameters(), 0.0, "final parameters");
        assertArrayEquals(full.history().totals(), resumed.history().totals(), 0.0, "loss history");
        assertArrayEquals(full.history().switchSteps(), resumed.history().switchSteps());
        return cut;
    }

    @Test
    void aStopRequestWithoutAStoreStopsWithoutSaving() {
        TrainingResult cut = new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe())
                .stopWhen(() -> true)
                .train();
        assertEquals(TrainingResult.Status.INTERRUPTED, cut.status());
        assertEquals("stopped on request after step 1 of 43", cut.message());
        assertEquals(1, cut.history().size());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe()).stopWhen(null));
    }

    @Test
    void aCheckpointOfAnotherRecipeIsRefused(@TempDir Path dir) {
        Path ckpt = dir.resolve("c.json");
        new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe(), stopAt(9))
                .checkpointEvery(4, new CheckpointFile(ckpt))
                .train();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Trainer.resume(
                        TrainerBehaviourTest.heat(0.3, true), recipe().withSeed(12), new CheckpointFile(ckpt)));
        assertEquals(
                "checkpoint " + ckpt + " was made with another recipe: seed: 11 vs 12 (the checkpoint's vs this run's);"
                        + " resume with the recipe it was made with (only the thread count may differ)",
                e.getMessage());
        Recipe otherRate = recipe().withPhases(
                        Phase.adam(20, 2e-2).resampleEvery(7),
                        recipe().phases().get(1),
                        recipe().phases().get(2));
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Trainer.resume(TrainerBehaviourTest.heat(0.3, true), otherRate, new CheckpointFile(ckpt)));
        assertTrue(
                e.getMessage()
                        .contains("another recipe: phase 1 learning rate: constant(rate 0.01) vs constant(rate 0.02)"),
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Trainer.resume(
                        TrainerBehaviourTest.heat(0.3, true),
                        recipe().withPhases(
                                        recipe().phases().get(0),
                                        recipe().phases().get(1).withLabel("momentum"),
                                        recipe().phases().get(2)),
                        new CheckpointFile(ckpt)));
        assertTrue(e.getMessage().contains("another recipe: phase 2 label: sgd vs momentum"), e.getMessage());
    }
}
