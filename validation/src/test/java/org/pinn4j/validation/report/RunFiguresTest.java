package org.pinn4j.validation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.pinn4j.core.train.History;
import org.pinn4j.plots.FieldChart;
import org.pinn4j.plots.HiddenSeries;
import org.pinn4j.plots.LossHistoryChart;
import org.pinn4j.problems.EvaluationGrid;

/** The charts of a run built from hand-made {@link RunData}: names, series, axis ranges, values; then written. */
class RunFiguresTest {

    @TempDir
    Path tmp;

    /** A three-step history with terms pde and bc, a switch to L-BFGS at step 3 and one coefficient k. */
    private static History history(boolean withCoefficient) {
        History h = new History(List.of("pde", "bc"), withCoefficient ? List.of("k") : List.of());
        double[] c = withCoefficient ? new double[] {0.5} : new double[0];
        h.markSwitch(1, "adam");
        h.record(1, "adam", 1e-3, 10.0, new double[] {9.0, 1.0}, c, Double.NaN, 0.1);
        h.record(2, "adam", 1e-3, 1.0, new double[] {0.9, 0.1}, withCoefficient ? new double[] {0.8} : c, 0.5, 0.2);
        h.markSwitch(3, "lbfgs");
        h.record(
                3,
                "lbfgs",
                0.0,
                0.01,
                new double[] {0.009, 0.001},
                withCoefficient ? new double[] {0.95} : c,
                Double.NaN,
                0.3);
        return h;
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    /** 1-D: u = 1.1 sin(pi x) predicted against sin(pi x) on 101 points, with 5 measured points. */
    private static RunData line() {
        double[] x = EvaluationGrid.linspace(-1, 1, 101);
        double[] ref = new double[x.length];
        double[] pred = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            ref[i] = Math.sin(Math.PI * x[i]);
            pred[i] = 1.1 * ref[i];
        }
        RunData.DataPoints data = new RunData.DataPoints(
                "data", "u", new double[][] {{-0.5, 0, 0.25, 0.5, 0.9}}, new double[] {-1.0, 0.0, 0.7, 1.0, 0.3});
        return new RunData(
                "line",
                List.of("x"),
                List.of("u"),
                new double[][] {x},
                new double[] {-1},
                new double[] {1},
                -1,
                new double[][] {pred},
                Optional.of(new double[][] {ref}),
                "exact",
                all(x.length),
                Optional.of(new RunData.Residual("pde", new double[] {1e-3, 1e-2, 1e-4, 0.0})),
                List.of(data),
                history(true),
                Map.of("k", 1.0));
    }

    /** x-t field u = sin(pi x) exp(-t) on 41 x 101 points; the prediction is off by 0.01 x t. */
    private static RunData spaceTime() {
        double[] x = EvaluationGrid.linspace(0, 1, 41);
        double[] t = EvaluationGrid.linspace(0, 1, 101);
        int n = x.length * t.length;
        double[] ref = new double[n];
        double[] pred = new double[n];
        for (int it = 0; it < t.length; it++) {
            for (int ix = 0; ix < x.length; ix++) {
                int p = ix + x.length * it;
                ref[p] = Math.sin(Math.PI * x[ix]) * Math.exp(-t[it]);
                pred[p] = ref[p] + 0.01 * x[ix] * t[it];
            }
        }
        return new RunData(
                "heat",
                List.of("x", "t"),
                List.of("u"),
                new double[][] {x, t},
                new double[] {0, 0},
                new double[] {1, 1},
                1,
                new double[][] {pred},
                Optional.of(new double[][] {ref}),
                "exact",
                all(n),
                Optional.empty(),
                List.of(),
                history(false),
                Map.of());
    }

