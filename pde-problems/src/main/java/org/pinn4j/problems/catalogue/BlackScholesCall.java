package org.pinn4j.problems.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Rectangle;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.ProblemParameter;
import org.pinn4j.problems.Reference;

/**
 * European call under Black-Scholes: V_t + 0.5 sigma^2 S^2 V_SS + r S V_S - r V = 0 for S in [0, 200],
 * calendar time t in [0, T], K = 100, T = 1, r = 0.05 and sigma = 0.2 (parameters {@code r} and {@code sigma}), with V(S, T) = max(S - K, 0),
 * V(0, t) = 0 and V(200, t) = 200 - K e^{-r (T - t)}. Inputs S, t; output V.
 *
 * <p>Scaling: the network sees S scaled to [-1, 1] automatically, but prices are O(K). The output is
 * therefore V = K N(S, t) (an output transform) and every residual (the PDE and the three conditions)
 * is divided by K, so all loss terms are O(1) whatever the strike. The closed-form price
 * (validation module) is the reference.
 */
public final class BlackScholesCall implements BenchmarkProblem {
    /** Strike. */
    public static final double K = 100;
    /** Risk-free rate. */
    public static final double R = 0.05;
    /** Volatility. */
    public static final double SIGMA = 0.2;
    /** Maturity. */
    public static final double T = 1;
    /** Upper end of the asset-price domain. */
    public static final double S_MAX = 200;
    /** The volatility as a parameter ({@code --param sigma=0.3}), default {@link #SIGMA}. */
    public static final ProblemParameter VOLATILITY = new ProblemParameter("sigma", "volatility", SIGMA, 0.01, 2.0);
    /** The risk-free rate as a parameter ({@code --param r=0.02}), default {@link #R}. */
    public static final ProblemParameter RATE = new ProblemParameter("r", "risk-free rate", R, 0.0, 0.5);

    @Override
    public List<ProblemParameter> parameters() {
        return List.of(VOLATILITY, RATE);
    }

    @Override
    public String name() {
        return "black-scholes";
    }

    @Override
    public String equation() {
        return "V_t + 0.5 sigma^2 S^2 V_SS + r S V_S - r V = 0, S in [0, 200], t in [0, 1], K = 100, r = 0.05, sigma = 0.2, "
                + "V(S, 1) = max(S - K, 0)";
    }

    @Override
    public String referenceKind() {
        return "closed-form Black-Scholes price";
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.empty();
    }

    @Override
    public String publishedFigure() {
        return "rel L2 ~1.2e-3 (DeepXDE example, K = 50)";
    }

    @Override
    public Optional<Double> publishedRelL2() {
        return Optional.of(1.2e-3);
    }

    @Override
    public Problem problem(ProblemContext context) {
        double sigma = context.parameter(VOLATILITY);
        double r = context.parameter(RATE);
        return Problem.builder(name())
                .inputs("S", "t")
                .outputs("V")
                .domain(new Rectangle(0, 0, S_MAX, T))
                .outputTransform((s, o, n) -> n.times(K))
                .condition(Conditions.pde("pde", s -> {
                            Field v = s.output("V");
                            Field S = s.input("S");
                            return v.d("t")
                                    .plus(S.square().times(v.d("S", "S")).times(0.5 * sigma * sigma))
                                    .plus(S.times(v.d("S")).times(r))
                                    .minus(v.times(r))
                                    .div(K);
                        })
                        .withPoints(4000))
                .condition(Conditions.custom(
                        "terminal",
                        Support.face("t = T", 1, T),
                        400,
                        s -> List.of(s.output("V")
                                .minus(s.source("payoff", p -> Math.max(p[0] - K, 0)))
                                .div(K)),
                        List.of(),
                        p -> new double[0][]))
                .condition(Conditions.custom(
                        "s-zero",
                        Support.face("S = 0", 0, 0),
                        100,
                        s -> List.of(s.output("V").div(K)),
                        List.of(),
                        p -> new double[0][]))
                .condition(Conditions.custom(
                        "s-max",
                        Support.face("S = 200", 0, S_MAX),
                        100,
                        s -> List.of(s.output("V")
                                .minus(s.source("far", p -> S_MAX - K * Math.exp(-r * (T - p[1]))))
                                .div(K)),
                        List.of(),
                        p -> new double[0][]))
                .build();
    }

    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(NetworkConfig.mlp(3, 20), Phase.adam(500, 5e-3), Phase.lbfgs(500));
        }
        return Support.levenbergMarquardt(NetworkConfig.mlp(3, 20), 500, true);
    }

    /**
     * {@code default} (see {@link #recipe(boolean)}: 3 x 20, Adam 1,000 then Levenberg-Marquardt 500 in restarts of
     * 50 on points drawn by the residual), {@code quick}, and {@code classic}: 4 x 32, Adam 2,000 + L-BFGS 3,000,
     * the default of earlier versions.
     */
    @Override
    public Map<String, Recipe> recipes() {
        return Support.withClassic(
                BenchmarkProblem.super.recipes(),
                Recipe.of(NetworkConfig.mlp(4, 32), Phase.adam(2000, 2e-3), Phase.lbfgs(3000)));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(
                new double[][] {EvaluationGrid.linspace(0, S_MAX, 201), EvaluationGrid.linspace(0, T, 101)});
    }
}
