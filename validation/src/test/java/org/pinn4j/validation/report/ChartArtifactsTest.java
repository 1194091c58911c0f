package org.pinn4j.validation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.RunArtifacts;
import org.pinn4j.validation.runner.RunOptions;
import org.pinn4j.validation.runner.RunResult;
import org.pinn4j.validation.runner.Runner;
import org.pinn4j.validation.runner.TestProblems;

/** Real (tiny) trainings through the runner with the chart hook: which files a run leaves and what its page shows. */
class ChartArtifactsTest {

    @TempDir
    Path tmp;

    @Test
    void serviceRegistrationPlugsTheChartsIntoTheRunner() throws Exception {
        Path dir = tmp.resolve("heat");
        // the hook the command line uses: found through META-INF/services
        RunResult r = new Runner(RunArtifacts.discovered())
                .run(ReportProblems.heat(40), RunOptions.defaults().withOut(dir).withQuick(true));
        assertTrue(r.ok());
        List<String> expected = List.of(
                "prediction",
                "reference",
                "error",
                "slice_t0.25",
                "slice_t0.5",
                "slice_t0.75",
                "loss",
                "residual_hist");
        for (String name : expected) {
            assertTrue(Files.isRegularFile(dir.resolve(name + ".png")), name + ".png");
            assertTrue(Files.isRegularFile(dir.resolve(name + ".svg")), name + ".svg");
            BufferedImage img = ImageIO.read(dir.resolve(name + ".png").toFile());
            // maps, loss and histogram are 800 x 600; a slice has its error panel on the right: 1600 x 600
            assertEquals(name.startsWith("slice_") ? 1600 : 800, img.getWidth(), name);
            assertEquals(600, img.getHeight(), name);
        }
        assertEquals(expected.size() * 2, pngAndSvg(dir).size(), "no other chart: " + pngAndSvg(dir));

        String page = Files.readString(dir.resolve(RunPage.FILE));
        assertEquals(expected.size(), count(page, "<img "), "one image per chart");
        for (String name : expected) {
            assertTrue(page.contains("<img src=\"" + name + ".png\""), name);
            assertTrue(page.contains("<a href=\"" + name + ".svg\">"), name);
        }
        assertTrue(
                page.contains("<td class=\"num\">" + org.pinn4j.validation.runner.Numbers.sci(r.relL2()) + "</td>"),
                "rel L2 in the table");
        assertFalse(
                page.contains("http://") || page.contains("https://") || page.contains("<script"),
                "no network resource, no script");

        String report = Files.readString(dir.resolve(Runner.REPORT_FILE));
        assertTrue(report.contains("![prediction.png](prediction.png)"), report);
        assertFalse(report.contains("could not be written"), report);
        // report.md lists the charts in reading order: maps, then slices, then loss, then residuals
        assertTrue(
                report.indexOf("prediction.png") < report.indexOf("error.png")
                        && report.indexOf("error.png") < report.indexOf("slice_t0.25.png")
                        && report.indexOf("slice_t0.75.png") < report.indexOf("loss.png")
                        && report.indexOf("loss.png") < report.indexOf("residual_hist.png"),
                report);
    }

    @Test
    void inverseProblemGetsCoefficientAndDataCharts() throws Exception {
        Path dir = tmp.resolve("inverse");
        BenchmarkProblem p = ReportProblems.poissonInverse(150);
        RunResult r = new Runner(new ChartArtifacts())
                .run(p, RunOptions.defaults().withOut(dir).withSeed(5));
        for (String name : List.of("prediction", "error", "loss", "coefficients", "residual_hist")) {
            assertTrue(Files.isRegularFile(dir.resolve(name + ".png")), name);
        }
        assertFalse(Files.exists(dir.resolve("reference.png")), "1-D problems have line charts, no maps");
        String page = Files.readString(dir.resolve(RunPage.FILE));
        assertTrue(page.contains("<table id=\"coefficients\">"), page);
        assertTrue(page.contains("measured training data as dots"), page);
        assertTrue(r.coefficients().containsKey("k"));
    }

