package org.pinn4j.problems.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.pinn4j.problems.ProblemParameter;
import org.pinn4j.problems.Reference;

/**
 * Viscous Burgers equation of Raissi et al. (2019): u_t + u u_x - (0.01/pi) u_xx = 0 on x in [-1, 1],
 * t in [0, 1], u(x, 0) = -sin(pi x), u(+-1, t) = 0. Inputs x, t; output u. The reference is the
 * Hopf-Cole solution (validation module); the evaluation grid is that of Raissi's data file
 * (256 x in [-1, 1] by 100 t in [0, 0.99]).
 */
public final class Burgers implements BenchmarkProblem {
    /** Viscosity 0.01 / pi. */
    public static final double NU = 0.01 / Math.PI;

    /** The viscosity as a parameter ({@code --param nu=0.01}): default {@link #NU}, accepted in [1e-4, 1]. */
    public static final ProblemParameter VISCOSITY = new ProblemParameter("nu", "viscosity", NU, 1e-4, 1.0);

    @Override
    public List<ProblemParameter> parameters() {
        return List.of(VISCOSITY);
    }

    @Override
    public String name() {
        return "burgers";
    }

    @Override
    public String equation() {
        return "u_t + u u_x - (0.01/pi) u_xx = 0, x in [-1, 1], t in [0, 1], u(x, 0) = -sin(pi x), u(-1, t) = u(1, t) = 0";
    }

    @Override
    public String referenceKind() {
        return "Hopf-Cole quadrature";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.empty();
    }

    @Override
    public String publishedFigure() {
        return "rel L2 6.7e-4 (Raissi et al. 2019, 8x40)";
    }

    @Override
    public Optional<Double> publishedRelL2() {
        return Optional.of(6.7e-4);
    }

    @Override
    public Problem problem(ProblemContext context) {
        double nu = context.parameter(VISCOSITY);
        return Problem.builder(name())
                .inputs("x", "t")
                .outputs("u")
                .domain(new GeometryXTime(new Interval(-1, 1), 0, 1))
                // u = -sin(pi x) + t (1 - x^2) N(x, t) meets the initial and boundary conditions exactly,
                // so the loss is the residual alone
                .outputTransform((s, o, n) -> {
                    Field x = s.input("x");
                    return x.times(Math.PI)
                            .sin()
                            .neg()
                            .plus(s.input("t").times(x.times(x).neg().plus(1)).times(n));
                })
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t")
                                    .plus(u.times(u.d("x")))
                                    .minus(u.d("x", "x").times(nu));
                        })
                        .withPoints(context.quick() ? 2000 : 10000))
                .build();
    }

    /**
     * {@code default}: 4 x 20 tanh, Adam 2,000 steps, then self-scaled Broyden 10,000 iterations restarted every 500
     * on new collocation points drawn by their residual (RAD, power 1, offset 1, from 10 x 10,000 candidates; H
     * carried over); {@code quick}: 4 x 20, Adam 500 + L-BFGS 500.
     */
    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(NetworkConfig.mlp(4, 20), Phase.adam(500, 5e-3), Phase.lbfgs(500));
        }
        return selfScaledBroyden(20, 10000);
    }

    /**
     * Adam 2,000 steps then SSBroyden in restarts of 500 on new points drawn by their residual, on 4 x {@code width}
     * tanh.
     */
    private static Recipe selfScaledBroyden(int width, int iterations) {
        return Recipe.of(
                NetworkConfig.mlp(4, width),
                Phase.adam(2000, 5e-3),
                Phase.ssbroyden(iterations).resampleByResidual(RESTART_EVERY, Phase.ResidualSampling.defaults()));
    }

    /** SSBroyden iterations between restarts on newly drawn collocation points. */
    private static final int RESTART_EVERY = 500;

    /**
     * {@code default} and {@code quick} (see {@link #recipe(boolean)}), {@code best}: the default's scheme on 4 x 30
     * with 11,000 SSBroyden iterations, and {@code classic}: the 8 x 20 Adam 1,000 + L-BFGS 8,000 recipe of earlier
     * versions.
     */
    @Override
    public Map<String, Recipe> recipes() {
        Map<String, Recipe> all = new LinkedHashMap<>(BenchmarkProblem.super.recipes());
        all.put("best", selfScaledBroyden(30, 11000));
        all.put("classic", Recipe.of(NetworkConfig.mlp(8, 20), Phase.adam(1000, 2e-3), Phase.lbfgs(8000)));
        return all;
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(-1, 1, 256), EvaluationGrid.linspace(0, 0.99, 100)});
    }
}
