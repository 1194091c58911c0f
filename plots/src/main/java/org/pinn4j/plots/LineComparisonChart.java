package org.pinn4j.plots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * 1-D prediction against the exact or reference solution, as two charts: the curves (reference
 * solid, prediction dashed, optional training points as markers) and the absolute error
 * {@code |prediction - reference|} along x. Also used for 1-D slices of 2-D fields (e.g.
 * Burgers at t = 0.25, 0.5, 0.75), one chart per slice or all slices in one chart.
 *
 * <pre>{@code
 * LineComparisonChart.Charts c = LineComparisonChart.builder()
 *     .title("Damped oscillator: PINN vs exact")
 *     .xLabel("t [s]").yLabel("x(t) [m]")
 *     .x(t).predicted(xPinn).reference(xExact)
 *     .trainingPoints(tData, xData)
 *     .build();
 * ChartFiles.saveGrid(c.asList(), 2, Path.of("out/oscillator"));
 * }</pre>
 *
 * <p>Axis ranges are set from the data: x from the smallest to the largest abscissa, y from the
 * smallest to the largest finite value shown. Points with a non-finite value are left out of
 * their series (and of the error).
 */
public final class LineComparisonChart {

    /** Series name of the prediction curve unless renamed. */
    public static final String DEFAULT_PREDICTED_NAME = "PINN prediction";
    /** Series name of the reference curve unless renamed. */
    public static final String DEFAULT_REFERENCE_NAME = "exact";
    /** Series name of the training points unless renamed. */
    public static final String DEFAULT_TRAINING_NAME = "training data";
    /** Series name of the error curve of a single comparison. */
    public static final String ERROR_NAME = "absolute error";

    private LineComparisonChart() {}

    /** A builder for one comparison. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for comparisons along several slices of 2-D fields. */
    public static SlicesBuilder slices() {
        return new SlicesBuilder();
    }

    /**
     * The two charts of one comparison.
     *
     * @param solution prediction and reference curves (plus training points, if any)
     * @param error absolute error along x
     */
    public record Charts(XYChart solution, XYChart error) {

        /** Both charts, solution first (e.g. for {@link ChartFiles#saveGrid}). */
        public List<XYChart> asList() {
            return List.of(solution, error);
        }
    }

    /**
     * One 1-D slice: predicted and reference values along x, with a label such as "t = 0.5".
     *
     * @param label what the slice is, used in legends and titles
     * @param x abscissae
     * @param predicted model values at x
     * @param reference exact or reference values at x
     */
    public record Slice(String label, double[] x, double[] predicted, double[] reference) {

        /** Validates lengths and the label. */
        public Slice {
            Style.requireText("LineComparisonChart.Slice", "label", label);
            Style.requireArray("LineComparisonChart.Slice", "x", x, 2);
            Style.requireArray("LineComparisonChart.Slice", "predicted", predicted, 2);
            Style.requireArray("LineComparisonChart.Slice", "reference", reference, 2);
            Style.requireSameLength("LineComparisonChart.Slice", "predicted", predicted, "x", x);
            Style.requireSameLength("LineComparisonChart.Slice", "reference", reference, "x", x);
        }

        /**
         * The slice of two fields on the same grid along x at the grid y value nearest to
         * {@code y}, labelled {@code yName + " = " + <that grid value>} (e.g. "t = 0.5").
         */
        public static Slice atY(Field2D predicted, Field2D reference, double y, String yName) {
            if (predicted == null || reference == null) {
                throw new IllegalArgumentException(
                        "LineComparisonChart.Slice: predicted and reference fields must not be null");
            }
            if (!predicted.sameGridAs(reference)) {
                throw new IllegalArgumentException(
                        "LineComparisonChart.Slice: predicted and reference fields must share one grid");
            }
            int iy = predicted.nearestYIndex(y);
            String name = Style.requireText("LineComparisonChart.Slice", "yName", yName);
            return new Slice(
                    name + " = " + Style.format(predicted.y()[iy]),
                    predicted.x(),
                    predicted.valuesAtYIndex(iy),
                    reference.valuesAtYIndex(iy));
        }
    }

    /** Configures and builds one comparison. */
    public static final class Builder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String title = "Prediction vs exact solution";
        private String xLabel = "x";
        private String yLabel = "u";
        private String predictedName = DEFAULT_PREDICTED_NAME;
        private String referenceName = DEFAULT_REFERENCE_NAME;
        private String trainingName = DEFAULT_TRAINING_NAME;
        private double[] x;
        private double[] predicted;
        private double[] reference;
        private double[] trainX;
        private double[] trainY;
        private boolean errorLog;

        private Builder() {}

        /** Width of each chart in pixels (default 800). */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /** Height of each chart in pixels (default 600). */
        public Builder height(int height) {
            this.height = height;
            return this;
        }

        /** Title of the solution chart; the error chart's title is derived from it. */
        public Builder title(String title) {
            this.title = Style.textOrEmpty(title);
            return this;
        }

        /** Abscissa label with units (default "x"). */
        public Builder xLabel(String xLabel) {
            this.xLabel = Style.textOrEmpty(xLabel);
            return this;
        }

