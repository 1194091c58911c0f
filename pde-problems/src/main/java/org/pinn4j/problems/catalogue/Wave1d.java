package org.pinn4j.problems.catalogue;

import java.util.Map;
import java.util.Optional;
import org.pinn4j.autodiff.Activation;
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
 * Wave equation u_tt = 4 u_xx on x in [0, 1], t in [0, 1] with u(x, 0) = sin(pi x) + 0.5 sin(4 pi x),
 * u_t(x, 0) = 0, u(0, t) = u(1, t) = 0; exact u = sin(pi x) cos(2 pi t) + 0.5 sin(4 pi x) cos(8 pi t).
 * Inputs x, t; output u. The initial value and the boundary values hold exactly through the output
 * transform u = u0(x) + t x (1 - x) N(x, t); u_t(x, 0) = 0 is a soft condition. (A t^2 factor would
 * enforce it too, but then N must grow like u_tt / (x (1 - x)) near t = 0, and the fit was worse.) The
 * residual is divided by 16 pi^2 (u_tt reaches 32 pi^2). The network uses sin activations: with tanh the
 * same budgets ended near rel L2 0.7, as the 4 temporal periods of the second mode need many tanh units.
 */
public final class Wave1d implements BenchmarkProblem {
    /** Wave speed c (c^2 = 4). */
    public static final double C = 2;

    @Override
    public String name() {
        return "wave-1d";
    }

    @Override
    public String equation() {
        return "u_tt = 4 u_xx, x in [0, 1], t in [0, 1], u(x, 0) = sin(pi x) + 0.5 sin(4 pi x), u_t(x, 0) = 0, u(0, t) = u(1, t) = 0";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.scalar(p -> Math.sin(Math.PI * p[0]) * Math.cos(C * Math.PI * p[1])
                + 0.5 * Math.sin(4 * Math.PI * p[0]) * Math.cos(4 * C * Math.PI * p[1])));
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
                    Field t = s.input("t");
                    Field u0 = x.times(Math.PI)
                            .sin()
                            .plus(x.times(4 * Math.PI).sin().times(0.5));
                    return u0.plus(t.times(x).times(x.neg().plus(1)).times(n));
                })
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t", "t")
                                    .minus(u.d("x", "x").times(C * C))
                                    .div(16 * Math.PI * Math.PI);
                        })
                        .withPoints(2000))
                .condition(Conditions.initialRate("ic_rate", "u", "t", p -> 0.0))
                .build();
    }

    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(
                    NetworkConfig.mlp(3, 32).activation(Activation.SIN), Phase.adam(500, 5e-3), Phase.lbfgs(500));
        }
        return Support.levenbergMarquardt(NetworkConfig.mlp(3, 20).activation(Activation.SIN), 1500, true);
    }

    /**
     * {@code default} (see {@link #recipe(boolean)}: 3 x 20 sin, Adam 1,000 then Levenberg-Marquardt 1,500 in
     * restarts of 50 on points drawn by the residual), {@code quick}, and {@code classic}: 4 x 48 sin, Adam 2,000 +
     * L-BFGS 4,000, the default of earlier versions.
     */
    @Override
    public Map<String, Recipe> recipes() {
        return Support.withClassic(
                BenchmarkProblem.super.recipes(),
                Recipe.of(
                        NetworkConfig.mlp(4, 48).activation(Activation.SIN),
                        Phase.adam(2000, 2e-3),
                        Phase.lbfgs(4000)));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(0, 1, 101), EvaluationGrid.linspace(0, 1, 201)});
    }
}
