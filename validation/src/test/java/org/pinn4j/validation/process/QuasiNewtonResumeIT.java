package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.validation.runner.RunCheckpoint;

/**
 * A real {@code pinn run --optimizer ssbroyden} killed (SIGKILL) inside its SSBroyden phase and resumed with
 * {@code --resume} ends with the parameters of an uninterrupted run, bit for bit: the checkpoint carries the
 * 921 x 921 inverse-Hessian estimate in its binary file, and the run that ends removes checkpoint and binary file.
 */
class QuasiNewtonResumeIT {
    /** heat-1d's quick recipe: Adam 500 steps, then the quasi-Newton phase from step 501. */
    private static final int QUASI_NEWTON_FROM = 501;

    @TempDir
    Path d;

    private Process startJvm(String name, String... args) throws IOException {
        return PinnProcess.startJvm(d, name, args);
    }

    private static double[] parameters(Path model) throws IOException {
        JsonNode p = new ObjectMapper().readTree(model.toFile()).path("parameters");
        double[] v = new double[p.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.get(i).asDouble();
        }
        return v;
    }

    @Test
    void aRunKilledInsideSsbroydenResumesBitForBit() throws Exception {
        String[] options = {"--quick", "--optimizer", "ssbroyden", "--threads", "2", "--checkpoint-every", "10"};
        Path straight = d.resolve("straight");
        List<String> args = new ArrayList<>(List.of("run", "heat-1d", "--out", straight.toString()));
        args.addAll(List.of(options));
        PinnProcess.Result whole = PinnProcess.run(d, args.toArray(String[]::new));
        assertEquals(0, whole.code(), whole.toString());

        Path dir = d.resolve("killed");
        Path ckpt = dir.resolve(RunCheckpoint.CHECKPOINT_FILE);
        args = new ArrayList<>(List.of("run", "heat-1d", "--out", dir.toString()));
        args.addAll(List.of(options));
        Process killed = startJvm("killed", args.toArray(String[]::new));
        while (killed.isAlive() && (!Files.exists(ckpt) || RunCheckpoint.step(ckpt) < QUASI_NEWTON_FROM + 20)) {
            Thread.sleep(2);
        }
        assertTrue(
                killed.isAlive(),
                "the run ended before a checkpoint inside SSBroyden: " + Files.readString(d.resolve("killed.err")));
        killed.destroyForcibly().waitFor();
        int step = RunCheckpoint.step(ckpt);
        assertTrue(step > QUASI_NEWTON_FROM && step < 1000, "killed at step " + step);
        assertFalse(new CheckpointFile(ckpt).binaryFiles().isEmpty(), "H is in a binary file beside the JSON");

        args = new ArrayList<>(List.of("run", "heat-1d", "--resume", dir.toString()));
        args.addAll(List.of(options)); // a resume repeats the run's options
        PinnProcess.Result resumed = PinnProcess.run(d, args.toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue((resumed.out() + resumed.err()).contains("phase 2 (SSBroyden) stopped: "), resumed.toString());
        assertArrayEquals(
                parameters(straight.resolve("model.json")),
                parameters(dir.resolve("model.json")),
                0.0,
                "resumed from step " + step);
        try (Stream<Path> files = Files.list(dir)) {
            List<String> left = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith(RunCheckpoint.CHECKPOINT_FILE))
                    .toList();
            assertEquals(List.of(), left, "a run that ended leaves no checkpoint and no binary file");
        }
    }
}
