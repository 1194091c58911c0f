package org.pinn4j.validation.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pinn4j.core.train.History;
import org.pinn4j.plots.CoefficientChart;
import org.pinn4j.plots.Field2D;
import org.pinn4j.plots.FieldChart;
import org.pinn4j.plots.HeatMapChart;
import org.pinn4j.plots.LineComparisonChart;
import org.pinn4j.plots.LossHistoryChart;
import org.pinn4j.plots.ResidualHistogramChart;

/**
 * The charts of one run, built in memory from {@link RunData} (nothing is written here; see
 * {@link Figure#write}). File names are stable:
 * <ul>
 *   <li>2 or more inputs: {@code prediction}, {@code reference}, {@code error} heat maps over the first two
 *       inputs (further inputs at the middle of their grid), and 1-D slices with their error panel:
 *       {@code slice_t0.25}, {@code slice_t0.5}, {@code slice_t0.75} at 25/50/75% of the time range for
 *       space-time problems, otherwise one slice at the middle grid value of the second input
 *       (e.g. {@code slice_y0.5});</li>
 *   <li>1 input: {@code prediction} (prediction vs exact, training data marked) and {@code error};</li>
 *   <li>{@code loss} (every term and the total, log axis, optimizer switches marked, validation if
 *       recorded), {@code coefficients} (inverse problems, with the true values) and
 *       {@code residual_hist} (|PDE residual| of the final model on the evaluation grid).</li>
 * </ul>
 * With several outputs the per-output names get the output as suffix, e.g. {@code prediction_x}.
 */
public final class RunFigures {
    /** Fractions of the time range at which space-time problems are sliced. */
    static final double[] TIME_FRACTIONS = {0.25, 0.5, 0.75};

    private RunFigures() {}

    /**
     * A named group of figures built together; building one group may fail without stopping the others.
     *
     * @param what  what the group draws, for messages (e.g. "loss history")
     * @param build builds the group's figures
     */
    public record Group(String what, Function<RunData, List<Figure>> build) {}

    /** The groups in page order: fields or lines, slices, loss, coefficients, residuals. */
    public static List<Group> groups() {
        return List.of(
                new Group("heat maps", RunFigures::fields),
                new Group("line charts", RunFigures::lines),
                new Group("slices", RunFigures::slices),
                new Group("loss history", RunFigures::loss),
                new Group("coefficient chart", RunFigures::coefficients),
                new Group("residual histogram", RunFigures::residuals));
    }

    /** Every figure of the run, in page order (a failing group throws). */
    public static List<Figure> all(RunData d) {
        List<Figure> out = new ArrayList<>();
        for (Group g : groups()) {
            out.addAll(g.build().apply(d));
        }
        return out;
    }

    // ------------------------------------------------------------------ 2-D fields

    /** Prediction, reference and absolute-error heat maps per output (problems with 2 or more inputs). */
    public static List<Figure> fields(RunData d) {
        if (d.inputs().size() < 2) {
            return List.of();
        }
        Plane plane = new Plane(d);
        String xl = Labels.of(d.problem(), d.inputs().get(0));
        String yl = Labels.of(d.problem(), d.inputs().get(1));
        List<Figure> out = new ArrayList<>();
        for (int o = 0; o < d.outputs().size(); o++) {
            String q = d.outputs().get(o);
            String suffix = suffix(d, o);
            String prefix = d.problem() + plane.where() + ": ";
            Field2D pred = plane.field(d.prediction()[o]);
            String grid = plane.nx() + " x " + plane.ny() + " evaluation grid" + plane.where();
            if (d.reference().isEmpty()) {
                FieldChart p = HeatMapChart.builder()
                        .title(prefix + "PINN prediction of " + q)
                        .xLabel(xl)
                        .yLabel(yl)
                        .valueLabel(q)
                        .field(pred)
                        .build();
                out.add(Figure.of(
                        "prediction" + suffix,
                        "PINN prediction of " + q + " on the " + grid + " (no reference available).",
                        p));
                continue;
            }
            Field2D ref = plane.field(d.reference().get()[o]);
            HeatMapChart.Triple t = HeatMapChart.triple()
                    .titlePrefix(prefix)
                    .xLabel(xl)
                    .yLabel(yl)
                    .quantity(q)
                    .predicted(pred)
                    .reference(ref)
                    .build();
            t.reference().setTitle(prefix + capital(d.referenceName()) + " " + q);
            FieldChart p = t.prediction();
            List<RunData.DataPoints> data = dataFor(d, q);
            if (!data.isEmpty() && d.inputs().size() == 2) {
                double[][] xy = concat(data, 2);
                int every = (xy[0].length + MAX_MAP_POINTS - 1) / MAX_MAP_POINTS;
                String legend = every == 1
                        ? "training data (" + xy[0].length + " points)"
                        : "training data (every " + ordinal(every) + " of " + xy[0].length + " points)";
                double[][] shown = every == 1 ? xy : everyKth(xy, every);
                p = HeatMapChart.builder()
                        .title(t.prediction().getTitle())
                        .xLabel(xl)
                        .yLabel(yl)
                        .valueLabel(q)
                        .field(pred)
                        .colorRange(t.prediction().colorMin(), t.prediction().colorMax())
                        .points(legend, shown[0], shown[1])
                        .build();
                p.getStyler().setMarkerSize(4);
            }
            out.add(Figure.of(
                    "prediction" + suffix,
                    "PINN prediction of " + q + " on the " + grid
                            + (p != t.prediction() ? ", training data marked." : "."),
                    p));
            out.add(Figure.of(
                    "reference" + suffix,
                    capital(d.referenceName()) + " solution " + q + " on the same grid, same colour scale.",
                    t.reference()));
            out.add(Figure.of(
                    "error" + suffix, "Absolute error |" + q + " - " + q + "_ref| of the prediction.", t.error()));
        }
        return out;
    }

