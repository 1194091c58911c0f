package org.pinn4j.plots;

import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histogram of {@code log10 |residual|} of the final model over evaluation points: where the
 * PDE is satisfied well and where not. Bins are equal-width in log10 space between the smallest
 * and largest value; zero and non-finite residuals cannot be placed on that scale and are
 * counted as omitted (shown in the legend).
 *
 * <p>The chart is an XChart {@code XYChart} with one area series tracing the bar outline, so
 * the x axis is numeric (log10 |r|) and the y axis is the number of points per bin.
 */
public final class ResidualHistogramChart {

    /** Default number of bins. */
    public static final int DEFAULT_BINS = 40;

    private ResidualHistogramChart() {}

    /** A builder for the histogram chart. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Bins of {@code log10 |r|}: {@code counts[i]} values lie in
     * {@code [edges[i], edges[i + 1])}, the last bin also includes its upper edge.
     *
     * @param edges bin edges in log10 space, length = number of bins + 1, increasing
     * @param counts number of residuals per bin
     * @param omitted residuals that are zero or not finite, hence not binned
     * @param medianLog10 median of the binned log10 |r| (NaN if none)
     */
    public record Bins(double[] edges, long[] counts, long omitted, double medianLog10) {

        /** Number of residuals binned. */
        public long total() {
            long s = 0;
            for (long c : counts) {
                s += c;
            }
            return s;
        }

        /**
         * Bins {@code log10 |r|} into {@code bins} equal-width bins spanning the data. If all
         * values are equal, the bins span that value plus and minus 0.5.
         *
         * @throws IllegalArgumentException if residuals is null or bins is not in 1..10000
         */
        public static Bins of(double[] residuals, int bins) {
            Style.requireArray("ResidualHistogramChart", "residuals", residuals, 0);
            if (bins < 1 || bins > 10_000) {
                throw new IllegalArgumentException("ResidualHistogramChart: bins = " + bins + " must be in 1..10000");
            }
            double[] logs = new double[residuals.length];
            int n = 0;
            for (double r : residuals) {
                double a = Math.abs(r);
                if (a > 0 && Double.isFinite(a)) {
                    logs[n++] = Math.log10(a);
                }
            }
            long omitted = residuals.length - n;
            if (n == 0) {
                return new Bins(new double[0], new long[0], omitted, Double.NaN);
            }
            double[] sorted = Arrays.copyOf(logs, n);
            Arrays.sort(sorted);
            double lo = sorted[0];
            double hi = sorted[n - 1];
            if (hi <= lo) {
                lo -= 0.5;
                hi += 0.5;
            }
            double width = (hi - lo) / bins;
            double[] edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = lo + i * width;
            }
            edges[bins] = hi;
            long[] counts = new long[bins];
            for (int i = 0; i < n; i++) {
                int b = (int) ((sorted[i] - lo) / width);
                counts[Math.min(Math.max(b, 0), bins - 1)]++;
            }
            double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            return new Bins(edges, counts, omitted, median);
        }
    }

    /** Configures and builds the histogram chart. */
    public static final class Builder {
        private int width = Style.DEFAULT_WIDTH;
        private int height = Style.DEFAULT_HEIGHT;
        private String title = "PDE residuals of the final model";
        private String xLabel = "log10 |residual|";
        private String yLabel = "number of points";
        private double[] residuals;
        private int bins = DEFAULT_BINS;

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

        /** Title (default "PDE residuals of the final model"). */
        public Builder title(String title) {
            this.title = Style.textOrEmpty(title);
            return this;
        }

        /** X axis label (default "log10 |residual|"). */
        public Builder xLabel(String xLabel) {
            this.xLabel = Style.textOrEmpty(xLabel);
            return this;
        }

        /** Y axis label (default "number of points"). */
        public Builder yLabel(String yLabel) {
            this.yLabel = Style.textOrEmpty(yLabel);
            return this;
        }

        /** Residual values at the evaluation points (required; signs are ignored). */
        public Builder residuals(double[] residuals) {
            this.residuals = Style.copyOf(residuals);
            return this;
        }

        /** Number of bins (default 40). */
        public Builder bins(int bins) {
            this.bins = bins;
            return this;
        }

        /**
         * Builds the chart.
         *
         * @throws IllegalArgumentException if no residual is non-zero and finite
         */
        public XYChart build() {
            Style.checkSize("ResidualHistogramChart", width, height);
            Bins b = Bins.of(residuals, bins);
            if (b.counts().length == 0) {
                throw new IllegalArgumentException("ResidualHistogramChart: none of the " + residuals.length
                        + " residuals is non-zero and finite; nothing to bin");
            }
            XYChart chart = Style.newXYChart(width, height, title, xLabel, yLabel);
            int nb = b.counts().length;
            double[] x = new double[2 * nb + 2];
            double[] y = new double[x.length];
            x[0] = b.edges()[0];
            y[0] = 0;
            long max = 0;
            for (int i = 0; i < nb; i++) {
                x[1 + 2 * i] = b.edges()[i];
                y[1 + 2 * i] = b.counts()[i];
                x[2 + 2 * i] = b.edges()[i + 1];
                y[2 + 2 * i] = b.counts()[i];
                max = Math.max(max, b.counts()[i]);
            }
            x[x.length - 1] = b.edges()[nb];
            y[y.length - 1] = 0;
            String name = "n = " + b.total()
                    + (b.omitted() > 0 ? " (" + b.omitted() + " zero or non-finite omitted)" : "")
                    + ", median |r| = " + Style.format(Math.pow(10, b.medianLog10()));
            XYSeries s = chart.addSeries(name, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Style.palette(0));
            s.setFillColor(new java.awt.Color(0x1f, 0x77, 0xb4, 150));
            s.setLineStyle(Style.solid(1.4f));
            Style.finishAxes(chart, new double[] {b.edges()[0], b.edges()[nb]}, new double[] {0.0, max});
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            return chart;
        }
    }
}
