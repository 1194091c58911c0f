package org.pinn4j.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Plot_XY;
import org.knowm.xchart.style.XYStyler;

/**
 * A 2-D field drawn as a colour image on numeric x/y axes, with a colour bar on the right: an
 * {@link XYChart} (so it has XChart's axes, title, styler, encoders and can take extra series,
 * e.g. measurement locations) whose plot area is filled with one colour cell per grid point.
 * Build it with {@link HeatMapChart#builder()}.
 *
 * <p>Why not XChart's own {@code HeatMapChart}: it puts one category tick label per grid value
 * (unreadable beyond ~20 points per axis) and writes one vector rectangle per cell (a 14 MB SVG
 * for 200x200). Here the cells are one small raster image, scaled into the plot area; in SVG it
 * is embedded once as a PNG, while axes, labels and colour bar stay vector graphics.
 *
 * <p>Cell {@code (ix, iy)} is centred on grid point {@code (x[ix], y[iy])}; the axes span the
 * grid from first to last point, so the outer half-cells are clipped. Uniform grids map one
 * image pixel to one cell; non-uniform grids are resampled (nearest grid point) at a finer
 * resolution. The chart width given at construction includes the colour bar.
 */
public final class FieldChart extends XYChart {

    private static final int GAP = 14;
    private static final int BAR_WIDTH = 22;
    private static final int TICK_LENGTH = 6;
    private static final int LABEL_GAP = 5;
    private static final int GRADIENT_STEPS = 256;
    private static final int MAX_RESAMPLED = 2048;

    private final Field2D field;
    private final double colorMin;
    private final double colorMax;
    private final ColorMap colorMap;
    private final String valueLabel;
    private final BufferedImage cells;
    private final double[] extentX;
    private final double[] extentY;

    FieldChart(
            int width,
            int height,
            String title,
            String xLabel,
            String yLabel,
            Field2D field,
            double colorMin,
            double colorMax,
            ColorMap colorMap,
            String valueLabel) {
        super(width, height);
        this.field = field;
        this.colorMin = colorMin;
        this.colorMax = colorMax;
        this.colorMap = colorMap;
        this.valueLabel = valueLabel;
        setTitle(title);
        setXAxisTitle(xLabel);
        setYAxisTitle(yLabel);

        double[] x = field.x();
        double[] y = field.y();
        XYStyler s = getStyler();
        Style.apply(s);
        s.setPlotContentSize(1.0);
        s.setPlotGridLinesVisible(false);
        s.setPlotBackgroundColor(Style.TRANSPARENT);
        s.setLegendVisible(false);
        Style.finishAxes(this, Style.edgeInclusive(x[0], x[x.length - 1]), Style.edgeInclusive(y[0], y[y.length - 1]));

        int[] ixOfColumn = cellIndexPerPixel(x, false);
        int[] iyOfRow = cellIndexPerPixel(y, true);
        this.extentX = outerExtent(x);
        this.extentY = outerExtent(y);
        this.cells = renderCells(ixOfColumn, iyOfRow);
        // Draw the cells between the plot surface and the series: swap in a plot that paints them.
        this.plot = new CellPlot(this);
    }

    /** The field shown. */
    public Field2D field() {
        return field;
    }

    /** Value drawn with the lowest colour of the map (values below are clamped to it). */
    public double colorMin() {
        return colorMin;
    }

    /** Value drawn with the highest colour of the map (values above are clamped to it). */
    public double colorMax() {
        return colorMax;
    }

    /** The colour map. */
    public ColorMap colorMap() {
        return colorMap;
    }

    /** Label of the colour bar (the quantity shown, e.g. "u" or "|u - u_ref|"). */
    public String valueLabel() {
        return valueLabel;
    }

    /**
     * A copy of the cell raster before scaling: column 0 is the smallest x, row 0 the
     * <em>largest</em> y (image rows run downwards). For a uniform grid its size is nx by ny.
     */
    public BufferedImage cellImage() {
        BufferedImage copy = new BufferedImage(cells.getWidth(), cells.getHeight(), cells.getType());
        copy.setData(cells.getData());
        return copy;
    }

