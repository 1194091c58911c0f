package org.pinn4j.validation.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.Optimizers;
import org.pinn4j.core.optim.Schedules;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.StepReport;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;
import org.pinn4j.problems.catalogue.Poisson1d;
import org.pinn4j.validation.runner.RunOptions;
import org.pinn4j.validation.runner.RunResult;
import org.pinn4j.validation.runner.Runner;

/**
 * A learning rate that blows up: poisson-1d trained by plain gradient descent with rate 1.0 (stable
 * rates are ~1e-3). The loss grows geometrically for dozens of steps (it would overflow after ~60); the blow-up
 * rule stops it first (above 1e6 times the first loss and rising for 50 steps). The run must stop with a message
 * naming the step, report failure, and save in model.json the parameters of the last step whose loss was within
 * the bound.
 */
class DivergenceTest {
    private static final Pattern MESSAGE = Pattern.compile("training diverged at step (\\d+): the total loss grew to"
            + " (\\S+), more than 1e6 times its first value (\\S+), and rose over the last 50 steps; kept the"
            + " parameters of step (\\d+)");

    /** poisson-1d with a learning rate 1,000 times too large. */
    static final class TooFast implements BenchmarkProblem {
        private final Poisson1d base = new Poisson1d();

        @Override
        public String name() {
            return "poisson-1d-lr1";
        }

        @Override
        public String equation() {
            return base.equation();
        }

        @Override
        public String referenceKind() {
            return base.referenceKind();
        }

        @Override
        public Optional<Reference> analytic() {
            return base.analytic();
        }

        @Override
        public String publishedFigure() {
            return "-";
        }

        @Override
        public Optional<Double> publishedRelL2() {
            return Optional.empty();
        }

        @Override
        public Problem problem(ProblemContext context) {
            return base.problem(context);
        }

        @Override
        public Recipe recipe(boolean quick) {
            return Recipe.of(
                    NetworkConfig.mlp(2, 20), Phase.steps(Optimizers::gd, () -> Schedules.constant(1.0), 300, "gd"));
        }

        @Override
        public EvaluationGrid evaluationGrid() {
            return base.evaluationGrid();
        }
    }

    @Test
    void divergenceNamesStepAndTermFailsAndSavesTheLastGoodParameters(@TempDir Path dir) {
        TooFast p = new TooFast();
        RunResult r = new Runner().run(p, RunOptions.defaults().withOut(dir).withQuick(true));

        assertFalse(r.ok(), "a diverged run is not ok (the CLI exits with FAILED)");
        assertEquals(TrainingResult.Status.DIVERGED, r.training().status());
        Matcher m = MESSAGE.matcher(r.training().message());
        assertTrue(m.matches(), r.training().message());
        int bad = Integer.parseInt(m.group(1));
        int kept = Integer.parseInt(m.group(4));

        // the history holds the finite steps 1..bad-1: the loss of the kept parameters (totals[kept], measured at
        // the start of the next step) within 1e6 times the first, every one after it above
        double[] totals = r.training().history().totals();
        assertEquals(bad - 1, totals.length);
        for (double t : totals) {
            assertTrue(Double.isFinite(t), "recorded losses are finite");
        }
        assertTrue(totals[kept] <= 1e6 * totals[0], totals[kept] + " vs first " + totals[0]);
        for (int s = kept + 1; s < totals.length; s++) {
            assertTrue(totals[s] > 1e6 * totals[0], "step " + s);
        }
        assertTrue(
                totals[totals.length - 1] > 1e100 * totals[0],
                "the loss blew up: " + totals[0] + " -> " + totals[totals.length - 1]);

        // model.json holds exactly the parameters after step `kept`: an independent run stopped by a listener at
        // step kept + 1 (which stops before that step's update) must have the same bits
        Path file = dir.resolve(Runner.MODEL_FILE);
        assertTrue(Files.exists(file));
        PinnModel saved = ModelFile.load(file);
        TrainingListener stopAtKept = new TrainingListener() {
            @Override
            public boolean onStep(StepReport s) {
                return s.step() <= kept;
            }
        };
        TrainingResult stopped = new Trainer(p.problem(ProblemContext.defaults()), p.recipe(true), stopAtKept).train();
        assertEquals(TrainingResult.Status.STOPPED, stopped.status());
        // exact: same seed, same arithmetic
        assertArrayEquals(stopped.model().parameters(), saved.parameters(), 0.0);
        for (double w : saved.parameters()) {
            assertTrue(Double.isFinite(w), "saved parameters are finite");
        }
        double[][] u = saved.predict(p.evaluationGrid().points());
        for (double v : u[0]) {
            assertTrue(Double.isFinite(v), "the saved model predicts finite values");
        }
        assertTrue(
                Files.exists(dir.resolve(Runner.HISTORY_FILE)) && Files.exists(dir.resolve(Runner.REPORT_FILE)),
                "history and report are written for a diverged run too");
    }
}
