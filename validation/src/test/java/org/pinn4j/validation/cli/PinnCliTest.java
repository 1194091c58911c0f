package org.pinn4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.validation.runner.TestProblems;

class PinnCliTest {
    /** The result-line contract of `pinn run` (issue 4). */
    private static final Pattern RESULT =
            Pattern.compile("^(\\S+) rel_l2=(\\S+) published=(\\S+) time_s=(\\d+\\.\\d)((?: \\S+=\\S+)*)$");

    @TempDir
    static Path shared;

    static Path runDir;
    static Cli.Outcome runOutcome;

    @BeforeAll
    static void trainQuickPoisson() {
        runDir = shared.resolve("poisson");
        runOutcome = Cli.run("run", "poisson-1d", "--quick", "--out", runDir.toString());
    }

    @Test
    void listHasOneLinePerCatalogueProblem() {
        Cli.Outcome o = Cli.run("list");
        assertEquals(PinnCli.OK, o.code(), o.toString());
        List<BenchmarkProblem> all = Catalogue.all();
        List<String> lines = o.outLines();
        assertEquals(all.size(), lines.size(), o.toString());
        for (int i = 0; i < all.size(); i++) {
            BenchmarkProblem p = all.get(i);
            String line = lines.get(i);
            assertTrue(line.startsWith(p.name() + " "), line);
            assertTrue(line.contains(p.equation()), line);
            assertTrue(line.contains("reference: " + p.referenceKind()), line);
            assertTrue(line.contains("published: " + p.publishedFigure()), line);
            String parameters = p.parameters().isEmpty()
                    ? ""
                    : "; parameters: "
                            + String.join(
                                    ", ",
                                    p.parameters().stream()
                                            .map(org.pinn4j.problems.ProblemParameter::describe)
                                            .toList());
            assertTrue(
                    line.endsWith("; recipes: " + String.join(", ", p.recipes().keySet()) + parameters + "]"), line);
            assertTrue(line.contains("; recipes: default, quick"), "every problem has default and quick: " + line);
        }
        assertEquals("", o.err());
    }

