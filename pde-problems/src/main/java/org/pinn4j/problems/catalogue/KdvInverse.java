package org.pinn4j.problems.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pinn4j.core.geometry.GeometryXTime;
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
 * The KdV equation u_t + lambda1 u u_x + lambda2 u_xxx = 0 of {@link Kdv} with lambda1 (true 1) and lambda2 (true
 * 0.0025) unknown, identified from {@value #DATA_POINTS} samples of the reference drawn with the context's seed: x
 * uniform in [-1, 1), t one of k / {@value #TIME_STEPS}, k = 0..{@value #TIME_STEPS} (the reference's snapshot times,
 * where it is spectrally exact). Noise, if any, is Gaussian with standard deviation {@code noise * std(u)}. Both
 * coefficients start at 0; lambda2 is scaled by 0.001. Inputs x, t; output u.
 */
public final class KdvInverse implements BenchmarkProblem {
    /** Number of samples. */
    public static final int DATA_POINTS = 2000;
    /** Sample times are k / TIME_STEPS. */
    public static final int TIME_STEPS = 200;

    @Override
    public boolean hasNoisyData() {
        return true;
    }

    @Override
    public String name() {
        return "kdv-inverse";
    }

    @Override
    public String equation() {
        return "u_t + lambda1 u u_x + lambda2 u_xxx = 0, x in [-1, 1] periodic, t in [0, 1]; lambda1, lambda2 from "
                + DATA_POINTS + " samples";
    }

    @Override
    public String referenceKind() {
        return "Fourier spectral / ETDRK4 (samples)";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.empty();
    }

    @Override
    public String publishedFigure() {
        return "lambda2 0.0025002 clean (Raissi, discrete time)";
    }

    @Override
    public Map<String, Double> trueCoefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("lambda1", Kdv.LAMBDA1);
        m.put("lambda2", Kdv.LAMBDA2);
        return m;
    }

    @Override
    public Problem problem(ProblemContext context) {
        Reference ref = context.requireReference(name());
        SplittableRandom rng = new SplittableRandom(context.seed());
        double[][] pts = new double[2][DATA_POINTS];
        for (int k = 0; k < DATA_POINTS; k++) {
            pts[0][k] = -1 + 2 * rng.nextDouble();
            pts[1][k] = rng.nextInt(TIME_STEPS + 1) / (double) TIME_STEPS;
        }
        double[][] u = ref.values(pts);
        Support.addRelativeNoise(u, context.noise(), rng);
        return Problem.builder(name())
                .inputs("x", "t")
                .outputs("u")
                .domain(new GeometryXTime(new Interval(-1, 1), 0, 1))
                .coefficient("lambda1", 0.0)
                .coefficient("lambda2", 0.0, 0.001)
                .condition(Conditions.data("data", new PointSet(pts), "u", u[0]))
                .condition(
                        Conditions.pde("pde", s -> Kdv.residual(s, s.coefficient("lambda1"), s.coefficient("lambda2")))
                                .withPoints(context.quick() ? 2000 : 4000))
                .build();
    }

    /**
     * {@code default}: 3 x 30 tanh, x embedded periodically, Adam 2,000 steps (lr 5e-3), then self-scaled Broyden
     * 6,000 iterations restarted every 500 on collocation points drawn by their residual (the samples stay);
     * {@code quick}: 3 x 20, Adam 500 + SSBroyden 1,000.
     */
    @Override
    public Recipe recipe(boolean quick) {
        int width = quick ? 20 : 30;
        return Recipe.of(
                NetworkConfig.mlp(3, width).periodic("x", 2.0, 1),
                Phase.adam(quick ? 500 : 2000, 5e-3),
                Phase.ssbroyden(quick ? 1000 : 6000).resampleByResidual(500, Phase.ResidualSampling.defaults()));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new Kdv().evaluationGrid();
    }
}
