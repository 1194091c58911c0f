package org.pinn4j.validation.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;

class OptimizerComparisonTest {
    private static final int ADAM = 40;
    private static final int ITERATIONS = 60;

    @TempDir
    Path tmp;

    private static OptimizerComparison.Settings settings(Path out, OptionalDouble budget, String... methods) {
        return new OptimizerComparison.Settings(
                BenchmarkProblem.DEFAULT_RECIPE,
                List.of(methods),
                budget,
                RunOptions.defaults().withSeed(5).withThreads(2),
                out);
    }

    @Test
    void everyMethodStartsFromTheSameFirstOrderRunAndIsMeasuredAlongItsPhase() throws Exception {
        BenchmarkProblem p = TestProblems.cheapPoissonQuasiNewton("poisson-qn", ADAM, ITERATIONS);
        Path out = tmp.resolve("cmp");
        List<String> said = new ArrayList<>();
        OptimizerComparison.Comparison c = OptimizerComparison.run(
                p, settings(out, OptionalDouble.empty(), "lbfgs", "bfgs", "ssbroyden"), new Runner(), null, said::add);

        assertEquals(
                List.of("lbfgs", "bfgs", "ssbroyden"),
                c.runs().stream().map(m -> m.method()).toList());
        OptimizerComparison.MethodRun first = c.runs().get(0);
        int[] before = steps(first, true);
        assertTrue(before.length > 0, "measurements before the quasi-Newton phase");
        for (OptimizerComparison.MethodRun m : c.runs()) {
            assertEquals(ADAM + 1, m.phaseStep(), m.method());
            assertEquals(ITERATIONS, m.iterations(), m.method());
            assertTrue(m.run().ok(), m.method());
            // the first-order part is the same run: same steps measured, same errors to the bit
            assertArrayEquals(before, steps(m, true), m.method());
            assertArrayEquals(errors(first, true), errors(m, true), 0.0, m.method());
            // the phase's own part ends at the last step with the final model's error: the recorded rel L2
            // (mean squared error on the grid through the training evaluator) and RunResult's (PinnModel.predict)
            // are two summations of the same values, equal to round-off (1e-10 relative)
            int n = m.curve().size();
            assertEquals(ADAM + ITERATIONS, m.curve().steps()[n - 1], m.method());
            assertEquals(
                    m.run().relL2(), m.curve().relL2()[n - 1], 1e-10 * m.run().relL2(), m.method());
            assertTrue(steps(m, false).length >= ITERATIONS / 2, m.method() + ": measured along the phase");

            // each method's run directory holds a model trained with that method as its last phase
            PinnModel model = ModelFile.load(out.resolve(m.method()).resolve(Runner.MODEL_FILE));
            List<Phase> phases = model.recipe().phases();
            assertEquals(Phase.quasiNewton(m.method(), ITERATIONS), phases.get(phases.size() - 1), m.method());
        }
        // the quasi-Newton phases differ (BFGS and SSBroyden are other methods than L-BFGS)
        assertTrue(first.run().relL2() != c.runs().get(1).run().relL2());

        List<String> csv = Files.readAllLines(out.resolve(OptimizerComparison.CURVES_FILE));
        assertEquals("method,step,iteration,seconds,phase_seconds,rel_l2", csv.get(0));
        int rows = c.runs().stream().mapToInt(m -> m.curve().size()).sum();
        assertEquals(rows + 1, csv.size());
        String[] last = csv.get(csv.size() - 1).split(",");
        assertEquals("ssbroyden", last[0]);
        assertEquals(Integer.toString(ITERATIONS), last[2]);
        assertEquals(c.runs().get(2).run().relL2(), Double.parseDouble(last[5]), 1e-10 * Double.parseDouble(last[5]));

        String report = Files.readString(out.resolve(OptimizerComparison.REPORT_FILE));
        for (OptimizerComparison.MethodRun m : c.runs()) {
            assertTrue(
                    report.contains(
                            "| " + m.method() + " | " + Numbers.sci(m.run().relL2()) + " | " + ITERATIONS),
                    report);
        }
        assertEquals(6, said.size(), "a line as each method starts and ends: " + said);
    }