    /**
     * 1-D slices of the fields with their error panel: at 25/50/75% of the time range for space-time
     * problems, otherwise at the middle of the second input's grid. Needs a reference.
     */
    public static List<Figure> slices(RunData d) {
        if (d.inputs().size() < 2 || d.reference().isEmpty()) {
            return List.of();
        }
        Plane plane = new Plane(d);
        String xName = d.inputs().get(0);
        String yName = d.inputs().get(1);
        double[] ys = d.axes()[1];
        List<double[]> at = new ArrayList<>(); // {nominal value, grid index}
        Set<Integer> seen = new LinkedHashSet<>();
        if (d.timeInput() == 1) {
            for (double f : TIME_FRACTIONS) {
                double v = d.lower()[1] + f * (d.upper()[1] - d.lower()[1]);
                int iy = nearest(ys, v);
                if (seen.add(iy)) {
                    at.add(new double[] {v, iy});
                }
            }
        } else {
            int iy = ys.length / 2;
            at.add(new double[] {ys[iy], iy});
        }
        List<Figure> out = new ArrayList<>();
        for (int o = 0; o < d.outputs().size(); o++) {
            String q = d.outputs().get(o);
            Field2D pred = plane.field(d.prediction()[o]);
            Field2D ref = plane.field(d.reference().get()[o]);
            for (double[] a : at) {
                int iy = (int) a[1];
                String where = yName + " = " + Labels.value(ys[iy]);
                LineComparisonChart.Charts c = LineComparisonChart.builder()
                        .title(d.problem() + ": " + q + "(" + xName + ") at " + where + plane.andWhere())
                        .xLabel(Labels.of(d.problem(), xName))
                        .yLabel(Labels.of(d.problem(), q))
                        .names("PINN", d.referenceName())
                        .x(d.axes()[0])
                        .predicted(pred.valuesAtYIndex(iy))
                        .reference(ref.valuesAtYIndex(iy))
                        .build();
                c.error()
                        .setTitle(d.problem() + ": |PINN - " + d.referenceName() + "| of " + q + " at " + where
                                + plane.andWhere());
                out.add(new Figure(
                        "slice_" + yName + Labels.value(a[0]) + suffix(d, o),
                        "Slice at " + where + plane.andWhere() + ": PINN vs " + d.referenceName()
                                + " (left) and absolute error (right).",
                        c.asList(),
                        2));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ 1-D

    /** Prediction vs exact (training data marked) and the absolute error, per output (problems with 1 input). */
    public static List<Figure> lines(RunData d) {
        if (d.inputs().size() != 1) {
            return List.of();
        }
        String in = d.inputs().get(0);
        String xl = Labels.of(d.problem(), in);
        double[] x = d.axes()[0];
        List<Figure> out = new ArrayList<>();
        for (int o = 0; o < d.outputs().size(); o++) {
            String q = d.outputs().get(o);
            String suffix = suffix(d, o);
            double[] pred = masked(d.prediction()[o], d.inside());
            List<RunData.DataPoints> data = dataFor(d, q);
            if (d.reference().isEmpty()) {
                out.add(Figure.of(
                        "prediction" + suffix,
                        "PINN prediction of " + q + "(" + in + ") (no reference available).",
                        predictionOnly(
                                d.problem() + ": PINN prediction of " + q + "(" + in + ")",
                                xl,
                                Labels.of(d.problem(), q),
                                x,
                                pred,
                                data)));
                continue;
            }
            LineComparisonChart.Builder b = LineComparisonChart.builder()
                    .title(d.problem() + ": PINN vs " + d.referenceName() + " " + q + "(" + in + ")")
                    .xLabel(xl)
                    .yLabel(Labels.of(d.problem(), q))
                    .names("PINN", d.referenceName())
                    .x(x)
                    .predicted(pred)
                    .reference(masked(d.reference().get()[o], d.inside()));
            if (!data.isEmpty()) {
                double[][] xy = concat(data, 1);
                b.trainingPoints(xy[0], xy[1]).trainingName("training data (" + xy[0].length + " points)");
            }
            LineComparisonChart.Charts c = b.build();
            c.error()
                    .setTitle(d.problem() + ": absolute error |PINN - " + d.referenceName() + "| of " + q + "(" + in
                            + ")");
            out.add(Figure.of(
                    "prediction" + suffix,
                    "PINN prediction of " + q + " against the " + d.referenceName() + " solution"
                            + (data.isEmpty() ? "." : ", measured training data as dots."),
                    c.solution()));
            out.add(Figure.of(
                    "error" + suffix, "Absolute error |PINN - " + d.referenceName() + "| of " + q + ".", c.error()));
        }
        return out;
    }

    // ------------------------------------------------------------------ training

    /** Every loss term and the total against the step (log axis), optimizer switches marked, validation if recorded. */
    public static List<Figure> loss(RunData d) {
        History h = d.history();
        if (h.size() == 0) {
            return List.of();
        }
        double[] steps = toDouble(h.steps());
        LossHistoryChart.Builder b = LossHistoryChart.builder()
                .title(d.problem() + ": training loss")
                .steps(steps);
        List<String> terms = h.termNames();
        for (int k = 0; k < terms.size(); k++) {
            b.term(terms.get(k), h.term(k));
        }
        b.total(h.totals());
        double[] val = h.validation();
        List<Double> vs = new ArrayList<>();
        List<Double> vv = new ArrayList<>();
        for (int i = 0; i < val.length; i++) {
            if (Double.isFinite(val[i])) {
                vs.add(steps[i]);
                vv.add(val[i]);
            }
        }
        if (!vs.isEmpty()) {
            b.validation(
                    vs.stream().mapToDouble(Double::doubleValue).toArray(),
                    vv.stream().mapToDouble(Double::doubleValue).toArray());
        }
        int[] sw = h.switchSteps();
        for (int i = 0; i < sw.length; i++) {
            b.marker(sw[i], h.switchLabels().get(i));
        }
        return List.of(Figure.of(
                "loss",
                "Loss history: each condition's loss (unweighted) and the weighted total per step, log scale;"
                        + " dashed vertical lines mark where an optimizer phase starts.",
                b.build()));
    }

    /** The identified coefficients against the step with their true values (inverse problems), one panel each. */
    public static List<Figure> coefficients(RunData d) {
        History h = d.history();
        List<String> names = h.coefficientNames();
        if (names.isEmpty() || h.size() == 0) {
            return List.of();
        }
        CoefficientChart.Builder b = CoefficientChart.builder()
                .title(d.problem() + ": identified coefficient")
                .steps(toDouble(h.steps()));
        for (int k = 0; k < names.size(); k++) {
            Double truth = d.trueCoefficients().get(names.get(k));
            if (truth != null) {
                b.coefficient(names.get(k), h.coefficient(k), truth);
            } else {
                b.coefficient(names.get(k), h.coefficient(k));
            }
        }
        List<XYChart> each = b.buildEach();
        return List.of(new Figure(
                "coefficients",
                "Identified coefficients during training (solid) and their true values (dashed).",
                each,
                Math.min(each.size(), 3)));
    }

    /** Histogram of log10 |PDE residual| of the final model on the evaluation grid. */
    public static List<Figure> residuals(RunData d) {
        if (d.residual().isEmpty()) {
            return List.of();
        }
        RunData.Residual r = d.residual().get();
        XYChart c = ResidualHistogramChart.builder()
                .title(d.problem() + ": PDE residual of the final model")
                .xLabel("log10 |residual '" + r.condition() + "'| on the evaluation grid")
                .residuals(r.values())
                .build();
        return List.of(Figure.of(
                "residual_hist",
                "How well the final model satisfies the equation: histogram of log10 |residual| of '" + r.condition()
                        + "' at the " + r.values().length + " evaluation values inside the domain.",
                c));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The plane of the first two inputs through the grid; further inputs are held at the middle of their
     * grid. Points outside the domain become NaN (drawn blank).
     */
    static final class Plane {
        private final RunData d;
        private final int[] stride;
        private final int offset;

        Plane(RunData d) {
            this.d = d;
            double[][] axes = d.axes();
            stride = new int[axes.length];
            int s = 1;
            for (int i = 0; i < axes.length; i++) {
                stride[i] = s;
                s *= axes[i].length;
            }
            int off = 0;
            for (int i = 2; i < axes.length; i++) {
                off += (axes[i].length / 2) * stride[i];
            }
            offset = off;
        }

        int nx() {
            return d.axes()[0].length;
        }

        int ny() {
            return d.axes()[1].length;
        }

        /** " (z = 0.5)" for inputs held fixed, "" for 2-D problems. */
        String where() {
            String w = fixed();
            return w.isEmpty() ? "" : " (" + w + ")";
        }

        /** ", z = 0.5" for inputs held fixed, "" for 2-D problems. */
        String andWhere() {
            String w = fixed();
            return w.isEmpty() ? "" : ", " + w;
        }

        private String fixed() {
            List<String> parts = new ArrayList<>();
            for (int i = 2; i < d.axes().length; i++) {
                double[] a = d.axes()[i];
                parts.add(d.inputs().get(i) + " = " + Labels.value(a[a.length / 2]));
            }
            return String.join(", ", parts);
        }

        /** The values on the plane as {@code z[ix][iy]}, NaN outside the domain. */
        Field2D field(double[] values) {
            double[][] z = new double[nx()][ny()];
            for (int ix = 0; ix < nx(); ix++) {
                for (int iy = 0; iy < ny(); iy++) {
                    int p = offset + ix * stride[0] + iy * stride[1];
                    z[ix][iy] = d.inside()[p] ? values[p] : Double.NaN;
                }
            }
            return new Field2D(d.axes()[0], d.axes()[1], z);
        }
    }

    /** Most measured points drawn over a heat map; more would hide the field (every k-th is drawn instead). */
    static final int MAX_MAP_POINTS = 400;

    private static double[][] everyKth(double[][] xy, int k) {
        int n = (xy[0].length + k - 1) / k;
        double[][] out = new double[xy.length][n];
        for (int i = 0; i < xy.length; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = xy[i][j * k];
            }
        }
        return out;
    }

    private static String ordinal(int k) {
        int mod100 = k % 100;
        String suffix = mod100 >= 11 && mod100 <= 13
                ? "th"
                : switch (k % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return k + suffix;
    }

    /** "_name" for problems with several outputs, "" otherwise. */
    private static String suffix(RunData d, int output) {
        return d.outputs().size() > 1 ? "_" + d.outputs().get(output) : "";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<RunData.DataPoints> dataFor(RunData d, String output) {
        return d.data().stream().filter(p -> p.output().equals(output)).toList();
    }

    /** The first {@code dims} coordinates of every data point of the list, then the values: {@code [dims + 1][k]}. */
    private static double[][] concat(List<RunData.DataPoints> data, int dims) {
        int n = data.stream().mapToInt(p -> p.values().length).sum();
        double[][] out = new double[dims + 1][n];
        int k = 0;
        for (RunData.DataPoints p : data) {
            int m = p.values().length;
            for (int i = 0; i < dims; i++) {
                System.arraycopy(p.points()[i], 0, out[i], k, m);
            }
            System.arraycopy(p.values(), 0, out[dims], k, m);
            k += m;
        }
        // 1-D charts want {x, value}; 2-D maps want {x, y}
        return dims == 1 ? out : new double[][] {out[0], out[1]};
    }

    private static double[] masked(double[] values, boolean[] inside) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!inside[i]) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private static int nearest(double[] axis, double v) {
        int best = 0;
        for (int i = 1; i < axis.length; i++) {
            if (Math.abs(axis[i] - v) < Math.abs(axis[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    private static double[] toDouble(int[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    /** A 1-D prediction without reference: the curve and any measured points. */
    private static XYChart predictionOnly(
            String title, String xl, String yl, double[] x, double[] y, List<RunData.DataPoints> data) {
        XYChart c = new XYChartBuilder()
                .width(800)
                .height(600)
                .title(title)
                .xAxisTitle(xl)
                .yAxisTitle(yl)
                .build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double[][] xy = finite(x, y);
        if (xy[0].length > 0) {
            XYSeries s = c.addSeries("PINN", xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(0xd62728));
        }
        if (!data.isEmpty()) {
            double[][] pts = concat(data, 1);
            XYSeries s = c.addSeries("training data (" + pts[0].length + " points)", pts[0], pts[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Color.BLACK);
        }
        if (c.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("nothing to draw for " + title + ": the prediction has no finite value");
        }
        return c;
    }

    private static double[][] finite(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                n++;
            }
        }
        double[][] out = new double[2][n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                out[0][k] = x[i];
                out[1][k++] = y[i];
            }
        }
        return out;
    }

    /** The figures of a group, or empty with the reason added to {@code failures} if it cannot be built. */
    static List<Figure> tryBuild(Group g, RunData d, List<String> failures) {
        try {
            return g.build().apply(d);
        } catch (RuntimeException e) {
            failures.add(
                    g.what() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return List.of();
        }
    }

    /** The first figure called {@code name}, if any. */
    static Optional<Figure> find(List<Figure> figures, String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