    @Test
    void runDataCollectsTheMeasuredPointsAndTheResidualOfTheFinalModel() throws Exception {
        Path dir = tmp.resolve("data");
        BenchmarkProblem p = ReportProblems.poissonInverse(100);
        RunResult r = new Runner().run(p, RunOptions.defaults().withOut(dir).withSeed(7));
        PinnModel model = ModelFile.load(dir.resolve(Runner.MODEL_FILE));
        List<String> notes = new ArrayList<>();
        RunData d = RunData.of(p, r, r.model(), notes);
        assertTrue(notes.isEmpty(), notes.toString());

        assertEquals(1, d.data().size());
        RunData.DataPoints data = d.data().get(0);
        assertEquals("u", data.output());
        double[] xs = data.points()[0];
        assertEquals(21, xs.length);
        for (int i = 0; i < xs.length; i++) {
            // the data are sin(pi x) at the 21 points, passed through unchanged
            assertEquals(ReportProblems.sine(xs[i]), data.values()[i], 0.0);
        }

        // residual -k u'' - pi^2 sin(pi x) checked against central differences of the saved model's prediction:
        // h = 1e-3 gives truncation h^2/12 |u''''| (u'''' of order pi^4 ~ 100: ~1e-5) and rounding ~4 eps/h^2 (~1e-9)
        double k = r.coefficients().get("k");
        double[] x = d.axes()[0];
        double[] res = d.residual().orElseThrow().values();
        assertEquals(x.length, res.length);
        double h = 1e-3;
        for (int i = 1; i < x.length - 1; i += 7) {
            double[][] u = model.predict(new double[][] {{x[i] - h, x[i], x[i] + h}});
            double uxx = (u[0][0] - 2 * u[0][1] + u[0][2]) / (h * h);
            double expected = -k * uxx - Math.PI * Math.PI * ReportProblems.sine(x[i]);
            assertEquals(expected, res[i], 1e-4, "x = " + x[i]);
        }
        assertArrayEquals(r.evaluation().prediction()[0], d.prediction()[0], 0.0);
    }

    @Test
    void aChartThatCannotBeWrittenIsReportedAndTheOthersAreWritten() throws Exception {
        Path dir = tmp.resolve("blocked");
        // a non-empty directory where loss.png should go: the file cannot replace it
        Files.createDirectories(dir.resolve("loss.png"));
        Files.writeString(dir.resolve("loss.png").resolve("keep"), "x");
        new Runner(new ChartArtifacts())
                .run(ReportProblems.poissonInverse(20), RunOptions.defaults().withOut(dir));
        assertTrue(Files.isRegularFile(dir.resolve("prediction.png")));
        assertTrue(
                Files.isRegularFile(dir.resolve("residual_hist.png")),
                "charts after the failing one are still written");
        String report = Files.readString(dir.resolve(Runner.REPORT_FILE));
        assertTrue(report.contains("Charts could not be written: loss.png could not be written: "), report);
        String page = Files.readString(dir.resolve(RunPage.FILE));
        assertTrue(page.contains("<li>Not drawn: loss.png could not be written: "), page);
        assertFalse(page.contains("<img src=\"loss.png\""), "the page shows only charts that were written");
    }

    @Test
    void divergedRunWithoutHistoryStillGetsItsMapsAndSaysWhyThereIsNoLossChart() throws Exception {
        Path dir = tmp.resolve("diverged");
        // the loss is infinite at the first step, so no step is recorded
        RunResult r = new Runner(new ChartArtifacts())
                .run(TestProblems.diverging(), RunOptions.defaults().withOut(dir));
        assertFalse(r.ok());
        assertEquals(0, r.steps());
        assertTrue(Files.isRegularFile(dir.resolve("prediction.png")));
        assertFalse(Files.exists(dir.resolve("loss.png")));
        String page = Files.readString(dir.resolve(RunPage.FILE));
        assertTrue(page.contains("<li>no loss chart: no training step was recorded</li>"), page);
        assertTrue(page.contains("diverged: loss term 'pde' is Infinity at the initial parameters (step 1)"), page);
    }

    private static List<String> pngAndSvg(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".png") || n.endsWith(".svg"))
                    .sorted()
                    .toList();
        }
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
