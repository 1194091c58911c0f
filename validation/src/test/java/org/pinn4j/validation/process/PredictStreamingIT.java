package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.train.PinnModel;

/**
 * {@code pinn predict} streams (real processes): 2,000,000 points (an 18 MB file) in a 256 MB heap, which ran
 * out of memory before (the reader held every record; 2.09 GB peak with the default heap), with every
 * prediction equal to the model's own; and {@code bench} refuses a point count whose coordinates alone exceed
 * the heap, up front and with the memory it would need, instead of a stack trace.
 */
class PredictStreamingIT {
    private static final int POINTS = 2_000_000;

    @TempDir
    static Path d;

    @Test
    void twoMillionPointsInA256MegabyteHeap() throws Exception {
        Path model = PinnProcess.quickModel(d, "poisson-1d", "run");
        Path in = d.resolve("points.csv");
        try (BufferedWriter w = Files.newBufferedWriter(in)) {
            w.write("x\n");
            for (int p = 0; p < POINTS; p++) {
                w.write(String.format(Locale.ROOT, "%.6f%n", -1 + 2.0 * p / (POINTS - 1)));
            }
        }
        Path out = d.resolve("pred.csv");
        PinnProcess.Result r = PinnProcess.run(
                d,
                null,
                List.of("-Xmx256m"),
                "predict",
                "--model",
                model.toString(),
                "--input",
                in.toString(),
                "--output",
                out.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("wrote " + POINTS + " predictions of u to " + out + "\n", r.out());

        // every 1,000th row against the model's own prediction, bit for bit (Double.toString round-trips)
        PinnModel m = ModelFile.load(model);
        int rows = 0;
        try (BufferedReader br = Files.newBufferedReader(out)) {
            assertEquals("x,u", br.readLine());
            for (String line = br.readLine(); line != null; line = br.readLine()) {
                if (rows % 1000 == 0) {
                    String[] cells = line.split(",");
                    double x = Double.parseDouble(cells[0]);
                    assertEquals(m.predict(new double[][] {{x}})[0][0], Double.parseDouble(cells[1]), 0.0, line);
                }
                rows++;
            }
        }
        assertEquals(POINTS, rows);
    }

    @Test
    void benchRefusesPointsThatCannotFitUpFront() throws Exception {
        PinnProcess.Result r =
                PinnProcess.run(d, null, List.of("-Xmx256m"), "bench", "burgers", "--points", "2000000000");
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(
                r.err()
                        .startsWith("pinn bench: 2000000000 residual points need at least 32.0 GB for their"
                                + " coordinates alone; this JVM may use 0.3 GB"),
                r.toString());
    }

    @Test
    void aSizeThatPassesTheEstimateButNotTheHeapEndsInOneLine() throws Exception {
        // 10 million points: 160 MB of coordinates pass the up-front estimate for 256 MB; the evaluation's buffers
        // do not fit, and the OutOfMemoryError becomes one line (exit 1), no stack trace
        PinnProcess.Result r = PinnProcess.run(
                d, null, List.of("-Xmx256m"), "bench", "burgers", "--points", "10000000", "--steps", "1");
        assertEquals(1, r.code(), r.toString());
        assertEquals(
                List.of("pinn bench: out of memory (this JVM may use 256 MB); give it more with"
                        + " PINN_JAVA_OPTS=-Xmx<size>, or use fewer points"),
                r.errLines(),
                r.toString());
    }
}
