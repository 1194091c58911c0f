package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.io.RecipeJson;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.LevenbergMarquardtSettings;

/**
 * A Levenberg-Marquardt phase in training (the heat problem with a data term and a trainable coefficient): it goes
 * far below what BFGS reaches in as many iterations, gives the same bits on 1 and 2 threads, resumes from a
 * checkpoint inside the phase (with and without restarts on new points) bit for bit, is recorded in recipes, and a
 * Jacobian the heap cannot hold is refused with the numbers.
 */
class LevenbergMarquardtPhaseTest {
    private static Recipe recipe(int resampleEvery) {
        return Recipe.of(
                        NetworkConfig.mlp(2, 8),
                        Phase.adam(20, 1e-2),
                        Phase.levenbergMarquardt(25).resampleEvery(resampleEvery))
                .withSeed(7);
    }

    @Test
    void lowersTheLossFarBelowBfgsAndIsTheSameOnOneAndTwoThreads() {
        TrainingResult one =
                Trainer.train(TrainerBehaviourTest.heat(0.3, true), recipe(0).withThreads(1));
        TrainingResult two =
                Trainer.train(TrainerBehaviourTest.heat(0.3, true), recipe(0).withThreads(2));
        assertArrayEquals(one.model().parameters(), two.model().parameters(), 0.0, "thread count changes nothing");
        assertTrue(one.message().startsWith("Levenberg-Marquardt stopped: "), one.message());
        TrainingResult bfgs = Trainer.train(
                TrainerBehaviourTest.heat(0.3, true),
                Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(20, 1e-2), Phase.bfgs(25))
                        .withSeed(7));
        double lm = one.history().lastTotal();
        double qn = bfgs.history().lastTotal();
        // same start, same 25 iterations: the Gauss-Newton steps on 113 parameters reach a loss at least ten times
        // lower (measured: see the assertion message)
        assertTrue(lm < qn / 10, "Levenberg-Marquardt " + lm + " vs BFGS " + qn);
        // the history's per-term losses come from the residual blocks: their weighted sum is the total
        double[] totals = one.history().totals();
        assertEquals(45, totals.length, "one step per iteration");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10})
    void aRunStoppedInsideThePhaseResumesBitForBit(int resampleEvery, @TempDir Path dir) {
        TrainingResult full = Trainer.train(TrainerBehaviourTest.heat(0.3, true), recipe(resampleEvery));
        for (int stop : new int[] {33, 40}) {
            Path ckpt = dir.resolve("checkpoint-" + stop + ".json");
            TrainingResult cut = new Trainer(
                            TrainerBehaviourTest.heat(0.3, true),
                            recipe(resampleEvery),
                            CheckpointResumeTest.stopAt(stop))
                    .checkpointEvery(4, new CheckpointFile(ckpt))
                    .train();
            assertEquals(TrainingResult.Status.STOPPED, cut.status());
            TrainingResult resumed = Trainer.resume(
                            TrainerBehaviourTest.heat(0.3, true),
                            recipe(resampleEvery).withThreads(2),
                            new CheckpointFile(ckpt))
                    .train();
            assertArrayEquals(full.model().parameters(), resumed.model().parameters(), 0.0, "stopped at " + stop);
            assertArrayEquals(full.history().totals(), resumed.history().totals(), 0.0, "stopped at " + stop);
        }
        // stopped on request (a signal) at another iteration, saved there without a checkpoint interval
        CheckpointResumeTest.assertStopOnRequestResumesBitForBit(recipe(resampleEvery), 37, dir.resolve("on-request"));
    }

    /** The training objective's Jacobian in blocks that cut across conditions equals it in one block. */
    @Test
    void theJacobianInBlocksAcrossConditionsIsTheSameBits() {
        Trainer trainer = new Trainer(TrainerBehaviourTest.heat(0.3, true), recipe(0));
        try (org.pinn4j.autodiff.taylor.BatchEvaluator eval = new org.pinn4j.autodiff.taylor.BatchEvaluator(2)) {
            TrainingObjective objective = trainer.objective(eval);
            int m = objective.residualCount();
            int n = objective.dimension();
            double[] x = trainer.model().parameters();
            double[] r = new double[m];
            double total = objective.residuals(x, r);
            assertTrue(total > 0 && m > 40, m + " residuals");
            double[] whole = new double[m * n];
            objective.jacobian(x, 0, m, whole);
            for (int block : new int[] {7, 33}) {
                for (int row0 = 0; row0 < m; row0 += block) {
                    int rows = Math.min(block, m - row0);
                    double[] jt = new double[rows * n];
                    objective.jacobian(x, row0, rows, jt);
                    for (int j = 0; j < n; j++) {
                        for (int i = 0; i < rows; i++) {
                            assertEquals(whole[j * m + row0 + i], jt[j * rows + i], 0.0, "row " + (row0 + i));
                        }
                    }
                }
            }
        }
    }

    @Test
    void theSettingsAreRecordedAndReadBack() {
        Recipe r = Recipe.of(
                NetworkConfig.mlp(2, 8),
                Phase.levenbergMarquardt(7, new LevenbergMarquardtSettings(500, 1e-2, true, 1e-10, 1e-12))
                        .resampleEvery(3));
        Recipe back = RecipeJson.read(RecipeJson.write(r), r.threads());
        assertEquals(r, back);
        assertEquals(
                "Levenberg-Marquardt 7 iterations: levenbergMarquardt(maxEvaluations 500, initialDamping 0.01,"
                        + " diagonalScaling true, gradientTolerance 1.0E-10, stepTolerance 1.0E-12), resample every 3",
                back.phases().get(0).toString());
        assertEquals(Phase.levenbergMarquardt(9), Phase.quasiNewton("lm", 9));
    }

    @Test
    void aJacobianTheHeapCannotHoldIsRefusedUpFront() {
        // 30,000 parameters: the two N x N matrices alone are 13.4 GB
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> QuasiNewtonPhase.requireJacobianHeap("lm", 10_000L, 30_000));
        assertTrue(
                e.getMessage()
                        .startsWith("lm: the Jacobian (in blocks of 4096 of its 10000 rows) x 30000 parameters"
                                + " and the normal equations need 14671 MB; "),
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> QuasiNewtonPhase.requireJacobianHeap("lm", 100_000L, 600_000));
        assertTrue(e.getMessage().contains("do not fit one Java array"), e.getMessage());
        // a million points on 150 parameters: blocks of 4,096 rows (5 MB) and 24 MB of residual vectors
        QuasiNewtonPhase.requireJacobianHeap("lm", 1_000_000L, 150);
    }
}
