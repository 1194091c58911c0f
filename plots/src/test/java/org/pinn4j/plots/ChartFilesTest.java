package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;

class ChartFilesTest {

    @TempDir
    Path dir;

    private static XYChart lossChart() {
        return LossHistoryChart.builder()
                .steps(new double[] {0, 1, 2, 3})
                .total(new double[] {1, 0.1, 0.01, 0.001})
                .build();
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runsHeadless() {
        assertEquals("true", System.getProperty("java.awt.headless"));
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void saveWritesPngAndParsableSvg() throws Exception {
        ChartFiles.Written w = ChartFiles.save(lossChart(), dir.resolve("out/loss"));
        assertEquals(dir.resolve("out/loss.png"), w.png());
        assertEquals(dir.resolve("out/loss.svg"), w.svg());
        assertTrue(Files.size(w.png()) > 0);
        assertTrue(Files.size(w.svg()) > 0);
        BufferedImage img = ImageIO.read(w.png().toFile());
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
        Document svg = TestSupport.parseXml(Files.readAllBytes(w.svg()));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals("0 0 800 600", svg.getDocumentElement().getAttribute("viewBox"));
        // Only the two targets remain: the temporary files were renamed away.
        assertEquals(List.of("loss.png", "loss.svg"), names(dir.resolve("out")));
    }

    @Test
    void extensionIsDroppedAndExistingFilesAreReplaced() throws Exception {
        Files.writeString(dir.resolve("c.png"), "old");
        ChartFiles.Written w = ChartFiles.save(lossChart(), dir.resolve("c.png"));
        assertEquals(dir.resolve("c.png"), w.png());
        assertTrue(ImageIO.read(w.png().toFile()) != null, "old content replaced by a PNG");
        assertEquals(List.of("c.png", "c.svg"), names(dir));
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws Exception {
        // A non-empty directory where the PNG should go cannot be replaced by a file.
        Files.createDirectories(dir.resolve("x.png/inside"));
        assertThrows(IOException.class, () -> ChartFiles.save(lossChart(), dir.resolve("x")));
        assertEquals(List.of("x.png"), names(dir));
    }

    @Test
    void pngNeedsNoCacheFile() throws Exception {
        // ImageIO's default for a plain stream is a cache file; a cache directory that is gone makes that fail
        // (IllegalArgumentException "Not a directory!"), as a full java.io.tmpdir fails it; charts are encoded in
        // memory instead
        Path cache = Files.createDirectories(dir.resolve("cache"));
        boolean used = ImageIO.getUseCache();
        ChartFiles.Written w;
        byte[] bytes;
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cache.toFile());
        try {
            Files.delete(cache);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> ImageIO.write(
                            new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                            "png",
                            OutputStream.nullOutputStream()),
                    "the cache directory is really unusable");
            w = ChartFiles.saveGrid(List.of(lossChart(), lossChart()), 2, dir.resolve("grid"));
            bytes = ChartFiles.pngBytes(lossChart());
        } finally {
            ImageIO.setCacheDirectory(null);
            ImageIO.setUseCache(used);
        }
        // read back with the cache usable again (reading a stream would want a cache file too)
        assertEquals(1600, ImageIO.read(w.png().toFile()).getWidth());
        assertEquals(800, ImageIO.read(new ByteArrayInputStream(bytes)).getWidth());
    }

    @Test
    void gridPutsPanelsInRows() throws Exception {
        List<XYChart> charts = List.of(lossChart(), lossChart(), lossChart());
        ChartFiles.Written w = ChartFiles.saveGrid(charts, 2, dir.resolve("grid"));
        BufferedImage img = ImageIO.read(w.png().toFile());
        // 3 panels of 800x600 in 2 columns: 2 rows.
        assertEquals(1600, img.getWidth());
        assertEquals(1200, img.getHeight());
        Document svg = TestSupport.parseXml(Files.readAllBytes(w.svg()));
        assertEquals("0 0 1600 1200", svg.getDocumentElement().getAttribute("viewBox"));
        assertEquals(800, ChartFiles.gridImage(charts, 5).getWidth() / 3);
    }

    @Test
    void inMemoryEncodings() throws Exception {
        XYChart c = lossChart();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ChartFiles.pngBytes(c)));
        assertEquals(800, png.getWidth());
        assertEquals(600, png.getHeight());
        Document svg = TestSupport.parseXml(ChartFiles.svgBytes(c));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        Document grid = TestSupport.parseXml(ChartFiles.gridSvgBytes(List.of(c), 1));
        assertEquals("0 0 800 600", grid.getDocumentElement().getAttribute("viewBox"));
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ChartFiles.save(null, dir.resolve("a")));
        assertTrue(e.getMessage().contains("chart must not be null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ChartFiles.save(lossChart(), null));
        assertTrue(e.getMessage().contains("must name a file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ChartFiles.save(lossChart(), dir.resolve(".png")));
        assertTrue(e.getMessage().contains("empty base name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ChartFiles.saveGrid(List.of(), 2, dir.resolve("g")));
        assertTrue(e.getMessage().contains("non-empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ChartFiles.gridImage(List.of(lossChart()), 0));
        assertTrue(e.getMessage().contains("columns = 0"), e.getMessage());
    }
}