        /** Ordinate label with units (default "u"). */
        public Builder yLabel(String yLabel) {
            this.yLabel = Style.textOrEmpty(yLabel);
            return this;
        }

        /** Abscissae of the prediction and reference values (required). */
        public Builder x(double[] x) {
            this.x = Style.copyOf(x);
            return this;
        }

        /** Model values at x (required). */
        public Builder predicted(double[] predicted) {
            this.predicted = Style.copyOf(predicted);
            return this;
        }

        /** Exact or reference values at x (required). */
        public Builder reference(double[] reference) {
            this.reference = Style.copyOf(reference);
            return this;
        }

        /** Legend names of prediction and reference (defaults "PINN prediction", "exact"). */
        public Builder names(String predictedName, String referenceName) {
            this.predictedName = Style.requireText("LineComparisonChart", "predicted name", predictedName);
            this.referenceName = Style.requireText("LineComparisonChart", "reference name", referenceName);
            return this;
        }

        /** Training (measured) points shown as markers on the solution chart. */
        public Builder trainingPoints(double[] x, double[] y) {
            Style.requireArray("LineComparisonChart", "training x", x, 1);
            Style.requireArray("LineComparisonChart", "training y", y, 1);
            Style.requireSameLength("LineComparisonChart", "training y", y, "training x", x);
            this.trainX = x.clone();
            this.trainY = y.clone();
            return this;
        }

        /** Legend name of the training points (default "training data"). */
        public Builder trainingName(String trainingName) {
            this.trainingName = Style.requireText("LineComparisonChart", "training name", trainingName);
            return this;
        }

        /**
         * Draws the error on a logarithmic axis (default linear). Zero errors (e.g. at exactly
         * enforced boundary values) cannot be shown there and are left out.
         */
        public Builder errorLogScale(boolean errorLog) {
            this.errorLog = errorLog;
            return this;
        }

        /** Builds the solution and error charts. */
        public Charts build() {
            Style.checkSize("LineComparisonChart", width, height);
            Style.requireArray("LineComparisonChart", "x", x, 2);
            Style.requireArray("LineComparisonChart", "predicted", predicted, 2);
            Style.requireArray("LineComparisonChart", "reference", reference, 2);
            Style.requireSameLength("LineComparisonChart", "predicted", predicted, "x", x);
            Style.requireSameLength("LineComparisonChart", "reference", reference, "x", x);
            if (predictedName.equals(referenceName)) {
                throw new IllegalArgumentException(
                        "LineComparisonChart: prediction and reference need different names, both are '" + predictedName
                                + "'");
            }

            XYChart solution = Style.newXYChart(width, height, title, xLabel, yLabel);
            addCurve(solution, referenceName, x, reference, Style.REFERENCE_COLOR, false);
            addCurve(solution, predictedName, x, predicted, Style.PREDICTION_COLOR, true);
            double[] xRange = Style.finiteRange(x);
            double[] yRange = Style.finiteRange(predicted, reference);
            if (trainX != null) {
                if (trainingName.equals(predictedName) || trainingName.equals(referenceName)) {
                    throw new IllegalArgumentException("LineComparisonChart: training points need their own name, '"
                            + trainingName + "' is taken");
                }
                double[][] pts = Style.keepPlottable(trainX, trainY, false);
                if (pts[0].length > 0) {
                    XYSeries s = solution.addSeries(trainingName, pts[0], pts[1]);
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.CIRCLE);
                    s.setMarkerColor(Color.BLACK);
                    xRange = Style.union(xRange, Style.finiteRange(pts[0]));
                    yRange = Style.union(yRange, Style.finiteRange(pts[1]));
                }
            }
            setRange(solution, xRange, yRange);

