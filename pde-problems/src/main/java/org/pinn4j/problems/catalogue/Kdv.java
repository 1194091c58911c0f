package org.pinn4j.problems.catalogue;

import java.util.Optional;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.geometry.GeometryXTime;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * Korteweg-de Vries equation u_t + u u_x + 0.0025 u_xxx = 0 on x in [-1, 1] (periodic), t in [0, 1], u(x, 0) =
 * cos(pi x) (Raissi et al. 2019); inputs x, t; output u. The reference is the validation module's Fourier / ETDRK4
 * solver.
 *
 * <p>The initial condition holds exactly through the output transform u = cos(pi x) + t N(x, t); the recipes'
 * networks are periodic in x (an input map), and the periodic conditions on u, u_x and u_xx stay in the problem for
 * any other network.
 */
public final class Kdv implements BenchmarkProblem {
    /** Coefficient of u u_x. */
    public static final double LAMBDA1 = 1;
    /** Coefficient of u_xxx. */
    public static final double LAMBDA2 = 0.0025;

    @Override
    public String name() {
        return "kdv";
    }

    @Override
    public String equation() {
        return "u_t + u u_x + 0.0025 u_xxx = 0, x in [-1, 1] periodic, t in [0, 1], u(x, 0) = cos(pi x)";
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
        return "2.2e-6 (SSBroyden + RBA, vRBA logged run)";
    }

    /** The KdV residual with the given coefficients of u u_x and u_xxx. */
    static Field residual(Scope s, Field lambda1, Field lambda2) {
        Field u = s.output("u");
        return u.d("t").plus(lambda1.times(u).times(u.d("x"))).plus(lambda2.times(u.d("x", "x", "x")));
    }

    @Override
    public Problem problem(ProblemContext context) {
        return Problem.builder(name())
                .inputs("x", "t")
                .outputs("u")
                .domain(new GeometryXTime(new Interval(-1, 1), 0, 1))
                .outputTransform((s, o, n) ->
                        s.input("x").times(Math.PI).cos().plus(s.input("t").times(n)))
                .condition(Conditions.pde("pde", s -> residual(s, s.constant(LAMBDA1), s.constant(LAMBDA2)))
                        .withPoints(context.quick() ? 2000 : 8000))
                .condition(Conditions.periodic("periodic-u", "x", s -> s.output("u"))
                        .withPoints(200))
                .condition(Conditions.periodic(
                                "periodic-ux", "x", s -> s.output("u").d("x"))
                        .withPoints(200))
                .condition(Conditions.periodic(
                                "periodic-uxx", "x", s -> s.output("u").d("x", "x"))
                        .withPoints(200))
                .build();
    }

    /**
     * {@code default}: 3 x 40 tanh, x embedded periodically (cos and sin of pi x), Adam 2,000 steps (lr 5e-3) with
     * residual-based attention, then self-scaled Broyden 7,000 iterations restarted every 500 on collocation points
     * drawn by their residual; {@code quick}: 3 x 20, Adam 500 with attention + SSBroyden 500 restarted every 250.
     */
    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Support.periodicWithAttention(20, 500, 500, 250);
        }
        return Support.periodicWithAttention(40, 2000, 7000, 500);
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(-1, 1, 256), EvaluationGrid.linspace(0, 1, 101)});
    }
}
