package org.pinn4j.plots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training history: every loss term and the total against the step on a logarithmic y axis,
 * with optional validation loss and vertical markers at optimizer switches (labelled with the
 * optimizer's name).
 *
 * <pre>{@code
 * XYChart c = LossHistoryChart.builder()
 *     .steps(steps)
 *     .terms(Map.of("PDE residual", pde, "boundary", bc, "initial", ic))
 *     .total(total)
 *     .validation(valSteps, valLoss)
 *     .marker(0, "Adam").marker(5000, "L-BFGS")
 *     .build();
 * }</pre>
 *
 * <p>A log axis cannot show zero, negative or non-finite values: those points are left out of
 * their series (a series left with no point is not drawn). The y axis spans whole decades
 * around the remaining values; the x axis spans the steps. Very long histories are thinned to
 * at most {@link Builder#maxPointsPerSeries(int)} points per series, keeping the smallest and
 * largest value of each stretch so spikes stay visible.
 */
public final class LossHistoryChart {

    /** Series name of the total loss. */
    public static final String TOTAL_NAME = "total";
    /** Series name of the validation loss. */
    public static final String VALIDATION_NAME = "validation";
    /** Prefix of the (legend-less) series drawing a marker's vertical line. */
    public static final String MARKER_PREFIX = "marker: ";

    private LossHistoryChart() {}

    /** A builder for a loss history chart. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A labelled vertical line at a step, e.g. where training switched to another optimizer.
     *
     * @param step x position
     * @param label text shown next to the line, e.g. "L-BFGS"
     */
    public record StepMarker(double step, String label) {

        /** Validates step and label. */
        public StepMarker {
            if (!Double.isFinite(step)) {
                throw new IllegalArgumentException("LossHistoryChart: marker step " + step + " must be finite");
            }
            Style.requireText("LossHistoryChart", "marker label", label);
        }
    }

    /** Configures and builds a loss history chart. */
    public static final class Builder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String title = "Training loss history";
        private String xLabel = "step";
        private String yLabel = "loss (log scale)";
        private double[] steps;
        private final Map<String, double[]> terms = new LinkedHashMap<>();
        private double[] total;
        private double[] validationSteps;
        private double[] validation;
        private final List<StepMarker> markers = new ArrayList<>();
        private int maxPoints = 1000;

        private Builder() {}

        /** Width in pixels (default 800). */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /** Height in pixels (default 600). */
        public Builder height(int height) {
            this.height = height;
            return this;
        }

        /** Title (default "Training loss history"). */
        public Builder title(String title) {
            this.title = Style.textOrEmpty(title);
            return this;
        }

        /** X axis label (default "step"; e.g. "epoch"). */
        public Builder xLabel(String xLabel) {
            this.xLabel = Style.textOrEmpty(xLabel);
            return this;
        }

        /** Y axis label (default "loss (log scale)"). */
        public Builder yLabel(String yLabel) {
            this.yLabel = Style.textOrEmpty(yLabel);
            return this;
        }

        /** Steps at which the terms and the total were recorded (required). */
        public Builder steps(double[] steps) {
            this.steps = Style.copyOf(steps);
            return this;
        }

        /** Adds one loss term (values per step); names must be distinct. */
        public Builder term(String name, double[] values) {
            Style.requireText("LossHistoryChart", "term name", name);
            Style.requireArray("LossHistoryChart", "term '" + name + "'", values, 0);
            if (terms.containsKey(name)) {
                throw new IllegalArgumentException("LossHistoryChart: term '" + name + "' was given twice");
            }
            terms.put(name, values.clone());
            return this;
        }

        /** Adds loss terms in the map's iteration order (use a LinkedHashMap to fix the order). */
        public Builder terms(Map<String, double[]> terms) {
            if (terms == null) {
                throw new IllegalArgumentException("LossHistoryChart: terms map must not be null");
            }
            terms.forEach(this::term);
            return this;
        }

        /** The total (weighted) loss per step, drawn thicker and in black. */
        public Builder total(double[] total) {
            this.total = Style.copyOf(total);
            return this;
        }

        /** Validation loss, recorded at its own steps (often less frequently). */
        public Builder validation(double[] steps, double[] values) {
            Style.requireArray("LossHistoryChart", "validation steps", steps, 0);
            Style.requireArray("LossHistoryChart", "validation values", values, 0);
            Style.requireSameLength("LossHistoryChart", "validation values", values, "validation steps", steps);
            this.validationSteps = steps.clone();
            this.validation = values.clone();
            return this;
        }

        /** Marks a step with a vertical line and a label, e.g. {@code marker(5000, "L-BFGS")}. */
        public Builder marker(double step, String label) {
            markers.add(new StepMarker(step, label));
            return this;
        }

        /** Adds several markers. */
        public Builder markers(List<StepMarker> markers) {
            if (markers == null) {
                throw new IllegalArgumentException("LossHistoryChart: markers must not be null");
            }
            for (StepMarker m : markers) {
                if (m == null) {
                    throw new IllegalArgumentException("LossHistoryChart: markers contain null");
                }
                this.markers.add(m);
            }
            return this;
        }

        /** Largest number of points drawn per series (default 1000, at least 10). */
        public Builder maxPointsPerSeries(int maxPoints) {
            if (maxPoints < 10) {
                throw new IllegalArgumentException(
                        "LossHistoryChart: maxPointsPerSeries = " + maxPoints + " must be at least 10");
            }
            this.maxPoints = maxPoints;
            return this;
        }

        /**
         * Builds the chart.
         *
         * @throws IllegalArgumentException if inputs are missing or of unequal length, or if no
         *     series has a positive finite value to draw
         */
        public XYChart build() {
            Style.checkSize("LossHistoryChart", width, height);
            Style.requireArray("LossHistoryChart", "steps", steps, 1);
            if (terms.isEmpty() && total == null) {
                throw new IllegalArgumentException(
                        "LossHistoryChart: no loss given; call term(...), terms(...) or total(...)");
            }
            for (Map.Entry<String, double[]> e : terms.entrySet()) {
                Style.requireSameLength("LossHistoryChart", "term '" + e.getKey() + "'", e.getValue(), "steps", steps);
            }
            if (total != null) {
                Style.requireSameLength("LossHistoryChart", "total", total, "steps", steps);
                if (terms.containsKey(TOTAL_NAME)) {
                    throw new IllegalArgumentException("LossHistoryChart: a term is named '" + TOTAL_NAME
                            + "' and total(...) was given too; rename the term");
                }
            }
            if (validation != null && terms.containsKey(VALIDATION_NAME)) {
                throw new IllegalArgumentException("LossHistoryChart: a term is named '" + VALIDATION_NAME
                        + "' and validation(...) was given too; rename the term");
            }

            XYChart chart = Style.newXYChart(width, height, title, xLabel, yLabel);
            chart.getStyler().setYAxisLogarithmic(true);
            double[] yRange = null;
            double[] xRange = null;
            int i = 0;
            for (Map.Entry<String, double[]> e : terms.entrySet()) {
                double[][] xy = add(chart, e.getKey(), steps, e.getValue(), Style.palette(i++), Style.solid(1.6f));
                yRange = Style.union(yRange, Style.finiteRange(xy[1]));
                xRange = Style.union(xRange, Style.finiteRange(xy[0]));
            }
            if (total != null) {
                double[][] xy = add(chart, TOTAL_NAME, steps, total, Color.BLACK, Style.solid(2.6f));
                yRange = Style.union(yRange, Style.finiteRange(xy[1]));
                xRange = Style.union(xRange, Style.finiteRange(xy[0]));
            }
            if (validation != null) {
                double[][] xy = add(
                        chart, VALIDATION_NAME, validationSteps, validation, new Color(0x6a3d9a), Style.dashed(2.2f));
                yRange = Style.union(yRange, Style.finiteRange(xy[1]));
                xRange = Style.union(xRange, Style.finiteRange(xy[0]));
            }
            if (yRange == null) {
                throw new IllegalArgumentException("LossHistoryChart: no positive finite loss value to"
                        + " draw on a log axis (all values are zero, negative or NaN)");
            }
            for (StepMarker m : markers) {
                xRange = Style.union(xRange, new double[] {m.step(), m.step()});
            }
            double[] xr = Style.axisRange(xRange);
            double[] yr = Style.decadeRange(yRange);
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
            chart.getStyler().setAnnotationTextFontColor(Style.MARKER_LINE_COLOR);
            addMarkers(chart, markers, xr, yr);
            Style.finishAxes(chart, xr, yr);
            return chart;
        }

        private double[][] add(
                XYChart chart, String name, double[] x, double[] y, Color color, java.awt.BasicStroke stroke) {
            double[][] xy = Style.keepPlottable(x, y, true);
            if (xy[0].length == 0) {
                return xy;
            }
            double[][] thin = Decimate.minMax(xy[0], xy[1], maxPoints);
            XYSeries s = chart.addSeries(name, thin[0], thin[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setLineStyle(stroke);
            return xy;
        }
    }

    /**
     * Adds each marker as a two-point vertical series spanning the y range (hidden from the
     * legend) plus its label. Labels of markers closer than 15% of the x range take turns in two
     * rows so they do not overlap.
     */
    static void addMarkers(XYChart chart, List<StepMarker> markers, double[] xr, double[] yr) {
        double lastStep = Double.NEGATIVE_INFINITY;
        int row = 0;
        List<StepMarker> sorted = new ArrayList<>(markers);
        sorted.sort((a, b) -> Double.compare(a.step(), b.step()));
        for (StepMarker m : sorted) {
            String name = MARKER_PREFIX + m.label() + " at " + Style.format(m.step());
            if (chart.getSeriesMap().containsKey(name)) {
                throw new IllegalArgumentException(
                        "LossHistoryChart: marker '" + m.label() + "' at step " + m.step() + " was given twice");
            }
            XYSeries s = chart.addSeries(name, new double[] {m.step(), m.step()}, new double[] {yr[0], yr[1]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Style.MARKER_LINE_COLOR);
            s.setLineStyle(Style.dashed(1.4f));
            s.setShowInLegend(false);
            row = (m.step() - lastStep) < 0.15 * (xr[1] - xr[0]) ? (row + 1) % 2 : 0;
            lastStep = m.step();
            chart.addAnnotation(new StepMarkerAnnotation(m.step(), m.label(), row));
        }
    }
}
