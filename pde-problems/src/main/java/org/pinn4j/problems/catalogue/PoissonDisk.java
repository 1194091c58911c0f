package org.pinn4j.problems.catalogue;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Disk;
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
 * -Laplace(u) = 1 on the unit disk with u = 0 on the circle; exact u = (1 - x^2 - y^2) / 4. Inputs x, y;
 * output u. Shows a curved domain: interior and boundary points come from the {@link Disk} geometry and
 * the boundary condition is a soft (penalty) Dirichlet condition on the circle.
 *
 * <p>The evaluation grid is the square [-1, 1]^2; outside the disk the solution is defined as 0, and
 * the output is multiplied by the disk's indicator (a source term with zero derivatives, constant on
 * each side of the circle), so grid points outside the domain compare 0 with 0 and the metrics measure
 * the disk only.
 */
public final class PoissonDisk implements BenchmarkProblem {
    private static final ToDoubleFunction<double[]> INSIDE = p -> p[0] * p[0] + p[1] * p[1] <= 1 + 1e-12 ? 1.0 : 0.0;

    @Override
    public String name() {
        return "poisson-disk";
    }

    @Override
    public String equation() {
        return "-Laplace(u) = 1 on the unit disk, u = 0 on the circle";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.scalar(p -> INSIDE.applyAsDouble(p) * 0.25 * (1 - p[0] * p[0] - p[1] * p[1])));
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
                .domain(new Disk(0, 0, 1))
                .outputTransform(
                        (s, o, n) -> Support.indicator(s, "inside-disk", INSIDE).times(n))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("x", "x").plus(u.d("y", "y")).plus(1);
                        })
                        .withPoints(1000))
                .condition(Conditions.dirichlet("bc", Region.boundary(), "u", p -> 0.0)
                        .withPoints(200))
                .build();
    }

    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(NetworkConfig.mlp(2, 20), Phase.adam(500, 5e-3), Phase.lbfgs(500));
        }
        return Recipe.of(NetworkConfig.mlp(3, 32), Phase.adam(1000, 5e-3), Phase.lbfgs(3000));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(-1, 1, 101), EvaluationGrid.linspace(-1, 1, 101)});
    }
}
