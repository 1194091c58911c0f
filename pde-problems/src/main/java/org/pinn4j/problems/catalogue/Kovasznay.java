package org.pinn4j.problems.catalogue;

import java.util.List;
import java.util.Optional;
import org.pinn4j.core.geometry.Rectangle;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.DerivedQuantity;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * Kovasznay flow: the steady incompressible Navier-Stokes equations u u_x + v u_y + p_x - (u_xx + u_yy) / Re = 0,
 * u v_x + v v_y + p_y - (v_xx + v_yy) / Re = 0, u_x + v_y = 0 at Re = 20 on [-0.5, 1] x [-0.5, 1.5], with u and v
 * given on the boundary by Kovasznay's (1948) exact solution u = 1 - e^{l x} cos(2 pi y), v = l / (2 pi) e^{l x}
 * sin(2 pi y), p = (1 - e^{2 l x}) / 2, l = Re / 2 - sqrt(Re^2 / 4 + 4 pi^2). The pressure is fixed by its exact
 * values on the outlet x = 1 (as in DeepXDE's example), since the equations leave a constant free. Inputs x, y;
 * outputs u, v, p.
 */
public final class Kovasznay implements BenchmarkProblem {
    /** Reynolds number. */
    public static final double RE = 20;
    /** The exponent l of the exact solution. */
    public static final double L = RE / 2 - Math.sqrt(RE * RE / 4 + 4 * Math.PI * Math.PI);

    @Override
    public String name() {
        return "kovasznay";
    }

    @Override
    public String equation() {
        return "steady incompressible Navier-Stokes, Re = 20, (x, y) in [-0.5, 1] x [-0.5, 1.5], u, v on the boundary"
                + " and p at x = 1 from Kovasznay's solution";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    /** Exact u. */
    public static double u(double x, double y) {
        return 1 - Math.exp(L * x) * Math.cos(2 * Math.PI * y);
    }

    /** Exact v. */
    public static double v(double x, double y) {
        return L / (2 * Math.PI) * Math.exp(L * x) * Math.sin(2 * Math.PI * y);
    }

    /** Exact p. */
    public static double p(double x) {
        return 0.5 * (1 - Math.exp(2 * L * x));
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.outputs(q -> u(q[0], q[1]), q -> v(q[0], q[1]), q -> p(q[0])));
    }

    @Override
    public String publishedFigure() {
        return "\"close to single precision\" (Gauss-Newton natural gradient, arXiv 2402.10680)";
    }

    @Override
    public Problem problem(ProblemContext context) {
        return Problem.builder(name())
                .inputs("x", "y")
                .outputs("u", "v", "p")
                .domain(new Rectangle(-0.5, -0.5, 1, 1.5))
                .condition(Conditions.system("navier-stokes", Support.steadyNavierStokes(RE))
                        .withPoints(context.quick() ? 1000 : 4000))
                .condition(Conditions.dirichlet("wall-u", Region.boundary(), "u", q -> u(q[0], q[1]))
                        .withPoints(400))
                .condition(Conditions.dirichlet("wall-v", Region.boundary(), "v", q -> v(q[0], q[1]))
                        .withPoints(400))
                .condition(Conditions.dirichlet("outlet-p", Support.face("x = 1", 0, 1), "p", q -> p(q[0]))
                        .withPoints(100))
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

    /** u and v each against the exact solution on the evaluation grid (the main error pools u, v and p). */
    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(
                new DerivedQuantity(
                        "u", "velocity u", s -> s.output("u"), Support.outputs(q -> u(q[0], q[1])), evaluationGrid()),
                new DerivedQuantity(
                        "v", "velocity v", s -> s.output("v"), Support.outputs(q -> v(q[0], q[1])), evaluationGrid()));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(-0.5, 1, 151), EvaluationGrid.linspace(-0.5, 1.5, 201)});
    }
}
