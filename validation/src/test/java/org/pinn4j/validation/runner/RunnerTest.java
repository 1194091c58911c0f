package org.pinn4j.validation.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.BenchmarkProblem;

class RunnerTest {

    @TempDir
    Path tmp;

    @Test
    void writesRunDirectoryAndMeasuresAgainstTheExactSolution() throws Exception {
        Path dir = tmp.resolve("run");
        AtomicBoolean reportExistedAtHook = new AtomicBoolean(true);
        RunArtifacts hook = new RunArtifacts() {
            @Override
            public void write(Path d, BenchmarkProblem p, RunResult r, PinnModel model) {
                reportExistedAtHook.set(Files.exists(d.resolve(Runner.REPORT_FILE)));
                AtomicFiles.write(d.resolve("solution.png"), new byte[] {1, 2, 3});
            }
        };
        RunResult r = new Runner(hook)
                .run(
                        TestProblems.cheapPoisson("poisson-cheap", 400),
                        RunOptions.defaults().withOut(dir).withSeed(3));

        assertTrue(Files.isRegularFile(dir.resolve(Runner.MODEL_FILE)));
        assertTrue(Files.isRegularFile(dir.resolve(Runner.HISTORY_FILE)));
        assertFalse(reportExistedAtHook.get(), "the chart hook runs before report.md is written");
        assertEquals(3, r.seed());
        assertEquals(400, r.steps());
        // history.csv: header plus one line per step
        assertEquals(401, Files.readAllLines(dir.resolve(Runner.HISTORY_FILE)).size());

        // independent error computation: the saved model reloaded, evaluated on 101 points, compared with sin(pi x)
        PinnModel loaded = ModelFile.load(dir.resolve(Runner.MODEL_FILE));
        assertEquals(r.recipe(), loaded.recipe(), "model.json records the recipe completely");
        double[] xs = new double[101];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -1 + 2.0 * i / 100;
        }
        xs[100] = 1;
        double[] u = loaded.predict(new double[][] {xs})[0];
        double num = 0;
        double den = 0;
        double max = 0;
        for (int i = 0; i < xs.length; i++) {
            double e = u[i] - TestProblems.exact(xs[i]);
            num += e * e;
            den += TestProblems.exact(xs[i]) * TestProblems.exact(xs[i]);
            max = Math.max(max, Math.abs(e));
        }
        // the same sums in another order and without scaling: agreement to a few hundred ulps
        assertEquals(Math.sqrt(num / den), r.relL2(), 1e-12 * Math.sqrt(num / den));
        assertEquals(max, r.errors().maxAbs(), 1e-15);
        assertEquals(Math.sqrt(num / xs.length), r.errors().rmse(), 1e-12 * Math.sqrt(num / xs.length));
        // 400 Adam steps give about 1e-2 (seed 3); 0.1 would already mean the boundary condition is not yet learnt
        assertTrue(r.relL2() < 0.1, "rel L2 " + r.relL2());

        String report = Files.readString(dir.resolve(Runner.REPORT_FILE));
        assertTrue(report.contains("# poisson-cheap"));
        assertTrue(report.contains("| seed | 3 |"));
        assertTrue(report.contains("| relative L2 | " + Numbers.sci(r.relL2()) + " | rel L2 1.0e-2 (test figure) |"));
        assertTrue(report.contains("![solution.png](solution.png)"), report);
        assertEquals(r.relL2() <= 1e-2 ? "better" : "worse", r.verdict());

