package org.pinn4j.problems.catalogue;

import java.util.Optional;
import org.pinn4j.core.expr.Field;
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
 * Allen-Cahn equation u_t - 1e-4 u_xx + 5 u^3 - 5 u = 0 on x in [-1, 1] (periodic), t in [0, 1],
 * u(x, 0) = x^2 cos(pi x) (Raissi et al. 2019). Inputs x, t; output u. The reference is the
 * Fourier/ETDRK4 solution of the validation module.
 *
 * <p>The recipes' networks are exactly periodic in x (an input map, {@link NetworkConfig#periodic}); the periodic
 * conditions on u and u_x stay in the problem so that any other network meets them too (for a periodic one they
 * are zero to rounding). The initial condition is a soft condition (weight 100): the hard form u = x^2 cos(pi x) +
 * t N(x, t) carries the initial slope's jump at x = +-1 (the periodic extension of x^2 cos(pi x) has slopes -2 and
 * +2 there) into every t &gt; 0, while the solution is smooth for t &gt; 0; with a periodic network that form
 * stalled at rel L2 7.5e-4.
 */
public final class AllenCahn implements BenchmarkProblem {
    /** Diffusion coefficient. */
    public static final double EPS = 1e-4;
    /** Reaction coefficient. */
    public static final double GAMMA = 5;

    @Override
    public String name() {
        return "allen-cahn";
    }

    @Override
    public String equation() {
        return "u_t - 1e-4 u_xx + 5 u^3 - 5 u = 0, x in [-1, 1] periodic, t in [0, 1], u(x, 0) = x^2 cos(pi x)";
    }

    @Override
    public String referenceKind() {
        return "Fourier spectral / ETDRK4";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.empty();
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
                .domain(new GeometryXTime(new Interval(-1, 1), 0, 1))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t")
                                    .minus(u.d("x", "x").times(EPS))
                                    .plus(u.pow(3).times(GAMMA))
                                    .minus(u.times(GAMMA));
                        })
                        .withPoints(context.quick() ? 2000 : 8000))
                .condition(Conditions.initial("ic", "u", p -> p[0] * p[0] * Math.cos(Math.PI * p[0]))
                        .withPoints(512)
                        .withWeight(100))
                .condition(Conditions.periodic("periodic-u", "x", s -> s.output("u"))
                        .withPoints(200))
                .condition(Conditions.periodic(
                                "periodic-ux", "x", s -> s.output("u").d("x"))
                        .withPoints(200))
                .build();
    }

    /**
     * {@code default}: 3 x 30 tanh, x embedded periodically (cos and sin of pi x), Adam 2,000 steps (lr 5e-3) with
     * residual-based attention, then self-scaled Broyden 6,000 iterations restarted every 500 on collocation points
     * drawn by their residual; {@code quick}: 3 x 20, Adam 500 with attention + SSBroyden 500 restarted every 250.
     */
    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Support.periodicWithAttention(20, 500, 500, 250);
        }
        return Support.periodicWithAttention(30, 2000, 6000, 500);
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(-1, 1, 256), EvaluationGrid.linspace(0, 1, 101)});
    }
}