    /**
     * Paints the chart with the colour bar in a strip on the right. The chart keeps the full
     * width; XChart's own layout works on the width minus the strip.
     */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        Font tickFont = getStyler().getAxisTickLabelsFont();
        Font titleFont = getStyler().getAxisTitleFont();
        List<Double> ticks = niceTicks(colorMin, colorMax);
        FontMetrics tickMetrics = g.getFontMetrics(tickFont);
        int labelWidth = tickMetrics.stringWidth(Style.format(colorMin));
        labelWidth = Math.max(labelWidth, tickMetrics.stringWidth(Style.format(colorMax)));
        for (double t : ticks) {
            labelWidth = Math.max(labelWidth, tickMetrics.stringWidth(Style.format(t)));
        }
        FontMetrics titleMetrics = g.getFontMetrics(titleFont);
        boolean hasTitle = valueLabel != null && !valueLabel.isEmpty();
        int strip = GAP
                + BAR_WIDTH
                + TICK_LENGTH
                + LABEL_GAP
                + labelWidth
                + (hasTitle ? GAP + titleMetrics.getHeight() : 0)
                + getStyler().getChartPadding();
        int chartWidth = Math.max(width - strip, width / 2);

        g.setColor(getStyler().getChartBackgroundColor());
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        super.paint(g, chartWidth, height);
        setWidth(width);
        setHeight(height);

