package org.pinn4j.core.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.GeometryXTime;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingResult;

/**
 * The README's "your own PDE" example, verbatim between the markers, so the documented code compiles
 * and works: the heat equation u_t = 0.1 u_xx with u(x, 0) = sin(pi x) and u = 0 at both ends, solved to
 * rel L2 <= 1e-2 against exp(-0.1 pi^2 t) sin(pi x) (a loose bar: the example uses a small budget).
 */
class ReadmeExampleTest {
    @Test
    void heatEquationFromTheReadme() {
        // README-BEGIN
        double k = 0.1;
        Problem heat = Problem.builder("heat")
                .inputs("x", "t")
                .outputs("u")
                .domain(new GeometryXTime(new Interval(0, 1), 0, 1))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x").times(k)); // u_t - k u_xx = 0
                        })
                        .withPoints(1000))
                .condition(Conditions.initial("ic", "u", p -> Math.sin(Math.PI * p[0])))
                .condition(Conditions.dirichlet("ends", Region.boundary(), "u", p -> 0.0))
                .build();

        Recipe recipe = Recipe.of(NetworkConfig.mlp(3, 20), Phase.adam(1000, 3e-3), Phase.lbfgs(1000))
                .withSeed(42)
                .withThreads(2);
        TrainingResult result = Trainer.train(heat, recipe);

        PinnModel model = result.model();
        PointSet at = PointSet.rows(new double[] {0.5, 0.25}); // one point per row: x = 0.5, t = 0.25
        double[][] u = model.predict(at); // u[output][point]
        double[][] ut = model.evaluate(at, s -> java.util.List.of(s.output("u").d("t")));
        // README-END
        double exact = Math.exp(-k * Math.PI * Math.PI * 0.25);
        assertTrue(Math.abs(u[0][0] - exact) <= 1e-2 * exact, "u(0.5, 0.25) = " + u[0][0] + ", exact " + exact);
        double exactRate = -k * Math.PI * Math.PI * exact;
        assertTrue(
                Math.abs(ut[0][0] - exactRate) <= 2e-2 * Math.abs(exactRate),
                "u_t = " + ut[0][0] + ", exact " + exactRate);
    }
}
