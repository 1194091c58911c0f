package org.pinn4j.problems.catalogue;

import java.util.Optional;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.GeometryXTime;
import org.pinn4j.core.geometry.Interval;
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
 * Heat equation u_t = 0.1 u_xx on x in [0, 1], t in [0, 1], u(x, 0) = sin(pi x), u(0, t) = u(1, t) = 0;
 * exact u = exp(-0.1 pi^2 t) sin(pi x). Inputs x, t; output u. The initial and boundary conditions hold
 * exactly through the output transform u = sin(pi x) + t x (1 - x) N(x, t).
 */
public final class Heat1d implements BenchmarkProblem {
    /** Diffusivity. */
    public static final double ALPHA = 0.1;

    @Override
    public String name() {
        return "heat-1d";
    }

    @Override
    public String equation() {
        return "u_t = 0.1 u_xx, x in [0, 1], t in [0, 1], u(x, 0) = sin(pi x), u(0, t) = u(1, t) = 0";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.scalar(p -> Math.exp(-ALPHA * Math.PI * Math.PI * p[1]) * Math.sin(Math.PI * p[0])));
    }

    @Override
    public String publishedFigure() {
        return "-";
    }

    @Override
    public Problem problem(ProblemContext context) {
        return Problem.builder(name())
                .inputs("x", "t")
                .outputs("u")
                .domain(new GeometryXTime(new Interval(0, 1), 0, 1))
                .outputTransform((s, o, n) -> {
                    Field x = s.input("x");
                    return x.times(Math.PI)
                            .sin()
                            .plus(s.input("t").times(x).times(x.neg().plus(1)).times(n));
                })
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x").times(ALPHA));
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

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(0, 1, 101), EvaluationGrid.linspace(0, 1, 101)});
    }
}
