package org.pinn4j.plots;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Points against a logarithmic y axis (e.g. a sweep's error against a parameter or against training time), in
 * named groups of markers, with optional lines drawn through given points (e.g. a Pareto front). Points that a
 * log axis cannot show (zero, negative, NaN) are left out.
 */
public final class ScatterChart {
    private ScatterChart() {}

    /** A new builder: 800 x 600, linear x axis. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects groups and lines; {@link #build()} draws them. */
    public static final class Builder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String title = "";
        private String xLabel = "";
        private String yLabel = "";
        private boolean logX;
        private final List<Object[]> groups = new ArrayList<>();
        private final List<Object[]> lines = new ArrayList<>();

        private Builder() {}

        /** Image size in pixels. */
        public Builder size(int w, int h) {
            Style.checkSize("ScatterChart", w, h);
            this.width = w;
            this.height = h;
            return this;
        }

        /** Chart title. */
        public Builder title(String t) {
            this.title = Style.textOrEmpty(t);
            return this;
        }

        /** x axis title. */
        public Builder xLabel(String l) {
            this.xLabel = Style.textOrEmpty(l);
            return this;
        }

        /** y axis title. */
        public Builder yLabel(String l) {
            this.yLabel = Style.textOrEmpty(l);
            return this;
        }

        /** A logarithmic x axis too (non-positive x values are then left out). */
        public Builder logX(boolean on) {
            this.logX = on;
            return this;
        }

        /** A group of markers, named in the legend. */
        public Builder points(String name, double[] x, double[] y) {
            groups.add(checked("group name", name, x, y));
            return this;
        }

        /** A line through the given points in the given order, named in the legend. */
        public Builder line(String name, double[] x, double[] y) {
            lines.add(checked("line name", name, x, y));
            return this;
        }

        /** {name, copy of x, copy of y} once the name is given and x and y are of one length. */
        private static Object[] checked(String what, String name, double[] x, double[] y) {
            Style.requireText("ScatterChart", what, name);
            Style.requireArray("ScatterChart", "x", x, 0);
            Style.requireArray("ScatterChart", "y", y, 0);
            Style.requireSameLength("ScatterChart", "x", x, "y", y);
            return new Object[] {name, x.clone(), y.clone()};
        }

        /**
         * Draws the chart.
         *
         * @throws IllegalArgumentException if no group was given or no point can be drawn on the axes
         */
        public XYChart build() {
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("ScatterChart: no points given; call points(name, x, y)");
            }
            XYChart chart = Style.newXYChart(width, height, title, xLabel, yLabel);
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setXAxisLogarithmic(logX);
            double[] xRange = null;
            double[] yRange = null;
            int colour = 0;
            for (Object[] g : groups) {
                double[][] xy = plottable((double[]) g[1], (double[]) g[2]);
                int c = colour++;
                if (xy[0].length == 0) {
                    continue;
                }
                XYSeries s = chart.addSeries((String) g[0], xy[0], xy[1]);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(Style.palette(c));
                xRange = Style.union(xRange, Style.finiteRange(xy[0]));
                yRange = Style.union(yRange, Style.finiteRange(xy[1]));
            }
            if (yRange == null) {
                throw new IllegalArgumentException(
                        "ScatterChart: no point with a positive finite value to draw on a log axis");
            }
            for (Object[] l : lines) {
                double[][] xy = plottable((double[]) l[1], (double[]) l[2]);
                if (xy[0].length == 0) {
                    continue;
                }
                XYSeries s = chart.addSeries((String) l[0], xy[0], xy[1]);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Style.MARKER_LINE_COLOR);
                s.setLineStyle(Style.dashed(Style.LINE_WIDTH));
            }
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            double[] xr = logX ? Style.decadeRange(xRange) : Style.axisRange(xRange);
            Style.finishAxes(chart, xr, Style.decadeRange(yRange));
            return chart;
        }

        private double[][] plottable(double[] x, double[] y) {
            double[][] xy = Style.keepPlottable(x, y, true);
            if (!logX) {
                return xy;
            }
            int n = 0;
            for (double v : xy[0]) {
                n += v > 0 ? 1 : 0;
            }
            double[][] out = new double[2][n];
            int k = 0;
            for (int i = 0; i < xy[0].length; i++) {
                if (xy[0][i] > 0) {
                    out[0][k] = xy[0][i];
                    out[1][k++] = xy[1][i];
                }
            }
            return out;
        }
    }
}
