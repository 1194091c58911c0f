package org.pinn4j.problems.catalogue;

import java.util.Optional;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.GeometryXTime;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * Klein-Gordon equation u_tt - u_xx + u^2 = -x cos t + x^2 cos^2 t on x in [-1, 1], t in [0, 10], u(x, 0) = x,
 * u_t(x, 0) = 0, u(+-1, t) = +-cos t (DeepXDE's example); exact u = x cos t. Inputs x, t; output u. The initial and
 * boundary conditions are soft: the obvious function that meets them all, x cos t, is the solution itself.
 */
public final class KleinGordon implements BenchmarkProblem {
    /** End time. */
    public static final double T_END = 10;

    @Override
    public String name() {
        return "klein-gordon";
    }

    @Override
    public String equation() {
        return "u_tt - u_xx + u^2 = -x cos t + x^2 cos^2 t, x in [-1, 1], t in [0, 10], u(x, 0) = x, u_t(x, 0) = 0,"
                + " u(+-1, t) = +-cos t";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.scalar(q -> q[0] * Math.cos(q[1])));
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
                .domain(new GeometryXTime(new Interval(-1, 1), 0, T_END))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            Field x = s.input("x");
                            Field cos = s.input("t").cos();
                            return u.d("t", "t")
                                    .minus(u.d("x", "x"))
                                    .plus(u.square())
                                    .plus(x.times(cos))
                                    .minus(x.square().times(cos.square()));
                        })
                        .withPoints(context.quick() ? 2000 : 8000))
                .condition(Conditions.initial("ic", "u", q -> q[0]).withPoints(200))
                .condition(Conditions.initialRate("ic-rate", "u", "t", q -> 0.0).withPoints(200))
                .condition(Conditions.dirichlet("ends", Region.boundary(), "u", q -> q[0] * Math.cos(q[1]))
                        .withPoints(400))
                .build();
    }

    /**
     * {@code default}: 4 x 30 tanh, Adam 2,000 steps (lr 5e-3), then self-scaled Broyden 6,000 iterations restarted
     * every 500 on collocation points drawn by their residual; {@code quick}: 3 x 20, Adam 500 + SSBroyden 500.
     */
    @Override
    public Recipe recipe(boolean quick) {
        return Support.adamThenSsbroyden(NetworkConfig.mlp(quick ? 3 : 4, quick ? 20 : 30), quick);
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(-1, 1, 201), EvaluationGrid.linspace(0, T_END, 201)});
    }
}
