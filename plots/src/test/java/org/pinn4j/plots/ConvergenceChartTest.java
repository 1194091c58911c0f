package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ConvergenceChartTest {

    @Test
    void curvesWithTheirOwnXOnWholeDecades() {
        XYChart c = ConvergenceChart.builder()
                .title("rel L2")
                .xLabel("seconds")
                .curve("L-BFGS", new double[] {0, 1, 2}, new double[] {1e-2, 1e-3, 5e-4})
                .curve("SSBroyden", new double[] {0, 0.5, 1, 3}, new double[] {1e-2, 1e-4, 0, 2e-6})
                .marker(0, "Adam ends")
                .build();
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("L-BFGS", "SSBroyden", "marker: Adam ends at 0"), HiddenSeries.shownSeriesNames(c));
        // the zero is left out of the log-axis curve, the other points keep their own x
        assertArrayEquals(
                new double[] {0, 0.5, 3}, c.getSeriesMap().get("SSBroyden").getXData(), 0.0);
        // values span [2e-6, 1e-2]: whole decades [1e-6, 1e-2] (Math.pow(10, k) within an ulp: relative 1e-15)
        assertEquals(1e-6, c.getStyler().getYAxisMin(), 1e-15 * 1e-6);
        assertEquals(1e-2, c.getStyler().getYAxisMax(), 1e-15 * 1e-2);
        BufferedImage img = ChartFiles.image(c);
        assertEquals(800, img.getWidth());
    }

    @Test
    void refusesWhatCannotBeDrawn() {
        assertThrows(
                IllegalArgumentException.class, () -> ConvergenceChart.builder().build());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConvergenceChart.builder()
                        .curve("a", new double[] {1, 2}, new double[] {0, -1})
                        .build());
        assertTrue(e.getMessage().contains("no positive finite value"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> ConvergenceChart.builder().curve("a", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("curve 'a'"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> ConvergenceChart.builder()
                        .curve("a", new double[] {1}, new double[] {1})
                        .curve("a", new double[] {1}, new double[] {1}));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }
}
