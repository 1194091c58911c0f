package org.pinn4j.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pinn4j.core.sampling.UniformSampler;

class ValidationTest {

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void domainsWithBadBoundsNameTheThingAndTheExpectedForm() {
        assertEquals("Interval: lower bound 2.0 must be < upper bound 1.0", message(() -> new Interval(2, 1)));
        assertEquals("Interval: lower bound 1.0 must be < upper bound 1.0", message(() -> new Interval(1, 1)));
        assertEquals(
                "Rectangle: lower bound 0.0 must be < upper bound -1.0 on axis 1",
                message(() -> new Rectangle(0, 0, 1, -1)));
        assertTrue(message(() -> new Box(new double[] {0, Double.NaN}, new double[] {1, 1}))
                .startsWith("Box: bounds NaN and 1.0 on axis 1 must be finite"));
        assertEquals("Disk: radius -1.0 must be > 0", message(() -> new Disk(0, 0, -1)));
        assertEquals("Disk: radius 0.0 must be > 0", message(() -> new Disk(0, 0, 0)));
        assertTrue(message(() -> new Disk(new double[] {0, 0, 0}, 1)).contains("center has 3 components, expected 2"));
        assertEquals("TimeDomain: start time 1.0 must be < end time 0.0", message(() -> new TimeDomain(1, 0)));
        assertTrue(message(() -> new TimeDomain(Double.NaN, 1)).contains("start time is NaN"));
        assertTrue(message(() -> new Box(new double[] {0}, new double[] {1, 2}))
                .contains("expected the same number d >= 1"));
    }

    @Test
    void operandsAndArgumentsAreChecked() {
        assertTrue(message(() -> new Interval(0, 1).union(new Disk(0, 0, 1)))
                .contains("dimensions 1 and 2; expected equal dimensions"));
        Disk d = new Disk(0, 0, 1);
        assertTrue(message(() -> d.contains(new double[] {0, 0, 0})).contains("point has 3 coordinates, expected 2"));
        assertTrue(message(() -> d.contains(null)).contains("must not be null"));
        assertTrue(message(() -> d.onBoundary(new double[] {1, 0}, -1)).contains("tolerance -1.0"));
        assertTrue(message(() -> d.sampleInterior(-3, new UniformSampler(1)))
                .contains("number of points -3 must be >= 0"));
        assertTrue(message(() -> d.sampleBoundary(3, null)).contains("sampler must not be null"));
        assertEquals(0, d.sampleBoundary(0, new UniformSampler(1)).size());
    }
}
