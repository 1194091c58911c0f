package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.geometry.Rectangle;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.sampling.PointSet;

/**
 * {@link Conditions#operator} and the several-output {@link Conditions#dirichlet(String, Region, Map)}: their
 * residuals at points are the model's values (by the independent {@code predict} / {@code evaluate} path) minus the
 * targets.
 */
class ConditionShortcutsTest {
    static final PointSet AT = PointSet.rows(new double[] {0.2, 1}, new double[] {0.7, 1}, new double[] {0.4, 1});

    static Problem flow() {
        return Problem.builder("flow")
                .inputs("x", "y")
                .outputs("u", "v")
                .domain(new Rectangle(0, 0, 1, 1))
                .condition(Conditions.system(
                        "pde",
                        s -> List.of(
                                s.output("u").d("x").plus(s.output("v").d("y")),
                                s.output("v").d("x", "x"))))
                .condition(Conditions.dirichlet(
                        "walls",
                        Region.boundary(),
                        Map.<String, ToDoubleFunction<double[]>>of("v", p -> p[0], "u", p -> 1)))
                .condition(Conditions.operator(
                        "curvature",
                        Region.boundary("y = 1", p -> p[1] == 1),
                        s -> s.output("u").d("x", "x"),
                        p -> 2))
                .build();
    }

    static Condition named(Problem p, String name) {
        return p.conditions().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void residualsAreTheValuesMinusTheTargets() {
        Problem problem = flow();
        PinnModel model = Trainer.train(
                        problem,
                        Recipe.of(NetworkConfig.mlp(2, 8), Phase.adam(5, 1e-2)).withSeed(4))
                .model();
        double[][] uv = model.predict(AT);
        double[][] walls = model.evaluate(AT, named(problem, "walls")::expressions);
        // one residual per output, u first, then v, whatever the map's order; a subtraction of the same values: exact
        for (int p = 0; p < AT.size(); p++) {
            assertEquals(uv[0][p] - 1, walls[0][p], 0.0);
            assertEquals(uv[1][p] - AT.coordinate(0)[p], walls[1][p], 0.0);
        }
        double[] uxx = model.evaluate(AT, s -> List.of(s.output("u").d("x", "x")))[0];
        double[] curvature = model.evaluate(AT, named(problem, "curvature")::expressions)[0];
        for (int p = 0; p < AT.size(); p++) {
            assertEquals(uxx[p] - 2, curvature[p], 0.0);
        }
    }

    @Test
    void aDirichletWithoutOutputsIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Conditions.dirichlet("walls", Region.boundary(), Map.of()));
        assertEquals(
                "condition 'walls' has no outputs; expected a map output name -> value, e.g. u -> 0", e.getMessage());
    }
}
