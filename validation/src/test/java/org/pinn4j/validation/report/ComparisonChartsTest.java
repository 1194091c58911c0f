package org.pinn4j.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.OptimizerComparison;
import org.pinn4j.validation.runner.RunOptions;
import org.pinn4j.validation.runner.Runner;
import org.pinn4j.validation.runner.TestProblems;

class ComparisonChartsTest {
    @TempDir
    Path tmp;

    @Test
    void writesBothChartsAndAPageWhoseLinksResolve() throws Exception {
        Path out = tmp.resolve("cmp");
        OptimizerComparison.Comparison c = OptimizerComparison.run(
                TestProblems.cheapPoissonQuasiNewton("poisson-qn", 30, 30),
                new OptimizerComparison.Settings(
                        BenchmarkProblem.DEFAULT_RECIPE,
                        List.of("lbfgs", "ssbroyden"),
                        OptionalDouble.empty(),
                        RunOptions.defaults().withThreads(2),
                        out),
                new Runner(new ChartArtifacts()),
                new ComparisonCharts(),
                s -> {});
        for (String f : List.of(ComparisonCharts.TIME_FIGURE, ComparisonCharts.ITERATION_FIGURE)) {
            BufferedImage img = ImageIO.read(out.resolve(f + ".png").toFile());
            assertEquals(900, img.getWidth(), f);
            assertTrue(Files.readString(out.resolve(f + ".svg")).contains("<svg"), f);
        }
        String page = Files.readString(out.resolve(RunPage.FILE));
        assertTrue(page.contains("<section id=\"optimizer-comparison\">"), page);
        for (OptimizerComparison.MethodRun m : c.runs()) {
            assertTrue(page.contains("<tr><td>" + m.method() + "</td>"), page);
        }
        Matcher links = Pattern.compile("(?:href|src)=\"([^\"]+)\"").matcher(page);
        int n = 0;
        while (links.find()) {
            assertTrue(Files.isRegularFile(out.resolve(links.group(1))), "link target " + links.group(1));
            n++;
        }
        // per figure: the SVG link, the PNG, the caption's SVG link; per method its page; the CSV and report
        assertEquals(2 * 3 + 2 + 2, n, page);
        String report = Files.readString(out.resolve(OptimizerComparison.REPORT_FILE));
        assertTrue(report.contains("`" + ComparisonCharts.TIME_FIGURE + ".png`"), report);
    }
}
