package org.pinn4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Schedule values against their closed forms. Tolerance 1e-15 relative (a few ulps): the
 * schedules use StrictMath, the expected values are typed decimals or java.lang.Math.
 */
class ScheduleTest {

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, 1e-15 * Math.abs(expected));
    }

    @Test
    void constant() {
        LearningRateSchedule s = Schedules.constant(0.01);
        close(0.01, s.rate(0));
        close(0.01, s.rate(1_000_000));
    }

    @Test
    void stepDecayMultipliesEveryKSteps() {
        LearningRateSchedule s = Schedules.step(0.1, 10, 0.5);
        close(0.1, s.rate(0));
        close(0.1, s.rate(9));
        close(0.05, s.rate(10));
        close(0.05, s.rate(19));
        close(0.025, s.rate(20));
        close(0.1 * Math.pow(0.5, 7), s.rate(75));
    }

    @Test
    void exponentialDecay() {
        LearningRateSchedule s = Schedules.exponential(0.1, 0.99);
        close(0.1, s.rate(0));
        close(0.1 * 0.99, s.rate(1));
        close(0.1 * 0.3660323412732292, s.rate(100)); // 0.99^100
        LearningRateSchedule smooth = Schedules.exponential(1.0, 0.5, 100);
        close(Math.sqrt(0.5), smooth.rate(50));
        close(0.5, smooth.rate(100));
        close(0.25, smooth.rate(200));
    }

    @Test
    void cosineAnnealsToTheFloorAndStays() {
        LearningRateSchedule s = Schedules.cosine(1.0, 0.1, 100);
        close(1.0, s.rate(0));
        close(0.55, s.rate(50));
        close(0.1 + 0.45 * (1 + Math.sqrt(0.5)), s.rate(25)); // cos(pi/4) = sqrt(1/2)
        close(0.1 + 0.45 * (1 - Math.sqrt(0.5)), s.rate(75));
        close(0.1, s.rate(100));
        close(0.1, s.rate(5000));
    }

    @Test
    void reduceOnPlateauReducesAfterPatience() {
        ReduceOnPlateau s = Schedules.reduceOnPlateau(1.0, 0.5, 2, 0.2);
        s.observe(10.0);
        s.observe(9.0); // improvement
        assertEquals(1.0, s.rate(0));
        s.observe(9.0); // bad 1
        s.observe(8.9995); // bad 2: not below 9 - 1e-4 * 9 = 8.9991
        assertEquals(1.0, s.rate(0), "patience 2: two non-improving losses are tolerated");
        s.observe(9.5); // bad 3 > patience: reduce
        assertEquals(0.5, s.rate(0));
        assertEquals(1, s.reductions());
        s.observe(8.0); // improvement resets the count
        s.observe(8.0);
        s.observe(8.0);
        assertEquals(0.5, s.rate(0));
        s.observe(8.0);
        assertEquals(0.25, s.rate(0));
        for (int i = 0; i < 3; i++) {
            s.observe(8.0);
        }
        assertEquals(0.2, s.rate(0), "floored at the min rate 0.2, not 0.125");
        for (int i = 0; i < 6; i++) {
            s.observe(Double.NaN); // NaN never improves
        }
        assertEquals(0.2, s.rate(0));
        assertEquals(8.0, s.bestLoss());
        assertEquals(3, s.reductions(), "reaching the floor counts, staying there does not");
    }

    @Test
    void zeroPatienceReducesOnEveryNonImprovement() {
        ReduceOnPlateau s = Schedules.reduceOnPlateau(1.0, 0.1, 0, 0.0);
        s.observe(1.0);
        s.observe(1.0);
        close(0.1, s.rate(0));
        s.observe(2.0);
        close(0.01, s.rate(0));
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedules.step(0.1, 0, 0.5));
        assertTrue(e.getMessage().contains("'every' must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.cosine(0.1, 0.2, 10));
        assertTrue(e.getMessage().contains("floor 0.2 must be <= initial rate 0.1"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Schedules.constant(0.1).rate(-1));
        assertTrue(e.getMessage().contains("step must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.reduceOnPlateau(0.1, 1.5, 3, 0.0));
        assertTrue(e.getMessage().contains("factor must be in (0, 1)"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Schedules.cosine(0.1, 0.0, 10)
                        .importState(Schedules.cosine(0.1, 0.0, 20).exportState()));
        assertTrue(e.getMessage().contains("steps=20.0"), e.getMessage());
    }
}
