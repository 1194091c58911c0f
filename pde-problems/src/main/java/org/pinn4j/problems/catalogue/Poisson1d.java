package org.pinn4j.problems.catalogue;

import java.util.Optional;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/** -u'' = pi^2 sin(pi x) on [-1, 1], u(+-1) = 0; exact u = sin(pi x). */
public final class Poisson1d implements BenchmarkProblem {
    @Override
    public String name() {
        return "poisson-1d";
    }

    @Override
    public String equation() {
        return "-u'' = pi^2 sin(pi x), x in [-1, 1], u(-1) = u(1) = 0";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(points -> {
            double[] u = new double[points[0].length];
            for (int p = 0; p < u.length; p++) {
                u[p] = Math.sin(Math.PI * points[0][p]);
            }
            return new double[][] {u};
        });
    }

    @Override
    public String publishedFigure() {
        return "-";
    }

    @Override
    public Problem problem(ProblemContext context) {
        double pi2 = Math.PI * Math.PI;
        return Problem.builder(name())
                .inputs("x")
                .outputs("u")
                .domain(new Interval(-1, 1))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("x", "x").neg().minus(s.source("f", p -> pi2 * Math.sin(Math.PI * p[0])));
                        })
                        .withPoints(128))
                .condition(Conditions.dirichlet("bc", Region.boundary(), "u", p -> 0.0)
                        .withPoints(2))
                .build();
    }

    @Override
    public Recipe recipe(boolean quick) {
        return Recipe.of(
                NetworkConfig.mlp(2, 20), Phase.adam(quick ? 500 : 1000, 5e-3), Phase.lbfgs(quick ? 500 : 2000));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(new double[][] {EvaluationGrid.linspace(-1, 1, 401)});
    }
}
