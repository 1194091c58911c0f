package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Settings records make the same optimizers and schedules as the factories (the same updates, bit for bit),
 * check their values as the factories do, and describe every value.
 */
class SettingsTest {
    /** Parameters after 5 updates with a fixed gradient sequence: equal arrays mean the same update rule. */
    private static double[] fiveSteps(GradientOptimizer opt) {
        double[] x = {0.3, -1.2, 2.0};
        for (int k = 0; k < 5; k++) {
            double[] g = {Math.sin(k + x[0]), x[1] * x[1] - 1, 0.1 * k - x[2]};
            opt.step(x, g, 0.01);
        }
        return x;
    }

    @Test
    void everyNamedSettingsMakesTheFactorysOptimizer() {
        List<Supplier<GradientOptimizer>> factories = List.of(
                Optimizers::gd,
                Optimizers::sgd,
                Optimizers::momentum,
                Optimizers::velocityMomentum,
                Optimizers::nesterov,
                Optimizers::adam,
                Optimizers::adamW,
                Optimizers::rmsProp,
                Optimizers::adagrad,
                Optimizers::adadelta);
        for (int i = 0; i < factories.size(); i++) {
            String name = Optimizers.names().get(i);
            OptimizerSettings s = OptimizerSettings.byName(name);
            assertEquals(name, s.name());
            GradientOptimizer fromSettings = s.create();
            GradientOptimizer fromFactory = factories.get(i).get();
            assertEquals(fromFactory.toString(), fromSettings.toString(), name);
            assertArrayEquals(fiveSteps(fromFactory), fiveSteps(fromSettings), 0.0, name);
            assertEquals(s, OptimizerSettings.byName(name.toUpperCase()), "names are case-insensitive");
        }
    }

    @Test
    void settingsAreValuesThatDescribeEveryField() {
        assertEquals(new OptimizerSettings.Adam(0.9, 0.999, 1e-8), OptimizerSettings.adam());
        assertNotEquals(new OptimizerSettings.Adam(0.8, 0.999, 1e-8), OptimizerSettings.adam());
        assertEquals(
                "adam(beta1 0.9, beta2 0.999, eps 1.0E-8)",
                OptimizerSettings.adam().describe());
        assertEquals("gd", new OptimizerSettings.Gd().describe());
        assertEquals(
                "cosine(initial 0.002, floor 2.0E-5, steps 100)",
                new ScheduleSettings.Cosine(2e-3, 2e-5, 100).describe());
        assertTrue(LbfgsSettings.defaults().describe().startsWith("lbfgs(historySize 50, maxEvaluations 18750, "));
    }

    @Test
    void scheduleSettingsMakeTheFactorysSchedules() {
        List<ScheduleSettings> settings = List.of(
                new ScheduleSettings.Constant(0.01),
                new ScheduleSettings.Step(0.01, 3, 0.5),
                new ScheduleSettings.Exponential(0.01, 0.5, 4),
                new ScheduleSettings.Cosine(0.01, 1e-4, 7),
                new ScheduleSettings.Plateau(0.01, 0.5, 2, 1e-4));
        List<LearningRateSchedule> factories = List.of(
                Schedules.constant(0.01),
                Schedules.step(0.01, 3, 0.5),
                Schedules.exponential(0.01, 0.5, 4),
                Schedules.cosine(0.01, 1e-4, 7),
                Schedules.reduceOnPlateau(0.01, 0.5, 2, 1e-4));
        for (int i = 0; i < settings.size(); i++) {
            LearningRateSchedule a = settings.get(i).create();
            LearningRateSchedule b = factories.get(i);
            assertEquals(settings.get(i).initialRate(), a.rate(0), 0.0);
            for (long step = 0; step < 10; step++) {
                assertEquals(b.rate(step), a.rate(step), 0.0, settings.get(i) + " at step " + step);
                a.observe(1.0); // a plateau: reduce-on-plateau lowers its rate, the others ignore it
                b.observe(1.0);
            }
        }
    }

    @Test
    void lbfgsSettingsConfigureTheOptimizer() {
        LbfgsSettings s = new LbfgsSettings(7, 100, 1e-6, 1e-9, 3, 12);
        Lbfgs l = s.create(40);
        assertEquals(7, l.historySize());
        assertEquals(100, l.maxEvaluations());
        assertEquals(1e-6, l.gradientTolerance());
        assertEquals(1e-9, l.relativeTolerance());
        assertEquals(3, l.relativeTolerancePatience());
        assertEquals(12, l.maxLineSearchEvaluations());
        assertEquals(40, l.maxIterations());
    }

    @Test
    void badValuesAreRefusedWhenTheSettingsAreMade() {
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSettings.Adam(0.9, 0.999, -1));
        assertThrows(IllegalArgumentException.class, () -> new ScheduleSettings.Constant(0));
        assertThrows(IllegalArgumentException.class, () -> new ScheduleSettings.Cosine(1e-3, 1e-2, 10));
        assertThrows(IllegalArgumentException.class, () -> new LbfgsSettings(0, 100, 0, 0, 1, 1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.byName("lion"));
        assertTrue(e.getMessage().contains("valid names: gd, sgd"), e.getMessage());
    }
}