            XYChart error = Style.newXYChart(
                    width, height, errorTitle(title, 1), xLabel, "|" + predictedName + " - " + referenceName + "|");
            double[] err = absError(predicted, reference);
            addCurve(error, ERROR_NAME, x, err, Style.palette(0), false, errorLog);
            configureErrorAxis(error, x, new double[][] {err}, errorLog);
            error.getStyler().setLegendVisible(false);
            return new Charts(solution, error);
        }
    }

    /** Configures and builds comparisons along several slices (e.g. t = 0.25, 0.5, 0.75). */
    public static final class SlicesBuilder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String title = "Prediction vs reference along slices";
        private String xLabel = "x";
        private String yLabel = "u";
        private boolean errorLog;
        private final List<Slice> slices = new ArrayList<>();

        private SlicesBuilder() {}

        /** Width of each chart in pixels (default 800). */
        public SlicesBuilder width(int width) {
            this.width = width;
            return this;
        }

        /** Height of each chart in pixels (default 600). */
        public SlicesBuilder height(int height) {
            this.height = height;
            return this;
        }

        /** Title (for {@link #buildEach()} the slice label is appended). */
        public SlicesBuilder title(String title) {
            this.title = Style.textOrEmpty(title);
            return this;
        }

        /** Abscissa label with units (default "x"). */
        public SlicesBuilder xLabel(String xLabel) {
            this.xLabel = Style.textOrEmpty(xLabel);
            return this;
        }

        /** Ordinate label with units (default "u"). */
        public SlicesBuilder yLabel(String yLabel) {
            this.yLabel = Style.textOrEmpty(yLabel);
            return this;
        }

        /** Draws errors on a logarithmic axis, leaving out zero errors (default linear). */
        public SlicesBuilder errorLogScale(boolean errorLog) {
            this.errorLog = errorLog;
            return this;
        }

        /** Adds a slice (labels must be distinct). */
        public SlicesBuilder slice(Slice slice) {
            if (slice == null) {
                throw new IllegalArgumentException("LineComparisonChart.slices: slice must not be null");
            }
            for (Slice s : slices) {
                if (s.label().equals(slice.label())) {
                    throw new IllegalArgumentException(
                            "LineComparisonChart.slices: two slices are labelled '" + slice.label() + "'");
                }
            }
            slices.add(slice);
            return this;
        }

        /**
         * One solution chart with every slice (reference solid, prediction dashed, one colour per
         * slice; series named "exact, t = 0.5" and "PINN, t = 0.5") and one error chart with one
         * curve per slice (named by the slice label).
         */
        public Charts build() {
            requireSlices();
            XYChart solution = Style.newXYChart(width, height, title, xLabel, yLabel);
            XYChart error = Style.newXYChart(width, height, errorTitle(title, slices.size()), xLabel, "|PINN - exact|");
            double[] xRange = null;
            double[] yRange = null;
            double[][] errors = new double[slices.size()][];
            double[][] xs = new double[slices.size()][];
            for (int i = 0; i < slices.size(); i++) {
                Slice s = slices.get(i);
                Color c = Style.palette(i);
                addCurve(solution, "exact, " + s.label(), s.x(), s.reference(), c, false);
                addCurve(solution, "PINN, " + s.label(), s.x(), s.predicted(), c, true);
                xRange = Style.union(xRange, Style.finiteRange(s.x()));
                yRange = Style.union(yRange, Style.finiteRange(s.predicted(), s.reference()));
                errors[i] = absError(s.predicted(), s.reference());
                xs[i] = s.x();
                addCurve(error, s.label(), s.x(), errors[i], c, false, errorLog);
            }
            setRange(solution, xRange, yRange);
            configureErrorAxis(error, concat(xs), errors, errorLog);
            return new Charts(solution, error);
        }

        /** One {@link Charts} pair per slice, titled "title: label", in the order added. */
        public List<Charts> buildEach() {
            requireSlices();
            List<Charts> out = new ArrayList<>();
            for (Slice s : slices) {
                out.add(builder()
                        .width(width)
                        .height(height)
                        .title(title.isEmpty() ? s.label() : title + ": " + s.label())
                        .xLabel(xLabel)
                        .yLabel(yLabel)
                        .errorLogScale(errorLog)
                        .x(s.x())
                        .predicted(s.predicted())
                        .reference(s.reference())
                        .build());
            }
            return out;
        }

        private void requireSlices() {
            Style.checkSize("LineComparisonChart.slices", width, height);
            if (slices.isEmpty()) {
                throw new IllegalArgumentException(
                        "LineComparisonChart.slices: no slice given; call slice(...) at least once");
            }
        }
    }

    // ---------------------------------------------------------------------------------------

    private static String errorTitle(String title, int curves) {
        String what = curves == 1 ? "Absolute error" : "Absolute errors";
        return title.isEmpty() ? what : what + ": " + title;
    }

    static double[] absError(double[] predicted, double[] reference) {
        double[] e = new double[predicted.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(predicted[i] - reference[i]);
        }
        return e;
    }

    private static void addCurve(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        addCurve(chart, name, x, y, color, dashed, false);
    }

    private static void addCurve(
            XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed, boolean positiveOnly) {
        double[][] xy = Style.keepPlottable(x, y, positiveOnly);
        if (xy[0].length == 0) {
            return;
        }
        XYSeries s = chart.addSeries(name, xy[0], xy[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(dashed ? Style.dashed(Style.LINE_WIDTH) : Style.solid(Style.LINE_WIDTH));
    }

    private static void setRange(XYChart chart, double[] xRange, double[] yRange) {
        Style.finishAxes(chart, Style.axisRange(xRange), Style.axisRange(yRange));
    }

    /**
     * Error axis: x over the abscissae; y from 0 to the largest error (linear), or whole decades
     * around the positive errors (log; [1e-16, 1] if every error is zero).
     */
    private static void configureErrorAxis(XYChart chart, double[] x, double[][] errors, boolean log) {
        double[] xr = Style.axisRange(Style.finiteRange(x));
        double[] yr;
        if (log) {
            double[] positive = Style.positiveRange(errors);
            yr = positive == null ? new double[] {1e-16, 1.0} : Style.decadeRange(positive);
            chart.getStyler().setYAxisLogarithmic(true);
        } else {
            double[] r = Style.finiteRange(errors);
            yr = new double[] {0.0, r == null || r[1] <= 0 ? 1.0 : r[1]};
        }
        Style.finishAxes(chart, xr, yr);
    }

    private static double[] concat(double[][] parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }
}
