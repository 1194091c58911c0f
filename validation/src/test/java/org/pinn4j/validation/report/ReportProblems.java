package org.pinn4j.validation.report;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.GeometryXTime;
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

/** Small problems with exact solutions and tiny budgets, so that report tests run real trainings in seconds. */
final class ReportProblems {
    private ReportProblems() {}

    /** A catalogue-like problem assembled from parts. */
    record Custom(
            String name,
            String equation,
            Reference exact,
            Function<ProblemContext, Problem> build,
            Recipe recipe,
            EvaluationGrid grid,
            Map<String, Double> truth)
            implements BenchmarkProblem {
        @Override
        public String referenceKind() {
            return "analytic";
        }

        @Override
        public Optional<Reference> analytic() {
            return Optional.of(exact);
        }

        @Override
        public String publishedFigure() {
            return "rel L2 1.0e-1 (test figure)";
        }

        @Override
        public Optional<Double> publishedRelL2() {
            return Optional.of(0.1);
        }

        @Override
        public Problem problem(ProblemContext context) {
            return build.apply(context);
        }

        @Override
        public Recipe recipe(boolean quick) {
            return recipe;
        }

        @Override
        public EvaluationGrid evaluationGrid() {
            return grid;
        }

        @Override
        public Map<String, Double> trueCoefficients() {
            return truth;
        }
    }

    /** sin(pi x). */
    static double sine(double x) {
        return Math.sin(Math.PI * x);
    }

    /**
     * -k u'' = pi^2 sin(pi x) on [-1, 1], u(+-1) = 0, u measured at 21 points; k starts at 0.5 (true 1).
     * Exact u = sin(pi x). Adam, then 30 L-BFGS iterations (so the history has an optimizer switch).
     */
    static BenchmarkProblem poissonInverse(int adamSteps) {
        double pi2 = Math.PI * Math.PI;
        Function<ProblemContext, Problem> p = ctx -> {
            double[] xs = EvaluationGrid.linspace(-1, 1, 21);
            double[] us = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                us[i] = sine(xs[i]);
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
                                        .minus(s.source("f", q -> pi2 * sine(q[0])));
                            })
                            .withPoints(64))
                    .condition(Conditions.dirichlet("bc", Region.boundary(), "u", q -> 0.0)
                            .withPoints(2))
                    .condition(Conditions.data("data", new PointSet(new double[][] {xs}), "u", us))
                    .build();
        };
        Reference exact = pts -> {
            double[] u = new double[pts[0].length];
            for (int i = 0; i < u.length; i++) {
                u[i] = sine(pts[0][i]);
            }
            return new double[][] {u};
        };
        return new Custom(
                "poisson-inverse",
                "-k u'' = pi^2 sin(pi x), u(-1) = u(1) = 0, u measured at 21 points",
                exact,
                p,
                Recipe.of(NetworkConfig.mlp(2, 16), Phase.adam(adamSteps, 5e-3), Phase.lbfgs(30)),
                new EvaluationGrid(new double[][] {EvaluationGrid.linspace(-1, 1, 101)}),
                Map.of("k", 1.0));
    }

    /** u_t = 0.1 u_xx on x in [0, 1], t in [0, 1], u(x, 0) = sin(pi x), u = 0 at both ends; exact exp(-0.1 pi^2 t) sin(pi x). */
    static BenchmarkProblem heat(int adamSteps) {
        double decay = 0.1 * Math.PI * Math.PI;
        Function<ProblemContext, Problem> p = ctx -> Problem.builder("heat")
                .inputs("x", "t")
                .outputs("u")
                .domain(new GeometryXTime(new Interval(0, 1), 0, 1))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x").times(0.1));
                        })
                        .withPoints(256))
                .condition(Conditions.initial("ic", "u", q -> sine(q[0])).withPoints(64))
                .condition(Conditions.dirichlet("bc", Region.boundary(), "u", q -> 0.0)
                        .withPoints(64))
                .build();
        Reference exact = pts -> {
            double[] u = new double[pts[0].length];
            for (int i = 0; i < u.length; i++) {
                u[i] = Math.exp(-decay * pts[1][i]) * sine(pts[0][i]);
            }
            return new double[][] {u};
        };
        return new Custom(
                "heat",
                "u_t = 0.1 u_xx, x in [0, 1], t in [0, 1], u(x, 0) = sin(pi x), u(0, t) = u(1, t) = 0",
                exact,
                p,
                Recipe.of(NetworkConfig.mlp(2, 16), Phase.adam(adamSteps, 5e-3)),
                new EvaluationGrid(
                        new double[][] {EvaluationGrid.linspace(0, 1, 41), EvaluationGrid.linspace(0, 1, 21)}),
                Map.of());
    }
}
