package org.pinn4j.plots;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts as PNG and SVG, atomically: each file is written to a temporary file in the
 * target directory ({@code .NAME.png.DIGITS.tmp}), forced to disk and then renamed over the
 * target, so a reader never sees a half-written image, not even after a crash. Single charts are
 * drawn by XChart's {@link BitmapEncoder} and {@link VectorGraphicsEncoder}; panels of several
 * charts are painted side by side into one image with the same Graphics2D back ends (AWT raster,
 * VectorGraphics2D). PNG encoding buffers in memory, never in a cache file of {@code
 * java.io.tmpdir}. The {@code write...} methods stream a chart into any output (e.g. a writer
 * of one's own that replaces files atomically).
 */
public final class ChartFiles {

    private ChartFiles() {}

    /**
     * Paths of the files written.
     *
     * @param png the raster image
     * @param svg the vector image
     */
    public record Written(Path png, Path svg) {}

    /**
     * Writes {@code base.png} and {@code base.svg}. A trailing ".png" or ".svg" in the name is
     * dropped ("out/loss.png" writes out/loss.png and out/loss.svg); missing directories are
     * created; existing files are replaced.
     *
     * @param chart the chart, e.g. from one of this package's builders
     * @param dirAndBaseName directory and file name without extension, e.g. out/burgers_loss
     * @return the two paths written
     * @throws IOException if a file cannot be written (no partial file is left behind)
     */
    public static Written save(Chart<?, ?> chart, Path dirAndBaseName) throws IOException {
        requireChart(chart, "chart");
        Path[] targets = targets(dirAndBaseName);
        Headless.ensure();
        writeAtomically(targets[0], out -> writePng(chart, out));
        writeAtomically(targets[1], out -> writeSvg(chart, out));
        return new Written(targets[0], targets[1]);
    }

    /**
     * Writes several charts as one figure of panels, row by row with {@code columns} panels per
     * row, to {@code base.png} and {@code base.svg}. Each panel is as large as the largest chart.
     *
     * @throws IOException if a file cannot be written (no partial file is left behind)
     */
    public static Written saveGrid(List<? extends Chart<?, ?>> charts, int columns, Path dirAndBaseName)
            throws IOException {
        Layout layout = layout(charts, columns);
        Path[] targets = targets(dirAndBaseName);
        Headless.ensure();
        writeAtomically(targets[0], out -> writeGridPng(charts, columns, out));
        writeAtomically(targets[1], out -> writeGridSvg(charts, layout, out));
        return new Written(targets[0], targets[1]);
    }

    /**
     * Writes the chart as PNG to {@code out} (which stays open).
     *
     * @throws IOException if {@code out} fails
     */
    public static void writePng(Chart<?, ?> chart, OutputStream out) throws IOException {
        writePng(image(chart), out);
    }

    /**
     * Writes the chart as SVG (UTF-8 XML) to {@code out} (which stays open).
     *
     * @throws IOException if {@code out} fails
     */
    public static void writeSvg(Chart<?, ?> chart, OutputStream out) throws IOException {
        requireChart(chart, "chart");
        Headless.ensure();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

    /**
     * Writes panels of several charts (see {@link #saveGrid}) as PNG to {@code out} (which stays open).
     *
     * @throws IOException if {@code out} fails
     */
    public static void writeGridPng(List<? extends Chart<?, ?>> charts, int columns, OutputStream out)
            throws IOException {
        writePng(gridImage(charts, columns), out);
    }

    /**
     * Writes panels of several charts (see {@link #saveGrid}) as SVG to {@code out} (which stays open).
     *
     * @throws IOException if {@code out} fails
     */
    public static void writeGridSvg(List<? extends Chart<?, ?>> charts, int columns, OutputStream out)
            throws IOException {
        Layout layout = layout(charts, columns);
        Headless.ensure();
        writeGridSvg(charts, layout, out);
    }

    /** Renders a chart into an image of the chart's size (nothing is written to disk). */
    public static BufferedImage image(Chart<?, ?> chart) {
        requireChart(chart, "chart");
        Headless.ensure();
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Renders charts as panels (see {@link #saveGrid}) into one image. */
    public static BufferedImage gridImage(List<? extends Chart<?, ?>> charts, int columns) {
        Layout layout = layout(charts, columns);
        Headless.ensure();
        BufferedImage img = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, layout.width(), layout.height());
            paintPanels(g, charts, layout);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The chart as PNG bytes. */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(chart, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("PNG encoding in memory failed", e);
        }
        return out.toByteArray();
    }

    /** The chart as SVG (UTF-8 XML) bytes. */
    public static byte[] svgBytes(Chart<?, ?> chart) {
        requireChart(chart, "chart");
        Headless.ensure();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("SVG encoding in memory failed", e);
        }
        return out.toByteArray();
    }

    /** Panels of several charts as SVG bytes (see {@link #saveGrid}). */
    public static byte[] gridSvgBytes(List<? extends Chart<?, ?>> charts, int columns) {
        Layout layout = layout(charts, columns);
        Headless.ensure();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeGridSvg(charts, layout, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("SVG encoding in memory failed", e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------

    private record Layout(int columns, int rows, int cellWidth, int cellHeight) {
        int width() {
            return columns * cellWidth;
        }

        int height() {
            return rows * cellHeight;
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static Layout layout(List<? extends Chart<?, ?>> charts, int columns) {
        if (charts == null || charts.isEmpty()) {
            throw new IllegalArgumentException("ChartFiles: charts must be a non-empty list");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("ChartFiles: columns = " + columns + " must be at least 1");
        }
        int w = 0;
        int h = 0;
        for (int i = 0; i < charts.size(); i++) {
            Chart<?, ?> c = requireChart(charts.get(i), "charts[" + i + "]");
            w = Math.max(w, c.getWidth());
            h = Math.max(h, c.getHeight());
        }
        int cols = Math.min(columns, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        if ((long) w * cols > Style.MAX_SIDE * 4L || (long) h * rows > Style.MAX_SIDE * 4L) {
            throw new IllegalArgumentException("ChartFiles: " + charts.size() + " panels in " + cols + " columns of "
                    + w + "x" + h + " pixels make an image larger than " + Style.MAX_SIDE * 4 + " pixels a side");
        }
        return new Layout(cols, rows, w, h);
    }

    private static void paintPanels(Graphics2D g, List<? extends Chart<?, ?>> charts, Layout layout) {
        for (int i = 0; i < charts.size(); i++) {
            Chart<?, ?> c = charts.get(i);
            int x = (i % layout.columns()) * layout.cellWidth();
            int y = (i / layout.columns()) * layout.cellHeight();
            SavedState saved = new SavedState(g);
            try {
                g.translate(x, y);
                g.clip(new Rectangle(0, 0, c.getWidth(), c.getHeight()));
                c.paint(g, c.getWidth(), c.getHeight());
            } finally {
                saved.restore();
            }
        }
    }

    private static void writeGridSvg(List<? extends Chart<?, ?>> charts, Layout layout, OutputStream out)
            throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, layout.width(), layout.height());
        paintPanels(g, charts, layout);
        Document doc =
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, layout.width(), layout.height()));
        doc.writeTo(out);
    }

    private static Chart<?, ?> requireChart(Chart<?, ?> chart, String what) {
        if (chart == null) {
            throw new IllegalArgumentException("ChartFiles: " + what + " must not be null");
        }
        return chart;
    }

    /** {base.png, base.svg}, absolute, after validating the base name. */
    private static Path[] targets(Path dirAndBaseName) {
        if (dirAndBaseName == null || dirAndBaseName.getFileName() == null) {
            throw new IllegalArgumentException(
                    "ChartFiles: output path " + dirAndBaseName + " must name a file, e.g. out/burgers_loss");
        }
        Path abs = dirAndBaseName.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png") || lower.endsWith(".svg")) {
            name = name.substring(0, name.length() - 4);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("ChartFiles: output path " + dirAndBaseName + " has an empty base name");
        }
        Path dir = abs.getParent();
        return new Path[] {dir.resolve(name + ".png"), dir.resolve(name + ".svg")};
    }

    /**
     * PNG through an in-memory image stream: ImageIO's default for a plain OutputStream is a cache file in
     * java.io.tmpdir, closed by a JDK shutdown hook that fails with a stack trace when that disk is full.
     */
    private static void writePng(BufferedImage image, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // temporary files are private (rw-------); an image is an ordinary output file
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
