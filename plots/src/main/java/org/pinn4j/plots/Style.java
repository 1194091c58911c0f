package org.pinn4j.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** Shared look (fonts, colours, strokes), number formatting and argument checks. */
final class Style {

    static final int DEFAULT_WIDTH = 800;
    static final int DEFAULT_HEIGHT = 600;

    /** Largest accepted chart side in pixels; guards against accidental giant images. */
    static final int MAX_SIDE = 10_000;

    /** Tableau-10 colours: distinct, readable on white, and familiar from matplotlib. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    static final Color REFERENCE_COLOR = new Color(0x1f3b73);
    static final Color PREDICTION_COLOR = new Color(0xd62728);
    static final Color MARKER_LINE_COLOR = new Color(0x555555);
    static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    static final float LINE_WIDTH = 2.2f;

    private Style() {}

    static Font font(float size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, Math.round(size));
    }

    static Font titleFont() {
        return font(18, true);
    }

    static Font axisTitleFont() {
        return font(15, false);
    }

    static Font tickFont() {
        return font(13, false);
    }

    static Font legendFont() {
        return font(13, false);
    }

    static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f);
    }

    static Color palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A new line chart with the module's look applied. */
    static XYChart newXYChart(int width, int height, String title, String xLabel, String yLabel) {
        Headless.ensure();
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title(title)
                .xAxisTitle(xLabel)
                .yAxisTitle(yLabel)
                .build();
        apply(chart.getStyler());
        return chart;
    }

