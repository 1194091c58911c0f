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
 * Helmholtz equation Laplace(u) + u = q on [-1, 1]^2 with q = (1 - 17 pi^2) sin(pi x) sin(4 pi y), so
 * that u = sin(pi x) sin(4 pi y) exactly, and u = 0 on the boundary. Inputs x, y; output u. The
 * boundary condition holds exactly through u = (1 - x^2)(1 - y^2) N(x, y); the residual is divided by
 * 17 pi^2.
 */
public final class Helmholtz2d implements BenchmarkProblem {
    @Override
    public String name() {
        return "helmholtz-2d";
    }

    @Override
    public String equation() {
        return "Laplace(u) + u = (1 - 17 pi^2) sin(pi x) sin(4 pi y), (x, y) in [-1, 1]^2, u = 0 on the boundary";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.scalar(p -> Math.sin(Math.PI * p[0]) * Math.sin(4 * Math.PI * p[1])));
    }

    @Override
    public String publishedFigure() {
        return "-";
    }

    @Override
    public Problem problem(ProblemContext context) {
        double k2 = 17 * Math.PI * Math.PI;
        return Problem.builder(name())
                .inputs("x", "y")
                .outputs("u")
                .domain(new Rectangle(-1, -1, 1, 1))
                .outputTransform((s, o, n) -> {
                    Field x = s.input("x");
                    Field y = s.input("y");
                    return x.square()
                            .neg()
                            .plus(1)
                            .times(y.square().neg().plus(1))
                            .times(n);
                })
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            Field q = s.source(
                                    "q", p -> (1 - k2) * Math.sin(Math.PI * p[0]) * Math.sin(4 * Math.PI * p[1]));
                            return u.d("x", "x")
                                    .plus(u.d("y", "y"))
                                    .plus(u)
                                    .minus(q)
                                    .div(k2);
                        })
                        .withPoints(2000))
                .build();
    }

    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(NetworkConfig.mlp(3, 32), Phase.adam(500, 5e-3), Phase.lbfgs(500));
        }
        return Support.levenbergMarquardt(NetworkConfig.mlp(3, 20), 1500, true);
    }

    /**
     * {@code default} (see {@link #recipe(boolean)}: 3 x 20, Adam 1,000 then Levenberg-Marquardt 1,500 in restarts
     * of 50 on points drawn by the residual), {@code quick}, and {@code classic}: 4 x 48, Adam 2,000 + L-BFGS
     * 4,000, the default of earlier versions.
     */
    @Override
    public Map<String, Recipe> recipes() {
        return Support.withClassic(
                BenchmarkProblem.super.recipes(),
                Recipe.of(NetworkConfig.mlp(4, 48), Phase.adam(2000, 2e-3), Phase.lbfgs(4000)));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(-1, 1, 101), EvaluationGrid.linspace(-1, 1, 101)});
    }
}
