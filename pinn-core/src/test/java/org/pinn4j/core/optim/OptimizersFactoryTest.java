package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names, defaults and argument checks of the optimizer factory. */
class OptimizersFactoryTest {

    @Test
    void everyNameBuildsTheOptimizerOfThatName() {
        for (String name : Optimizers.names()) {
            assertEquals(name, Optimizers.byName(name).name());
            assertEquals(name, Optimizers.byName(" " + name.toUpperCase() + " ").name());
        }
        assertEquals(10, Optimizers.names().size());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.byName("adamax"));
        assertTrue(e.getMessage().contains("'adamax'"), e.getMessage());
        for (String name : Optimizers.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Optimizers.byName(null));
    }

    @Test
    void defaultsAreTheCustomaryOnes() {
        Adam adam = Optimizers.adam();
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-8, adam.eps());
        assertEquals(0.0, adam.weightDecay());
        assertEquals(1e-3, adam.defaultLearningRate());
        assertEquals(0.01, Optimizers.adamW().weightDecay());
        assertEquals(0.95, Optimizers.adadelta().rho());
        assertEquals(1.0, Optimizers.adadelta().defaultLearningRate());
    }

    @Test
    void badHyperparametersAreNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(1.0, 0.999, 1e-8));
        assertTrue(e.getMessage().contains("beta1 must be in [0, 1), got 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.rmsProp(0.9, 0.0));
        assertTrue(e.getMessage().contains("RmsProp: eps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adamW(-0.1));
        assertTrue(e.getMessage().contains("weight decay"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent("adam"));
        assertTrue(e.getMessage().contains("\"gd\" or \"sgd\""), e.getMessage());
    }

    @Test
    void badStepArgumentsAreRejectedWithClearMessages() {
        GradientOptimizer o = Optimizers.sgd();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> o.step(new double[2], new double[3], 0.1));
        assertTrue(e.getMessage().contains("grad length 3 must equal params length 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> o.step(new double[2], new double[2], Double.NaN));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> o.step(null, new double[2], 0.1));
        assertTrue(e.getMessage().contains("params null"), e.getMessage());
        assertEquals(0, o.stepCount(), "rejected steps are not counted");
    }
}
