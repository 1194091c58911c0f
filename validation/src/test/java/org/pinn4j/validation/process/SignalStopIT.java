package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.validation.runner.RunCheckpoint;

/**
 * SIGTERM and Ctrl-C save the work of a run started without {@code --checkpoint-every}, with the real {@code
 * ./pinn} launcher: the run stops at the end of a step, writes its outputs for that step and a checkpoint, says
 * where in one line and exits 143 (SIGTERM) or 130 (Ctrl-C: SIGINT to the launcher's whole process group, as a
 * terminal sends it); {@code --resume} then ends with the same model.json, byte for byte, as a run never stopped.
 */
class SignalStopIT {
    private static final long GUARD_SECONDS = 300;

    @TempDir
    Path d;

    private String err(String name) throws Exception {
        return Files.readString(d.resolve(name + ".err"));
    }

    /** Starts burgers --quick into {@code dir} and waits until it is 100 steps into training (of 1,000). */
    private Process startTraining(String name, Path dir, boolean ownGroup) throws Exception {
        Process p = PinnProcess.startLauncher(
                d, name, ownGroup, "run", "burgers", "--quick", "--threads", "2", "--out", dir.toString());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (p.isAlive() && !err(name).contains("step 100/1000") && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(p.isAlive(), "still training when the signal is sent: " + err(name));
        return p;
    }

    /** Waits for the end of the run and checks the saved work; returns the step it stopped after. */
    private int stoppedRun(Process p, String name, Path dir, int expectedCode) throws Exception {
        assertTrue(p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS), "the run ends after the signal: " + err(name));
        String err = err(name);
        assertEquals(expectedCode, p.exitValue(), err);
        List<String> lines = err.lines().toList();
        assertTrue(
                lines.contains("pinn run: stopping: finishing the current step, then saving the model and a"
                        + " checkpoint (up to 60 s)"),
                err);
        Matcher m = Pattern.compile("pinn run: stopped after step ([0-9]+) on a signal; the files above hold that"
                        + " step, and "
                        + Pattern.quote(
                                dir.resolve(RunCheckpoint.CHECKPOINT_FILE).toString())
                        + " continues it: the same command with --resume " + Pattern.quote(dir.toString()))
                .matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches(), err);
        for (String line : lines) {
            assertFalse(line.startsWith("\tat ") || line.contains("Exception"), "no stack trace: " + err);
        }
        int step = Integer.parseInt(m.group(1));
        assertTrue(step >= 100 && step < 1000, "stopped in the middle of training: step " + step);
        assertTrue(Files.isRegularFile(dir.resolve(RunCheckpoint.CHECKPOINT_FILE)), "checkpoint saved");
        String history = Files.readString(dir.resolve("history.csv"));
        List<String> rows = history.lines().toList();
        assertEquals(String.valueOf(step), rows.get(rows.size() - 1).split(",")[0], "the history ends at that step");
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("INTERRUPTED: stopped on request after step " + step + " of 1000"), report);
        assertFalse(report.contains("could not be written"), "every chart drawn while the JVM shuts down: " + report);
        assertTrue(Files.isRegularFile(dir.resolve("prediction.svg")));
        return step;
    }

    @Test
    void sigtermSavesTheRunAndResumeEndsAsAnUninterruptedRun() throws Exception {
        Path whole = d.resolve("whole");
        PinnProcess.Result uninterrupted =
                PinnProcess.run(d, "run", "burgers", "--quick", "--threads", "2", "--out", whole.toString());
        assertEquals(0, uninterrupted.code(), uninterrupted.toString());

        Path dir = d.resolve("term");
        Process p = startTraining("term", dir, false);
        p.destroy(); // SIGTERM to the launcher, which passes it on to java
        stoppedRun(p, "term", dir, 143);

        PinnProcess.Result resumed = PinnProcess.run(d, "run", "burgers", "--quick", "--resume", dir.toString());
        assertEquals(0, resumed.code(), resumed.toString());
        assertArrayEquals(
                Files.readAllBytes(whole.resolve("model.json")),
                Files.readAllBytes(dir.resolve("model.json")),
                "the resumed run ends with the uninterrupted run's model");
        assertFalse(Files.exists(dir.resolve(RunCheckpoint.CHECKPOINT_FILE)), "nothing left to resume");
    }

    @Test
    void sigtermStopsAValidationAfterTheProblemInTraining() throws Exception {
        Path dir = d.resolve("validate");
        Process p = PinnProcess.startLauncher(
                d,
                "validate",
                false,
                "validate",
                "--quick",
                "--problems",
                "burgers,poisson-1d",
                "--out",
                dir.toString());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        // validate prints no step lines: the signal comes as burgers starts (its reference is computed first)
        while (p.isAlive() && !err("validate").contains("[1/2] burgers: training") && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "still at burgers when the signal is sent: " + err("validate"));
        p.destroy();
        assertTrue(p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS), err("validate"));
        String err = err("validate");
        assertEquals(143, p.exitValue(), err);
        List<String> lines = err.lines().toList();
        assertEquals(
                "pinn validate: stopped on a signal after 1 problem(s); " + dir.resolve("report.md")
                        + " lists them, and a stopped problem continues with pinn run <problem> --quick --resume "
                        + dir.resolve("<problem>"),
                lines.get(lines.size() - 1),
                err);
        assertTrue(lines.contains("stopped: the 1 problem(s) after burgers were not run"), err);
        assertTrue(Files.isRegularFile(dir.resolve("burgers").resolve(RunCheckpoint.CHECKPOINT_FILE)), err);
        assertFalse(Files.exists(dir.resolve("poisson-1d")), "the problem after the signal was not run");
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(
                Pattern.compile("\\| stopped: stopped on request after step [0-9]+ of 1000; saved to checkpoint ")
                        .matcher(report)
                        .find(),
                report);
    }

    @Test
    void ctrlCSavesTheRunAndExits130() throws Exception {
        Assumptions.assumeTrue(
                new ProcessBuilder("setsid", "true").start().waitFor() == 0, "no setsid here to make a process group");
        Path dir = d.resolve("int");
        Process p = startTraining("int", dir, true);
        // Ctrl-C: SIGINT to every process of the foreground group (launcher, java, stderr filter); setsid made the
        // launcher the leader of a group of its own, whose id is its pid
        Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).start();
        assertEquals(0, kill.waitFor());
        stoppedRun(p, "int", dir, 130);
    }
}
