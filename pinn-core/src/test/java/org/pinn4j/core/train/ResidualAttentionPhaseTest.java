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
import org.pinn4j.core.io.RecipeJson;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.sampling.PointSet;

/**
 * Residual-based attention (RBA) in training: the update rule against its formula, the weighted loss of a run whose
 * residual is known against the multipliers replayed by hand, a run stopped inside an attention phase resuming bit
 * for bit, and the settings checked, printed and recorded.
 */
class ResidualAttentionPhaseTest {

    @Test
    void theLinearAndExponentialRulesFollowTheirFormulas() {
        double[] r = {0.0, 0.5, 2.0};
        double[] lambda = {1.0, 2.0, 3.0};
        AttentionMultipliers.update(lambda, r, new Phase.ResidualAttention(false, 0.9, 0.1, 1), 7);
        assertArrayEquals(new double[] {0.9, 1.8 + 0.1 * 0.25, 2.7 + 0.1}, lambda, 1e-15);
        // exponential at step 2: beta = log(4) / 2, q / max q = 4^((r - 2) / 2)
        double[] mu = {1.0, 1.0, 1.0};
        AttentionMultipliers.update(mu, r, new Phase.ResidualAttention(true, 0.999, 0.01, 1), 2);
        assertArrayEquals(
                new double[] {0.999 + 0.01 * Math.pow(4, -1), 0.999 + 0.01 * Math.pow(4, -0.75), 0.999 + 0.01},
                mu,
                1e-15);
        double[] zero = {2.0};
        AttentionMultipliers.update(zero, new double[] {0.0}, Phase.ResidualAttention.linear(), 1);
        assertArrayEquals(new double[] {0.999 * 2.0}, zero, 0.0, "no residual: only the decay");
    }

    @Test
    void eachStepsLossIsTheMeanOfTheWeightedSquaresWithTheReplayedMultipliers() {
        Phase.ResidualAttention how = new Phase.ResidualAttention(false, 0.9, 0.5, 1.0);
        Trainer t = new Trainer(
                ResidualResamplingPhaseTest.knownResidual(300),
                Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(6, 1e-3).withResidualAttention(how))
                        .withSeed(2));
        PointSet points = t.pointsOf("pde");
        TrainingResult result = t.train();
        int n = points.size();
        double[] r = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            r[i] = Math.pow(points.point(i)[0], 4);
            max = Math.max(max, r[i]);
        }
        double[] lambda = new double[n];
        java.util.Arrays.fill(lambda, 1.0);
        double[] totals = result.history().totals();
        assertEquals(6, totals.length);
        for (int k = 0; k < 6; k++) {
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += lambda[i] * lambda[i] * r[i] * r[i];
            }
            expected /= n;
            // the same products summed in another order: 1e-13 relative
            assertEquals(expected, totals[k], 1e-13 * expected, "step " + (k + 1));
            for (int i = 0; i < n; i++) {
                lambda[i] = 0.9 * lambda[i] + 0.5 * r[i] / max;
            }
        }
    }

    private static Recipe recipe() {
        return Recipe.of(
                        NetworkConfig.mlp(2, 8),
                        Phase.adam(20, 1e-2)
                                .resampleEvery(9)
                                .withResidualAttention(Phase.ResidualAttention.exponentialRule()),
                        Phase.ssbroyden(10))
                .withSeed(17);
    }

    @ParameterizedTest
    // inside the attention phase (steps 1-20; resampling at 10 and 19) and after it, in SSBroyden (21-30)
    @ValueSource(ints = {13, 24})
    void aRunStoppedInsideAnAttentionPhaseResumesBitForBit(int stopStep, @TempDir Path dir) {
        CheckpointResumeTest.assertResumesBitForBit(recipe(), stopStep, 4, dir);
    }

    @Test
    void theSettingsAreCheckedPrintedAndRecorded() {
        Phase p = Phase.adam(9, 1e-3).withResidualAttention(Phase.ResidualAttention.linear());
        assertTrue(
                p.toString().endsWith(", residual-based attention (linear, gamma 0.999, eta 0.01, initial 1.0)"),
                p.toString());
        Recipe r = Recipe.of(NetworkConfig.mlp(2, 8), p);
        assertEquals(r, RecipeJson.read(RecipeJson.write(r), r.threads()));
        assertTrue(RecipeJson.write(r).toString().contains("\"residualAttention\""));
        assertTrue(Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(9, 1e-3))
                .firstDifference(r)
                .orElseThrow()
                .contains("residual-based attention"));
        IllegalArgumentException qn = assertThrows(
                IllegalArgumentException.class,
                () -> Phase.ssbroyden(5).withResidualAttention(Phase.ResidualAttention.linear()));
        assertTrue(qn.getMessage().contains("use resampleByResidual instead"), qn.getMessage());
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> new Phase.ResidualAttention(false, 1.0, 0.01, 1));
        assertTrue(bad.getMessage().startsWith("residual-based attention needs 0 <= gamma < 1"), bad.getMessage());
    }
}
