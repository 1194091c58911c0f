package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HeatMapChartTest {

    /** u(x, y) = sin(x) * y on [0, pi/2] x [0, 1]: min 0 on two edges, max 1 at the corner. */
    private static Field2D sinField(int nx, int ny) {
        double[] x = TestSupport.linspace(0, Math.PI / 2, nx);
        double[] y = TestSupport.linspace(0, 1, ny);
        double[][] z = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                z[i][j] = Math.sin(x[i]) * y[j];
            }
        }
        return new Field2D(x, y, z);
    }

    @Test
    void colourRangeAndAxesComeFromTheData() {
        FieldChart c = HeatMapChart.builder()
                .title("u")
                .xLabel("x")
                .yLabel("t")
                .valueLabel("u")
                .field(sinField(200, 150))
                .build();
        // Analytic extremes of the grid values: sin(0) * y = 0 and sin(pi/2) * 1 = 1 (the grid
        // contains both ends; Math.sin(PI/2) is 1.0 in double), so 1e-15 covers rounding.
        assertEquals(0.0, c.colorMin(), 1e-15);
        assertEquals(1.0, c.colorMax(), 1e-15);
        // Axes span the grid; limits are widened by 1e-9 of the span so edge ticks are drawn.
        assertEquals(0.0, c.getStyler().getXAxisMin(), 1e-8);
        assertEquals(Math.PI / 2, c.getStyler().getXAxisMax(), 1e-8);
        assertEquals(0.0, c.getStyler().getYAxisMin(), 1e-8);
        assertEquals(1.0, c.getStyler().getYAxisMax(), 1e-8);
        assertEquals("x", c.getXAxisTitle());
        assertEquals("t", c.getYAxisTitle());
        assertEquals(List.of(), HiddenSeries.shownSeriesNames(c));
        assertFalse(c.getStyler().isLegendVisible());

        BufferedImage img = ChartFiles.image(c);
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
        // Painting must not change the chart's reported size (the colour bar strip is inside).
        assertEquals(800, c.getWidth());
    }

    @Test
    void cellImageIsOnePixelPerCellWithXRightAndYUp() {
        Field2D f = sinField(20, 10);
        FieldChart c = HeatMapChart.builder().field(f).build();
        BufferedImage cells = c.cellImage();
        assertEquals(20, cells.getWidth());
        assertEquals(10, cells.getHeight());
        // Value 0 at (x=0, y=0) -> bottom-left pixel has the lowest viridis colour #440154;
        // value 1 at (x=pi/2, y=1) -> top-right pixel has the highest, #fde725. Exact integers.
        assertEquals(0xff440154, cells.getRGB(0, 9));
        assertEquals(0xfffde725, cells.getRGB(19, 0));
        for (int ix = 0; ix < 20; ix += 3) {
            for (int iy = 0; iy < 10; iy += 2) {
                assertEquals(c.colorOf(f.z()[ix][iy]).getRGB(), cells.getRGB(ix, 9 - iy), "cell " + ix + "," + iy);
            }
        }
    }

    @Test
    void nonUniformGridIsResampledToTheNearestPoint() {
        double[] x = {0.0, 1.0, 3.0};
        double[] y = {0.0, 1.0};
        double[][] z = {{0, 0}, {1, 1}, {2, 2}};
        FieldChart c = HeatMapChart.builder().field(x, y, z).build();
        BufferedImage cells = c.cellImage();
        assertTrue(cells.getWidth() > 3, "resampled width " + cells.getWidth());
        // The image spans [x0 - 0.5, x2 + 1] = [-0.5, 4]; each pixel column must show the grid
        // point nearest to its centre (found here by brute force).
        int w = cells.getWidth();
        for (int p = 0; p < w; p++) {
            double u = -0.5 + (p + 0.5) * 4.5 / w;
            int best = 0;
            for (int i = 1; i < 3; i++) {
                if (Math.abs(u - x[i]) < Math.abs(u - x[best])) {
                    best = i;
                }
            }
            assertEquals(c.colorOf(best).getRGB(), cells.getRGB(p, 0), "column " + p);
        }
    }

    @Test
    void nanCellsAreGreyAndIgnoredByTheRange() {
        double[][] z = {{1, Double.NaN}, {3, 5}};
        FieldChart c = HeatMapChart.builder()
                .field(new double[] {0, 1}, new double[] {0, 1}, z)
                .build();
        assertEquals(1.0, c.colorMin(), 0.0);
        assertEquals(5.0, c.colorMax(), 0.0);
        assertEquals(ColorMap.NO_DATA.getRGB(), c.cellImage().getRGB(0, 0));
    }

    @Test
    void fixedColourRangeAndOverlayPoints() {
        FieldChart c = HeatMapChart.builder()
                .field(sinField(10, 10))
                .colorRange(-2, 2)
                .colorMap(ColorMap.COOLWARM)
                .points("data", new double[] {0.1, 0.2}, new double[] {0.3, 0.4})
                .build();
        assertEquals(-2.0, c.colorMin(), 0.0);
        assertEquals(2.0, c.colorMax(), 0.0);
        assertEquals(List.of("data"), HiddenSeries.shownSeriesNames(c));
        assertEquals(2, c.getSeriesMap().get("data").getXData().length);
        assertTrue(c.getStyler().isLegendVisible());
        assertThrows(
                IllegalArgumentException.class, () -> HeatMapChart.builder().colorRange(1, 1));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> HeatMapChart.builder().build());
        assertTrue(e.getMessage().contains("field"), e.getMessage());
    }

    @Test
    void tripleSharesTheRangeOfPredictionAndReference() {
        Field2D ref = sinField(30, 20);
        double[][] p = new double[30][20];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 20; j++) {
                p[i][j] = 1.25 * ref.z()[i][j];
            }
        }
        Field2D pred = new Field2D(ref.x(), ref.y(), p);
        HeatMapChart.Triple t = HeatMapChart.triple()
                .quantity("u")
                .xLabel("x")
                .yLabel("t")
                .predicted(pred)
                .reference(ref)
                .build();
        // Reference spans [0, 1], prediction [0, 1.25] (1.25 * 1 is exact): the shared range
        // is [0, 1.25]; the error 0.25 * sin(x) * y peaks at 0.25 at the corner.
        for (FieldChart c : List.of(t.prediction(), t.reference())) {
            assertEquals(0.0, c.colorMin(), 1e-15);
            assertEquals(1.25, c.colorMax(), 1e-15);
            assertEquals(ColorMap.VIRIDIS, c.colorMap());
        }
        assertEquals(0.0, t.error().colorMin(), 0.0);
        assertEquals(0.25, t.error().colorMax(), 1e-15);
        assertEquals(ColorMap.MAGMA, t.error().colorMap());
        // error cells hold |p - r| = 0.25 sin(x) y; check a few against the formula (1e-15:
        // a couple of roundings of values below 1).
        for (int i = 0; i < 30; i += 7) {
            for (int j = 0; j < 20; j += 5) {
                double expected = 0.25 * Math.sin(ref.x()[i]) * ref.y()[j];
                assertEquals(expected, t.error().field().z()[i][j], 1e-15);
            }
        }
        assertTrue(t.prediction().getTitle().contains("PINN prediction"));
        assertTrue(t.reference().getTitle().contains("Reference"));
        assertTrue(t.error().getTitle().contains("Absolute error"));
        assertEquals("|u - u_ref|", t.error().valueLabel());
        assertEquals(3, t.asList().size());
    }

    @Test
    void tripleRejectsDifferentGrids() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> HeatMapChart.triple()
                        .predicted(sinField(10, 10))
                        .reference(sinField(11, 10))
                        .build());
        assertTrue(e.getMessage().contains("identical"), e.getMessage());
    }

    @Test
    void svgEmbedsTheCellsAsOneImageNotOneShapePerCell() throws Exception {
        FieldChart c =
                HeatMapChart.builder().field(sinField(200, 200)).valueLabel("u").build();
        byte[] svg = ChartFiles.svgBytes(c);
        Document doc = TestSupport.parseXml(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        String text = new String(svg, StandardCharsets.UTF_8);
        // Two raster images: the cells and the colour bar gradient.
        assertEquals(2, TestSupport.count(text, "<image"));
        // 40,000 cells as vector rectangles would take megabytes; one embedded PNG stays small.
        assertTrue(svg.length < 1_000_000, "SVG has " + svg.length + " bytes");
    }

    @Test
    void niceTicksAreRoundNumbersInsideTheRange() {
        assertEquals(List.of(-1.0, -0.5, 0.0, 0.5, 1.0), FieldChart.niceTicks(-1.0, 1.0));
        assertEquals(
                List.of(0.0, 5e-4, 1e-3, 1.5e-3, 2e-3),
                FieldChart.niceTicks(0.0, 2.0e-3).stream()
                        .map(v -> Math.round(v * 1e7) / 1e7)
                        .toList());
    }
}
