package org.pinn4j.problems.catalogue;

import java.util.Optional;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Box;
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
 * 3-D Poisson problem with mixed boundary conditions: -Laplace(u) = 3 pi^2 sin(pi x) sin(pi y) sin(pi z)
 * on [0, 1]^3, u = 0 on the five faces other than z = 0, and the Neumann condition
 * du/dn = -u_z = -pi sin(pi x) sin(pi y) on z = 0; exact u = sin(pi x) sin(pi y) sin(pi z). Inputs x, y, z;
 * output u. Shows a 3-D box, a Laplacian in three variables and a Neumann condition with outward
 * normals. The residual is divided by 3 pi^2 and the Neumann misfit by pi (weight 1/pi^2). The evaluation grid is 41^3 points.
 */
public final class Poisson3d implements BenchmarkProblem {
    private static final double TOL = 1e-12;

    @Override
    public String name() {
        return "poisson-3d";
    }

    @Override
    public String equation() {
        return "-Laplace(u) = 3 pi^2 sin(pi x) sin(pi y) sin(pi z) on [0, 1]^3, du/dn = -pi sin(pi x) sin(pi y) on z = 0, "
                + "u = 0 on the other faces";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(
                Support.scalar(p -> Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]) * Math.sin(Math.PI * p[2])));
    }

    @Override
    public String publishedFigure() {
        return "-";
    }

    @Override
    public Problem problem(ProblemContext context) {
        double k2 = 3 * Math.PI * Math.PI;
        return Problem.builder(name())
                .inputs("x", "y", "z")
                .outputs("u")
                .domain(new Box(new double[] {0, 0, 0}, new double[] {1, 1, 1}))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            Field f = s.source(
                                    "f",
                                    p -> Math.sin(Math.PI * p[0])
                                            * Math.sin(Math.PI * p[1])
                                            * Math.sin(Math.PI * p[2]));
                            return u.d("x", "x")
                                    .plus(u.d("y", "y"))
                                    .plus(u.d("z", "z"))
                                    .div(k2)
                                    .plus(f);
                        })
                        .withPoints(2000))
                .condition(Conditions.neumann(
                                "neumann-z0",
                                Region.boundary("z = 0", p -> p[2] <= TOL),
                                "u",
                                p -> -Math.PI * Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]))
                        .withPoints(200)
                        .withWeight(1 / (Math.PI * Math.PI)))
                .condition(Conditions.dirichlet(
                                "dirichlet", Region.boundary("faces other than z = 0", p -> p[2] > TOL), "u", p -> 0.0)
                        .withPoints(600))
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
        double[] a = EvaluationGrid.linspace(0, 1, 41);
        return new EvaluationGrid(new double[][] {a, a, a});
    }
}
