package org.pinn4j.validation.report;

import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.plots.ChartFiles;

/**
 * One image of a run: a chart, or several charts side by side as panels (e.g. a slice and its error),
 * written as {@code name.png} and {@code name.svg}.
 *
 * @param name    file name without extension, e.g. "prediction" or "slice_t0.25"
 * @param caption one sentence saying what the image shows (used in the HTML page)
 * @param panels  the charts, in reading order
 * @param columns panels per row
 */
public record Figure(String name, String caption, List<? extends Chart<?, ?>> panels, int columns) {

    /** Checks the name and the panels. */
    public Figure {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException(
                    "Figure: name '" + name + "' must be a plain file name without extension, e.g. prediction");
        }
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("Figure '" + name + "' has no chart");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("Figure '" + name + "': columns = " + columns + " must be at least 1");
        }
        panels = List.copyOf(panels);
    }

    /** A figure of one chart. */
    public static Figure of(String name, String caption, Chart<?, ?> chart) {
        return new Figure(name, caption, List.of(chart), 1);
    }

    /** The PNG file name. */
    public String png() {
        return name + ".png";
    }

    /** The SVG file name. */
    public String svg() {
        return name + ".svg";
    }

    /**
     * Writes {@code dir/name.png} and {@code dir/name.svg} through {@link AtomicFiles} (each forced to disk and
     * renamed over the older file).
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be written ({@link
     *     AtomicFiles.WriteFailedException} when the disk fails or fills up during the write)
     */
    public ChartFiles.Written write(Path dir) {
        Path png = dir.resolve(png());
        Path svg = dir.resolve(svg());
        if (panels.size() == 1) {
            AtomicFiles.write(png, out -> ChartFiles.writePng(panels.get(0), out));
            AtomicFiles.write(svg, out -> ChartFiles.writeSvg(panels.get(0), out));
        } else {
            AtomicFiles.write(png, out -> ChartFiles.writeGridPng(panels, columns, out));
            AtomicFiles.write(svg, out -> ChartFiles.writeGridSvg(panels, columns, out));
        }
        return new ChartFiles.Written(png, svg);
    }
}
