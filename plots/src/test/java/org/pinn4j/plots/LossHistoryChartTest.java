package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LossHistoryChartTest {

    private static final double[] STEPS = {0, 1, 2, 3, 4, 5};

    @Test
    void termsTotalValidationAndMarkersOnALogAxis() {
        Map<String, double[]> terms = new LinkedHashMap<>();
        terms.put("PDE", new double[] {0.2, 0.1, 0.05, 0.01, 1e-3, 3e-5});
        terms.put("BC", new double[] {0.1, 0.05, 0.01, 1e-3, 1e-4, 1e-4});
        XYChart c = LossHistoryChart.builder()
                .steps(STEPS)
                .terms(terms)
                .total(new double[] {0.3, 0.15, 0.06, 0.011, 1.1e-3, 1.3e-4})
                .validation(new double[] {0, 5}, new double[] {0.35, 2e-4})
                .marker(0, "Adam")
                .marker(3, "L-BFGS")
                .build();
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertEquals(
                List.of(
                        "PDE",
                        "BC",
                        LossHistoryChart.TOTAL_NAME,
                        LossHistoryChart.VALIDATION_NAME,
                        "marker: Adam at 0",
                        "marker: L-BFGS at 3"),
                HiddenSeries.shownSeriesNames(c));
        XYSeries switchLine = c.getSeriesMap().get("marker: L-BFGS at 3");
        assertFalse(switchLine.isShowInLegend());
        assertArrayEquals(new double[] {3, 3}, switchLine.getXData(), 0.0);
        assertArrayEquals(
                new double[] {0, 5}, c.getSeriesMap().get("validation").getXData(), 0.0);

        // Values span [3e-5, 0.35]: whole decades [1e-5, 1]. Math.pow(10, -5) is within an ulp
        // of 1e-5, so a relative tolerance of 1e-15 applies; steps span [0, 5] exactly.
        assertEquals(1e-5, c.getStyler().getYAxisMin(), 1e-15 * 1e-5);
        assertEquals(1.0, c.getStyler().getYAxisMax(), 1e-15);
        assertEquals(0.0, c.getStyler().getXAxisMin(), 0.0);
        assertEquals(5.0, c.getStyler().getXAxisMax(), 0.0);
        // The marker line spans the whole y axis.
        assertArrayEquals(new double[] {1e-5, 1.0}, switchLine.getYData(), 1e-15);

        BufferedImage img = ChartFiles.image(c);
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
    }

    @Test
    void nonPositiveAndNonFiniteValuesAreDropped() {
        XYChart c = LossHistoryChart.builder()
                .steps(STEPS)
                .term("data", new double[] {1, 0, -1, Double.NaN, 0.5, Double.POSITIVE_INFINITY})
                .term("never positive", new double[] {0, 0, -1, Double.NaN, 0, -2})
                .build();
        XYSeries s = c.getSeriesMap().get("data");
        assertArrayEquals(new double[] {0, 4}, s.getXData(), 0.0);
        assertArrayEquals(new double[] {1, 0.5}, s.getYData(), 0.0);
        for (XYSeries series : c.getSeriesMap().values()) {
            for (double y : series.getYData()) {
                assertTrue(y > 0, series.getName() + " has " + y + " on the log axis");
            }
        }
        // A term without a single positive value draws nothing.
        assertEquals(List.of("data"), HiddenSeries.shownSeriesNames(c));

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LossHistoryChart.builder()
                        .steps(STEPS)
                        .term("zero", new double[] {0, 0, 0, 0, 0, 0})
                        .build());
        assertTrue(e.getMessage().contains("no positive finite loss"), e.getMessage());
    }

    @Test
    void longHistoriesAreThinnedButKeepSpikesAndEnds() {
        int n = 100_000;
        double[] steps = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            loss[i] = Math.exp(-i / 20_000.0);
        }
        loss[54_321] = 50.0;
        loss[77_777] = 1e-9;
        XYChart c = LossHistoryChart.builder().steps(steps).total(loss).build();
        XYSeries s = c.getSeriesMap().get(LossHistoryChart.TOTAL_NAME);
        assertTrue(s.getXData().length <= 1000, s.getXData().length + " points");
        List<Double> xs = java.util.Arrays.stream(s.getXData()).boxed().toList();
        assertTrue(xs.contains(0.0) && xs.contains(n - 1.0), "first and last step kept");
        assertTrue(xs.contains(54_321.0), "upward spike kept");
        assertTrue(xs.contains(77_777.0), "downward spike kept");
        // The y axis still spans the spikes' decades: [1e-9, 1e2] (relative 1e-15, see above).
        assertEquals(1e-9, c.getStyler().getYAxisMin(), 1e-15 * 1e-9);
        assertEquals(100.0, c.getStyler().getYAxisMax(), 1e-13);
        // Thinned x values stay in increasing order.
        for (int i = 1; i < xs.size(); i++) {
            assertTrue(xs.get(i) > xs.get(i - 1));
        }
    }

    @Test
    void rejectsInconsistentInput() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LossHistoryChart.builder()
                        .steps(STEPS)
                        .term("a", new double[] {1, 2})
                        .build());
        assertTrue(e.getMessage().contains("term 'a' has 2 values but steps has 6"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> LossHistoryChart.builder().steps(STEPS).build());
        assertTrue(e.getMessage().contains("no loss given"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> LossHistoryChart.builder().term("a", new double[] {1}).term("a", new double[] {1}));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> LossHistoryChart.builder().marker(Double.NaN, "x"));
        assertTrue(e.getMessage().contains("marker step"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> LossHistoryChart.builder().validation(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("validation values has 1 values"), e.getMessage());
    }
}
