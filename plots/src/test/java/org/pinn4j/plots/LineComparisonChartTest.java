package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LineComparisonChartTest {

    private static final int N = 201;
    private static final double[] X = TestSupport.linspace(0, 2 * Math.PI, N);

    private static double[] reference() {
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            r[i] = Math.sin(X[i]);
        }
        return r;
    }

    private static double[] predicted() {
        return scaledSine(0.9);
    }

    private static double[] scaledSine(double factor) {
        double[] p = new double[N];
        for (int i = 0; i < N; i++) {
            p[i] = factor * Math.sin(X[i]);
        }
        return p;
    }

    @Test
    void buildsSolutionAndErrorChartsWithNamedSeries() {
        LineComparisonChart.Charts c = LineComparisonChart.builder()
                .title("sine")
                .xLabel("x [m]")
                .yLabel("u [m/s]")
                .x(X)
                .predicted(predicted())
                .reference(reference())
                .trainingPoints(new double[] {1.0, 2.0}, new double[] {1.5, -1.25})
                .build();
        XYChart s = c.solution();
        assertEquals(List.of("exact", "PINN prediction", "training data"), HiddenSeries.shownSeriesNames(s));
        assertEquals(
                XYSeries.XYSeriesRenderStyle.Scatter,
                s.getSeriesMap().get("training data").getXYSeriesRenderStyle());
        assertEquals(N, s.getSeriesMap().get("exact").getXData().length);
        assertEquals("x [m]", s.getXAxisTitle());
        assertEquals("u [m/s]", s.getYAxisTitle());
        assertEquals("sine", s.getTitle());

        // Axis ranges from the data: x over [0, 2 pi]; y from the lowest training point -1.25 to
        // the highest 1.5 (the curves stay within [-1, 1]). Exact values, no arithmetic involved.
        assertEquals(0.0, s.getStyler().getXAxisMin(), 0.0);
        assertEquals(2 * Math.PI, s.getStyler().getXAxisMax(), 0.0);
        assertEquals(-1.25, s.getStyler().getYAxisMin(), 0.0);
        assertEquals(1.5, s.getStyler().getYAxisMax(), 0.0);

        XYChart e = c.error();
        assertEquals(List.of(LineComparisonChart.ERROR_NAME), HiddenSeries.shownSeriesNames(e));
        double[] err = e.getSeriesMap().get(LineComparisonChart.ERROR_NAME).getYData();
        // |0.9 sin x - sin x| = 0.1 |sin x|; two roundings of numbers below 1 -> 1e-15.
        for (int i = 0; i < N; i++) {
            assertEquals(0.1 * Math.abs(Math.sin(X[i])), err[i], 1e-15, "x = " + X[i]);
        }
        // The error axis runs from 0 to the largest error, 0.1 at x = pi/2 (a grid point:
        // 2 pi * 50 / 200), up to the rounding of sin there (1e-15).
        assertEquals(0.0, e.getStyler().getYAxisMin(), 0.0);
        assertEquals(0.1, e.getStyler().getYAxisMax(), 1e-15);
        assertFalse(e.getStyler().isYAxisLogarithmic());

        BufferedImage img = ChartFiles.image(s);
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
    }

    @Test
    void nonFiniteValuesAreLeftOutOfSeriesAndError() {
        double[] p = predicted();
        p[10] = Double.NaN;
        LineComparisonChart.Charts c = LineComparisonChart.builder()
                .x(X)
                .predicted(p)
                .reference(reference())
                .build();
        assertEquals(N - 1, c.solution().getSeriesMap().get("PINN prediction").getXData().length);
        assertEquals(N, c.solution().getSeriesMap().get("exact").getXData().length);
        double[] ex =
                c.error().getSeriesMap().get(LineComparisonChart.ERROR_NAME).getXData();
        assertEquals(N - 1, ex.length);
        for (double v : ex) {
            assertTrue(v != X[10]);
        }
    }

    @Test
    void logErrorAxisDropsZerosAndSpansDecades() {
        LineComparisonChart.Charts c = LineComparisonChart.builder()
                .x(X)
                .predicted(scaledSine(0.7))
                .reference(reference())
                .errorLogScale(true)
                .build();
        XYChart e = c.error();
        assertTrue(e.getStyler().isYAxisLogarithmic());
        double[] err = e.getSeriesMap().get(LineComparisonChart.ERROR_NAME).getYData();
        for (double v : err) {
            assertTrue(v > 0, "non-positive error " + v + " on a log axis");
        }
        // sin(0) = 0 exactly gives a zero error, which is dropped; sin(2 pi) in double is
        // -2.4e-16, not zero, so exactly one point goes.
        assertEquals(N - 1, err.length);
        // Errors 0.3 |sin x| reach 0.3 (decade above: 1e0); the smallest is 0.3 * |sin(2 pi)|
        // ~ 7.3e-17 (decade below: 1e-17). Limits are powers of ten within a relative 1e-15.
        assertEquals(1.0, e.getStyler().getYAxisMax(), 1e-15);
        assertEquals(1e-17, e.getStyler().getYAxisMin(), 1e-15 * 1e-17);
    }

    @Test
    void exactPredictionGivesAnEmptyLogErrorChartThatStillRenders() {
        LineComparisonChart.Charts c = LineComparisonChart.builder()
                .x(X)
                .predicted(reference())
                .reference(reference())
                .errorLogScale(true)
                .build();
        // Every error is exactly 0: nothing can be drawn on a log axis, so no error series.
        assertEquals(List.of(), HiddenSeries.shownSeriesNames(c.error()));
        BufferedImage img = ChartFiles.image(c.error());
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LineComparisonChart.builder()
                        .x(X)
                        .predicted(new double[3])
                        .reference(reference())
                        .build());
        assertTrue(e.getMessage().contains("predicted has 3 values but x has 201"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> LineComparisonChart.builder().x(X).reference(reference()).build());
        assertTrue(e.getMessage().contains("predicted must not be null"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> LineComparisonChart.builder()
                        .width(20)
                        .x(X)
                        .predicted(predicted())
                        .reference(reference())
                        .build());
        assertTrue(e.getMessage().contains("size 20x600"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> LineComparisonChart.builder()
                        .names("a", "a")
                        .x(X)
                        .predicted(predicted())
                        .reference(reference())
                        .build());
        assertTrue(e.getMessage().contains("different names"), e.getMessage());
    }

    @Test
    void slicesOfTwoFieldsOverlayAndSeparately() {
        double[] x = TestSupport.linspace(-1, 1, 41);
        double[] t = TestSupport.linspace(0, 1, 101);
        double[][] u = new double[x.length][t.length];
        double[][] v = new double[x.length][t.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < t.length; j++) {
                u[i][j] = -Math.sin(Math.PI * x[i]) * (1 - t[j]);
                v[i][j] = u[i][j] + 1e-3;
            }
        }
        Field2D pred = new Field2D(x, t, v);
        Field2D ref = new Field2D(x, t, u);
        LineComparisonChart.SlicesBuilder b = LineComparisonChart.slices().title("Burgers");
        for (double ts : new double[] {0.25, 0.5, 0.75}) {
            b.slice(LineComparisonChart.Slice.atY(pred, ref, ts, "t"));
        }
        LineComparisonChart.Charts all = b.build();
        assertEquals(
                List.of(
                        "exact, t = 0.25",
                        "PINN, t = 0.25",
                        "exact, t = 0.5",
                        "PINN, t = 0.5",
                        "exact, t = 0.75",
                        "PINN, t = 0.75"),
                HiddenSeries.shownSeriesNames(all.solution()));
        assertEquals(List.of("t = 0.25", "t = 0.5", "t = 0.75"), HiddenSeries.shownSeriesNames(all.error()));
        // The slice at t = 0.5 is grid column 50: u = -sin(pi x) * 0.5 (t[50] = 0.5 exactly).
        double[] y = all.solution().getSeriesMap().get("exact, t = 0.5").getYData();
        for (int i = 0; i < x.length; i++) {
            assertEquals(-Math.sin(Math.PI * x[i]) * 0.5, y[i], 1e-15);
        }
        // Constant offset 1e-3 -> every error is 1e-3 up to the rounding of u + 1e-3 (~1e-16).
        for (double err : all.error().getSeriesMap().get("t = 0.75").getYData()) {
            assertEquals(1e-3, err, 1e-15);
        }

        List<LineComparisonChart.Charts> each = b.buildEach();
        assertEquals(3, each.size());
        assertEquals("Burgers: t = 0.5", each.get(1).solution().getTitle());
        assertArrayEquals(x, each.get(1).solution().getSeriesMap().get("exact").getXData(), 0.0);

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> b.slice(LineComparisonChart.Slice.atY(pred, ref, 0.5, "t")));
        assertTrue(e.getMessage().contains("t = 0.5"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> LineComparisonChart.slices().build());
    }
}
