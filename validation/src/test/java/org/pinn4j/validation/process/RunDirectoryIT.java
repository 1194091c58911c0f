package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.validation.runner.RunCheckpoint;
import org.pinn4j.validation.runner.RunDirectory;

/**
 * One run per output directory and outputs replaced as one set, with real {@code pinn} processes: a second run
 * into a directory a run is training in is refused in one line naming the first run's pid and changes nothing;
 * a fresh run over an interrupted (killed) run is refused, keeping its checkpoint, until {@code --fresh}; a write
 * failure in the middle of the output set (simulated full disk) leaves the previous complete set byte for byte.
 */
class RunDirectoryIT {
    private static final long GUARD_SECONDS = 300;

    @TempDir
    Path d;

    /** Starts the real ./pinn launcher in the background, stdout and stderr to files named after {@code name}. */
    private Process start(String name, String... args) throws IOException {
        return PinnProcess.startLauncher(d, name, false, args);
    }

    /** Starts the command line in a JVM of its own (no launcher in between, so SIGKILL reaches it). */
    private Process startJvm(String name, String... args) throws IOException {
        return PinnProcess.startJvm(d, name, args);
    }

    private String err(String name) throws IOException {
        return Files.readString(d.resolve(name + ".err"));
    }

    @Test
    void aSecondRunIntoABusyDirectoryIsRefusedAndTheFirstFinishesIntact() throws Exception {
        Path dir = d.resolve("busy");
        Process first = start("first", "run", "burgers", "--quick", "--out", dir.toString());
        // the first run holds the directory once it announces its training
        while (first.isAlive() && !err("first").contains("training burgers")) {
            Thread.sleep(20);
        }
        assertTrue(first.isAlive(), err("first"));
        String lock = Files.readString(dir.resolve(RunDirectory.LOCK_FILE)).trim();

        PinnProcess.Result second =
                PinnProcess.run(d, "run", "burgers", "--quick", "--seed", "3", "--out", dir.toString());
        assertTrue(first.isAlive(), "the first run was still training when the second was refused");
        assertEquals(2, second.code(), second.toString());
        Matcher m = Pattern.compile(
                        "pinn run: output directory " + Pattern.quote(dir.toString())
                                + " is in use by another pinn run \\(pid ([0-9]+)\\); wait for it to finish or give another --out")
                .matcher(second.err().strip());
        assertTrue(m.matches(), second.err());
        assertEquals(lock, m.group(1), "the message names the pid written by the run that holds the directory");
        assertEquals(1, second.errLines().size(), second.toString());

        assertTrue(first.waitFor(GUARD_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), err("first"));
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("| seed | 0 |"), "the first run's outputs, not the second's: " + report);
        var model = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("model.json").toFile());
        assertEquals(0, model.path("provenance").path("seed").asLong());
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(
                    s.anyMatch(f -> f.getFileName().toString().startsWith(".pinn-staging")
                            || f.getFileName().toString().endsWith(".tmp")),
                    "no staging directory or temporary file is left");
        }
    }

    @Test
    void aFreshRunOverAnInterruptedOneIsRefusedUntilFresh() throws Exception {
        Path dir = d.resolve("interrupted");
        Path ckpt = dir.resolve(RunCheckpoint.CHECKPOINT_FILE);
        Process killed =
                startJvm("killed", "run", "burgers", "--quick", "--checkpoint-every", "20", "--out", dir.toString());
        while (killed.isAlive() && (!Files.exists(ckpt) || RunCheckpoint.step(ckpt) < 40)) {
            Thread.sleep(5);
        }
        assertTrue(killed.isAlive(), "the run ended before its second checkpoint: " + err("killed"));
        killed.destroyForcibly().waitFor();
        byte[] checkpoint = Files.readAllBytes(ckpt);
        int step = RunCheckpoint.step(ckpt);

        PinnProcess.Result fresh = PinnProcess.run(d, "run", "burgers", "--quick", "--out", dir.toString());
        assertEquals(2, fresh.code(), fresh.toString());
        assertEquals(
                List.of("pinn run: " + dir + " holds an unfinished run from step " + step + "; use --resume " + dir
                        + " to continue it or --fresh to start over"),
                fresh.errLines(),
                fresh.toString());
        assertArrayEquals(checkpoint, Files.readAllBytes(ckpt), "the checkpoint is kept");

        PinnProcess.Result over = PinnProcess.run(d, "run", "burgers", "--quick", "--fresh", "--out", dir.toString());
        assertEquals(0, over.code(), over.toString());
        assertTrue(Files.isRegularFile(dir.resolve("model.json")));
        assertFalse(Files.exists(ckpt), "a run that ended leaves no checkpoint to resume");
    }

    @Test
    void aWriteFailureInTheMiddleOfTheSetLeavesThePreviousSet() throws Exception {
        Path dir = d.resolve("set");
        PinnProcess.Result first = PinnProcess.run(d, "run", "poisson-1d", "--quick", "--out", dir.toString());
        assertEquals(0, first.code(), first.toString());
        TreeMap<String, Integer> before = PinnProcess.contents(dir);
        long model = Files.size(dir.resolve("model.json"));
        assertTrue(Files.size(dir.resolve("history.csv")) > 2000, "history.csv is what the disk fills up on");
        // another seed gives another set; the disk takes model.json (its size varies by a few digits) and fills
        // up in the middle of history.csv, the second file of the set
        PinnProcess.Result r = PinnProcess.quickRunOnDisk(d, model + 1000, dir);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("history.csv: No space left on device (simulated"), r.toString());
        assertEquals(
                before,
                PinnProcess.contents(dir),
                "every file of the previous set is as it was, and nothing was added");
    }
}
