package org.pinn4j.validation.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.validation.runner.RunCheckpoint;

/**
 * The overnight-run experiment, with real processes: {@code pinn run poisson-1d --quick} (1,000 steps: 500
 * Adam, 500 L-BFGS) is started three times in separate JVMs with the same seed: uninterrupted on 2 threads,
 * uninterrupted on 1 thread, and on 1 thread with {@code --checkpoint-every 10}. The third is killed with
 * SIGKILL once its checkpoint has passed a seeded random step in the Adam phase, continued with
 * {@code --resume} on 2 threads, killed again at a seeded step in the L-BFGS phase, and finished with
 * {@code --resume} on 1 thread. The model files must be byte-identical: the kills lost nothing, and neither
 * the thread count nor the JVM changes a bit of the result.
 */
class KillResumeTest {
    private static final String MAIN = "org.pinn4j.validation.cli.PinnCli";
    /** Seed of the kill point; the training seed is {@link #TRAIN_SEED}. */
    private static final long KILL_SEED = 20240611L;

    private static final String TRAIN_SEED = "7";
    /** Guard against a hung child process (not a speed measurement: a run takes seconds). */
    private static final long GUARD_SECONDS = 600;

    @TempDir
    static Path d;

    /** Seeded kill points: one in the Adam phase (steps 1-500), one in the L-BFGS phase (501-1000). */
    static final int[] TARGETS = new int[2];
    /** The checkpoint step each kill left behind (where the next process resumes). */
    static final int[] CHECKPOINTS = new int[2];

    static final int[] EXITS = new int[2];
    static boolean modelBeforeResume;
    static String[] resumeLogs = new String[2];

