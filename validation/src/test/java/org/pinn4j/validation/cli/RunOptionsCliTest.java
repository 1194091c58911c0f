package org.pinn4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.OptimizerSettings;
import org.pinn4j.core.optim.ScheduleSettings;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;
import org.pinn4j.problems.catalogue.Poisson1d;

/** `pinn run --optimizer` and `--noise` reach the problem; problems without a choice refuse an optimizer. */
class RunOptionsCliTest {
    @TempDir
    Path tmp;

    /** poisson-1d with an optimizer choice, a default noise level of 2%, and a record of the noise it was built with. */
    static final class Choosy implements BenchmarkProblem {
        private final Poisson1d base = new Poisson1d();
        double builtWithNoise = Double.NaN;

        @Override
        public String name() {
            return "choosy";
        }

        @Override
        public boolean hasNoisyData() {
            return true;
        }

        @Override
        public String equation() {
            return base.equation();
        }

        @Override
        public String referenceKind() {
            return "analytic";
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
            builtWithNoise = context.noise();
            return base.problem(context);
        }

        @Override
        public double defaultNoise() {
            return 0.02;
        }

        @Override
        public List<String> optimizerChoices() {
            return List.of("adam", "sgd");
        }

        @Override
        public Recipe recipe(boolean quick) {
            return recipe(quick, "adam");
        }

        @Override
        public Recipe recipe(boolean quick, String optimizer) {
            String name = optimizer == null ? "adam" : optimizer;
            if (!optimizerChoices().contains(name)) {
                throw new IllegalArgumentException("choosy has no optimizer '" + name + "'; expected one of adam, sgd");
            }
            return Recipe.of(
                    NetworkConfig.mlp(1, 8),
                    Phase.steps(OptimizerSettings.byName(name), new ScheduleSettings.Constant(1e-3), 5));
        }

        @Override
        public EvaluationGrid evaluationGrid() {
            return base.evaluationGrid();
        }
    }

    @Test
    void optimizerAndNoiseArePassedThrough() throws Exception {
        Choosy p = new Choosy();
        Cli.Outcome o = Cli.runWith(
                List.of(p),
                "run",
                "choosy",
                "--optimizer",
                "sgd",
                "--out",
                tmp.resolve("a").toString());
        assertEquals(PinnCli.OK, o.code(), o.toString());
        assertTrue(o.lastOutLine().startsWith("choosy rel_l2="), o.toString());
        assertEquals(0.02, p.builtWithNoise, 0, "no --noise: the problem's default");
        String report = Files.readString(tmp.resolve("a").resolve("report.md"));
        assertTrue(report.contains("| phases | sgd 5 steps: sgd, learning rate constant(rate 0.001) |"), report);
        assertTrue(report.contains("| data noise | 0.0200000 |"), report);

        o = Cli.runWith(
                List.of(p),
                "run",
                "choosy",
                "--noise",
                "0",
                "--out",
                tmp.resolve("b").toString());
        assertEquals(PinnCli.OK, o.code(), o.toString());
        assertEquals(0.0, p.builtWithNoise, 0, "an explicit --noise 0 means clean data");
        assertTrue(
                Files.readString(tmp.resolve("b").resolve("report.md"))
                        .contains(
                                "| phases | adam 5 steps: adam(beta1 0.9, beta2 0.999, eps 1.0E-8), learning rate constant(rate 0.001) |"));

        o = Cli.runWith(
                List.of(p),
                "run",
                "choosy",
                "--optimizer",
                "lbfgs",
                "--out",
                tmp.resolve("c").toString());
        assertEquals(PinnCli.BAD_INPUT, o.code(), o.toString());
        assertEquals(
                "pinn run: choosy has no optimizer 'lbfgs'; expected one of adam, sgd",
                o.err().strip());
    }

    @Test
    void problemsWithAFixedRecipeRefuseAnOptimizer() {
        Cli.Outcome o = Cli.run(
                "run",
                "poisson-1d",
                "--optimizer",
                "sgd",
                "--out",
                tmp.resolve("d").toString());
        assertEquals(PinnCli.BAD_INPUT, o.code(), o.toString());
        assertTrue(
                o.err().startsWith("pinn run: problem 'poisson-1d' trains with a fixed recipe; an optimizer ('sgd')"),
                o.err());
        assertTrue(!Files.exists(tmp.resolve("d").resolve("model.json")), "nothing trained");
    }
}
