package org.pinn4j.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    // Tolerance for hand-computed values: a few ulps of the O(1) results.
    private static final double TOL = 1e-15;

    @Test
    void handCheckedSmallVector() {
        double[] pred = {1, 2, 3};
        double[] ref = {1, 2, 5};
        // errors (0, 0, -2): ||e|| = 2, ||ref|| = sqrt(1 + 4 + 25) = sqrt(30)
        assertEquals(2.0 / Math.sqrt(30.0), Metrics.relativeL2(pred, ref), TOL);
        assertEquals(2.0, Metrics.maxAbs(pred, ref), TOL);
        assertEquals(Math.sqrt(4.0 / 3.0), Metrics.rmse(pred, ref), TOL);
    }

    @Test
    void secondHandCheckedVector() {
        double[] pred = {0.5, -1.0, 2.0, 0.0};
        double[] ref = {0.0, -1.0, 1.0, 1.0};
        // errors (0.5, 0, 1, -1): sum e^2 = 2.25, sum ref^2 = 3, max = 1, rmse = sqrt(2.25/4) = 0.75
        assertEquals(Math.sqrt(0.75), Metrics.relativeL2(pred, ref), TOL);
        assertEquals(1.0, Metrics.maxAbs(pred, ref), TOL);
        assertEquals(0.75, Metrics.rmse(pred, ref), TOL);
    }

    @Test
    void exactPredictionHasZeroError() {
        double[] ref = {0.3, -7.0, 1e-3};
        // identical arrays: every metric is exactly zero
        assertEquals(0.0, Metrics.relativeL2(ref.clone(), ref), 0.0);
        assertEquals(0.0, Metrics.maxAbs(ref.clone(), ref), 0.0);
        assertEquals(0.0, Metrics.rmse(ref.clone(), ref), 0.0);
    }

    @Test
    void hugeAndTinyValuesDoNotOverflowOrUnderflow() {
        // (3e200, 4e200) vs 0 error norm 5e200 would overflow if squared naively; relative 1e-15 tolerance
        double[] pred = {3e200, 4e200};
        double[] ref = {0.0, 0.0};
        assertEquals(Math.sqrt(12.5) * 1e200, Metrics.rmse(pred, ref), 1e-15 * 1e200 * 3.6);
        double[] tinyPred = {3e-200, 4e-200};
        double[] tinyRef = {6e-200, 8e-200};
        // error (−3, −4)e-200, ref norm 10e-200: relative L2 = 0.5 exactly up to rounding
        assertEquals(0.5, Metrics.relativeL2(tinyPred, tinyRef), TOL);
    }

    @Test
    void summaryAgreesWithIndividualMetrics() {
        double[] pred = {1, 2, 3};
        double[] ref = {1, 2, 5};
        ErrorSummary s = ErrorSummary.of(pred, ref);
        // same hand-computed values as above
        assertEquals(2.0 / Math.sqrt(30.0), s.relativeL2(), TOL);
        assertEquals(2.0, s.maxAbs(), TOL);
        assertEquals(Math.sqrt(4.0 / 3.0), s.rmse(), TOL);
        assertEquals(3, s.count());
        ErrorSummary zeroRef = ErrorSummary.of(new double[] {1, 1}, new double[] {0, 0});
        assertTrue(Double.isNaN(zeroRef.relativeL2()));
        assertEquals(1.0, zeroRef.rmse(), TOL);
    }

    @Test
    void badInputGivesClearMessages() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Metrics.rmse(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("2 values but reference has 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.maxAbs(new double[0], new double[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Metrics.relativeL2(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("prediction[1] = NaN"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Metrics.relativeL2(new double[] {1, 2}, new double[] {Double.POSITIVE_INFINITY, 2}));
        assertTrue(e.getMessage().contains("reference[0] = Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.rmse(null, new double[] {1}));
        assertTrue(e.getMessage().contains("prediction array is null"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Metrics.relativeL2(new double[] {1, 2}, new double[] {0, 0}));
        assertTrue(e.getMessage().contains("identically zero"), e.getMessage());
    }
}
