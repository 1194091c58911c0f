package org.pinn4j.core.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Box;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;

/**
 * One trained model shared by 8 threads that predict at once (and evaluate a derivative, u_xx), each on its
 * own seeded sequence of 48 point sets of 1 to 300 points (sizes cross the 64-point tile boundary), also
 * through a second instance loaded from its file: every result must be bit-identical to the
 * single-thread result for the same point set.
 */
class ConcurrentPredictionTest {
    private static final int THREADS = 8;
    private static final int SETS = 48;
    private static final int CALLS_PER_THREAD = 60;

    @Test
    void eightThreadsPredictExactlyWhatOneThreadPredicts(@TempDir Path dir) throws Exception {
        Problem heat = Problem.builder("heat")
                .inputs("x", "t")
                .outputs("u")
                .domain(new Box(new double[] {-1, 0}, new double[] {1, 1}))
                .coefficient("k", 0.5)
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x").times(s.coefficient("k")));
                        })
                        .withPoints(64))
                .build();
        PinnModel model = Trainer.train(
                        heat,
                        Recipe.of(NetworkConfig.mlp(3, 16), Phase.adam(20, 1e-2))
                                .withSeed(5))
                .model();
        ModelFile.save(model, dir.resolve("model.json"));
        PinnModel loaded = ModelFile.load(dir.resolve("model.json"));

        SplittableRandom rng = new SplittableRandom(77);
        double[][][] sets = new double[SETS][][];
        for (int k = 0; k < SETS; k++) {
            int n = 1 + rng.nextInt(300);
            sets[k] = new double[2][n];
            for (int p = 0; p < n; p++) {
                sets[k][0][p] = rng.nextDouble(-1, 1);
                sets[k][1][p] = rng.nextDouble(0, 1);
            }
        }
        // single-thread references, computed before any concurrency
        double[][][] values = new double[SETS][][];
        double[][][] secondDerivatives = new double[SETS][][];
        for (int k = 0; k < SETS; k++) {
            values[k] = model.predict(sets[k]);
            secondDerivatives[k] =
                    model.evaluate(sets[k], s -> List.of(s.output("u").d("x", "x")));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom order = new SplittableRandom(1000 + t);
                Callable<Integer> work = () -> {
                    start.await();
                    int checked = 0;
                    for (int c = 0; c < CALLS_PER_THREAD; c++) {
                        int k = order.nextInt(SETS);
                        PinnModel m = order.nextBoolean() ? model : loaded;
                        // exact: prediction does not depend on which thread runs it or what runs beside it
                        if (order.nextInt(4) == 0) {
                            assertArrayEquals(
                                    secondDerivatives[k][0],
                                    m.evaluate(
                                                    sets[k],
                                                    s -> List.of(s.output("u").d("x", "x")))[0],
                                    0.0);
                        } else {
                            assertArrayEquals(values[k][0], m.predict(sets[k])[0], 0.0);
                        }
                        checked++;
                    }
                    return checked;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(120, TimeUnit.SECONDS); // a hang guard, not a speed measurement
            }
            assertEquals(THREADS * CALLS_PER_THREAD, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
