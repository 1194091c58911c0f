package org.pinn4j.plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Curves of an error against time or iteration on a logarithmic y axis, one per method, each with its own x
 * values, e.g. the relative L2 error of L-BFGS, BFGS and SSBroyden against wall time, with optional labelled
 * vertical markers (where the compared phase starts) and horizontal reference lines (target accuracies).
 *
 * <pre>{@code
 * XYChart c = ConvergenceChart.builder()
 *     .title("burgers: rel L2 against wall time").xLabel("seconds").yLabel("rel L2 (log scale)")
 *     .curve("L-BFGS", seconds1, err1)
 *     .curve("SSBroyden", seconds2, err2)
 *     .marker(12.5, "Adam ends")
 *     .build();
 * }</pre>
 *
 * <p>Zero, negative and non-finite values cannot be drawn on a log axis and are left out of their curve; a
 * curve left with no point is not drawn, and at least one point must remain. The y axis spans whole decades
 * around the values; curves longer than {@link Builder#maxPointsPerSeries(int)} are thinned keeping each
 * stretch's smallest and largest value.
 */
public final class ConvergenceChart {

    private ConvergenceChart() {}

    /** A builder for a convergence chart. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures and builds a convergence chart. */
    public static final class Builder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String title = "Convergence";
        private String xLabel = "iteration";
        private String yLabel = "error (log scale)";
        private final Map<String, double[][]> curves = new LinkedHashMap<>();
        private final List<LossHistoryChart.StepMarker> markers = new ArrayList<>();
        private int maxPoints = 1000;

        private Builder() {}

        /** Image width in pixels (default 800). */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /** Image height in pixels (default 600). */
        public Builder height(int height) {
            this.height = height;
            return this;
        }

        /** Chart title. */
        public Builder title(String title) {
            this.title = Style.textOrEmpty(title);
            return this;
        }

        /** X axis label (default "iteration"). */
        public Builder xLabel(String xLabel) {
            this.xLabel = Style.textOrEmpty(xLabel);
            return this;
        }

        /** Y axis label (default "error (log scale)"). */
        public Builder yLabel(String yLabel) {
            this.yLabel = Style.textOrEmpty(yLabel);
            return this;
        }

        /**
         * Adds a curve; curves are drawn in the order added, each in the next palette colour.
         *
         * @throws IllegalArgumentException if the name is blank or already used, or the arrays are missing,
         *     empty or of unequal length
         */
        public Builder curve(String name, double[] x, double[] y) {
            Style.requireText("ConvergenceChart", "curve name", name);
            if (curves.containsKey(name)) {
                throw new IllegalArgumentException("ConvergenceChart: curve '" + name + "' was given twice");
            }
            Style.requireArray("ConvergenceChart", "x of curve '" + name + "'", x, 1);
            Style.requireArray("ConvergenceChart", "y of curve '" + name + "'", y, 1);
            Style.requireSameLength("ConvergenceChart", "y of curve '" + name + "'", y, "its x", x);
            curves.put(name, new double[][] {Style.copyOf(x), Style.copyOf(y)});
            return this;
        }

        /** A labelled vertical dashed line at {@code x}, e.g. where the compared phase starts. */
        public Builder marker(double x, String label) {
            markers.add(new LossHistoryChart.StepMarker(x, label));
            return this;
        }

        /** Thins each curve to at most this many points (default 1000, at least 10). */
        public Builder maxPointsPerSeries(int maxPoints) {
            if (maxPoints < 10) {
                throw new IllegalArgumentException(
                        "ConvergenceChart: maxPointsPerSeries must be >= 10; got " + maxPoints);
            }
            this.maxPoints = maxPoints;
            return this;
        }

        /**
         * Builds the chart.
         *
         * @throws IllegalArgumentException if no curve was given or none has a positive finite value
         */
        public XYChart build() {
            Style.checkSize("ConvergenceChart", width, height);
            if (curves.isEmpty()) {
                throw new IllegalArgumentException("ConvergenceChart: no curve given; call curve(name, x, y)");
            }
            XYChart chart = Style.newXYChart(width, height, title, xLabel, yLabel);
            chart.getStyler().setYAxisLogarithmic(true);
            double[] xRange = null;
            double[] yRange = null;
            int i = 0;
            for (Map.Entry<String, double[][]> e : curves.entrySet()) {
                double[][] xy = Style.keepPlottable(e.getValue()[0], e.getValue()[1], true);
                int colour = i++;
                if (xy[0].length == 0) {
                    continue;
                }
                double[][] thin = Decimate.minMax(xy[0], xy[1], maxPoints);
                XYSeries s = chart.addSeries(e.getKey(), thin[0], thin[1]);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Style.palette(colour));
                s.setLineStyle(Style.solid(Style.LINE_WIDTH));
                xRange = Style.union(xRange, Style.finiteRange(xy[0]));
                yRange = Style.union(yRange, Style.finiteRange(xy[1]));
            }
            if (yRange == null) {
                throw new IllegalArgumentException("ConvergenceChart: no positive finite value to draw on a log axis"
                        + " (all values are zero, negative or NaN)");
            }
            for (LossHistoryChart.StepMarker m : markers) {
                xRange = Style.union(xRange, new double[] {m.step(), m.step()});
            }
            double[] xr = Style.axisRange(xRange);
            double[] yr = Style.decadeRange(yRange);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setAnnotationTextFontColor(Style.MARKER_LINE_COLOR);
            LossHistoryChart.addMarkers(chart, markers, xr, yr);
            Style.finishAxes(chart, xr, yr);
            return chart;
        }
    }
}
