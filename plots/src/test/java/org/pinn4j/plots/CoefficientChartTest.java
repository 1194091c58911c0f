package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class CoefficientChartTest {

    private static final double[] STEPS = {0, 100, 200, 300};
    private static final double[] L1 = {0.2, 0.5, 0.8, 0.9};
    private static final double[] L2 = {0.02, 0.01, Double.NaN, 0.004};

    private static CoefficientChart.Builder builder() {
        return CoefficientChart.builder()
                .steps(STEPS)
                .coefficient("lambda1", L1, 1.0)
                .coefficient("lambda2", L2, 0.0032);
    }

    @Test
    void estimatesWithDashedTrueValuesOfTheSameColour() {
        XYChart c = builder().build();
        assertEquals(
                List.of("lambda1", "lambda1 true = 1", "lambda2", "lambda2 true = 0.0032"),
                HiddenSeries.shownSeriesNames(c));
        XYSeries truth = c.getSeriesMap().get("lambda1 true = 1");
        // A horizontal line at the true value across the whole step axis.
        assertArrayEquals(new double[] {1.0, 1.0}, truth.getYData(), 0.0);
        assertArrayEquals(new double[] {0.0, 300.0}, truth.getXData(), 0.0);
        assertTrue(truth.getLineStyle().getDashArray() != null, "true value is dashed");
        assertEquals(c.getSeriesMap().get("lambda1").getLineColor(), truth.getLineColor());
        // The NaN estimate is left out.
        assertArrayEquals(
                new double[] {0, 100, 300}, c.getSeriesMap().get("lambda2").getXData(), 0.0);
        // y range over estimates and true values: min 0.0032 (true lambda2), max 1.0 (true
        // lambda1); x over the steps. Plain copies of inputs, so exact.
        assertEquals(0.0032, c.getStyler().getYAxisMin(), 0.0);
        assertEquals(1.0, c.getStyler().getYAxisMax(), 0.0);
        assertEquals(0.0, c.getStyler().getXAxisMin(), 0.0);
        assertEquals(300.0, c.getStyler().getXAxisMax(), 0.0);
    }

    @Test
    void oneChartPerCoefficient() {
        List<XYChart> each = builder().title("Burgers inverse").buildEach();
        assertEquals(2, each.size());
        assertEquals("Burgers inverse: lambda2", each.get(1).getTitle());
        assertEquals(List.of("lambda2", "lambda2 true = 0.0032"), HiddenSeries.shownSeriesNames(each.get(1)));
        // lambda2 alone: y from the true value 0.0032 to the first estimate 0.02.
        assertEquals(0.0032, each.get(1).getStyler().getYAxisMin(), 0.0);
        assertEquals(0.02, each.get(1).getStyler().getYAxisMax(), 0.0);
    }

    @Test
    void unknownTrueValueDrawsOnlyTheEstimate() {
        XYChart c = CoefficientChart.builder().steps(STEPS).coefficient("c", L1).build();
        assertEquals(List.of("c"), HiddenSeries.shownSeriesNames(c));
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CoefficientChart.builder()
                        .steps(STEPS)
                        .coefficient("c", new double[] {1}, 1.0)
                        .build());
        assertTrue(e.getMessage().contains("coefficient 'c' has 1 values but steps has 4"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> CoefficientChart.builder().coefficient("c", L1, Double.NaN));
        assertTrue(e.getMessage().contains("must be finite"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> CoefficientChart.builder().steps(STEPS).build());
        assertTrue(e.getMessage().contains("no coefficient"), e.getMessage());
    }
}