    @Test
    void lineChartHasPredictionReferenceAndTrainingPointsOverTheGridRange() {
        RunData d = line();
        List<Figure> f = RunFigures.lines(d);
        assertEquals(
                List.of("prediction", "error"), f.stream().map(Figure::name).toList());
        XYChart s = (XYChart) f.get(0).panels().get(0);
        assertEquals(List.of("exact", "PINN", "training data (5 points)"), HiddenSeries.shownSeriesNames(s));
        assertEquals(
                XYSeries.XYSeriesRenderStyle.Scatter,
                s.getSeriesMap().get("training data (5 points)").getXYSeriesRenderStyle());
        assertEquals("x", s.getXAxisTitle());
        assertEquals("u", s.getYAxisTitle());
        assertTrue(s.getTitle().startsWith("line: "), s.getTitle());
        // axes from the data: x over the grid [-1, 1]; y over 1.1 sin(pi x), whose extremes -1.1 and 1.1 lie on the
        // grid points x = -0.5 and 0.5 where Math.sin gives exactly -1 and 1: one rounding of 1.1 * 1 -> 0 tolerance
        assertEquals(-1.0, s.getStyler().getXAxisMin(), 0.0);
        assertEquals(1.0, s.getStyler().getXAxisMax(), 0.0);
        assertEquals(-1.1, s.getStyler().getYAxisMin(), 0.0);
        assertEquals(1.1, s.getStyler().getYAxisMax(), 0.0);
        assertArrayEquals(
                d.prediction()[0], s.getSeriesMap().get("PINN").getYData(), 0.0, "the prediction is drawn as given");

        XYChart e = (XYChart) f.get(1).panels().get(0);
        double[] err =
                e.getSeriesMap().get(HiddenSeries.shownSeriesNames(e).get(0)).getYData();
        assertEquals(101, err.length);
        for (int i = 0; i < err.length; i++) {
            // |1.1 s - s| against 0.1 |s|: two roundings of numbers below 1.1 -> 1e-15
            assertEquals(0.1 * Math.abs(d.reference().get()[0][i]), err[i], 1e-15);
        }
        assertTrue(e.getTitle().contains("|PINN - exact|"), e.getTitle());
    }

