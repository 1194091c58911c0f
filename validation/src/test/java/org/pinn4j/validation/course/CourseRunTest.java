package org.pinn4j.validation.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.catalogue.course.CwruExercise;
import org.pinn4j.problems.catalogue.course.OneNeuron;
import org.pinn4j.validation.metrics.Metrics;
import org.pinn4j.validation.reference.BlackScholes;
import org.pinn4j.validation.runner.RunOptions;
import org.pinn4j.validation.runner.RunResult;
import org.pinn4j.validation.runner.Runner;

class CourseRunTest {
    private static final Pattern LINE = Pattern.compile(
            "cwru-exercise rel_l2=(\\S+) published=- time_s=\\S+ delta_rel_l2=(\\S+) gamma_rel_l2=(\\S+)");

    @TempDir
    Path tmp;

    @Test
    void quickExerciseLearnsThePriceAndItsGreeksAndWritesTheCourseCharts() throws Exception {
        CwruExercise ex = new CwruExercise();
        Path dir = tmp.resolve("cwru");
        RunResult r = new Runner(new CourseCharts())
                .run(ex, RunOptions.defaults().withOut(dir).withQuick(true));

        assertEquals(0.01, r.noise(), 0, "1% noise when none is given");
        assertEquals(2000, r.steps(), "200 epochs of 10 mini-batches");
        Matcher m = LINE.matcher(r.resultLine());
        assertTrue(m.matches(), r.resultLine());

        // Delta from the saved model's own derivative against the validation module's independent closed form
        BlackScholes bs = new BlackScholes(100, 0.05, 0.2, 1);
        PinnModel model = r.model();
        double[] s = new double[101];
        double[] t = new double[101];
        double[] exact = new double[101];
        for (int i = 0; i < s.length; i++) {
            s[i] = 50 + i;
            exact[i] = bs.delta(s[i], 0);
        }
        double[] delta = model.evaluate(
                        new double[][] {s, t}, sc -> List.of(sc.output("V").d("S")))[0];
        double deltaAtZero = Metrics.relativeL2(delta, exact);

        // the quick budget (200 epochs, ~15 s) reaches rel L2 3.4e-2 and Delta 1.2e-1 with seed 0 (the full 1,500
        // epochs:
        // 3.5e-3 and 7.5e-3); these bounds are 1.5x those figures, loose enough for the quick budget yet far below
        // what an untrained or wrongly scaled network gives (rel L2 ~ 1)
        double relL2 = Double.parseDouble(m.group(1));
        assertTrue(relL2 < 5e-2, "rel L2 " + relL2);
        assertTrue(Double.parseDouble(m.group(2)) < 0.18, "Delta rel L2 " + m.group(2));
        assertTrue(deltaAtZero < 0.18, "Delta rel L2 at t = 0 " + deltaAtZero);
        assertEquals(
                r.derived().get("delta").relativeL2(),
                Double.parseDouble(m.group(2)),
                1e-3 * Double.parseDouble(m.group(2)),
                "the line prints the derived error (4 significant digits)");

        String report = Files.readString(dir.resolve(Runner.REPORT_FILE));
        assertTrue(report.contains("## Derived quantities"), report);
        assertTrue(report.contains("| Delta = dV/dS | S in [50, 150] (101 values) x t in {0, 0.5} |"), report);
        assertTrue(report.contains("| data noise | 0.0100000 |"), report);
        // 1,000 data and 1,000 residual points in batches of 100: ten steps an epoch, 100 of each a step
        assertTrue(report.contains("| points per step | phase 1: data 100 of 1000, pde 100 of 1000 |"), report);
        for (String chart : List.of("delta_vs_exact", "gamma_vs_exact", "loss_epochs", "price_slices")) {
            assertTrue(
                    Files.size(dir.resolve(chart + ".png")) > 1000 && Files.isRegularFile(dir.resolve(chart + ".svg")),
                    chart);
            assertTrue(report.contains("![" + chart + ".png]"), chart + " listed in the report");
        }
    }

    @Test
    void oneNeuronRunKeepsItsWalkthroughAndDrawsTheFit() throws Exception {
        Path dir = tmp.resolve("one");
        RunResult r = new Runner(new CourseCharts())
                .run(new OneNeuron(), RunOptions.defaults().withOut(dir).withQuick(true));
        // the quick 10,000 gradient-descent steps fit sigmoid(2x) to about 1e-3 relative; 1e-2 is the bar
        assertTrue(r.relL2() < 1e-2, "rel L2 " + r.relL2());
        assertEquals(0, r.noise(), 0, "one-neuron has clean data by default");
        assertTrue(
                r.walkthrough().contains("step 1: w = ") && r.walkthrough().contains("step 3: w = "), r.walkthrough());
        String report = Files.readString(dir.resolve(Runner.REPORT_FILE));
        assertTrue(report.contains("## Walkthrough\n\n```\nOne neuron, chain rule by hand"), report);
        assertTrue(Files.size(dir.resolve("fit.png")) > 1000, "fit chart");
        assertTrue(!Files.exists(dir.resolve("loss_epochs.png")), "full-batch steps have no epochs");
    }

    @Test
    void explicitNoiseReplacesTheProblemDefault() {
        CwruExercise ex = new CwruExercise();
        assertEquals(0.01, RunOptions.defaults().noiseFor(ex));
        assertEquals(0.0, RunOptions.defaults().withNoise(0).noiseFor(ex), "an explicit 0 means clean data");
        assertEquals(0.05, RunOptions.defaults().withNoise(0.05).noiseFor(ex));
        assertEquals(0.0, RunOptions.defaults().noiseFor(new OneNeuron()));
    }
}
