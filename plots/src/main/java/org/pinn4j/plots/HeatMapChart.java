package org.pinn4j.plots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Heat maps of 2-D fields on a regular grid ({@link Field2D}, values {@code z[ix][iy]}), with
 * labelled axes, a title and a colour bar whose ends are labelled with the colour range.
 *
 * <pre>{@code
 * FieldChart u = HeatMapChart.builder()
 *     .title("Burgers: PINN prediction u(x, t)")
 *     .xLabel("x").yLabel("t").valueLabel("u")
 *     .field(Field2D.ofYMajor(x, t, uTX))
 *     .build();
 * HeatMapChart.Triple maps = HeatMapChart.triple()
 *     .xLabel("x").yLabel("t").quantity("u")
 *     .predicted(pred).reference(exact)
 *     .build();
 * ChartFiles.saveGrid(maps.asList(), 3, Path.of("out/burgers_fields"));
 * }</pre>
 *
 * <p>Charts are {@link FieldChart}s (XChart {@code XYChart}s with the cells drawn as an image);
 * see there why XChart's own heat map is not used.
 */
public final class HeatMapChart {

    private static final Color[] POINT_COLORS = {new Color(0xe6194b), Color.BLACK, new Color(0xff8c00)};

    private HeatMapChart() {}

    /** A builder for one heat map. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for the prediction / reference / absolute-error triple. */
    public static TripleBuilder triple() {
        return new TripleBuilder();
    }

    /**
     * Prediction, reference and absolute error maps of one field. Prediction and reference use
     * the same colour range; the error map runs from 0 to the largest error.
     *
     * @param prediction the model's field
     * @param reference the exact or reference field
     * @param error {@code |prediction - reference|}
     */
    public record Triple(FieldChart prediction, FieldChart reference, FieldChart error) {

        /** The three charts in reading order (prediction, reference, error). */
        public List<FieldChart> asList() {
            return List.of(prediction, reference, error);
        }
    }

    /** Configures and builds one {@link FieldChart}. */
    public static final class Builder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String title = "";
        private String xLabel = "x";
        private String yLabel = "y";
        private String valueLabel = "";
        private Field2D field;
        private Double colorMin;
        private Double colorMax;
        private ColorMap colorMap = ColorMap.VIRIDIS;
        private final List<Object[]> points = new ArrayList<>();

        private Builder() {}

        /** Image width in pixels including the colour bar (default 800). */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /** Image height in pixels (default 600). */
        public Builder height(int height) {
            this.height = height;
            return this;
        }

        /** Chart title, e.g. "PINN prediction u(x, t)". */
        public Builder title(String title) {
            this.title = Style.textOrEmpty(title);
            return this;
        }

        /** Horizontal axis label with units, e.g. "x" or "x [m]" (default "x"). */
        public Builder xLabel(String xLabel) {
            this.xLabel = Style.textOrEmpty(xLabel);
            return this;
        }

        /** Vertical axis label with units, e.g. "t [s]" (default "y"). */
        public Builder yLabel(String yLabel) {
            this.yLabel = Style.textOrEmpty(yLabel);
            return this;
        }

        /** Colour bar label: the quantity shown, e.g. "u" or "|u - u_ref|". */
        public Builder valueLabel(String valueLabel) {
            this.valueLabel = Style.textOrEmpty(valueLabel);
            return this;
        }

        /** The field to show. */
        public Builder field(Field2D field) {
            this.field = field;
            return this;
        }

        /** The field to show, from grid coordinates and values {@code z[ix][iy]}. */
        public Builder field(double[] x, double[] y, double[][] z) {
            this.field = new Field2D(x, y, z);
            return this;
        }

