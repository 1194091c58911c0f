package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pinn4j.core.optim.LbfgsSettings;
import org.pinn4j.core.optim.LevenbergMarquardtSettings;
import org.pinn4j.core.optim.OptimizerSettings;
import org.pinn4j.core.optim.QuasiNewtonSettings;
import org.pinn4j.core.optim.ScheduleSettings;

/** A phase's length and first learning rate can be changed, and the copy equals the phase built with them. */
class PhaseSettingsTest {
    @Test
    void aChangedLengthOrRateEqualsThePhaseBuiltWithIt() {
        assertEquals(Phase.adam(300, 1e-3), Phase.adam(100, 1e-3).withLength(300));
        assertEquals(Phase.adam(100, 2e-3), Phase.adam(100, 1e-3).withLearningRate(2e-3));
        assertEquals(Phase.ssbroyden(70), Phase.ssbroyden(500).withLength(70), "a shorter phase keeps its limit");
        Phase resampled = Phase.ssbroyden(500).resampleByResidual(50, Phase.ResidualSampling.defaults());
        assertEquals(
                Phase.ssbroyden(80).resampleByResidual(50, Phase.ResidualSampling.defaults()),
                resampled.withLength(80),
                "resampling is kept");
    }

    @Test
    void aLongerIterativePhaseKeepsItsEvaluationsPerIteration() {
        // 18,750 evaluations for 11,000 iterations: 22,000 iterations may use twice as many
        QuasiNewtonSettings q = QuasiNewtonSettings.defaults();
        assertEquals(
                Phase.denseQuasiNewton(Phase.Mode.SSBROYDEN, 22000, q.withMaxEvaluations(37500)),
                Phase.ssbroyden(11000).withLength(22000));
        // rounded up: 18,750 x 7 / 3 = 43,750; 18,750 x 10 / 3 = 62,500; 100,000 x 4 / 3 = 133,333.3
        LbfgsSettings l = LbfgsSettings.defaults();
        assertEquals(Phase.lbfgs(7, l.withMaxEvaluations(43750)), Phase.lbfgs(3).withLength(7));
        assertEquals(Phase.bfgs(3).withLength(10).quasiNewtonSettings().orElseThrow(), q.withMaxEvaluations(62500));
        assertEquals(
                Phase.levenbergMarquardt(
                        4, LevenbergMarquardtSettings.defaults().withMaxEvaluations(133334)),
                Phase.levenbergMarquardt(3).withLength(4));
        assertEquals(
                Integer.MAX_VALUE,
                Phase.lbfgs(1)
                        .withLength(1_000_000)
                        .lbfgsSettings()
                        .orElseThrow()
                        .maxEvaluations(),
                "capped, not overflowed");
        Phase resampled = Phase.ssbroyden(500).resampleByResidual(50, Phase.ResidualSampling.defaults());
        assertEquals(
                Phase.denseQuasiNewton(Phase.Mode.SSBROYDEN, 1000, q.withMaxEvaluations(37500))
                        .resampleByResidual(50, Phase.ResidualSampling.defaults()),
                resampled.withLength(1000));
    }

    @Test
    void everyScheduleStartsAtTheNewRateAndKeepsItsOtherSettings() {
        assertEquals(new ScheduleSettings.Constant(0.5), new ScheduleSettings.Constant(0.1).withInitialRate(0.5));
        assertEquals(
                new ScheduleSettings.Step(0.5, 10, 0.9), new ScheduleSettings.Step(0.1, 10, 0.9).withInitialRate(0.5));
        assertEquals(
                new ScheduleSettings.Exponential(0.5, 0.9, 100),
                new ScheduleSettings.Exponential(0.1, 0.9, 100).withInitialRate(0.5));
        // a cosine's floor keeps its ratio to the first rate (0.01 of it), so floor <= initial still holds
        ScheduleSettings.Cosine c =
                (ScheduleSettings.Cosine) new ScheduleSettings.Cosine(0.1, 0.001, 1000).withInitialRate(0.5);
        assertEquals(0.5, c.initial());
        assertEquals(0.005, c.floor(), 1e-18);
        assertEquals(1000, c.steps());
        assertEquals(
                new ScheduleSettings.Plateau(0.5, 0.5, 10, 1e-6, 1e-4),
                new ScheduleSettings.Plateau(0.1, 0.5, 10, 1e-6, 1e-4).withInitialRate(0.5));
        Phase p = Phase.steps(OptimizerSettings.adam(), new ScheduleSettings.Step(0.1, 10, 0.9), 20);
        assertEquals(
                Phase.steps(OptimizerSettings.adam(), new ScheduleSettings.Step(0.3, 10, 0.9), 20),
                p.withLearningRate(0.3));
    }

    @Test
    void phasesWithoutALearningRateAndBadValuesAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Phase.lbfgs(10).withLearningRate(1e-3));
        assertTrue(e.getMessage().contains("no learning rate"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Phase.levenbergMarquardt(10).withLearningRate(1e-3));
        assertThrows(IllegalArgumentException.class, () -> Phase.adam(10, 1e-3).withLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> Phase.adam(10, 1e-3).withLearningRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Phase.adam(10, 1e-3).withLength(0));
    }
}
