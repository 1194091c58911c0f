package org.pinn4j.validation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
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
     * Writes {@code dir/name.png} and {@code dir/name.svg} (atomically, replacing older files).
     *
     * @throws IOException if a file cannot be written
     */
    public ChartFiles.Written write(Path dir) throws IOException {
        if (panels.size() == 1) {
            return ChartFiles.save(panels.get(0), dir.resolve(name));
        }
        return ChartFiles.saveGrid(panels, columns, dir.resolve(name));
    }
}
