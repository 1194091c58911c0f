package org.pinn4j.problems.catalogue;

import java.util.Map;
import java.util.Optional;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Rectangle;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * -Laplace(u) = 2 pi^2 sin(pi x) sin(pi y) on [0, 1]^2, u = 0 on the boundary; exact
 * u = sin(pi x) sin(pi y). Inputs x, y; output u. The boundary condition holds exactly through the
 * output transform u = x (1 - x) y (1 - y) N(x, y); the residual is divided by 2 pi^2.
 */
public final class Poisson2d implements BenchmarkProblem {
    @Override
    public String name() {
        return "poisson-2d";
    }

    @Override
    public String equation() {
        return "-Laplace(u) = 2 pi^2 sin(pi x) sin(pi y), (x, y) in [0, 1]^2, u = 0 on the boundary";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.scalar(p -> Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1])));
    }

    @Override
    public String publishedFigure() {
        return "-";
    }

    @Override
    public Problem problem(ProblemContext context) {
        double pi2 = Math.PI * Math.PI;
        return Problem.builder(name())
                .inputs("x", "y")
                .outputs("u")
                .domain(new Rectangle(0, 0, 1, 1))
                .outputTransform((s, o, n) -> {
                    Field x = s.input("x");
                    Field y = s.input("y");
                    return x.times(x.neg().plus(1))
                            .times(y)
                            .times(y.neg().plus(1))
                            .times(n);
                })
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            Field f = s.source("f", p -> Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]));
                            return u.d("x", "x")
                                    .plus(u.d("y", "y"))
                                    .div(2 * pi2)
                                    .plus(f);
                        })
                        .withPoints(1000))
                .build();
    }

    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(NetworkConfig.mlp(3, 20), Phase.adam(500, 5e-3), Phase.lbfgs(500));
        }
        return Recipe.of(NetworkConfig.mlp(3, 32), Phase.adam(1000, 5e-3), Phase.lbfgs(3000));
    }

    /** {@code best}: 3 x 20, Adam 1,000 then Levenberg-Marquardt 300 in restarts of 50 on uniformly drawn points. */
    @Override
    public Map<String, Recipe> recipes() {
        return Support.withLevenbergMarquardtBest(
                BenchmarkProblem.super.recipes(), NetworkConfig.mlp(3, 20), 300, false);
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(0, 1, 101), EvaluationGrid.linspace(0, 1, 101)});
    }
}