        double top = getScreenYFromChart(field.y()[field.ny() - 1]);
        double bottom = getScreenYFromChart(field.y()[0]);
        double barX = chartWidth + GAP;
        SavedState saved = new SavedState(g);
        try {
            drawScaled(g, gradientImage(colorMap), barX, top, BAR_WIDTH, bottom - top);
            g.setColor(getStyler().getPlotBorderColor());
            g.setStroke(Style.solid(1f));
            g.draw(new Rectangle2D.Double(barX, top, BAR_WIDTH, bottom - top));

            g.setFont(tickFont);
            g.setColor(getStyler().getAxisTickLabelsColor());
            double labelX = barX + BAR_WIDTH + TICK_LENGTH + LABEL_GAP;
            double minGap = tickMetrics.getAscent() * 1.3;
            drawTick(g, tickMetrics, barX, labelX, bottom, Style.format(colorMin));
            drawTick(g, tickMetrics, barX, labelX, top, Style.format(colorMax));
            for (double t : ticks) {
                double yy = bottom - (t - colorMin) / (colorMax - colorMin) * (bottom - top);
                if (yy - top >= minGap && bottom - yy >= minGap) {
                    drawTick(g, tickMetrics, barX, labelX, yy, Style.format(t));
                }
            }
            if (hasTitle) {
                g.setFont(titleFont);
                g.setColor(getStyler().getChartFontColor());
                double tx = labelX + labelWidth + GAP + titleMetrics.getAscent();
                double ty = (top + bottom) / 2 + titleMetrics.stringWidth(valueLabel) / 2.0;
                g.translate(tx, ty);
                g.rotate(-Math.PI / 2);
                g.drawString(valueLabel, 0f, 0f);
            }
        } finally {
            saved.restore();
        }
    }

    /**
     * Sets the image interpolation hint on raster back ends and returns the previous value.
     * VectorGraphics2D 0.13 fails with a ClassCastException on drawImage once this AWT hint is
     * set, and ignores it anyway, so it is left alone there (returns null).
     */
    private static Object setInterpolation(Graphics2D g, Object value) {
        if (g instanceof de.erichseifert.vectorgraphics2d.VectorGraphics2D) {
            return null;
        }
        Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, value);
        return old;
    }

    /**
     * Draws img stretched over the rectangle (x, y, w, h). Scaling the graphics rather than
     * passing a transform to drawImage makes VectorGraphics2D embed the small source image
     * once (with an SVG transform) instead of a raster resampled to the target size.
     */
    private static void drawScaled(Graphics2D g, BufferedImage img, double x, double y, double w, double h) {
        SavedState saved = new SavedState(g);
        try {
            g.translate(x, y);
            g.scale(w / img.getWidth(), h / img.getHeight());
            g.drawImage(img, 0, 0, null);
        } finally {
            saved.restore();
        }
    }

    private static void drawTick(Graphics2D g, FontMetrics fm, double barX, double labelX, double y, String label) {
        g.draw(new java.awt.geom.Line2D.Double(barX + BAR_WIDTH, y, barX + BAR_WIDTH + TICK_LENGTH, y));
        float baseline = (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0);
        g.drawString(label, (float) labelX, baseline);
    }

    /** Ticks at 1, 2, 2.5 or 5 times a power of ten, about five inside [min, max]. */
    static List<Double> niceTicks(double min, double max) {
        double raw = (max - min) / 5;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = p;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            step = m * p;
            if (step >= raw) {
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        long first = (long) Math.ceil(min / step - 1e-9);
        for (long k = first; k * step <= max + 1e-9 * step; k++) {
            double v = k * step;
            out.add(Math.abs(v) < 1e-12 * step ? 0.0 : v);
        }
        return out;
    }

    private BufferedImage renderCells(int[] ixOfColumn, int[] iyOfRow) {
        int w = ixOfColumn.length;
        int h = iyOfRow.length;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        double[][] z = field.z();
        double scale = 1.0 / (colorMax - colorMin);
        for (int r = 0; r < h; r++) {
            int iy = iyOfRow[r];
            int rowStart = r * w;
            for (int c = 0; c < w; c++) {
                double v = z[ixOfColumn[c]][iy];
                data[rowStart + c] =
                        Double.isFinite(v) ? colorMap.argb((v - colorMin) * scale) : ColorMap.NO_DATA.getRGB();
            }
        }
        return img;
    }

    /** Data interval covered by the cells: half a spacing beyond the first and last point. */
    private static double[] outerExtent(double[] g) {
        int n = g.length;
        return new double[] {g[0] - (g[1] - g[0]) / 2, g[n - 1] + (g[n - 1] - g[n - 2]) / 2};
    }

    /**
     * For each image pixel along one axis, the index of the grid point whose cell contains the
     * pixel centre. Uniform grids get one pixel per point; others a finer resampling.
     */
    private static int[] cellIndexPerPixel(double[] g, boolean topDown) {
        int n = g.length;
        double h = (g[n - 1] - g[0]) / (n - 1);
        boolean uniform = true;
        for (int i = 1; i < n && uniform; i++) {
            uniform = Math.abs((g[i] - g[i - 1]) - h) <= 1e-6 * h;
        }
        int pixels = uniform ? n : Math.min(MAX_RESAMPLED, Math.max(4 * n, 512));
        double[] ext = outerExtent(g);
        double[] mid = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            mid[i] = 0.5 * (g[i] + g[i + 1]);
        }
        int[] out = new int[pixels];
        double du = (ext[1] - ext[0]) / pixels;
        for (int p = 0; p < pixels; p++) {
            double centre = topDown ? ext[1] - (p + 0.5) * du : ext[0] + (p + 0.5) * du;
            int k = java.util.Arrays.binarySearch(mid, centre);
            out[p] = k >= 0 ? k : -k - 1;
        }
        return out;
    }

    private static BufferedImage gradientImage(ColorMap map) {
        BufferedImage img = new BufferedImage(1, GRADIENT_STEPS, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < GRADIENT_STEPS; r++) {
            img.setRGB(0, r, map.argb(1.0 - (r + 0.5) / GRADIENT_STEPS));
        }
        return img;
    }

    /** The XChart plot part, extended to paint the cells below grid, series and border. */
    private final class CellPlot extends Plot_XY<XYStyler, XYSeries> {

        CellPlot(FieldChart chart) {
            super(chart);
        }

        @Override
        public void paint(Graphics2D g) {
            double[] x = field.x();
            double[] y = field.y();
            double sx0 = getScreenXFromChart(x[0]);
            double sx1 = getScreenXFromChart(x[x.length - 1]);
            double syTop = getScreenYFromChart(y[y.length - 1]);
            double syBottom = getScreenYFromChart(y[0]);
            double pxPerX = (sx1 - sx0) / (x[x.length - 1] - x[0]);
            double pxPerY = (syBottom - syTop) / (y[y.length - 1] - y[0]);
            double left = sx0 + (extentX[0] - x[0]) * pxPerX;
            double right = sx0 + (extentX[1] - x[0]) * pxPerX;
            double upper = syTop - (extentY[1] - y[y.length - 1]) * pxPerY;
            double lower = syTop - (extentY[0] - y[y.length - 1]) * pxPerY;
            SavedState saved = new SavedState(g);
            try {
                g.clip(new Rectangle2D.Double(sx0, syTop, sx1 - sx0, syBottom - syTop));
                Object interpolation = setInterpolation(g, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                drawScaled(g, cells, left, upper, right - left, lower - upper);
                if (interpolation != null) {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
                }
            } finally {
                saved.restore();
            }
            super.paint(g);
        }
    }

    /** Colour for the value v on this chart's scale (clamped; non-finite gives NO_DATA). */
    public Color colorOf(double v) {
        return colorMap.color(v, colorMin, colorMax);
    }
}
