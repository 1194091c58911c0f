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
 * Coefficients identified by an inverse problem against the training step, each with its true
 * value as a dashed horizontal line of the same colour.
 *
 * <pre>{@code
 * CoefficientChart.Builder b = CoefficientChart.builder()
 *     .steps(steps)
 *     .coefficient("lambda1", lambda1, 1.0)
 *     .coefficient("lambda2", lambda2, 0.01 / Math.PI);
 * XYChart both = b.build();             // one chart, all coefficients
 * List<XYChart> each = b.buildEach();   // one chart per coefficient (for different scales)
 * }</pre>
 *
 * <p>Series are named after the coefficient (estimate) and {@code "<name> true = <value>"}
 * (true value). Non-finite estimates are left out. Axis ranges are set from the data: x from
 * the first to the last step, y over all estimates and true values shown.
 */
public final class CoefficientChart {

    /** Suffix between a coefficient's name and its true value in the true-value series name. */
    public static final String TRUE_INFIX = " true = ";

    private CoefficientChart() {}

    /** A builder for coefficient histories. */
    public static Builder builder() {
        return new Builder();
    }

    private record Coefficient(String name, double[] values, double trueValue) {}

    /** Configures and builds coefficient charts. */
    public static final class Builder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String title = "Identified coefficients during training";
        private String xLabel = "step";
        private String yLabel = "coefficient value";
        private double[] steps;
        private final Map<String, Coefficient> coefficients = new LinkedHashMap<>();

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

        /** Title (for {@link #buildEach()} the coefficient name is appended). */
        public Builder title(String title) {
            this.title = Style.textOrEmpty(title);
            return this;
        }

        /** X axis label (default "step"). */
        public Builder xLabel(String xLabel) {
            this.xLabel = Style.textOrEmpty(xLabel);
            return this;
        }

        /** Y axis label (default "coefficient value"). */
        public Builder yLabel(String yLabel) {
            this.yLabel = Style.textOrEmpty(yLabel);
            return this;
        }

        /** Steps at which the coefficients were recorded (required). */
        public Builder steps(double[] steps) {
            this.steps = Style.copyOf(steps);
            return this;
        }

        /** Adds a coefficient's history and its true value (finite). */
        public Builder coefficient(String name, double[] values, double trueValue) {
            if (!Double.isFinite(trueValue)) {
                throw new IllegalArgumentException("CoefficientChart: true value of '" + name + "' = " + trueValue
                        + " must be finite (use coefficient(name, values) if unknown)");
            }
            return add(name, values, trueValue);
        }

        /** Adds a coefficient's history without a known true value. */
        public Builder coefficient(String name, double[] values) {
            return add(name, values, Double.NaN);
        }

        private Builder add(String name, double[] values, double trueValue) {
            Style.requireText("CoefficientChart", "coefficient name", name);
            Style.requireArray("CoefficientChart", "coefficient '" + name + "'", values, 0);
            if (coefficients.containsKey(name)) {
                throw new IllegalArgumentException("CoefficientChart: coefficient '" + name + "' was given twice");
            }
            coefficients.put(name, new Coefficient(name, values.clone(), trueValue));
            return this;
        }

        /** One chart with every coefficient. */
        public XYChart build() {
            check();
            return chart(title, new ArrayList<>(coefficients.values()), 0);
        }

        /**
         * One chart per coefficient, titled "title: name", in the order added; useful when the
         * coefficients differ in scale (e.g. 1.0 and 0.003).
         */
        public List<XYChart> buildEach() {
            check();
            List<XYChart> out = new ArrayList<>();
            int i = 0;
            for (Coefficient c : coefficients.values()) {
                String t = title.isEmpty() ? c.name() : title + ": " + c.name();
                out.add(chart(t, List.of(c), i++));
            }
            return out;
        }

        private void check() {
            Style.checkSize("CoefficientChart", width, height);
            Style.requireArray("CoefficientChart", "steps", steps, 1);
            if (coefficients.isEmpty()) {
                throw new IllegalArgumentException("CoefficientChart: no coefficient given; call coefficient(...)");
            }
            for (Coefficient c : coefficients.values()) {
                Style.requireSameLength(
                        "CoefficientChart", "coefficient '" + c.name() + "'", c.values(), "steps", steps);
            }
        }

        private XYChart chart(String chartTitle, List<Coefficient> list, int firstColour) {
            XYChart chart = Style.newXYChart(width, height, chartTitle, xLabel, yLabel);
            double[] xRange = Style.finiteRange(steps);
            double[] yRange = null;
            for (int i = 0; i < list.size(); i++) {
                Coefficient c = list.get(i);
                Color colour = Style.palette(firstColour + i);
                double[][] xy = Style.keepPlottable(steps, c.values(), false);
                if (xy[0].length > 0) {
                    XYSeries s = chart.addSeries(c.name(), xy[0], xy[1]);
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineColor(colour);
                    s.setLineStyle(Style.solid(Style.LINE_WIDTH));
                    yRange = Style.union(yRange, Style.finiteRange(xy[1]));
                }
                if (Double.isFinite(c.trueValue())) {
                    double[] xr = Style.axisRange(xRange);
                    XYSeries t = chart.addSeries(
                            c.name() + TRUE_INFIX + Style.format(c.trueValue()),
                            new double[] {xr[0], xr[1]},
                            new double[] {c.trueValue(), c.trueValue()});
                    t.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    t.setMarker(SeriesMarkers.NONE);
                    t.setLineColor(colour);
                    t.setLineStyle(Style.dashed(1.8f));
                    yRange = Style.union(yRange, new double[] {c.trueValue(), c.trueValue()});
                }
            }
            if (chart.getSeriesMap().isEmpty()) {
                throw new IllegalArgumentException("CoefficientChart: nothing to draw for " + chartTitle
                        + ": no finite estimate and no true value");
            }
            double[] xr = Style.axisRange(xRange);
            double[] yr = Style.axisRange(yRange);
            Style.finishAxes(chart, xr, yr);
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
            return chart;
        }
    }
}
