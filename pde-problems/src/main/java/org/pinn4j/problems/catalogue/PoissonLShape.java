package org.pinn4j.problems.catalogue;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Geometries;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * -Laplace(u) = 1 on the L-shaped domain [-1, 1]^2 minus (0, 1]^2 with u = 0 on the boundary (the
 * DeepXDE Poisson L-shape example). Inputs x, y; output u. No closed form: the reference is a
 * finite-difference solution on a fine grid (validation module). The boundary condition is a soft
 * (penalty) condition on the polygon's six edges, weighted by {@value #BC_WEIGHT}; the solution has an
 * r^(2/3) singularity at the re-entrant corner.
 *
 * <p>The evaluation grid covers [-1, 1]^2. Outside the domain (the open quadrant x > 0, y > 0) the
 * solution is defined as 0, as in the finite-difference reference, and the output is multiplied by the
 * domain's indicator (a source term with zero derivatives, constant on each side of the boundary), so
 * grid points outside compare 0 with 0 and the metrics measure the L-shape only.
 */
public final class PoissonLShape implements BenchmarkProblem {
    /**
     * Weight of the boundary misfit: u is O(0.1) while the source is 1, so an unweighted boundary term is
     * numerically negligible next to the residual and the fit drifts off zero near the re-entrant corner.
     */
    public static final double BC_WEIGHT = 100;

    private static final ToDoubleFunction<double[]> INSIDE = p -> p[0] > 0 && p[1] > 0 ? 0.0 : 1.0;

    @Override
    public String name() {
        return "poisson-lshape";
    }

    @Override
    public String equation() {
        return "-Laplace(u) = 1 on [-1, 1]^2 minus (0, 1]^2, u = 0 on the boundary";
    }

    @Override
    public String referenceKind() {
        return "finite differences (fine grid)";
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
                .inputs("x", "y")
                .outputs("u")
                .domain(Geometries.lShape())
                .outputTransform(
                        (s, o, n) -> Support.indicator(s, "inside-l", INSIDE).times(n))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("x", "x").plus(u.d("y", "y")).plus(1);
                        })
                        .withPoints(1500))
                .condition(Conditions.dirichlet("bc", Region.boundary(), "u", p -> 0.0)
                        .withPoints(400)
                        .withWeight(BC_WEIGHT))
                .build();
    }

    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(NetworkConfig.mlp(3, 20), Phase.adam(500, 5e-3), Phase.lbfgs(500));
        }
        return Recipe.of(NetworkConfig.mlp(4, 32), Phase.adam(1500, 2e-3), Phase.lbfgs(3000));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(-1, 1, 101), EvaluationGrid.linspace(-1, 1, 101)});
    }
}