        /**
         * Fixes the colour range (for example to share it between maps); values outside are drawn
         * in the end colours. Default: the finite minimum and maximum of the field.
         */
        public Builder colorRange(double min, double max) {
            if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
                throw new IllegalArgumentException(
                        "HeatMapChart: colour range [" + min + ", " + max + "] must be finite with min < max");
            }
            this.colorMin = min;
            this.colorMax = max;
            return this;
        }

        /** The colour map (default {@link ColorMap#VIRIDIS}). */
        public Builder colorMap(ColorMap colorMap) {
            if (colorMap == null) {
                throw new IllegalArgumentException("HeatMapChart: colour map must not be null");
            }
            this.colorMap = colorMap;
            return this;
        }

        /**
         * Adds points drawn over the map as small markers with a legend entry, e.g. the locations
         * of measured data or training points (may be called several times, distinct names).
         */
        public Builder points(String name, double[] x, double[] y) {
            Style.requireText("HeatMapChart", "points name", name);
            Style.requireArray("HeatMapChart", "points x", x, 1);
            Style.requireArray("HeatMapChart", "points y", y, 1);
            Style.requireSameLength("HeatMapChart", "points y", y, "points x", x);
            points.add(new Object[] {name, x.clone(), y.clone()});
            return this;
        }

        /** Builds the chart; the colour range is the field's finite range unless fixed. */
        public FieldChart build() {
            Style.checkSize("HeatMapChart", width, height);
            if (field == null) {
                throw new IllegalArgumentException("HeatMapChart: no field given; call field(...)");
            }
            double[] range =
                    colorMin != null ? new double[] {colorMin, colorMax} : Style.axisRange(field.finiteRange());
            Headless.ensure();
            FieldChart chart = new FieldChart(
                    width, height, title, xLabel, yLabel, field, range[0], range[1], colorMap, valueLabel);
            int k = 0;
            for (Object[] p : points) {
                double[][] xy = Style.keepPlottable((double[]) p[1], (double[]) p[2], false);
                if (xy[0].length == 0) {
                    continue;
                }
                XYSeries s = chart.addSeries((String) p[0], xy[0], xy[1]);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                // Red, black, orange: visible on the colour maps and on the white legend box.
                s.setMarker(k % 2 == 0 ? SeriesMarkers.CROSS : SeriesMarkers.CIRCLE);
                s.setMarkerColor(POINT_COLORS[k % POINT_COLORS.length]);
                k++;
            }
            if (k > 0) {
                chart.getStyler().setLegendVisible(true);
                chart.getStyler().setMarkerSize(5);
            }
            return chart;
        }
    }

    /** Configures and builds the prediction / reference / error triple of one field. */
    public static final class TripleBuilder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String xLabel = "x";
        private String yLabel = "y";
        private String quantity = "u";
        private String titlePrefix = "";
        private Field2D predicted;
        private Field2D reference;

        private TripleBuilder() {}

        /** Width of each map in pixels (default 800). */
        public TripleBuilder width(int width) {
            this.width = width;
            return this;
        }

        /** Height of each map in pixels (default 600). */
        public TripleBuilder height(int height) {
            this.height = height;
            return this;
        }

        /** Horizontal axis label with units (default "x"). */
        public TripleBuilder xLabel(String xLabel) {
            this.xLabel = Style.textOrEmpty(xLabel);
            return this;
        }

        /** Vertical axis label with units (default "y"). */
        public TripleBuilder yLabel(String yLabel) {
            this.yLabel = Style.textOrEmpty(yLabel);
            return this;
        }

        /** Name of the field, used in titles and colour bar labels (default "u"). */
        public TripleBuilder quantity(String quantity) {
            this.quantity = Style.requireText("HeatMapChart.triple", "quantity", quantity);
            return this;
        }

        /** Text put before each title, e.g. the problem name "Burgers: " (default none). */
        public TripleBuilder titlePrefix(String titlePrefix) {
            this.titlePrefix = Style.textOrEmpty(titlePrefix);
            return this;
        }

        /** The model's field. */
        public TripleBuilder predicted(Field2D predicted) {
            this.predicted = predicted;
            return this;
        }

        /** The exact or reference field, on the same grid as the prediction. */
        public TripleBuilder reference(Field2D reference) {
            this.reference = reference;
            return this;
        }

        /** Builds the three maps. */
        public Triple build() {
            if (predicted == null || reference == null) {
                throw new IllegalArgumentException(
                        "HeatMapChart.triple: both predicted(...) and reference(...) are required");
            }
            if (!predicted.sameGridAs(reference)) {
                throw new IllegalArgumentException(
                        "HeatMapChart.triple: predicted grid (" + predicted.nx() + "x" + predicted.ny()
                                + ") and reference grid (" + reference.nx() + "x" + reference.ny()
                                + ") must have identical x and y coordinates");
            }
            double[][] err = new double[predicted.nx()][predicted.ny()];
            for (int i = 0; i < err.length; i++) {
                for (int j = 0; j < err[i].length; j++) {
                    err[i][j] = Math.abs(predicted.z()[i][j] - reference.z()[i][j]);
                }
            }
            Field2D error = new Field2D(predicted.x(), predicted.y(), err);
            double[] shared = Style.axisRange(Style.union(predicted.finiteRange(), reference.finiteRange()));
            double[] errRange = error.finiteRange();
            double maxErr = errRange == null ? Double.NaN : errRange[1];
            double errTop = maxErr > 0 ? maxErr : 1.0;

            String errLabel = "|" + quantity + " - " + quantity + "_ref|";
            FieldChart p = base(predicted, titlePrefix + "PINN prediction of " + quantity, quantity)
                    .colorRange(shared[0], shared[1])
                    .build();
            FieldChart r = base(reference, titlePrefix + "Reference " + quantity, quantity)
                    .colorRange(shared[0], shared[1])
                    .build();
            FieldChart e = base(
                            error,
                            titlePrefix + "Absolute error " + errLabel + ", max " + Style.format(maxErr),
                            errLabel)
                    .colorMap(ColorMap.MAGMA)
                    .colorRange(0.0, errTop)
                    .build();
            return new Triple(p, r, e);
        }

        private Builder base(Field2D f, String title, String valueLabel) {
            return builder()
                    .width(width)
                    .height(height)
                    .xLabel(xLabel)
                    .yLabel(yLabel)
                    .title(title)
                    .valueLabel(valueLabel)
                    .field(f);
        }
    }
}