    /** Applies fonts, white backgrounds, light grid and a boxed legend inside the plot. */
    static void apply(AxesChartStyler s) {
        s.setChartTitleFont(titleFont());
        s.setAxisTitleFont(axisTitleFont());
        s.setAxisTickLabelsFont(tickFont());
        s.setLegendFont(legendFont());
        s.setAnnotationTextFont(font(13, false));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x444444));
        s.setPlotGridLinesColor(new Color(0xe4e4e4));
        // Solid: VectorGraphics2D writes every dash of a dashed line as its own SVG path, which
        // made grid lines the bulk of each SVG file.
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        s.setLegendBorderColor(new Color(0xaaaaaa));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendSeriesLineLength(32);
        s.setChartPadding(14);
        s.setChartTitlePadding(10);
        s.setAxisTitlePadding(8);
        s.setMarkerSize(7);
        s.setToolTipsEnabled(false);
        s.setAntiAlias(true);
        s.setLocale(Locale.ROOT);
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(Color.BLACK);
    }

    /**
     * Compact, locale-independent number text: up to 4 significant digits, plain notation for
     * magnitudes in [1e-3, 1e5), otherwise {@code 1.5e-4} style.
     */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0.0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        int exp = (int) Math.floor(Math.log10(a));
        BigDecimal m = new BigDecimal(v / Math.pow(10, exp)).round(new MathContext(3));
        if (m.abs().compareTo(BigDecimal.TEN) >= 0) {
            m = m.movePointLeft(1);
            exp++;
        }
        return m.stripTrailingZeros().toPlainString() + "e" + exp;
    }

    // ---- argument checks: one clear IllegalArgumentException naming the offending input ----

    static void checkSize(String owner, int width, int height) {
        if (width < 100 || width > MAX_SIDE || height < 100 || height > MAX_SIDE) {
            throw new IllegalArgumentException(owner + ": size " + width + "x" + height + " must be within 100..."
                    + MAX_SIDE + " pixels on each side");
        }
    }

    static double[] requireArray(String owner, String what, double[] a, int minLength) {
        if (a == null) {
            throw new IllegalArgumentException(owner + ": " + what + " must not be null");
        }
        if (a.length < minLength) {
            throw new IllegalArgumentException(
                    owner + ": " + what + " has " + a.length + " values, needs at least " + minLength);
        }
        return a;
    }

    static void requireSameLength(String owner, String what, double[] a, String ref, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    owner + ": " + what + " has " + a.length + " values but " + ref + " has " + b.length);
        }
    }

    static String requireText(String owner, String what, String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(owner + ": " + what + " must be a non-blank text");
        }
        return s;
    }

    /** The text itself, or empty text for null (XChart draws no title for empty text). */
    static String textOrEmpty(String s) {
        return s == null ? "" : s;
    }

    static void requireFinite(String owner, String what, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(owner + ": " + what + "[" + i + "] = " + a[i] + " must be finite");
            }
        }
    }

    /** {min, max} over the finite values of all arrays, or null if there is none. */
    static double[] finiteRange(double[]... arrays) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            if (a == null) {
                continue;
            }
            for (double v : a) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }

    /** The smallest range containing both ranges (either may be null, meaning empty). */
    static double[] union(double[] a, double[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }

    /** {min, max} over the finite positive values of all arrays, or null if there is none. */
    static double[] positiveRange(double[]... arrays) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }

    /**
     * Range usable as axis limits: the data range itself, widened symmetrically when it is a
     * single value (XChart cannot draw an empty range), and [0, 1] when there is no data.
     */
    static double[] axisRange(double[] range) {
        if (range == null) {
            return new double[] {0.0, 1.0};
        }
        double lo = range[0];
        double hi = range[1];
        if (hi > lo) {
            return new double[] {lo, hi};
        }
        double pad = lo == 0.0 ? 1.0 : 0.05 * Math.abs(lo);
        return new double[] {lo - pad, hi + pad};
    }

    /** Keeps the (x, y) pairs where both values are finite (and y &gt; 0 if positiveOnly). */
    static double[][] keepPlottable(double[] x, double[] y, boolean positiveOnly) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (plottable(x[i], y[i], positiveOnly)) {
                n++;
            }
        }
        if (n == x.length) {
            return new double[][] {x.clone(), y.clone()};
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (plottable(x[i], y[i], positiveOnly)) {
                xs[k] = x[i];
                ys[k] = y[i];
                k++;
            }
        }
        return new double[][] {xs, ys};
    }

    private static boolean plottable(double x, double y, boolean positiveOnly) {
        return Double.isFinite(x) && Double.isFinite(y) && (!positiveOnly || y > 0.0);
    }

    /**
     * Axis limits for a range that must show tick labels at its ends: XChart drops a tick that
     * falls exactly on the plot edge when the plot content fills the plot area, so the limits
     * are widened by 1e-9 of the span (far below a pixel).
     */
    static double[] edgeInclusive(double lo, double hi) {
        double eps = 1e-9 * (hi - lo);
        return new double[] {lo - eps, hi + eps};
    }

    /**
     * Three unevenly spaced values from lo to hi, for invisible series that pin axis ranges.
     * XChart 3.8 puts ticks only at data values when all x values of a chart are equally spaced
     * (two points always are), which would leave a heat map with no inner tick labels.
     */
    static double[] unevenSpan(double lo, double hi) {
        return new double[] {lo, lo + (hi - lo) / Math.PI, hi};
    }

    /**
     * Sets the axis limits and number formats of a line chart and adds the invisible
     * {@link HiddenSeries#AXIS_RANGE} series spanning them (see there why).
     *
     * @param xr x limits {min, max}, min &lt; max
     * @param yr y limits {min, max}, min &lt; max (both positive if the y axis is logarithmic)
     */
    static void finishAxes(XYChart chart, double[] xr, double[] yr) {
        AxesChartStyler s = chart.getStyler();
        s.setXAxisMin(xr[0]);
        s.setXAxisMax(xr[1]);
        s.setYAxisMin(yr[0]);
        s.setYAxisMax(yr[1]);
        s.setXAxisDecimalPattern(decimalPattern(xr[0], xr[1]));
        boolean logY = s.isYAxisLogarithmic();
        s.setYAxisDecimalPattern(logY ? "0E0" : decimalPattern(yr[0], yr[1]));
        double[] ys = logY ? unevenSpanLog(yr[0], yr[1]) : unevenSpan(yr[0], yr[1]);
        org.knowm.xchart.XYSeries hidden = chart.addSeries(HiddenSeries.AXIS_RANGE, unevenSpan(xr[0], xr[1]), ys);
        hidden.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        hidden.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        hidden.setShowInLegend(false);
    }

    /**
     * A java.text.DecimalFormat pattern for tick labels of a linear axis over [lo, hi]: plain
     * with as many decimals as a tenth of the range needs ("0.###"), scientific ("0.##E0") for
     * magnitudes below 1e-3 or from 1e6 up. XChart's default drops the leading zero (".024").
     */
    static String decimalPattern(double lo, double hi) {
        double a = Math.max(Math.abs(lo), Math.abs(hi));
        if (a == 0.0 || !(hi > lo)) {
            return "0.###";
        }
        if (a < 1e-3 || a >= 1e6) {
            return "0.##E0";
        }
        int decimals = (int) Math.ceil(-Math.log10((hi - lo) / 10));
        decimals = Math.max(0, Math.min(8, decimals));
        return decimals == 0 ? "0" : "0." + "#".repeat(decimals);
    }

    /** Like {@link #unevenSpan} but spaced evenly in log10 (for positive log-axis limits). */
    static double[] unevenSpanLog(double lo, double hi) {
        double l = Math.log10(lo);
        double h = Math.log10(hi);
        return new double[] {lo, Math.pow(10, l + (h - l) / Math.PI), hi};
    }

    /** {10^floor(log10 min), 10^ceil(log10 max)} for a positive range: whole decades. */
    static double[] decadeRange(double[] positiveRange) {
        double lo = Math.floor(Math.log10(positiveRange[0]));
        double hi = Math.ceil(Math.log10(positiveRange[1]));
        if (hi <= lo) {
            hi = lo + 1;
        }
        return new double[] {Math.pow(10, lo), Math.pow(10, hi)};
    }

    static double[] copyOf(double[] a) {
        return a == null ? null : Arrays.copyOf(a, a.length);
    }
}
