package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;

/**
 * {@link TimeWindows}: the rotation x' = w y, y' = -w x, (x, y)(0) = (1, 0) with w = 4 pi (two turns on [0, 1];
 * exact x = cos w t, y = -sin w t) trained in four windows, each from the state the window before ended with.
 */
class TimeWindowsTest {
    static final double W = 4 * Math.PI;

    /** The window's problem; hard = initial state through the output transform, else a soft condition. */
    static Problem rotation(double start, double end, PinnModel previous, boolean hard) {
        double[] state = previous == null
                ? new double[] {1, 0}
                : new double[] {
                    previous.predict(new double[][] {{start}})[0][0], previous.predict(new double[][] {{start}})[1][0]
                };
        Problem.Builder b = Problem.builder("rotation")
                .inputs("t")
                .outputs("x", "y")
                .domain(new Interval(start, end))
                .condition(Conditions.system("ode", s -> {
                            Field x = s.output("x");
                            Field y = s.output("y");
                            return List.of(
                                    x.d("t").div(W).minus(y), y.d("t").div(W).plus(x));
                        })
                        .withPoints(200));
        if (hard) {
            b.outputTransform((s, o, n) -> s.input("t").minus(start).times(n).plus(state[o.equals("x") ? 0 : 1]));
        } else {
            b.condition(
                    Conditions.initial("ic-x", "x", p -> state[0]).withPoints(1).withWeight(10));
            b.condition(
                    Conditions.initial("ic-y", "y", p -> state[1]).withPoints(1).withWeight(10));
        }
        return b.build();
    }

    static Recipe recipe() {
        return Recipe.of(NetworkConfig.mlp(2, 16), Phase.adam(300, 1e-2), Phase.lbfgs(400))
                .withSeed(2)
                .withThreads(2);
    }

    static double relL2(PinnModel m) {
        int n = 401;
        double[][] t = new double[1][n];
        for (int p = 0; p < n; p++) {
            t[0][p] = p / (n - 1.0);
        }
        double[][] v = m.predict(t);
        double num = 0;
        double den = 0;
        for (int p = 0; p < n; p++) {
            double x = Math.cos(W * t[0][p]);
            double y = -Math.sin(W * t[0][p]);
            num += (v[0][p] - x) * (v[0][p] - x) + (v[1][p] - y) * (v[1][p] - y);
            den += x * x + y * y;
        }
        return Math.sqrt(num / den);
    }

