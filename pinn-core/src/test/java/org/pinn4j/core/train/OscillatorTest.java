package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.sampling.PointSet;

/**
 * Damped oscillator x'' + 2 d x' + w0^2 x = 0, d = 2, w0 = 20, x(0) = 1, x'(0) = 0 on t in [0, 1]:
 * exact x = e^{-dt} (cos(wt) + d/w sin(wt)), w = sqrt(w0^2 - d^2). Target rel L2 <= 1e-3 (issue 3).
 */
class OscillatorTest {
    @Test
    void dampedOscillatorReachesOnePerMille() {
        double d = 2, w0 = 20, w = Math.sqrt(w0 * w0 - d * d);
        Region start = Region.points(new PointSet(new double[][] {{0.0}}));
        Problem problem = Problem.builder("oscillator")
                .inputs("t")
                .outputs("x")
                .domain(new Interval(0, 1))
                .condition(Conditions.pde("ode", s -> {
                            Field x = s.output("x");
                            // scaled by 1/w0^2 so the residual is O(1)
                            return x.d("t", "t")
                                    .plus(x.d("t").times(2 * d))
                                    .plus(x.times(w0 * w0))
                                    .div(w0 * w0);
                        })
                        .withPoints(256))
                .condition(Conditions.dirichlet("x0", start, "x", p -> 1.0))
                .condition(Conditions.custom(
                        "v0",
                        start,
                        1,
                        s -> java.util.List.of(s.output("x").d("t").div(w0)),
                        java.util.List.of(),
                        p -> new double[0][]))
                .build();
        Recipe recipe = Recipe.of(NetworkConfig.mlp(3, 32), Phase.adam(1000, 3e-3), Phase.lbfgs(2000))
                .withSeed(3)
                .withSampler("sobol");
        TrainingResult r = Trainer.train(problem, recipe);
        assertTrue(r.ok(), r.message());
        int n = 501;
        double[][] t = new double[1][n];
        for (int i = 0; i < n; i++) {
            t[0][i] = (double) i / (n - 1);
        }
        double[] x = r.model().predict(t)[0];
        double num = 0, den = 0;
        for (int i = 0; i < n; i++) {
            double exact = Math.exp(-d * t[0][i]) * (Math.cos(w * t[0][i]) + d / w * Math.sin(w * t[0][i]));
            num += (x[i] - exact) * (x[i] - exact);
            den += exact * exact;
        }
        double err = Math.sqrt(num / den);
        System.out.println("oscillator rel L2 " + err + " in " + r.seconds() + " s");
        assertTrue(err <= 1e-3, "oscillator rel L2 " + err + " (" + r.message() + ")");
    }
}
