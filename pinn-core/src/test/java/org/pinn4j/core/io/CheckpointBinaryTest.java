package org.pinn4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.OptimizerState;
import org.pinn4j.core.train.HistorySnapshot;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.RunSnapshot;

/**
 * A dense quasi-Newton state's N x N H goes into a binary file beside checkpoint.json: it reads back bit for bit,
 * a later save replaces it and removes the old one, a damaged or missing binary file is refused in one line, and
 * a stray file left by a crash between the two writes neither stops a load nor outlives the next save.
 */
class CheckpointBinaryTest {
    private static final int N = 300; // H has 90,000 doubles: above the binary-file threshold

    @TempDir
    Path dir;

    private static RunSnapshot snapshot(long seed, int step) {
        Random random = new Random(seed);
        double[] h = new double[N * N];
        for (int i = 0; i < h.length; i++) {
            h[i] = random.nextGaussian();
        }
        h[7] = Double.longBitsToDouble(0x7ff8_0000_0000_0123L); // a NaN payload must survive too
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = random.nextDouble();
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("dimension", (long) N);
        counters.put("iterations", (long) step);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("value", 0.5);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("x", x);
        arrays.put("g", x.clone());
        arrays.put("H", h);
        OptimizerState qn = new OptimizerState("ssbroyden", counters, scalars, arrays);
        Recipe recipe = Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(10, 1e-3), Phase.ssbroyden(50));
        return new RunSnapshot(
                "test",
                recipe,
                step,
                1,
                step - 10,
                1.25,
                x,
                null,
                null,
                qn,
                List.of(),
                new HistorySnapshot(List.of(), List.of()));
    }

    @Test
    void hReadsBackBitForBitFromItsBinaryFile() throws IOException {
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.json"));
        RunSnapshot saved = snapshot(1, 20);
        file.save(saved);
        List<Path> binaries = file.binaryFiles();
        assertEquals(1, binaries.size(), binaries.toString());
        assertEquals(8L * N * N, Files.size(binaries.get(0)));
        assertTrue(Files.size(file.path()) < 50_000, "the JSON holds no H: " + Files.size(file.path()));
        RunSnapshot back = file.load();
        for (String a : List.of("x", "g", "H")) {
            double[] expected = saved.quasiNewton().arrays().get(a);
            double[] actual = back.quasiNewton().arrays().get(a);
            assertEquals(expected.length, actual.length, a);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(
                        Double.doubleToRawLongBits(expected[i]),
                        Double.doubleToRawLongBits(actual[i]),
                        a + "[" + i + "]");
            }
        }
        assertArrayEquals(saved.parameters(), back.parameters(), 0.0);
    }

    @Test
    void aLaterSaveReplacesTheBinaryFileAndDeleteRemovesBoth() {
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.json"));
        file.save(snapshot(1, 20));
        Path first = file.binaryFiles().get(0);
        file.save(snapshot(2, 30));
        List<Path> now = file.binaryFiles();
        assertEquals(1, now.size());
        assertFalse(now.contains(first), "the first save's H is gone");
        assertEquals(30, file.load().step());
        file.delete();
        assertFalse(Files.exists(file.path()));
        assertEquals(List.of(), file.binaryFiles());
    }

    @Test
    void aDamagedOrMissingBinaryFileIsRefusedInOneLine() throws IOException {
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.json"));
        file.save(snapshot(1, 20));
        Path binary = file.binaryFiles().get(0);
        byte[] bytes = Files.readAllBytes(binary);
        bytes[1000] ^= 1;
        Files.write(binary, bytes);
        IllegalArgumentException damaged = assertThrows(IllegalArgumentException.class, file::load);
        assertEquals(
                "checkpoint " + file.path() + " is corrupted: checksum mismatch in " + binary, damaged.getMessage());
        Files.write(binary, new byte[16]);
        assertTrue(assertThrows(IllegalArgumentException.class, file::load)
                .getMessage()
                .contains("has 16 bytes"));
        Files.delete(binary);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, file::load);
        assertEquals(
                "checkpoint " + file.path() + " is incomplete: its binary file " + binary + " is missing",
                missing.getMessage());
    }

    /** A crash after the new binary file was written but before the JSON was replaced leaves a stray file. */
    @Test
    void aStrayBinaryFileFromACrashIsHarmlessAndRemovedByTheNextSave() throws IOException {
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.json"));
        file.save(snapshot(1, 20));
        Path stray = dir.resolve("checkpoint.json.quasiNewton.0123456789abcdef.bin");
        Files.write(stray, new byte[64]);
        assertEquals(20, file.load().step());
        file.save(snapshot(2, 30));
        assertFalse(Files.exists(stray));
        assertEquals(1, file.binaryFiles().size());
    }
}