    @Test
    void windowsJoinContinuouslyAndFollowTheSolution() {
        TimeWindows windows = TimeWindows.equal("t", 0, 1, 4);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, windows.boundaries(), 0.0);
        TimeWindows.Result r = windows.train((a, b, prev) -> rotation(a, b, prev, true), recipe());
        assertTrue(r.ok());
        PinnModel m = r.model();
        assertEquals(4, m.pieces().size());
        assertEquals("t", m.windowInput().orElseThrow());
        for (int k = 1; k < 4; k++) {
            double b = windows.boundaries()[k];
            double[][] left = m.pieces().get(k - 1).predict(new double[][] {{b}});
            double[][] right = m.predict(new double[][] {{b}});
            // the hard initial state makes window k at its start equal window k - 1 there: (t - start) N = 0 exactly
            assertEquals(left[0][0], right[0][0], 0.0, "x at t = " + b);
            assertEquals(left[1][0], right[1][0], 0.0, "y at t = " + b);
        }
        // each point is the piece of its window's, bit for bit
        double[][] t = {{0.1, 0.3, 0.6, 0.9, 1.0}};
        double[][] all = m.predict(t);
        int[] piece = {0, 1, 2, 3, 3};
        for (int p = 0; p < 5; p++) {
            assertEquals(m.pieces().get(piece[p]).predict(new double[][] {{t[0][p]}})[0][0], all[0][p], 0.0);
        }
        // two turns, learnt window by window: measured 3.7e-5 (seed 2), bound 5e-4
        double windowed = relL2(m);
        assertTrue(windowed < 5e-4, "windowed rel L2 " + windowed);
        // one network over [0, 1] with the four windows' budget together (Adam 1,200 + L-BFGS 1,600)
        PinnModel whole = Trainer.train(
                        rotation(0, 1, null, true), recipe().withPhases(Phase.adam(1200, 1e-2), Phase.lbfgs(1600)))
                .model();
        // measured 2.8e-4, 7.7 times the windows' error; asserted only to be larger
        assertTrue(windowed < relL2(whole), "windowed " + windowed + ", one network " + relL2(whole));
    }

    @Test
    void aWindowedModelIsOneModelFile(@TempDir Path dir) throws java.io.IOException {
        TimeWindows.Result r = TimeWindows.equal("t", 0, 1, 3)
                .train((a, b, prev) -> rotation(a, b, prev, true), recipe().withPhases(Phase.adam(50, 1e-2)));
        Path file = dir.resolve("model.json");
        ModelFile.save(r.model(), file);
        assertTrue(Files.readString(file).contains("\"formatVersion\" : 2"));
        // each window's transform holds the state the window before ended with, so the file is read window by window
        PinnModel back = ModelFile.loadWindows(file, (a, b, prev) -> rotation(a, b, prev, true));
        double[][] t = {{0, 0.2, 1.0 / 3, 0.5, 0.7, 0.99, 1}};
        double[][] before = r.model().predict(t);
        double[][] after = back.predict(t);
        for (int o = 0; o < 2; o++) {
            assertArrayEquals(before[o], after[o], 0.0, "output " + o);
        }
        assertArrayEquals(r.model().windowBoundaries(), back.windowBoundaries(), 0.0);
        assertEquals(r.model().recipe(), back.recipe());
        ModelFile.ModelFileException e = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("output transform"), e.getMessage());
        Path single = dir.resolve("single.json");
        ModelFile.save(r.model().pieces().get(0), single);
        e = assertThrows(
                ModelFile.ModelFileException.class,
                () -> ModelFile.loadWindows(single, (a, b, prev) -> rotation(a, b, prev, true)));
        assertTrue(e.getMessage().contains("holds one network, not time windows"), e.getMessage());
    }

    /** Window checkpoints and completed windows as files in one directory. */
    record FileProgress(Path dir) implements TimeWindows.Progress {
        @Override
        public CheckpointStore checkpoints(int window) {
            return new CheckpointFile(dir.resolve("checkpoint-" + window + ".json"));
        }

        @Override
        public boolean hasCheckpoint(int window) {
            return Files.exists(dir.resolve("checkpoint-" + window + ".json"));
        }

        @Override
        public void completed(int window, PinnModel model) {
            ModelFile.save(model, dir.resolve("window-" + window + ".json"));
        }

        @Override
        public Optional<PinnModel> completedWindow(int window, Problem problem) {
            Path file = dir.resolve("window-" + window + ".json");
            return Files.exists(file) ? Optional.of(ModelFile.load(file, problem)) : Optional.empty();
        }
    }

    @Test
    void anInterruptedRunResumesInsideItsWindowBitForBit(@TempDir Path dir) {
        TimeWindows windows = TimeWindows.equal("t", 0, 1, 3);
        Recipe recipe = recipe().withPhases(Phase.adam(40, 1e-2), Phase.lbfgs(30));
        TimeWindows.WindowProblem problems = (a, b, prev) -> rotation(a, b, prev, true);
        TimeWindows.Result full = windows.train(problems, recipe);
        // killed 45 steps into the second window (checkpoints every 10 steps: the last at its step 40)
        int[] steps = {0};
        TrainingListener kill = new TrainingListener() {
            @Override
            public boolean onStep(StepReport r) {
                return ++steps[0] < 70 + 45;
            }
        };
        FileProgress progress = new FileProgress(dir);
        TimeWindows.Result cut = windows.train(problems, recipe, 10, progress, kill);
        assertFalse(cut.ok());
        assertEquals(2, cut.model().pieces().size());
        TimeWindows.Result resumed = windows.train(problems, recipe.withThreads(1), 10, progress);
        assertTrue(resumed.ok());
        assertEquals(2, resumed.windows().size(), "the first window is taken from its file, not trained again");
        assertEquals(3, resumed.model().pieces().size());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(
                    full.model().pieces().get(k).parameters(),
                    resumed.model().pieces().get(k).parameters(),
                    0.0,
                    "window " + (k + 1));
        }
    }

    @Test
    void softInitialStatesJoinWithinTheirMisfit() {
        TimeWindows windows = TimeWindows.at("t", 0, 0.5, 1);
        TimeWindows.Result r = windows.train((a, b, prev) -> rotation(a, b, prev, false), recipe());
        assertTrue(r.ok());
        PinnModel m = r.model();
        double[][] left = m.pieces().get(0).predict(new double[][] {{0.5}});
        double[][] right = m.predict(new double[][] {{0.5}});
        // the second window's initial condition is a loss term (weight 10), so the join is as close as that term was
        // trained: measured 4.9e-7, bound 1e-5 (a state of size 1); rel L2 measured 2.6e-3 (two windows of one turn
        // each), bound 1e-2
        double jump = Math.hypot(left[0][0] - right[0][0], left[1][0] - right[1][0]);
        assertTrue(jump < 1e-5, "jump " + jump);
        assertTrue(relL2(m) < 1e-2, "rel L2 " + relL2(m));
    }

    @Test
    void aWindowWhoseProblemDoesNotSpanItIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TimeWindows.equal("t", 0, 1, 2).train((a, b, prev) -> rotation(0, 1, prev, true), recipe()));
        assertEquals(
                "time window 1 of 2: the problem's domain spans [0.0, 1.0] in t; the window is [0.0, 0.5]: build the"
                        + " window's problem on the start and end it is given",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeWindows.at("t", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TimeWindows.equal("t", 0, 1, 0));
    }
}