        // the runner records the error on the evaluation grid along the way (every 10th step here, and the last):
        // like the loss, a step's value is that of the parameters the step starts from, so the last one is one
        // Adam step (lr 1e-3) from the final model: within 5% of the measured rel L2 (measured 0.4% apart)
        double[] validation = r.training().history().validation();
        assertTrue(Double.isNaN(validation[0]) && !Double.isNaN(validation[9]), "validation recorded every 10 steps");
        double meanSquare = 0;
        double[] ref = r.evaluation().reference().orElseThrow()[0];
        for (double v : ref) {
            meanSquare += v * v / ref.length;
        }
        assertEquals(r.relL2(), Math.sqrt(validation[validation.length - 1] / meanSquare), 0.05 * r.relL2());
        // time to accuracy: the first recorded step at or below the target, never before it was reached
        RunResult.Milestone reached = r.timeToRelL2(2 * r.relL2()).orElseThrow();
        int step = reached.step();
        assertTrue(Math.sqrt(validation[step - 1] / meanSquare) <= 2 * r.relL2());
        for (int i = 0; i < step - 1; i++) {
            assertTrue(Double.isNaN(validation[i]) || Math.sqrt(validation[i] / meanSquare) > 2 * r.relL2());
        }
        assertEquals(r.training().history().seconds()[step - 1], reached.seconds());
        assertTrue(r.timeToRelL2(r.relL2() / 1e3).isEmpty(), "a target never reached has no time");
        assertTrue(
                report.contains("| time to rel L2 <= 1e-02 |")
                        == r.timeToRelL2(1e-2).isPresent(),
                report);
    }

    /** A run into a directory where an earlier run was killed mid-write removes that write's temporary file, nothing else. */
    @Test
    void runRemovesTemporaryFilesOfAKilledWrite() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("killed"));
        Path leftover = dir.resolve(".model.json.1234567890123.tmp");
        Files.writeString(leftover, "half a model");
        // a chart's, as AtomicFiles and plots.ChartFiles name them (.NAME.png.DIGITS.tmp)
        Path chart = dir.resolve(".prediction.png.8034711296471115563.tmp");
        Files.writeString(chart, "half an image");
        Path mine = dir.resolve("my-notes.tmp");
        Files.writeString(mine, "kept");
        new Runner()
                .run(
                        TestProblems.cheapPoisson("poisson-cheap", 20),
                        RunOptions.defaults().withOut(dir));
        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(chart));
        assertTrue(Files.exists(mine));
        assertTrue(Files.isRegularFile(dir.resolve(Runner.MODEL_FILE)));
    }

    @Test
    void sameSeedGivesIdenticalModelFiles() throws Exception {
        BenchmarkProblem p = TestProblems.cheapPoisson("poisson-cheap", 30);
        new Runner()
                .run(
                        p,
                        RunOptions.defaults()
                                .withOut(tmp.resolve("a"))
                                .withSeed(3)
                                .withThreads(1));
        new Runner()
                .run(
                        p,
                        RunOptions.defaults()
                                .withOut(tmp.resolve("b"))
                                .withSeed(3)
                                .withThreads(2));
        // bit-identical for any thread count (DESIGN: fixed chunks reduced in a fixed order)
        assertArrayEquals(
                Files.readAllBytes(tmp.resolve("a/model.json")), Files.readAllBytes(tmp.resolve("b/model.json")));
    }

    @Test
    void problemWithoutReferenceHasNaNErrorsAndSaysSo() throws Exception {
        RunResult r = new Runner()
                .run(TestProblems.withoutReference(), RunOptions.defaults().withOut(tmp.resolve("none")));
        assertTrue(Double.isNaN(r.relL2()));
        assertTrue(Double.isNaN(r.errors().maxAbs()));
        assertFalse(r.measured());
        assertEquals("-", r.verdict());
        assertTrue(r.resultLine().startsWith("no-reference rel_l2=nan published=1e-02 time_s="), r.resultLine());
        String report = Files.readString(tmp.resolve("none/report.md"));
        assertTrue(
                report.contains(
                        "Errors not measured (NaN): no exact or reference solution is available for no-reference"),
                report);
    }

    @Test
    void inverseProblemReportsIdentifiedCoefficients() throws Exception {
        RunResult r =
                new Runner().run(TestProblems.inverse(), RunOptions.defaults().withOut(tmp.resolve("inv")));
        double k = r.coefficients().get("k");
        // data pin u to sin(pi x), so -k u'' = pi^2 sin(pi x) forces k = 1; 2% covers the small network's residual
        // error
        assertEquals(1.0, k, 0.02);
        // the reported % error is |k - 1| / 1 * 100, up to rounding
        assertEquals(100 * Math.abs(k - 1), r.coefficientErrorPercent("k"), 1e-9);
        assertTrue(r.resultLine().endsWith(" k=" + Numbers.precise(k)), r.resultLine());
        String report = Files.readString(tmp.resolve("inv/report.md"));
        assertTrue(
                report.contains("| k | " + Numbers.precise(k) + " | 1.00000000 | "
                        + Numbers.percent(100 * Math.abs(k - 1)) + " |"),
                report);
    }

    @Test
    void divergedRunKeepsLastGoodModel() throws Exception {
        RunResult r =
                new Runner().run(TestProblems.diverging(), RunOptions.defaults().withOut(tmp.resolve("div")));
        assertFalse(r.ok());
        assertEquals(TrainingResult.Status.DIVERGED, r.training().status());
        assertTrue(
                r.training().message().contains("loss term 'pde' is Infinity at the initial parameters (step 1)"),
                r.training().message());
        // the saved model holds the initial (last good) parameters, which predict finite values
        PinnModel m = ModelFile.load(tmp.resolve("div/model.json"));
        for (double v : m.predict(new double[][] {{-1, 0, 1}})[0]) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(Files.readString(tmp.resolve("div/report.md")).contains("**Training diverged.**"));
    }

    @Test
    void unusableOutputDirectoryFailsBeforeTraining() throws Exception {
        Path file = tmp.resolve("file.txt");
        Files.writeString(file, "x");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Runner()
                        .run(
                                TestProblems.cheapPoisson("p", 5),
                                RunOptions.defaults().withOut(file)));
        assertEquals(
                "output directory " + file + " is a file; expected a directory or a path where one can be created",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Runner()
                        .run(
                                TestProblems.cheapPoisson("p", 5),
                                RunOptions.defaults().withOut(file.resolve("sub"))));
        assertTrue(e.getMessage().startsWith("cannot create output directory " + file.resolve("sub")), e.getMessage());
    }

    @Test
    void optionsRejectBadValues() {
        assertEquals(
                "thread count must be >= 1; got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RunOptions.defaults().withThreads(0))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RunOptions.defaults().withNoise(Double.NaN))
                .getMessage()
                .startsWith("noise level must be a finite number >= 0"));
        assertEquals(Path.of("runs", "burgers"), RunOptions.defaults().outFor("burgers"));
    }

    @Test
    void benchReplacesResidualPointsAndTimesSteps() {
        Bench.Result r = Bench.run(TestProblems.cheapPoisson("p", 5), 3, java.util.OptionalInt.of(50), 1);
        assertEquals(50, r.points());
        assertEquals(3, r.steps());
        assertEquals(Bench.warmupFor(3), r.warmup());
        assertTrue(r.msPerStep() > 0 && Double.isFinite(r.msPerStep()));
        assertEquals(
                "residual points must be >= 1; got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Bench.run(TestProblems.cheapPoisson("p", 5), 3, java.util.OptionalInt.of(0), 1))
                        .getMessage());
    }

    @Test
    void benchOnAnotherDepthAndWidthCountsItsParametersAndDenseWork() {
        Bench.Result r = Bench.run(
                TestProblems.cheapPoisson("p", 5),
                2,
                java.util.OptionalInt.of(50),
                java.util.OptionalInt.of(3),
                java.util.OptionalInt.of(7),
                1);
        assertTrue(r.network().contains("[7, 7, 7]"), r.network());
        // 1 -> 7 -> 7 -> 7 -> 1: weights 7 + 49 + 49 + 7 = 112, biases 7 + 7 + 7 + 1 = 22
        assertEquals(134, r.parameters());
        // u'' = f on 50 points reads the streams u, u_x, u_xx (3); u = 0 on 2 boundary points reads u (1);
        // each weight: a multiply-add (2 flops) per stream and point in 3 passes
        assertEquals(6.0 * 112 * (3 * 50 + 1 * 2), r.denseFlopsPerStep(), 0.0);
        assertEquals(r.denseFlopsPerStep() / r.msPerStep() / 1e6, r.denseGflops(), 0.0);
    }

    @Test
    void benchResizesOnlyWhatIsGiven() {
        NetworkConfig uniform = NetworkConfig.mlp(4, 20).periodic("x", 2.0, 1);
        NetworkConfig deeper = Bench.resized(uniform, java.util.OptionalInt.of(6), java.util.OptionalInt.empty());
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20}, deeper.hiddenWidths());
        assertEquals(uniform.inputMaps(), deeper.inputMaps());
        assertArrayEquals(
                new int[] {64, 64, 64, 64},
                Bench.resized(uniform, java.util.OptionalInt.empty(), java.util.OptionalInt.of(64))
                        .hiddenWidths());
        assertSame(uniform, Bench.resized(uniform, java.util.OptionalInt.empty(), java.util.OptionalInt.empty()));
        assertEquals(
                "the problem's network has hidden widths [50, 20]; give a width as well as a depth",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Bench.resized(
                                        NetworkConfig.hidden(50, 20),
                                        java.util.OptionalInt.of(3),
                                        java.util.OptionalInt.empty()))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> Bench.run(
                                TestProblems.cheapPoisson("p", 5),
                                2,
                                java.util.OptionalInt.of(50),
                                java.util.OptionalInt.of(40),
                                java.util.OptionalInt.of(1_000_000),
                                1))
                .getMessage()
                .contains("needs at least"));
    }

    @Test
    void numberFormats() {
        assertEquals("6.7e-04", Numbers.compact(6.7e-4));
        assertEquals("1e-03", Numbers.compact(1e-3));
        assertEquals("1.234e-03", Numbers.sci(1.2344e-3));
        assertEquals("nan", Numbers.sci(Double.NaN));
    }
}
