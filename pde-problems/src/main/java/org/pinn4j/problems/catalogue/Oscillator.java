package org.pinn4j.problems.catalogue;

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
 * Damped harmonic oscillator x'' + 2 d x' + w0^2 x = 0 with d = 2, w0 = 20, x(0) = 1, x'(0) = 0 on
 * t in [0, 1]; input t, output x. Exact: x = e^{-d t} (cos(w t) + (d / w) sin(w t)), w = sqrt(w0^2 - d^2).
 *
 * <p>Both initial conditions hold exactly through the output transform x = 1 + t^2 N(t); the residual
 * is divided by w0^2 so that it is O(1).
 */
public final class Oscillator implements BenchmarkProblem {
    /** Damping d. */
    public static final double D = 2;
    /** Natural frequency w0. */
    public static final double W0 = 20;

    @Override
    public String name() {
        return "oscillator";
    }

    @Override
    public String equation() {
        return "x'' + 2 d x' + w0^2 x = 0, d = 2, w0 = 20, t in [0, 1], x(0) = 1, x'(0) = 0";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    /** The exact solution at time t. */
    public static double exact(double t) {
        double w = Math.sqrt(W0 * W0 - D * D);
        return Math.exp(-D * t) * (Math.cos(w * t) + D / w * Math.sin(w * t));
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(Support.scalar(p -> exact(p[0])));
    }

    @Override
    public String publishedFigure() {
        return "-";
    }

    @Override
    public Problem problem(ProblemContext context) {
        return Problem.builder(name())
                .inputs("t")
                .outputs("x")
                .domain(new Interval(0, 1))
                .outputTransform((s, o, n) -> s.input("t").square().times(n).plus(1))
                .condition(Conditions.pde("pde", s -> {
                            Field x = s.output("x");
                            return x.d("t", "t")
                                    .plus(x.d("t").times(2 * D))
                                    .div(W0 * W0)
                                    .plus(x);
                        })
                        .withPoints(256))
                .build();
    }

    @Override
    public Recipe recipe(boolean quick) {
        if (quick) {
            return Recipe.of(NetworkConfig.mlp(3, 32), Phase.adam(1000, 5e-3), Phase.lbfgs(1000));
        }
        return Recipe.of(NetworkConfig.mlp(3, 32), Phase.adam(2000, 5e-3), Phase.lbfgs(5000));
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(new double[][] {EvaluationGrid.linspace(0, 1, 501)});
    }
}
