package org.pinn4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.OptimizerState;
import org.pinn4j.core.train.HistorySnapshot;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.RunSnapshot;

/**
 * Saving and loading a checkpoint inside a dense quasi-Newton phase with N parameters: the N x N estimate H goes to
 * the binary file beside checkpoint.json (SHA-256, write, fsync, rename), the rest to the JSON. N = 1,981 (3 x 30,
 * H 31 MB) and 7,851 (4 x 50, H 493 MB; the fork gets {@code -Xmx4g}). Files go to a fresh directory under {@code
 * java.io.tmpdir}, so the figure is that disk's.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CheckpointWrite}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CheckpointWriteBenchmark {

    /** Parameters N (H is N x N). */
    @Param({"1981", "7851"})
    public int n;

    private Path dir;
    private CheckpointFile file;
    private RunSnapshot snapshot;

    /** A snapshot with a random H, saved once so that load has a file. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("pinn4j-checkpoint-bench");
        file = new CheckpointFile(dir.resolve("checkpoint.json"));
        SplittableRandom random = new SplittableRandom(11);
        double[] h = new double[n * n];
        for (int i = 0; i < h.length; i++) {
            h[i] = random.nextDouble();
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("dimension", (long) n);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("value", 0.5);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("x", x);
        arrays.put("g", x.clone());
        arrays.put("H", h);
        arrays.put("Hg", x.clone());
        snapshot = new RunSnapshot(
                "bench",
                Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(10, 1e-3), Phase.ssbroyden(50)),
                100,
                1,
                90,
                1.0,
                x,
                null,
                null,
                new OptimizerState("ssbroyden", counters, scalars, arrays),
                List.of(),
                new HistorySnapshot(List.of(), List.of()));
        file.save(snapshot);
    }

    /** Removes the directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        file.delete();
        try (Stream<Path> left = Files.list(dir)) {
            left.forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    /** One save: binary file, JSON, removal of the previous binary file. */
    @Benchmark
    public CheckpointFile save() {
        file.save(snapshot);
        return file;
    }

    /** One load, checksums verified. */
    @Benchmark
    public RunSnapshot load() {
        return file.load();
    }
}
