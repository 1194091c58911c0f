package org.pinn4j.problems.catalogue;

import java.util.Optional;
import org.pinn4j.core.geometry.GeometryXTime;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * Convection u_t + 40 u_x = 0 on x in [0, 2 pi] (periodic), t in [0, 1], u(x, 0) = sin x; exact u = sin(x - 40 t)
 * (Krishnapriyan et al. 2021's failure mode of PINNs: six turns of the wave across the domain). Inputs x, t; output
 * u. The initial condition holds exactly through the output transform u = sin x + t N(x, t); the recipes' networks
 * are periodic in x, and the periodic condition on u stays in the problem for any other network.
 */
public final class Convection implements BenchmarkProblem {
    /** Wave speed. */
    public static final double BETA = 40;

    @Override
    public String name() {
        return "convection";
    }

    @Override
    public String equation() {
        return "u_t + 40 u_x = 0, x in [0, 2 pi] periodic, t in [0, 1], u(x, 0) = sin x";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.scalar(q -> Math.sin(q[0] - BETA * q[1])));
    }

    @Override
    public String publishedFigure() {
        return "vanilla PINN ~1; Adam + L-BFGS + Newton-CG ~1e-2 (Rathore et al. 2024)";
    }

    @Override
    public Problem problem(ProblemContext context) {
        return Problem.builder(name())
                .inputs("x", "t")
                .outputs("u")
                .domain(new GeometryXTime(new Interval(0, 2 * Math.PI), 0, 1))
                .outputTransform(
                        (s, o, n) -> s.input("x").sin().plus(s.input("t").times(n)))
                .condition(Conditions.pde(
                                "pde",
                                s -> s.output("u")
                                        .d("t")
                                        .div(BETA)
                                        .plus(s.output("u").d("x")))
                        .withPoints(context.quick() ? 2000 : 8000))
                .condition(Conditions.periodic("periodic-u", "x", s -> s.output("u"))
                        .withPoints(200))
                .build();
    }

    /**
     * {@code default}: 3 x 30 tanh, x embedded periodically (cos and sin of x), Adam 2,000 steps (lr 5e-3), then
     * self-scaled Broyden 6,000 iterations restarted every 500 on collocation points drawn by their residual;
     * {@code quick}: 3 x 20, Adam 500 + SSBroyden 500 on 2,000 points, which stays in the failure mode (rel L2 0.8;
     * so did 1,000-2,500 iterations on 2,000 points): the default leaves it after about 1,800 SSBroyden iterations
     * on 8,000 points.
     */
    @Override
    public Recipe recipe(boolean quick) {
        return Support.adamThenSsbroyden(NetworkConfig.mlp(3, quick ? 20 : 30).periodic("x", 2 * Math.PI, 1), quick);
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(0, 2 * Math.PI, 256), EvaluationGrid.linspace(0, 1, 101)});
    }
}
