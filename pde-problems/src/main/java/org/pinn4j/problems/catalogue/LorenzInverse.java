package org.pinn4j.problems.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * Lorenz system inverse problem (the DeepXDE example): x' = s (y - x), y' = x (r - z) - y,
 * z' = x y - b z on t in [0, 3] from (x, y, z)(0) = (-8, 7, 27); identify s, r, b (true 10, 15, 8/3)
 * from 1.0 initial guesses and {@value #DATA_POINTS} observations of x, y, z at random times drawn with the
 * context's seed from the injected reference (Dormand-Prince, tolerance 1e-10). Noise, if any, is
 * Gaussian with standard deviation {@code noise * std} of each component. Input t; outputs x, y, z.
 *
 * <p>Scaling: states are O(10) and rates O(100). The outputs are x = 10 N_x, y = 10 N_y, z = 10 N_z
 * (an output transform), the data misfits are divided by 10 and the ODE residuals by 100.
 */
public final class LorenzInverse implements BenchmarkProblem {
    /** Number of observation times. */
    public static final int DATA_POINTS = 200;
    /** End time. */
    public static final double T_END = 3;
    /** Initial state. */
    public static final double[] Y0 = {-8, 7, 27};

    @Override
    public boolean hasNoisyData() {
        return true;
    }

    @Override
    public String name() {
        return "lorenz-inverse";
    }

    @Override
    public String equation() {
        return "x' = s (y - x), y' = x (r - z) - y, z' = x y - b z, t in [0, 3], (x, y, z)(0) = (-8, 7, 27); s, r, b from data";
    }

    @Override
    public String referenceKind() {
        return "Dormand-Prince 8(5,3), tol 1e-10";
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
    public Map<String, Double> trueCoefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("s", 10.0);
        m.put("r", 15.0);
        m.put("b", 8.0 / 3.0);
        return m;
    }

    @Override
    public Problem problem(ProblemContext context) {
        Reference ref = context.requireReference(name());
        SplittableRandom rng = new SplittableRandom(context.seed());
        double[][] t = new double[1][DATA_POINTS];
        t[0][0] = 0;
        for (int k = 1; k < DATA_POINTS; k++) {
            t[0][k] = T_END * rng.nextDouble();
        }
        double[][] y = ref.values(t);
        Support.addRelativeNoise(y, context.noise(), rng);
        PointSet data = new PointSet(t);
        Map<String, double[]> obs = new LinkedHashMap<>();
        obs.put("x", y[0]);
        obs.put("y", y[1]);
        obs.put("z", y[2]);
        double scale = 10;
        return Problem.builder(name())
                .inputs("t")
                .outputs("x", "y", "z")
                .domain(new Interval(0, T_END))
                .coefficient("s", 1.0)
                .coefficient("r", 1.0)
                .coefficient("b", 1.0)
                .outputTransform((s, o, n) -> n.times(scale))
                .condition(Conditions.data("data", data, obs).withWeight(1 / (scale * scale)))
                .condition(Conditions.system("ode", s -> {
                            Field x = s.output("x");
                            Field yy = s.output("y");
                            Field z = s.output("z");
                            double rate = scale * scale;
                            return List.of(
                                    x.d("t")
                                            .minus(s.coefficient("s").times(yy.minus(x)))
                                            .div(rate),
                                    yy.d("t")
                                            .minus(x.times(s.coefficient("r").minus(z)))
                                            .plus(yy)
                                            .div(rate),
                                    z.d("t")
                                            .minus(x.times(yy))
                                            .plus(s.coefficient("b").times(z))
                                            .div(rate));
                        })
                        .withPoints(400))
                .build();
    }

    /**
     * {@code default}: 4 x 40 tanh, Adam 3,000 steps (lr 5e-3), then self-scaled Broyden 5,000 iterations restarted
     * every 500 on collocation points drawn by their residual; {@code quick}: 3 x 32, Adam 1,000 + L-BFGS 1,000.
     */
    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(NetworkConfig.mlp(3, 32), Phase.adam(1000, 1e-2), Phase.lbfgs(1000));
        }
        return Recipe.of(
                NetworkConfig.mlp(4, 40),
                Phase.adam(3000, 5e-3),
                Phase.ssbroyden(5000).resampleByResidual(500, Phase.ResidualSampling.defaults()));
    }

    /** {@code default}, {@code quick} and {@code classic}: Adam 3,000 + L-BFGS 5,000, the default of earlier versions. */
    @Override
    public Map<String, Recipe> recipes() {
        return Support.withClassic(
                BenchmarkProblem.super.recipes(),
                Recipe.of(NetworkConfig.mlp(4, 40), Phase.adam(3000, 5e-3), Phase.lbfgs(5000)));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(new double[][] {EvaluationGrid.linspace(0, T_END, 601)});
    }
}