    @Test
    void severalOutputsGetOneChartPairEach() {
        double[] t = EvaluationGrid.linspace(0, 3, 31);
        double[][] v = new double[3][t.length];
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < t.length; i++) {
                v[o][i] = (o + 1) * t[i];
            }
        }
        RunData d = new RunData(
                "lorenz",
                List.of("t"),
                List.of("x", "y", "z"),
                new double[][] {t},
                new double[] {0},
                new double[] {3},
                0,
                v,
                Optional.of(v),
                "reference",
                all(t.length),
                Optional.empty(),
                List.of(),
                history(false),
                Map.of());
        List<String> names = RunFigures.lines(d).stream().map(Figure::name).toList();
        assertEquals(List.of("prediction_x", "error_x", "prediction_y", "error_y", "prediction_z", "error_z"), names);
        XYChart z = (XYChart) RunFigures.lines(d).get(4).panels().get(0);
        // z = 3 t over t in [0, 3]: y axis [0, 9] exactly (3 * 3 is exact)
        assertEquals(0.0, z.getStyler().getYAxisMin(), 0.0);
        assertEquals(9.0, z.getStyler().getYAxisMax(), 0.0);
        assertEquals("t (time)", z.getXAxisTitle());
    }

    @Test
    void spaceTimeFieldsAreMapsOfTheGridValues() {
        RunData d = spaceTime();
        List<Figure> f = RunFigures.fields(d);
        assertEquals(
                List.of("prediction", "reference", "error"),
                f.stream().map(Figure::name).toList());
        FieldChart p = (FieldChart) f.get(0).panels().get(0);
        FieldChart e = (FieldChart) f.get(2).panels().get(0);
        assertEquals("x", p.getXAxisTitle());
        assertEquals("t (time)", p.getYAxisTitle());
        assertEquals("u", p.valueLabel());
        int nx = 41;
        for (int ix = 0; ix < nx; ix++) {
            for (int it = 0; it < 101; it++) {
                // the grid runs x fastest: point ix + 41 it is z[ix][it], copied without arithmetic
                assertEquals(d.prediction()[0][ix + nx * it], p.field().z()[ix][it], 0.0);
                // |pred - ref| = 0.01 x t up to the rounding of the sum (values below 1.01): 1e-15
                assertEquals(0.01 * d.axes()[0][ix] * d.axes()[1][it], e.field().z()[ix][it], 1e-15);
            }
        }
        // the error colour scale ends at the largest error, 0.01 at x = t = 1 (rounding as above)
        assertEquals(0.01, e.colorMax(), 1e-15);
    }

    @Test
    void measuredPointsAreDrawnOverThePredictionMapThinnedToEveryKth() {
        RunData st = spaceTime();
        double[][] pts = new double[2][1000];
        double[] values = new double[1000];
        for (int i = 0; i < 1000; i++) {
            pts[0][i] = i / 1000.0;
            pts[1][i] = 1 - i / 1000.0;
        }
        RunData d = new RunData(
                st.problem(),
                st.inputs(),
                st.outputs(),
                st.axes(),
                st.lower(),
                st.upper(),
                st.timeInput(),
                st.prediction(),
                st.reference(),
                st.referenceName(),
                st.inside(),
                st.residual(),
                List.of(new RunData.DataPoints("data", "u", pts, values)),
                st.history(),
                st.trueCoefficients());
        FieldChart p = (FieldChart) RunFigures.fields(d).get(0).panels().get(0);
        // 1000 points, at most 400 drawn: every 3rd, i.e. points 0, 3, ..., 999 (334 points)
        XYSeries s = p.getSeriesMap().get("training data (every 3rd of 1000 points)");
        assertEquals(334, s.getXData().length);
        assertEquals(pts[0][999], s.getXData()[333], 0.0);
        assertEquals(pts[1][3], s.getYData()[1], 0.0);
        FieldChart plain = (FieldChart) RunFigures.fields(st).get(0).panels().get(0);
        // same colour scale with and without the points
        assertEquals(plain.colorMin(), p.colorMin(), 0.0);
        assertEquals(plain.colorMax(), p.colorMax(), 0.0);
    }

    @Test
    void spaceTimeSlicesAtAQuarterHalfAndThreeQuartersOfTheTimeRange() {
        RunData d = spaceTime();
        List<Figure> f = RunFigures.slices(d);
        assertEquals(
                List.of("slice_t0.25", "slice_t0.5", "slice_t0.75"),
                f.stream().map(Figure::name).toList());
        int[] rows = {25, 50, 75};
        for (int k = 0; k < 3; k++) {
            Figure fig = f.get(k);
            assertEquals(2, fig.panels().size(), "prediction vs reference and the error panel");
            XYChart s = (XYChart) fig.panels().get(0);
            assertTrue(s.getTitle().contains("at t = " + Labels.value(d.axes()[1][rows[k]])), s.getTitle());
            double[] y = s.getSeriesMap().get("PINN").getYData();
            for (int ix = 0; ix < 41; ix++) {
                assertEquals(d.prediction()[0][ix + 41 * rows[k]], y[ix], 0.0, "row t = " + d.axes()[1][rows[k]]);
            }
            assertEquals(0.0, s.getStyler().getXAxisMin(), 0.0);
            assertEquals(1.0, s.getStyler().getXAxisMax(), 0.0);
        }
    }

    @Test
    void spatialFieldsAreSlicedAtTheMiddleAndPointsOutsideTheDomainAreBlank() {
        double[] x = EvaluationGrid.linspace(-1, 1, 21);
        double[] y = EvaluationGrid.linspace(-1, 1, 21);
        int n = x.length * y.length;
        double[] v = new double[n];
        boolean[] inside = new boolean[n];
        for (int p = 0; p < n; p++) {
            double px = x[p % 21];
            double py = y[p / 21];
            v[p] = px + 2 * py;
            inside[p] = !(px > 0 && py > 0); // L-shape: the upper right quadrant is outside
        }
        RunData d = new RunData(
                "lshape",
                List.of("x", "y"),
                List.of("u"),
                new double[][] {x, y},
                new double[] {-1, -1},
                new double[] {1, 1},
                -1,
                new double[][] {v},
                Optional.of(new double[][] {v}),
                "reference",
                inside,
                Optional.empty(),
                List.of(),
                history(false),
                Map.of());
        List<Figure> slices = RunFigures.slices(d);
        assertEquals(List.of("slice_y0"), slices.stream().map(Figure::name).toList());
        FieldChart p = (FieldChart) RunFigures.fields(d).get(0).panels().get(0);
        assertTrue(Double.isNaN(p.field().z()[20][20]), "x = y = 1 lies outside the L-shape");
        assertEquals(-3.0, p.field().z()[0][0], 0.0);
        // x = 1, y = 0 is on the boundary: inside, value 1 + 0 (exact)
        assertEquals(1.0, p.field().z()[20][10], 0.0);
    }

    @Test
    void threeInputsAreDrawnInTheMiddlePlaneOfTheThird() {
        double[] a = EvaluationGrid.linspace(0, 1, 5);
        int n = 125;
        double[] v = new double[n];
        for (int p = 0; p < n; p++) {
            v[p] = a[p % 5] + 10 * a[(p / 5) % 5] + 100 * a[p / 25];
        }
        RunData d = new RunData(
                "cube",
                List.of("x", "y", "z"),
                List.of("u"),
                new double[][] {a, a, a},
                new double[] {0, 0, 0},
                new double[] {1, 1, 1},
                -1,
                new double[][] {v},
                Optional.of(new double[][] {v}),
                "exact",
                all(n),
                Optional.empty(),
                List.of(),
                history(false),
                Map.of());
        FieldChart p = (FieldChart) RunFigures.fields(d).get(0).panels().get(0);
        assertTrue(p.getTitle().startsWith("cube (z = 0.5): "), p.getTitle());
        for (int ix = 0; ix < 5; ix++) {
            for (int iy = 0; iy < 5; iy++) {
                // z index 2 is 0.5: value x + 10 y + 50, sums of exact quarters -> 0 tolerance
                assertEquals(a[ix] + 10 * a[iy] + 50, p.field().z()[ix][iy], 0.0);
            }
        }
    }

    @Test
    void lossChartHasEveryTermTheTotalValidationAndSwitchMarkers() {
        RunData d = line();
        Figure f = RunFigures.loss(d).get(0);
        XYChart c = (XYChart) f.panels().get(0);
        assertEquals(List.of("pde", "bc", LossHistoryChart.TOTAL_NAME, LossHistoryChart.VALIDATION_NAME), visible(c));
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertArrayEquals(
                new double[] {10.0, 1.0, 0.01}, c.getSeriesMap().get("total").getYData(), 0.0);
        // validation was recorded only at step 2
        assertArrayEquals(new double[] {2.0}, c.getSeriesMap().get("validation").getXData(), 0.0);
        long markers = c.getSeriesMap().keySet().stream()
                .filter(k -> k.startsWith(LossHistoryChart.MARKER_PREFIX))
                .count();
        assertEquals(2, markers, "adam at step 1 and lbfgs at step 3");
        assertEquals(1.0, c.getStyler().getXAxisMin(), 0.0);
        assertEquals(3.0, c.getStyler().getXAxisMax(), 0.0);
    }

    @Test
    void coefficientChartShowsEstimateAndTrueValue() {
        Figure f = RunFigures.coefficients(line()).get(0);
        assertEquals("coefficients", f.name());
        XYChart c = (XYChart) f.panels().get(0);
        assertArrayEquals(
                new double[] {0.5, 0.8, 0.95}, c.getSeriesMap().get("k").getYData(), 0.0);
        String truth = visible(c).stream()
                .filter(s -> s.startsWith("k true = "))
                .findFirst()
                .orElseThrow();
        assertArrayEquals(new double[] {1.0, 1.0}, c.getSeriesMap().get(truth).getYData(), 0.0);
        assertTrue(RunFigures.coefficients(spaceTime()).isEmpty(), "no coefficient, no chart");
    }

    @Test
    void residualHistogramCountsTheNonZeroResiduals() {
        Figure f = RunFigures.residuals(line()).get(0);
        XYChart c = (XYChart) f.panels().get(0);
        String name = visible(c).get(0);
        assertTrue(name.startsWith("n = 3 (1 zero or non-finite omitted)"), name);
        // log10 of 1e-4 .. 1e-2 spans the bins: x axis from -4 to -2 (1e-4 is not exactly 10^-4 as a double: 1e-15)
        assertEquals(-4.0, c.getStyler().getXAxisMin(), 1e-15);
        assertEquals(-2.0, c.getStyler().getXAxisMax(), 1e-15);
        assertTrue(RunFigures.residuals(spaceTime()).isEmpty(), "no residual, no chart");
    }

    @Test
    void figuresAreWrittenAsPngAndSvgOfTheChartSize() throws Exception {
        List<Figure> figures = RunFigures.all(spaceTime());
        assertEquals(
                List.of("prediction", "reference", "error", "slice_t0.25", "slice_t0.5", "slice_t0.75", "loss"),
                figures.stream().map(Figure::name).toList());
        for (Figure f : figures) {
            f.write(tmp);
            BufferedImage img = ImageIO.read(tmp.resolve(f.png()).toFile());
            // single charts are 800 x 600; the slices put the error panel to the right: 1600 x 600
            assertEquals(f.panels().size() * 800, img.getWidth(), f.name());
            assertEquals(600, img.getHeight(), f.name());
            String svg = Files.readString(tmp.resolve(f.svg()));
            assertTrue(svg.contains("<svg"), f.svg());
        }
        assertFalse(Files.exists(tmp.resolve("coefficients.png")));
    }

    @Test
    void labelsFormatCoordinatesCompactly() {
        assertEquals("0.25", Labels.value(0.25));
        assertEquals("0.5", Labels.value(0.5000000000000001));
        assertEquals("0", Labels.value(-0.0));
        assertEquals("-0.333", Labels.value(-1.0 / 3));
        assertEquals("1.23e-5", Labels.value(1.234e-5));
        assertEquals("2.5e6", Labels.value(2.5e6));
        assertEquals("S (asset price)", Labels.of("black-scholes", "S"));
        assertEquals("x", Labels.of("burgers", "x"));
    }

    private static List<String> visible(XYChart c) {
        return c.getSeriesMap().values().stream()
                .filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName)
                .filter(n -> !n.equals(HiddenSeries.AXIS_RANGE))
                .toList();
    }
}
