package org.pinn4j.validation.runner;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;
import org.pinn4j.problems.catalogue.Poisson1d;

/** Small problems for runner and command-line tests: cheap budgets, no reference, divergence, an inverse problem. */
public final class TestProblems {
    private TestProblems() {}

    /** A catalogue-like problem assembled from parts. */
    public static final class Custom implements BenchmarkProblem {
        private final String name;
        private final Optional<Reference> analytic;
        private final Function<ProblemContext, Problem> problem;
        private final Recipe recipe;
        private final Map<String, Double> truth;

        Custom(
                String name,
                Optional<Reference> analytic,
                Function<ProblemContext, Problem> problem,
                Recipe recipe,
                Map<String, Double> truth) {
            this.name = name;
            this.analytic = analytic;
            this.problem = problem;
            this.recipe = recipe;
            this.truth = truth;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String equation() {
            return "-k u'' = pi^2 sin(pi x) (test)";
        }

        @Override
        public String referenceKind() {
            return analytic.isPresent() ? "analytic" : "none";
        }

        @Override
        public Optional<Reference> analytic() {
            return analytic;
        }

        @Override
        public String publishedFigure() {
            return "rel L2 1.0e-2 (test figure)";
        }

        @Override
        public Optional<Double> publishedRelL2() {
            return Optional.of(1e-2);
        }

        @Override
        public Problem problem(ProblemContext context) {
            return problem.apply(context);
        }

        @Override
        public Recipe recipe(boolean quick) {
            return recipe;
        }

        @Override
        public EvaluationGrid evaluationGrid() {
            return new EvaluationGrid(new double[][] {EvaluationGrid.linspace(-1, 1, 101)});
        }

        @Override
        public Map<String, Double> trueCoefficients() {
            return truth;
        }
    }

    private static final Poisson1d POISSON = new Poisson1d();

    /** sin(pi x). */
    public static double exact(double x) {
        return Math.sin(Math.PI * x);
    }

    /** poisson-1d with a short Adam-only budget. */
    public static BenchmarkProblem cheapPoisson(String name, int adamSteps) {
        return new Custom(
                name,
                POISSON.analytic(),
                POISSON::problem,
                Recipe.of(NetworkConfig.mlp(2, 20), Phase.adam(adamSteps, 5e-3)),
                Map.of());
    }

    /** poisson-1d with a short Adam phase followed by an L-BFGS phase. */
    public static BenchmarkProblem cheapPoissonQuasiNewton(String name, int adamSteps, int iterations) {
        return new Custom(
                name,
                POISSON.analytic(),
                POISSON::problem,
                Recipe.of(NetworkConfig.mlp(2, 10), Phase.adam(adamSteps, 5e-3), Phase.lbfgs(iterations)),
                Map.of());
    }

    /** poisson-1d without any exact or reference solution. */
    public static BenchmarkProblem withoutReference() {
        return new Custom(
                "no-reference",
                Optional.empty(),
                POISSON::problem,
                Recipe.of(NetworkConfig.mlp(2, 20), Phase.adam(20, 5e-3)),
                Map.of());
    }

    /** A residual scaled by 1e200: its square overflows to infinity at the initial parameters, before any update. */
    public static BenchmarkProblem diverging() {
        Function<ProblemContext, Problem> p = ctx -> Problem.builder("diverging")
                .inputs("x")
                .outputs("u")
                .domain(new Interval(-1, 1))
                .condition(Conditions.pde("pde", s -> s.output("u").plus(1.0).times(1e200))
                        .withPoints(32))
                .build();
        return new Custom(
                "diverging", POISSON.analytic(), p, Recipe.of(NetworkConfig.mlp(1, 8), Phase.adam(10, 1e-3)), Map.of());
    }

    /** -k u'' = pi^2 sin(pi x) with u measured at 41 points; k starts at 0.5, true value 1. */
    public static BenchmarkProblem inverse() {
        double pi2 = Math.PI * Math.PI;
        Function<ProblemContext, Problem> p = ctx -> {
            double[] xs = EvaluationGrid.linspace(-1, 1, 41);
            double[] us = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                us[i] = exact(xs[i]);
            }
            return Problem.builder("poisson-inverse")
                    .inputs("x")
                    .outputs("u")
                    .domain(new Interval(-1, 1))
                    .coefficient("k", 0.5)
                    .condition(Conditions.pde("pde", s -> {
                                Field u = s.output("u");
                                return s.coefficient("k")
                                        .times(u.d("x", "x"))
                                        .neg()
                                        .minus(s.source("f", q -> pi2 * Math.sin(Math.PI * q[0])));
                            })
                            .withPoints(64))
                    .condition(Conditions.dirichlet("bc", Region.boundary(), "u", q -> 0.0)
                            .withPoints(2))
                    .condition(Conditions.data("data", new PointSet(new double[][] {xs}), "u", us))
                    .build();
        };
        return new Custom(
                "poisson-inverse",
                POISSON.analytic(),
                p,
                Recipe.of(NetworkConfig.mlp(2, 20), Phase.adam(400, 5e-3), Phase.lbfgs(300)),
                Map.of("k", 1.0));
    }
}
