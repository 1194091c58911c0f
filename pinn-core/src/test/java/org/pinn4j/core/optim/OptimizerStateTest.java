package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Export/import of optimizer and schedule state gives bit-identical continuations. */
class OptimizerStateTest {

    static java.util.List<String> names() {
        return Optimizers.names();
    }

    /**
     * k steps, export, m more steps; versus a fresh optimizer importing the export and doing the same
     * m steps from a copy of the parameters at export time. Compared exactly (bit-identical).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void importedStateContinuesBitIdentically(String name) {
        TestFunctions.Rosenbrock f = new TestFunctions.Rosenbrock();
        LearningRateSchedule rate = Schedules.cosine(1e-3, 1e-5, 40);
        GradientOptimizer original = Optimizers.byName(name);
        double[] x = {-1.2, 1.0};
        double[] g = new double[2];
        int k = 17;
        int m = 23;
        for (int s = 0; s < k; s++) {
            f.valueAndGradient(x, g);
            original.step(x, g, rate.rate(s));
        }
        OptimizerState saved = original.exportState();
        double[] xSaved = x.clone();
        for (int s = k; s < k + m; s++) {
            f.valueAndGradient(x, g);
            original.step(x, g, rate.rate(s));
        }

        GradientOptimizer resumed = Optimizers.byName(name);
        resumed.importState(saved);
        assertEquals(k, resumed.stepCount());
        double[] y = xSaved;
        for (int s = k; s < k + m; s++) {
            f.valueAndGradient(y, g);
            resumed.step(y, g, rate.rate(s));
        }
        assertArrayEquals(x, y, 0.0, name + ": resumed parameters differ"); // exact
        assertEquals(original.exportState(), resumed.exportState());
        assertTrue(Math.abs(x[0] + 1.2) > 0, "the run moved");
    }

    @Test
    void exportedStateIsASnapshot() {
        Adam adam = Optimizers.adam();
        double[] x = {1.0, 2.0};
        adam.step(x, new double[] {0.5, 0.5}, 0.1);
        OptimizerState s = adam.exportState();
        double[] mBefore = s.array("m");
        adam.step(x, new double[] {0.5, 0.5}, 0.1);
        assertArrayEquals(mBefore, s.array("m"), 0.0, "later steps must not alter the export");
        s.array("m")[0] = 99.0;
        s.arrays().get("m")[0] = 99.0;
        assertArrayEquals(mBefore, s.array("m"), 0.0, "callers cannot mutate the snapshot");
        assertEquals(1L, s.counter("steps"));
    }

    @Test
    void importRejectsOtherKindOrHyperparameters() {
        Adam adam = Optimizers.adam();
        adam.step(new double[] {1.0}, new double[] {1.0}, 0.1);
        OptimizerState s = adam.exportState();
        IllegalArgumentException kind = assertThrows(
                IllegalArgumentException.class, () -> Optimizers.rmsProp().importState(s));
        assertTrue(kind.getMessage().contains("'adam'") && kind.getMessage().contains("'rmsprop'"), kind.getMessage());
        IllegalArgumentException hyper = assertThrows(
                IllegalArgumentException.class,
                () -> Optimizers.adam(0.8, 0.999, 1e-8).importState(s));
        assertTrue(hyper.getMessage().contains("beta1=0.9"), hyper.getMessage());
    }

    @Test
    void importRejectsInconsistentArrays() {
        OptimizerState bad = new OptimizerState(
                "momentum", Map.of("steps", 3L, "dimension", 4L), Map.of("alpha", 0.9), Map.of("delta", new double[3]));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Optimizers.momentum().importState(bad));
        assertTrue(e.getMessage().contains("'delta' has length 3"), e.getMessage());
        OptimizerState missing =
                new OptimizerState("momentum", Map.of("steps", 3L, "dimension", 4L), Map.of("alpha", 0.9), Map.of());
        IllegalArgumentException e2 = assertThrows(
                IllegalArgumentException.class, () -> Optimizers.momentum().importState(missing));
        assertTrue(e2.getMessage().contains("missing array 'delta'"), e2.getMessage());
    }

    @Test
    void resetForgetsStateAndAllowsAnotherSize() {
        Nesterov n = Optimizers.nesterov();
        n.step(new double[3], new double[] {1, 1, 1}, 0.1);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> n.step(new double[2], new double[2], 0.1));
        assertTrue(e.getMessage().contains("params length 2 differs from 3"), e.getMessage());
        n.reset();
        assertEquals(0, n.stepCount());
        double[] p = {1.0, 1.0};
        n.step(p, new double[] {1.0, -1.0}, 0.1);
        // Fresh velocity: theta -= lr (g + mu g) = 0.19 g, exactly as a first step (tolerance: ulps).
        assertArrayEquals(new double[] {0.81, 1.19}, p, 1e-15);
    }

    @Test
    void reduceOnPlateauStateResumes() {
        ReduceOnPlateau a = Schedules.reduceOnPlateau(1.0, 0.5, 1, 1e-3);
        double[] losses = {5, 4, 4, 4, 3.9, 3.9, 3.9, 3.9, 3.0, 3.0, 3.0};
        for (int i = 0; i < 5; i++) {
            a.observe(losses[i]);
        }
        ReduceOnPlateau b = Schedules.reduceOnPlateau(1.0, 0.5, 1, 1e-3);
        b.importState(a.exportState());
        for (int i = 5; i < losses.length; i++) {
            a.observe(losses[i]);
            b.observe(losses[i]);
            assertEquals(a.rate(i), b.rate(i), 0.0); // exact
        }
        assertEquals(a.exportState(), b.exportState());
        assertNotEquals(1.0, a.currentRate(), "the sequence contains plateaus");
    }
}