    @Test
    void runWritesFilesAndEndsWithTheResultLine() throws Exception {
        Cli.Outcome o = runOutcome;
        assertEquals(PinnCli.OK, o.code(), o.toString());
        for (String f : List.of("model.json", "history.csv", "report.md")) {
            assertTrue(Files.isRegularFile(runDir.resolve(f)), f);
        }
        Matcher m = RESULT.matcher(o.lastOutLine());
        assertTrue(m.matches(), o.lastOutLine());
        assertEquals("poisson-1d", m.group(1));
        assertEquals("-", m.group(3));
        assertEquals("", m.group(5), "a forward problem prints no coefficients");

        // the printed rel L2 against an independent evaluation of the saved model on 1001 points
        PinnModel model = ModelFile.load(runDir.resolve("model.json"));
        int n = 1001;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -1 + 2.0 * i / (n - 1);
        }
        double[] u = model.predict(new double[][] {xs})[0];
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double e = u[i] - TestProblems.exact(xs[i]);
            num += e * e;
            den += TestProblems.exact(xs[i]) * TestProblems.exact(xs[i]);
        }
        double printed = Double.parseDouble(m.group(2));
        // a 401-point and a 1001-point grid estimate the same smooth error norm: within 5% of each other
        assertEquals(Math.sqrt(num / den), printed, 0.05 * printed);
        // the quick recipe of poisson-1d (Adam 500 + L-BFGS 500) reaches 6e-5 with seed 0; 1e-3 is the acceptance bar
        assertTrue(printed < 1e-3, "rel L2 " + printed);

        // progress went to stderr: phase lines and step lines with loss terms and ETA
        assertTrue(o.err().contains("phase 1: adam 500 steps"), o.err());
        assertTrue(o.err().contains("step 1000/1000 lbfgs pde="), o.err());
        assertTrue(o.err().contains("phase 2 (L-BFGS) stopped: "), "the stop reason is printed: " + o.err());
        assertTrue(o.err().contains(" eta="), o.err());
        assertTrue(Files.readString(runDir.resolve("report.md")).contains("| recipe | quick (reduced budget) |"));
        // the report and the model file name every phase with its settings
        assertTrue(
                Files.readString(runDir.resolve("report.md"))
                        .contains("| phases | adam 500 steps: adam(beta1 0.9, beta2 0.999, eps 1.0E-8), learning rate"
                                + " constant(rate 0.005), then L-BFGS 500 iterations: lbfgs(historySize 50, "),
                Files.readString(runDir.resolve("report.md")));
        assertEquals(new org.pinn4j.problems.catalogue.Poisson1d().recipe(true).withThreads(1), model.recipe());
    }

    @Test
    void recipeQuickIsQuick() {
        Path dir = shared.resolve("recipe-quick");
        Cli.Outcome o = Cli.run("run", "poisson-1d", "--recipe", "quick", "--out", dir.toString());
        assertEquals(PinnCli.OK, o.code(), o.toString());
        assertArrayEquals(
                ModelFile.load(runDir.resolve("model.json")).parameters(),
                ModelFile.load(dir.resolve("model.json")).parameters(),
                0.0,
                "--recipe quick trains exactly what --quick does");
        assertTrue(o.err().startsWith("training poisson-1d (recipe quick, "), o.err());
    }

    @Test
    void predictRoundTripKeepsColumnsInAnyOrder() throws Exception {
        Path csv = shared.resolve("points.csv");
        double[] xs = {-0.75, 0.0, 0.3, 1.0};
        StringBuilder sb = new StringBuilder("label,x,note\n");
        for (int i = 0; i < xs.length; i++) {
            sb.append("p").append(i).append(',').append(xs[i]).append(",\"a, b\"\n");
        }
        Files.writeString(csv, sb.toString());
        Path outCsv = shared.resolve("pred.csv");
        Cli.Outcome o = Cli.run(
                "predict",
                "--model",
                runDir.resolve("model.json").toString(),
                "--input",
                csv.toString(),
                "--output",
                outCsv.toString());
        assertEquals(PinnCli.OK, o.code(), o.toString());
        assertEquals("wrote 4 predictions of u to " + outCsv, o.lastOutLine());
        assertEquals("", o.err(), "all points are inside the training box");

        List<String> lines = Files.readAllLines(outCsv);
        assertEquals("label,x,note,u", lines.get(0));
        double[] expected = ModelFile.load(runDir.resolve("model.json")).predict(new double[][] {xs})[0];
        for (int i = 0; i < xs.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals("p" + i, cells[0]);
            assertEquals(Double.toString(xs[i]), cells[1]);
            assertEquals("\"a", cells[2], "quoted extra column kept verbatim (re-quoted)");
            double u = Double.parseDouble(cells[4]);
            // written with Double.toString, which round-trips: bit-identical to the model's own prediction
            assertEquals(expected[i], u, 0.0);
            // and close to the exact solution (the run's max abs error is below 1e-4)
            assertEquals(TestProblems.exact(xs[i]), u, 1e-3);
        }

        // to stdout without --output, with a note on stderr for a point outside the box [-1, 1]
        Files.writeString(csv, "x\n0.5\n3\n");
        o = Cli.run("predict", "--model", runDir.resolve("model.json").toString(), "--input", csv.toString());
        assertEquals(PinnCli.OK, o.code(), o.toString());
        assertEquals(List.of("x,u", "0.5," + predictOne(0.5), "3," + predictOne(3)), o.outLines());
        assertEquals(1, o.errLines().size(), o.toString());
        assertTrue(o.err().startsWith("note: 1 of 2 points lie outside the training box x in [-1.0, 1.0]"), o.err());
    }

    @Test
    void predictNamesOutputsApartFromExistingColumns() throws Exception {
        Path csv = shared.resolve("with-u.csv");
        Files.writeString(csv, "u,x\n0.0,0.25\n");
        Cli.Outcome o =
                Cli.run("predict", "--model", runDir.resolve("model.json").toString(), "--input", csv.toString());
        assertEquals(PinnCli.OK, o.code(), o.toString());
        assertEquals("u,x,u_pred", o.outLines().get(0));
        assertEquals("0.0,0.25," + predictOne(0.25), o.outLines().get(1));
        assertTrue(o.err().contains("predictions are in [u_pred]"), o.err());
    }

    private static String predictOne(double x) {
        return Double.toString(ModelFile.load(runDir.resolve("model.json")).predict(new double[][] {{x}})[0][0]);
    }

    @Test
    void benchPrintsMillisecondsPerStepLast() {
        Cli.Outcome o = Cli.run("bench", "poisson-1d", "--steps", "3", "--points", "64");
        assertEquals(PinnCli.OK, o.code(), o.toString());
        Matcher m = Pattern.compile("^ms_per_step=(\\d+\\.\\d{3})$").matcher(o.lastOutLine());
        assertTrue(m.matches(), o.toString());
        assertTrue(Double.parseDouble(m.group(1)) > 0);
        assertTrue(o.out().contains("64 residual points"), o.out());
    }

    @Test
    void benchOnAnotherNetworkPrintsItsParametersAndDenseWork() {
        Cli.Outcome o =
                Cli.run("bench", "poisson-1d", "--steps", "2", "--points", "64", "--depth", "2", "--width", "5");
        assertEquals(PinnCli.OK, o.code(), o.toString());
        // 1 -> 5 -> 5 -> 1: 10 + 30 + 6 parameters; weights 5 + 25 + 5 = 35, 3 streams on 64 points and 1 on 2
        assertTrue(o.out().contains("network [5, 5] tanh xavier-normal (46 parameters), 64 residual points"), o.out());
        Matcher m = Pattern.compile("(?m)^dense_gflop_per_step=(\\S+) gflops=\\d+\\.\\d{2} ")
                .matcher(o.out());
        assertTrue(m.find(), o.out());
        // printed to 4 significant digits
        assertEquals(6.0 * 35 * (3 * 64 + 2) / 1e9, Double.parseDouble(m.group(1)), 1e-3 * 6.0 * 35 * 194 / 1e9);
        assertTrue(o.lastOutLine().startsWith("ms_per_step="), o.toString());
    }

    @Test
    void aProblemNamedTwiceIsValidatedOnce() {
        Path dir = shared.resolve("validate-twice");
        BenchmarkProblem a = TestProblems.cheapPoisson("cheap-a", 5);
        Cli.Outcome o = Cli.runWith(
                List.of(a), "validate", "--quick", "--problems", "cheap-a,cheap-a", "--out", dir.toString());
        assertEquals(PinnCli.OK, o.code(), o.toString());
        assertEquals(
                1,
                o.outLines().stream()
                        .filter(l -> l.startsWith("cheap-a rel_l2="))
                        .count(),
                o.toString());
        assertTrue(o.lastOutLine().contains("(1 problem, 0 failed)"), o.toString());
    }

    @Test
    void validateWritesReportAndIndex() throws Exception {
        Path dir = shared.resolve("validate");
        BenchmarkProblem a = TestProblems.cheapPoisson("cheap-a", 20);
        BenchmarkProblem b = TestProblems.withoutReference();
        Cli.Outcome o = Cli.runWith(List.of(a, b), "validate", "--quick", "--out", dir.toString());
        assertEquals(PinnCli.OK, o.code(), o.toString());
        assertTrue(RESULT.matcher(o.outLines().get(0)).matches(), o.toString());
        assertTrue(o.outLines().get(1).startsWith("no-reference rel_l2=nan"), o.toString());
        assertTrue(o.lastOutLine().startsWith("wrote " + dir.resolve("report.md")), o.toString());
        // a progress line before and after each problem
        assertEquals(4, o.errLines().size(), o.toString());
        assertTrue(o.errLines().get(0).startsWith("[1/2] cheap-a: training (quick budget)"), o.toString());

        String html = Files.readString(dir.resolve("index.html"));
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        assertEquals(2, body.split("<tr>", -1).length - 1, "one table row per problem");
        assertTrue(body.contains(">cheap-a</a>") && body.contains(">no-reference</a>"));
        assertTrue(!html.contains("http://") && !html.contains("https://"), "self-contained: no network resources");
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| [cheap-a](cheap-a/report.md) | "), md);
        assertTrue(Files.isRegularFile(dir.resolve("cheap-a/model.json")));
    }

    @Test
    void divergedRunSavesModelAndExitsNonZero() throws Exception {
        Path dir = shared.resolve("diverged");
        Cli.Outcome o = Cli.runWith(List.of(TestProblems.diverging()), "run", "diverging", "--out", dir.toString());
        assertEquals(PinnCli.FAILED, o.code(), o.toString());
        assertTrue(RESULT.matcher(o.lastOutLine()).matches(), o.toString());
        String lastErr = o.errLines().get(o.errLines().size() - 1);
        assertTrue(
                lastErr.startsWith(
                        "pinn run: loss term 'pde' is Infinity at the initial parameters (step 1), before any update"),
                lastErr);
        assertTrue(lastErr.endsWith("the last good model was saved to " + dir.resolve("model.json")), lastErr);
        assertTrue(Files.isRegularFile(dir.resolve("model.json")));
    }

    @Test
    void debugPrintsTheStackTrace() {
        Cli.Outcome o = Cli.run("run", "no-such-problem", "--debug");
        assertEquals(PinnCli.BAD_INPUT, o.code());
        assertTrue(o.errLines().get(0).startsWith("pinn run: unknown problem 'no-such-problem'"), o.toString());
        assertTrue(o.err().contains("\tat "), "stack trace with --debug");
    }

    @Test
    void helpAndVersionGoToStdout() {
        Cli.Outcome o = Cli.run("run", "--help");
        assertEquals(PinnCli.OK, o.code());
        assertTrue(o.out().contains("pinn run <problem> [--out DIR]"), o.out());
        o = Cli.run("--version");
        assertEquals(PinnCli.OK, o.code());
        assertTrue(o.out().startsWith("pinn4j "), o.out());
    }
}
