package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.io.RecipeJson;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;

/**
 * Residual-based resampling (RAD) in training: the new points follow the residual, a run stopped inside a phase
 * with RAD restarts resumes bit for bit (first-order and quasi-Newton phases), and the settings are checked,
 * printed and recorded.
 */
class ResidualResamplingPhaseTest {

    /** u = 0 whatever the network, u'' = x^4 on [0, 1]: the residual is -x^4 at every point, for any parameters. */
    static Problem knownResidual() {
        return knownResidual(2000);
    }

    /** As {@link #knownResidual()} with {@code points} collocation points. */
    static Problem knownResidual(int points) {
        return Problem.builder("x4")
                .inputs("x")
                .outputs("u")
                .domain(new Interval(0, 1))
                .outputTransform((s, o, n) -> n.times(0.0))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("x", "x").minus(s.source("f", p -> Math.pow(p[0], 4)));
                        })
                        .withPoints(points))
                .build();
    }

    @Test
    void theNewPointsFollowThePowerOfTheResidual() {
        // power 1, offset 0: density proportional to x^4 on [0, 1], whose mean is 5/6 (uniform: 1/2). 2,000 points:
        // standard error of the mean 0.0026; drawing 5% of a 40,000-point pool without replacement flattens the
        // density slightly; tolerance 0.02
        Trainer t = new Trainer(
                knownResidual(),
                Recipe.of(
                                NetworkConfig.mlp(1, 4),
                                Phase.adam(3, 1e-3).resampleByResidual(2, new Phase.ResidualSampling(1, 0, 20)))
                        .withSeed(3));
        assertEquals(0.5, mean(t.pointsOf("pde")), 0.03, "the first draw is uniform");
        t.train();
        PointSet after = t.pointsOf("pde");
        assertEquals(2000, after.size());
        assertEquals(5.0 / 6.0, mean(after), 0.02);
    }

    /**
     * Chi-square goodness of fit of the redrawn points to the density 5 x^4 (power 1, offset 0 on the residual
     * -x^4): ten bins of equal probability, edges (j / 10)^(1/5), 200 points expected in each, over six seeds
     * (independent draws: the sum has 6 x 9 = 54 degrees of freedom). The pool is 100 x the points kept, so
     * drawing without replacement takes at most ~5% of any candidate's chance and bends the density by ~1% (2
     * points per bin, against a standard deviation of 14). Threshold: the 0.999 quantile of chi-square with 54
     * degrees of freedom (a correct sampler fails one set of seeds in a thousand; these seeds are fixed).
     */
    @Test
    void theNewPointsPassAChiSquareTestAgainstTheResidualDensity() {
        int bins = 10;
        double total = 0;
        StringBuilder each = new StringBuilder();
        for (long seed = 5; seed <= 10; seed++) {
            Trainer t = new Trainer(
                    knownResidual(),
                    Recipe.of(
                                    NetworkConfig.mlp(1, 4),
                                    Phase.adam(3, 1e-3).resampleByResidual(2, new Phase.ResidualSampling(1, 0, 100)))
                            .withSeed(seed));
            t.train();
            double chi2 = chiSquare(t.pointsOf("pde"), bins);
            total += chi2;
            each.append(String.format(" %.1f", chi2));
        }
        double threshold = new ChiSquaredDistribution(6 * (bins - 1)).inverseCumulativeProbability(0.999);
        assertTrue(total < threshold, "chi-square " + total + " (each:" + each + ") above " + threshold);
        // a uniform draw fails it by far: the test tells the two apart
        PointSet uniform =
                new Trainer(knownResidual(), Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(1, 1e-3))).pointsOf("pde");
        assertTrue(chiSquare(uniform, bins) > 1000, "a uniform draw is far from 5 x^4");
    }

    /** Chi-square of the points' x against the density 5 x^4 on [0, 1], in {@code bins} equal-probability bins. */
    private static double chiSquare(PointSet points, int bins) {
        int[] counts = new int[bins];
        for (int i = 0; i < points.size(); i++) {
            counts[Math.min(bins - 1, (int) (Math.pow(points.point(i)[0], 5) * bins))]++;
        }
        double expected = points.size() / (double) bins;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }

    private static double mean(PointSet p) {
        double sum = 0;
        for (int i = 0; i < p.size(); i++) {
            sum += p.point(i)[0];
        }
        return sum / p.size();
    }

    private static Recipe recipe() {
        return Recipe.of(
                        NetworkConfig.mlp(2, 8),
                        Phase.adam(20, 1e-2).resampleByResidual(7, Phase.ResidualSampling.defaults()),
                        Phase.ssbroyden(15).resampleByResidual(5, new Phase.ResidualSampling(1, 1, 4)))
                .withSeed(11);
    }

    @ParameterizedTest
    // inside Adam (steps 1-20) and inside SSBroyden (21-35; step 25 is its restart at iteration 5)
    @ValueSource(ints = {13, 27})
    void aRunStoppedInsideAPhaseResumesBitForBit(int stopStep, @TempDir Path dir) {
        CheckpointResumeTest.assertResumesBitForBit(recipe(), stopStep, 5, dir);
    }

    @Test
    void theSettingsAreCheckedPrintedAndRecorded() {
        Phase p = Phase.levenbergMarquardt(9).resampleByResidual(3, new Phase.ResidualSampling(2, 0.5, 4));
        assertTrue(
                p.toString().endsWith(", resample every 3 residual-based (power 2, offset 0.5, pool 4x)"),
                p.toString());
        Recipe r = Recipe.of(NetworkConfig.mlp(2, 8), p);
        assertEquals(r, RecipeJson.read(RecipeJson.write(r), r.threads()));
        assertNull(p.resampleEvery(3).residualSampling(), "resampleEvery alone is uniform");
        IllegalArgumentException never = assertThrows(
                IllegalArgumentException.class,
                () -> Phase.lbfgs(5).resampleByResidual(0, Phase.ResidualSampling.defaults()));
        assertTrue(never.getMessage().contains("needs resampling every k > 0"), never.getMessage());
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> new Phase.ResidualSampling(-1, 1, 10));
        assertEquals(
                "residual-based resampling needs a finite power >= 0, a finite offset >= 0 and a pool factor >= 1,"
                        + " e.g. (1, 1, 10); got power -1.0, offset 1.0, pool factor 10",
                bad.getMessage());
    }
}
