package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.validation.runner.RunDirectory;

/**
 * A disk that fills up while a run writes its charts, with real {@code pinn run} processes: one line naming the
 * chart file and the disk's own reason, exit 1, no stack trace (it used to be a JDK stack trace from ImageIO's
 * cache-file closer, and exit 0), the previous set of outputs whole, no temporary file left. Once through the
 * simulated disk of {@code AtomicFiles} ({@code -Dpinn4j.test.diskBytes}), once on a real tmpfs that also holds
 * the JVM's {@code java.io.tmpdir} (where ImageIO used to put its cache files), where the test can mount one.
 */
class ChartsOnFullDiskIT {
    @TempDir
    Path d;

    private static List<String> everything(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static void assertOneLineNoStackTrace(PinnProcess.Result r, Path dir, String reason) {
        assertEquals(1, r.code(), r.toString());
        List<String> lines = r.errLines();
        String last = lines.get(lines.size() - 1);
        Pattern expected = Pattern.compile("pinn run: cannot write " + Pattern.quote(dir.toString())
                + "/[a-z_0-9.]+\\.(png|svg): " + Pattern.quote(reason));
        assertTrue(expected.matcher(last).matches(), "last line names the chart and the reason: " + r);
        for (String line : lines) {
            assertTrue(!line.startsWith("\tat ") && !line.contains("Exception"), "no stack trace: " + r);
        }
    }

    @Test
    void simulatedFullDiskWhileChartsAreWrittenKeepsThePreviousSet() throws Exception {
        Path dir = d.resolve("charts");
        PinnProcess.Result first = PinnProcess.run(d, "run", "poisson-1d", "--quick", "--out", dir.toString());
        assertEquals(0, first.code(), first.toString());
        TreeMap<String, Integer> before = PinnProcess.contents(dir);
        long data = Files.size(dir.resolve("model.json")) + Files.size(dir.resolve("history.csv"));
        assertTrue(Files.size(dir.resolve("prediction.png")) > 10_000, "the first chart does not fit in the slack");
        // another seed gives another set; the disk takes model.json and history.csv (their sizes vary by a few
        // digits with the seed) and fills up in the first chart
        PinnProcess.Result r = PinnProcess.quickRunOnDisk(d, data + 3000, dir);
        assertOneLineNoStackTrace(r, dir, "No space left on device (simulated: -Dpinn4j.test.diskBytes)");
        assertEquals(
                before,
                PinnProcess.contents(dir),
                "every file of the previous set is as it was, and nothing was added");
        assertTrue(
                everything(dir).stream().noneMatch(f -> f.endsWith(".tmp")),
                "no temporary file left: " + everything(dir));
    }

    @Test
    void realFullDiskWhileChartsAreWritten() throws Exception {
        // 192 KB: the run's model.json (~12 KB) and history.csv (~85 KB) fit, its charts (~1.7 MB) do not
        Path mnt = d.resolve("tmpfs");
        PinnProcess.mountTmpfsOrSkip(mnt, "192k", "real full-disk chart case");
        try {
            Path dir = mnt.resolve("run");
            PinnProcess.Result r = PinnProcess.run(
                    d,
                    null,
                    List.of("-Djava.io.tmpdir=" + mnt),
                    "run",
                    "poisson-1d",
                    "--quick",
                    "--out",
                    dir.toString());
            assertOneLineNoStackTrace(r, dir, "No space left on device");
            assertEquals(List.of("", "run", "run/" + RunDirectory.LOCK_FILE), everything(mnt), "nothing left");
        } finally {
            PinnProcess.unmount(mnt);
        }
    }
}
