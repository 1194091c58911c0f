package org.pinn4j.spark.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./pinn sweep} through the real launcher, as a user runs it: pinn-spark.jar, Spark's flags, quiet logs. */
class SweepLauncherIT {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result pinn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("pinn.launcher")));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./pinn " + String.join(" ", args) + " did not end in 300 s");
        }
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** sweep.csv without its seconds column: what two runs of one sweep must agree on. */
    static List<String> rowsWithoutTime(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(seconds);
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    @Test
    void aSweepThroughTheLauncherWritesItsRowsWithOnlyItsOwnLinesOnStderr() throws Exception {
        Result r = pinn(
                tmp,
                "sweep",
                "poisson-1d",
                "--quick",
                "--param",
                "width=8,12",
                "--param",
                "steps=30",
                "--master",
                "local[2]",
                "--out",
                "sw");
        assertEquals(0, r.code(), r.toString());
        List<String> out = r.out().strip().lines().toList();
        assertEquals("sweep poisson-1d tasks=2 ok=2 failed=0 other=0", out.get(out.size() - 1), r.out());
        for (String line : r.err().strip().lines().toList()) {
            // no JVM incubator notice, no Spark log line: only the sweep's own progress
            assertTrue(line.startsWith("sweep poisson-1d: "), "unexpected stderr line: " + line);
        }
        assertTrue(r.err().contains("sweep poisson-1d: 2/2 tasks done (0 failed)"), r.err());
        List<String> csv = Files.readAllLines(tmp.resolve("sw/sweep.csv"));
        assertEquals(3, csv.size(), csv.toString());
        for (String f : List.of("report.md", "index.html", "tasks/width-12_steps-30_seed-0/model.json")) {
            assertTrue(Files.isRegularFile(tmp.resolve("sw").resolve(f)), f);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Result r = pinn(tmp, "sweep", "poisson-1d", "--param", "nu=0.1,0.2", "--out", "bad");
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertTrue(r.err().startsWith("pinn sweep: problem 'poisson-1d' has no parameter 'nu'"), r.err());
        assertTrue(Files.notExists(tmp.resolve("bad")));
    }
}