    @BeforeAll
    static void runAll() throws Exception {
        SplittableRandom rng = new SplittableRandom(KILL_SEED);
        TARGETS[0] = rng.nextInt(60, 460);
        TARGETS[1] = rng.nextInt(560, 940);
        // the two references run alongside the runs to be killed: each result is independent of load and timing
        Process ref2 = start(
                "ref2",
                "run",
                "poisson-1d",
                "--quick",
                "--seed",
                TRAIN_SEED,
                "--threads",
                "2",
                "--out",
                d.resolve("ref2").toString());
        Process ref1 = start(
                "ref1",
                "run",
                "poisson-1d",
                "--quick",
                "--seed",
                TRAIN_SEED,
                "--threads",
                "1",
                "--out",
                d.resolve("ref1").toString());
        Path killed = d.resolve("killed");
        String dir = killed.toString();
        // 1 thread, checkpoint every 10 steps; killed in Adam
        Process victim = start(
                "victim",
                "run",
                "poisson-1d",
                "--quick",
                "--seed",
                TRAIN_SEED,
                "--threads",
                "1",
                "--checkpoint-every",
                "10",
                "--out",
                dir);
        killWhenPast(victim, "victim", killed, 0);
        modelBeforeResume = Files.exists(killed.resolve("model.json"));
        // resumed on 2 threads (the interval of 10 is taken over from the interrupted run); killed again in L-BFGS
        Process second = start(
                "resume1", "run", "poisson-1d", "--quick", "--seed", TRAIN_SEED, "--threads", "2", "--resume", dir);
        killWhenPast(second, "resume1", killed, 1);
        resumeLogs[0] = log("resume1");
        // resumed on 1 thread to the end
        Process last = start(
                "resume2", "run", "poisson-1d", "--quick", "--seed", TRAIN_SEED, "--threads", "1", "--resume", dir);
        for (Process p : new Process[] {ref2, ref1, last}) {
            assertTrue(p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS), "a child JVM did not finish");
        }
        assertEquals(0, ref2.exitValue(), log("ref2"));
        assertEquals(0, ref1.exitValue(), log("ref1"));
        assertEquals(0, last.exitValue(), log("resume2"));
        resumeLogs[1] = log("resume2");
        System.out.println("kill/resume (kill seed " + KILL_SEED + ", training seed " + TRAIN_SEED
                + ", 1000 steps): kill 1 when the "
                + "checkpoint passed step " + TARGETS[0] + " -> SIGKILL exit " + EXITS[0] + ", resumed from step "
                + CHECKPOINTS[0]
                + "; kill 2 past step " + TARGETS[1] + " -> exit " + EXITS[1] + ", resumed from step " + CHECKPOINTS[1]
                + "; threads 1 -> 2 -> 1, reference 2; model.json byte-identical to the reference: "
                + (Files.mismatch(d.resolve("ref2/model.json"), killed.resolve("model.json")) == -1)
                + "; 1-thread and 2-thread references byte-identical: "
                + (Files.mismatch(d.resolve("ref1/model.json"), d.resolve("ref2/model.json")) == -1));
    }

    /** Kills {@code p} with SIGKILL once the checkpoint in {@code dir} has passed {@code TARGETS[k]}. */
    private static void killWhenPast(Process p, String name, Path dir, int k) throws Exception {
        Path ckpt = dir.resolve(RunCheckpoint.CHECKPOINT_FILE);
        while (p.isAlive() && checkpointStep(ckpt) < TARGETS[k]) {
            Thread.sleep(5);
        }
        if (!p.isAlive()) {
            fail("the run ended (exit " + p.exitValue() + ") before its checkpoint reached step " + TARGETS[k] + ":\n"
                    + log(name));
        }
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        assertTrue(p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS));
        EXITS[k] = p.exitValue();
        CHECKPOINTS[k] = checkpointStep(ckpt);
    }

    @Test
    void bothKillsHappenedMidRunAndEachResumeStartedAtTheLastCheckpoint() {
        for (int k = 0; k < 2; k++) {
            assertNotEquals(0, EXITS[k], "process " + k + " was killed, not finished");
            assertTrue(CHECKPOINTS[k] >= TARGETS[k] && CHECKPOINTS[k] < 1000, "checkpoint step " + CHECKPOINTS[k]);
            assertEquals(0, CHECKPOINTS[k] % 10, "checkpoints every 10 steps");
            assertTrue(
                    resumeLogs[k].contains("from " + d.resolve("killed").resolve(RunCheckpoint.CHECKPOINT_FILE)
                            + " after step " + CHECKPOINTS[k]),
                    resumeLogs[k]);
        }
        assertTrue(
                CHECKPOINTS[0] <= 500 && CHECKPOINTS[1] > 500,
                "one kill in Adam, one in L-BFGS: " + CHECKPOINTS[0] + ", " + CHECKPOINTS[1]);
        assertFalse(modelBeforeResume, "a killed run has written no model yet");
    }

    @Test
    void resumedModelIsByteIdenticalToTheUninterruptedOne() throws IOException {
        // exact: the resume restores parameters, optimizer, L-BFGS and sampler state bit for bit
        assertArrayEquals(
                Files.readAllBytes(d.resolve("ref2/model.json")), Files.readAllBytes(d.resolve("killed/model.json")));
    }

    @Test
    void resumedLossHistoryEqualsTheUninterruptedOne() throws IOException {
        // every step's learning rate and losses (all columns but the wall-clock seconds) are the same doubles
        List<String> ref = withoutSeconds(d.resolve("ref2/history.csv"));
        assertEquals(1001, ref.size(), "header + 1000 steps");
        assertEquals(ref, withoutSeconds(d.resolve("killed/history.csv")));
    }

    @Test
    void oneAndTwoThreadsInSeparateJvmsGiveByteIdenticalModels() throws IOException {
        byte[] one = Files.readAllBytes(d.resolve("ref1/model.json"));
        assertArrayEquals(one, Files.readAllBytes(d.resolve("ref2/model.json")));
        // and the file records what is needed to replay it: the seed and the recipe
        var prov = new ObjectMapper().readTree(one).path("provenance");
        assertEquals(Long.parseLong(TRAIN_SEED), prov.path("seed").asLong());
        assertEquals(2, prov.path("phases").size(), prov.toString());
    }

    private static List<String> withoutSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream()
                .map(l -> l.substring(0, l.lastIndexOf(',')))
                .collect(Collectors.toList());
    }

    private static int checkpointStep(Path ckpt) {
        if (!Files.exists(ckpt)) {
            return -1;
        }
        return RunCheckpoint.step(ckpt);
    }

    private static Process start(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                MAIN));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectOutput(d.resolve(name + ".out").toFile())
                .redirectError(d.resolve(name + ".err").toFile())
                .start();
    }

    private static String log(String name) {
        try {
            return "--- stdout\n" + Files.readString(d.resolve(name + ".out")) + "--- stderr\n"
                    + Files.readString(d.resolve(name + ".err"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
