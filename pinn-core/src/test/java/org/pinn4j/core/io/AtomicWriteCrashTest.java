package org.pinn4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of a write never leaves a broken file in place of a good one: a child JVM
 * rewrites one 8 MB file through {@link AtomicFiles} in a loop, alternating two complete contents, and
 * is killed with SIGKILL ({@link Process#destroyForcibly()}) at seeded random moments. After every kill
 * the file must be exactly one of the two contents. (8 MB takes several milliseconds to write and the
 * child does nothing else, so kills land inside a write; the temporary files left behind count them.)
 */
class AtomicWriteCrashTest {
    private static final int SIZE = 8 << 20;
    private static final int KILLS = 6;

    /** Child process: rewrites args[0] forever with contents 'A' and 'B' in turn; prints "ready" after the first. */
    public static void main(String[] args) {
        Path target = Paths.get(args[0]);
        byte[] a = content('A');
        byte[] b = content('B');
        AtomicFiles.write(target, a);
        System.out.println("ready");
        System.out.flush();
        for (long k = 1; ; k++) {
            AtomicFiles.write(target, k % 2 == 0 ? a : b);
        }
    }

    static byte[] content(char c) {
        byte[] bytes = new byte[SIZE];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    @Test
    void aKilledWriterLeavesEitherTheOldOrTheNewFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.json");
        byte[] a = content('A');
        byte[] b = content('B');
        SplittableRandom rnd = new SplittableRandom(20261201);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        for (int kill = 0; kill < KILLS; kill++) {
            Process p = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            AtomicWriteCrashTest.class.getName(),
                            target.toString())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("ready", out.readLine(), "child did not start");
                Thread.sleep(20 + rnd.nextInt(300));
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not die");
            }
            byte[] now = Files.readAllBytes(target);
            assertTrue(
                    Arrays.equals(now, a) || Arrays.equals(now, b),
                    "kill " + kill + ": the file is neither complete content (" + now.length + " bytes)");
        }
        // each kill inside a write leaves its temporary file behind: proof the kills hit writes in progress
        long leftovers;
        try (var files = Files.list(dir)) {
            leftovers = files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .count();
        }
        System.out.println("atomic write: " + KILLS + " SIGKILLs, " + leftovers
                + " inside a write (temporary file left), target always complete");
        assertTrue(leftovers >= 1, "no kill landed inside a write; the test did not exercise a crash mid-write");
        // the clean-up a new run does removes exactly those temporary files, and nothing else
        Path unrelated = dir.resolve("notes.tmp");
        Files.writeString(unrelated, "not ours");
        assertEquals(leftovers, AtomicFiles.removeLeftovers(dir));
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of("notes.tmp", target.getFileName().toString()).stream()
                            .sorted()
                            .collect(Collectors.toList()),
                    files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }
}
