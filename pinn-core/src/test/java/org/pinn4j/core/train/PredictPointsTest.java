package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.geometry.Box;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;

/** {@link PinnModel#predict(PointSet)} reads points as the factories say; square raw arrays are refused. */
class PredictPointsTest {
    static final PinnModel MODEL = Trainer.train(
                    Problem.builder("square")
                            .inputs("x", "t")
                            .outputs("u")
                            .domain(new Box(new double[] {0, 0}, new double[] {1, 1}))
                            .condition(Conditions.pde("pde", s -> s.output("u").d("t")))
                            .build(),
                    Recipe.of(NetworkConfig.mlp(2, 6), Phase.adam(3, 1e-2)).withSeed(1))
            .model();

    @Test
    void everyWayOfGivingTheSamePointsGivesTheSameValues() {
        // the points (0.1, 0.2) and (0.3, 0.4); the same code path, so equal bit for bit
        double[][] byColumns = MODEL.predict(PointSet.columns(new double[] {0.1, 0.3}, new double[] {0.2, 0.4}));
        double[][] byRows = MODEL.predict(PointSet.rows(new double[] {0.1, 0.2}, new double[] {0.3, 0.4}));
        assertArrayEquals(byColumns[0], byRows[0], 0.0);
        // one at a time through the raw feature-major array (1 point: not square for 2 inputs)
        double[] first = MODEL.predict(new double[][] {{0.1}, {0.2}})[0];
        double[] second = MODEL.predict(new double[][] {{0.3}, {0.4}})[0];
        assertArrayEquals(new double[] {first[0], second[0]}, byRows[0], 0.0);
        double[][] rate = MODEL.evaluate(
                PointSet.rows(new double[] {0.1, 0.2}, new double[] {0.3, 0.4}),
                s -> List.of(s.output("u").d("t")));
        double[][] rateRaw = MODEL.evaluate(
                new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}},
                s -> List.of(s.output("u").d("t")));
        assertArrayEquals(rate[0], new double[] {rateRaw[0][0], rateRaw[0][1]}, 0.0);
        // the square raw array that used to be read one array per input is refused
        assertThrows(IllegalArgumentException.class, () -> MODEL.predict(new double[][] {{0.1, 0.3}, {0.2, 0.4}}));
    }
}
