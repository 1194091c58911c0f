package org.pinn4j.problems.catalogue;

import java.util.List;
import java.util.Optional;
import org.pinn4j.core.geometry.Rectangle;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.DerivedQuantity;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * The lid-driven cavity: steady incompressible Navier-Stokes u u_x + v u_y + p_x - (u_xx + u_yy) / Re = 0, u v_x +
 * v v_y + p_y - (v_xx + v_yy) / Re = 0, u_x + v_y = 0 at Re = 100 on the unit square, the lid y = 1 moving with u =
 * 1, v = 0, no slip on the other walls, p = 0 at the corner (0, 0) (the equations leave a constant free). Inputs x, y;
 * outputs u, v, p.
 *
 * <p>The lid's corner discontinuity is kept as it is: u = 1 on the whole lid and 0 on the side walls, so u jumps at
 * the two top corners (the reference solver does the same). The pressure is singular at those corners, so only u
 * and v are measured ({@link #measuredOutputs}); the reference is the validation module's stream function-vorticity
 * finite-difference solver, and u and v on the centre lines are also compared with the Re = 100 values of Ghia,
 * Ghia and Shin, "High-Re solutions for incompressible flow using the Navier-Stokes equations and a multigrid
 * method", J. Comput. Phys. 48 (1982) 387-411, Tables I and II ({@link #GHIA_Y}, {@link #GHIA_U}, {@link #GHIA_X},
 * {@link #GHIA_V}).
 */
public final class LidDrivenCavity implements BenchmarkProblem {
    /** Reynolds number (lid speed 1, side 1). */
    public static final double RE = 100;

    /** Ghia et al. Table I: y on the vertical centre line x = 0.5. */
    public static final double[] GHIA_Y = {
        1.0000, 0.9766, 0.9688, 0.9609, 0.9531, 0.8516, 0.7344, 0.6172, 0.5000, 0.4531, 0.2813, 0.1719, 0.1016, 0.0703,
        0.0625, 0.0547, 0.0000
    };
    /** Ghia et al. Table I, Re = 100: u at (0.5, GHIA_Y[k]). */
    public static final double[] GHIA_U = {
        1.00000, 0.84123, 0.78871, 0.73722, 0.68717, 0.23151, 0.00332, -0.13641, -0.20581, -0.21090, -0.15662, -0.10150,
        -0.06434, -0.04775, -0.04192, -0.03717, 0.00000
    };
    /** Ghia et al. Table II: x on the horizontal centre line y = 0.5. */
    public static final double[] GHIA_X = {
        1.0000, 0.9688, 0.9609, 0.9531, 0.9453, 0.9063, 0.8594, 0.8047, 0.5000, 0.2344, 0.2266, 0.1563, 0.0938, 0.0781,
        0.0703, 0.0625, 0.0000
    };
    /** Ghia et al. Table II, Re = 100: v at (GHIA_X[k], 0.5). */
    public static final double[] GHIA_V = {
        0.00000, -0.05906, -0.07391, -0.08864, -0.10313, -0.16914, -0.22445, -0.24533, 0.05454, 0.17527, 0.17507,
        0.16077, 0.12317, 0.10890, 0.10091, 0.09233, 0.00000
    };

    /**
     * Intervals per side of the reference solver's grid; the evaluation grid is its nodes. Near the lid's corners the
     * nodal values converge at first order: 128 intervals differ from 256 by 8.2e-3 (rel L2 of u, v), which bounds
     * what an error against this reference can show.
     */
    public static final int REFERENCE_INTERVALS = 128;

    @Override
    public String name() {
        return "lid-driven-cavity";
    }

    @Override
    public String equation() {
        return "steady incompressible Navier-Stokes, Re = 100, unit square, lid u = 1 at y = 1, no slip elsewhere,"
                + " p(0, 0) = 0";
    }

    @Override
    public String referenceKind() {
        return "finite differences (stream function-vorticity, " + REFERENCE_INTERVALS + " intervals per side)";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.empty();
    }

    @Override
    public String publishedFigure() {
        return "Ghia, Ghia and Shin (1982) centre-line velocities";
    }

    /** u and v: the pressure is singular at the lid's corners and is not measured. */
    @Override
    public List<String> measuredOutputs(Problem problem) {
        return List.of("u", "v");
    }

    @Override
    public Problem problem(ProblemContext context) {
        return Problem.builder(name())
                .inputs("x", "y")
                .outputs("u", "v", "p")
                .domain(new Rectangle(0, 0, 1, 1))
                .condition(Conditions.system("navier-stokes", Support.steadyNavierStokes(RE))
                        .withPoints(context.quick() ? 1000 : 4000))
                .condition(Conditions.dirichlet("lid", Support.face("y = 1", 1, 1), "u", q -> 1)
                        .withPoints(200))
                .condition(Conditions.dirichlet(
                                "walls-u", Region.boundary("x = 0, x = 1 or y = 0", q -> q[1] < 1), "u", q -> 0)
                        .withPoints(600))
                .condition(Conditions.dirichlet("walls-v", Region.boundary(), "v", q -> 0)
                        .withPoints(800))
                .condition(Conditions.dirichlet(
                        "pressure-pin", Region.points(new PointSet(new double[][] {{0}, {0}})), "p", q -> 0))
                .build();
    }

    /**
     * {@code default}: 4 x 40 tanh, Adam 2,000 steps (lr 5e-3), then self-scaled Broyden 6,000 iterations restarted
     * every 500 on collocation points drawn by their residual; {@code quick}: 3 x 20, Adam 500 + SSBroyden 500.
     */
    @Override
    public Recipe recipe(boolean quick) {
        return Support.adamThenSsbroyden(NetworkConfig.mlp(quick ? 3 : 4, quick ? 20 : 40), quick);
    }

    /**
     * The reference solver's nodes (no interpolation), without the lid row y = 1: there u is prescribed, and at its two
     * corners it jumps from 1 to 0, a value no smooth network (and no single number) matches.
     */
    @Override
    public EvaluationGrid evaluationGrid() {
        double[] nodes = EvaluationGrid.linspace(0, 1, REFERENCE_INTERVALS + 1);
        return new EvaluationGrid(new double[][] {nodes, java.util.Arrays.copyOf(nodes, REFERENCE_INTERVALS)});
    }

    /** u on the vertical and v on the horizontal centre line against Ghia et al.'s tables. */
    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(
                new DerivedQuantity(
                        "ghia_u",
                        "u on x = 0.5 against Ghia et al. (1982) Table I",
                        s -> s.output("u"),
                        points -> new double[][] {lookUp(points[1], GHIA_Y, GHIA_U)},
                        new EvaluationGrid(new double[][] {{0.5}, GHIA_Y.clone()})),
                new DerivedQuantity(
                        "ghia_v",
                        "v on y = 0.5 against Ghia et al. (1982) Table II",
                        s -> s.output("v"),
                        points -> new double[][] {lookUp(points[0], GHIA_X, GHIA_V)},
                        new EvaluationGrid(new double[][] {GHIA_X.clone(), {0.5}})));
    }

    /** The tabulated values at the tabulated coordinates {@code at} (each must be one of {@code keys}). */
    private static double[] lookUp(double[] at, double[] keys, double[] values) {
        double[] out = new double[at.length];
        for (int p = 0; p < at.length; p++) {
            int k = 0;
            while (k < keys.length && keys[k] != at[p]) {
                k++;
            }
            if (k == keys.length) {
                throw new IllegalArgumentException("Ghia et al.'s table has no value at " + at[p]);
            }
            out[p] = values[k];
        }
        return out;
    }
}