    @Test
    void aBudgetStopsEachQuasiNewtonPhase() {
        BenchmarkProblem p = TestProblems.cheapPoissonQuasiNewton("poisson-qn", ADAM, 100_000);
        OptimizerComparison.Comparison c = OptimizerComparison.run(
                p, settings(tmp.resolve("b"), OptionalDouble.of(1e-9), "bfgs", "lbfgs"), new Runner(), null, s -> {});
        for (OptimizerComparison.MethodRun m : c.runs()) {
            // any step takes longer than a nanosecond: the phase stops after its first iteration
            assertEquals(1, m.iterations(), m.method());
            assertTrue(m.budgetReached(), m.method());
            assertEquals("time budget", m.stopReason());
        }
    }

    @Test
    void aStopRequestEndsTheComparisonAfterTheMethodInTraining() throws Exception {
        // the request comes during the first method's quasi-Newton phase (as from a signal): that run stops at the
        // end of its step and keeps its checkpoint, the comparison of what ran is written, the second is not run
        BenchmarkProblem p = TestProblems.cheapPoissonQuasiNewton("poisson-qn", ADAM, ITERATIONS);
        java.util.concurrent.atomic.AtomicBoolean signal = new java.util.concurrent.atomic.AtomicBoolean();
        org.pinn4j.core.train.TrainingListener raise = new org.pinn4j.core.train.TrainingListener() {
            @Override
            public boolean onStep(org.pinn4j.core.train.StepReport r) {
                if (r.step() == ADAM + 10) {
                    signal.set(true);
                }
                return true;
            }
        };
        OptimizerComparison.Settings given = settings(tmp.resolve("s"), OptionalDouble.empty(), "bfgs", "lbfgs");
        OptimizerComparison.Settings s = new OptimizerComparison.Settings(
                given.recipe(),
                given.methods(),
                given.budgetSeconds(),
                given.base().withListener(raise).withStopWhen(signal::get),
                given.out());
        List<String> said = new java.util.ArrayList<>();
        OptimizerComparison.Comparison c = OptimizerComparison.run(p, s, new Runner(), null, said::add);
        assertEquals(1, c.runs().size(), "only the method in training when the signal came: " + said);
        assertEquals("stopped on a signal", c.runs().get(0).stopReason());
        assertEquals(10, c.runs().get(0).iterations());
        assertTrue(said.contains("stopped: lbfgs not run"), said.toString());
        assertTrue(java.nio.file.Files.isRegularFile(tmp.resolve("s").resolve(OptimizerComparison.REPORT_FILE)));
        assertTrue(java.nio.file.Files.isRegularFile(
                tmp.resolve("s").resolve("bfgs").resolve(RunCheckpoint.CHECKPOINT_FILE)));
        assertFalse(java.nio.file.Files.exists(tmp.resolve("s").resolve("lbfgs")));
    }

    @Test
    void refusesWhatItCannotCompare() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> OptimizerComparison.run(
                        TestProblems.cheapPoisson("adam-only", 10),
                        settings(tmp.resolve("x"), OptionalDouble.empty(), "lbfgs"),
                        new Runner(),
                        null,
                        s -> {}));
        assertTrue(e.getMessage().contains("ends with adam"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("x")), "nothing created");

        e = assertThrows(
                IllegalArgumentException.class, () -> settings(tmp, OptionalDouble.empty(), "lbfgs", "newton"));
        assertTrue(
                e.getMessage().contains("'newton'") && e.getMessage().contains("lbfgs, bfgs, ssbroyden"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> settings(tmp, OptionalDouble.empty(), "bfgs", "BFGS"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> settings(tmp, OptionalDouble.of(0), "bfgs"));
        assertTrue(e.getMessage().contains("budget"), e.getMessage());
    }

    private static int[] steps(OptimizerComparison.MethodRun m, boolean before) {
        return Arrays.stream(m.curve().steps())
                .filter(s -> (s < m.phaseStep()) == before)
                .toArray();
    }

    private static double[] errors(OptimizerComparison.MethodRun m, boolean before) {
        double[] out = new double[steps(m, before).length];
        int k = 0;
        for (int i = 0; i < m.curve().size(); i++) {
            if ((m.curve().steps()[i] < m.phaseStep()) == before) {
                out[k++] = m.curve().relL2()[i];
            }
        }
        return out;
    }
}
