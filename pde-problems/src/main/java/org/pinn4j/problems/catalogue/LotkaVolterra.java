package org.pinn4j.problems.catalogue;

import java.util.List;
import java.util.Optional;
import org.pinn4j.core.expr.Field;
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
 * Lotka-Volterra predator-prey system, DeepXDE's example: with U = {@value #UB} (a bound of the populations) and
 * R = {@value #RB} (the time span), prey x and predators y in units of U on t in [0, 1] satisfy
 * x' = R (2 x - 0.04 U x y), y' = R (0.02 U x y - 1.06 y), x(0) = 100 / U, y(0) = 15 / U. Input t; outputs x,
 * y. The reference is the validation module's Dormand-Prince integration of {@link #derivative}.
 *
 * <p>The initial state holds exactly through the output transform x = x(0) + t N_x(t), y = y(0) + t N_y(t), and
 * the residuals are divided by R so that they are O(1). The solution runs through about four predator-prey
 * cycles on [0, 1].
 */
public final class LotkaVolterra implements BenchmarkProblem {
    /** U: the population scale. */
    public static final double UB = 200;
    /** R: the time scale. */
    public static final double RB = 20;
    /** Initial state (x, y) = (100 / U, 15 / U). */
    public static final double[] Y0 = {100 / UB, 15 / UB};
    /** End time. */
    public static final double T_END = 1;

    @Override
    public String name() {
        return "lotka-volterra";
    }

    @Override
    public String equation() {
        return "x' = R (2 x - 0.04 U x y), y' = R (0.02 U x y - 1.06 y), U = 200, R = 20, t in [0, 1],"
                + " (x, y)(0) = (100, 15) / U";
    }

    @Override
    public String referenceKind() {
        return "Dormand-Prince 8(5,3), tol 1e-12";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.empty();
    }

    @Override
    public String publishedFigure() {
        return "-";
    }

    /** The right-hand side (x', y') at state (x, y), written into {@code rate}. */
    public static void derivative(double[] state, double[] rate) {
        double x = state[0];
        double y = state[1];
        rate[0] = RB * (2 * x - 0.04 * UB * x * y);
        rate[1] = RB * (0.02 * UB * x * y - 1.06 * y);
    }

    @Override
    public Problem problem(ProblemContext context) {
        return Problem.builder(name())
                .inputs("t")
                .outputs("x", "y")
                .domain(new Interval(0, T_END))
                .outputTransform((s, o, n) -> s.input("t").times(n).plus(Y0[o.equals("x") ? 0 : 1]))
                .condition(Conditions.system("ode", s -> {
                            Field x = s.output("x");
                            Field y = s.output("y");
                            Field xy = x.times(y);
                            return List.of(
                                    x.d("t").div(RB).minus(x.times(2)).plus(xy.times(0.04 * UB)),
                                    y.d("t").div(RB).minus(xy.times(0.02 * UB)).plus(y.times(1.06)));
                        })
                        .withPoints(context.quick() ? 500 : 2000))
                .build();
    }

    /**
     * {@code default}: 4 x 30 tanh, Adam 2,000 steps (lr 5e-3), then self-scaled Broyden 6,000 iterations restarted
     * every 500 on collocation points drawn by their residual (2,000 points); {@code quick}: 4 x 20, Adam 1,000 +
     * the same scheme for 3,000 iterations on 500 points. Adam with L-BFGS (and shorter quasi-Newton phases) stays
     * on the first cycle and ends near the fixed point: rel L2 0.56 to 0.88.
     */
    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(
                    NetworkConfig.mlp(4, 20),
                    Phase.adam(1000, 5e-3),
                    Phase.ssbroyden(3000).resampleByResidual(500, Phase.ResidualSampling.defaults()));
        }
        return Recipe.of(
                NetworkConfig.mlp(4, 30),
                Phase.adam(2000, 5e-3),
                Phase.ssbroyden(6000).resampleByResidual(500, Phase.ResidualSampling.defaults()));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(new double[][] {EvaluationGrid.linspace(0, T_END, 1001)});
    }
}
