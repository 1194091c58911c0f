package org.pinn4j.spark.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pinn sweep} stopped by SIGTERM while its tasks train: they finish their step and save their checkpoint,
 * the command says so and exits 143; the same command then continues the sweep to the rows and models of an
 * uninterrupted one.
 */
class SweepSignalIT {
    @TempDir
    Path tmp;

    private static final String[] SWEEP = {
        "sweep", "burgers", "--quick", "--param", "width=8,12", "--param", "steps=3000", "--master", "local[2]"
    };

    private static String[] into(String out) {
        List<String> a = new ArrayList<>(List.of(SWEEP));
        a.addAll(List.of("--out", out));
        return a.toArray(new String[0]);
    }

    @Test
    void aStoppedSweepSavesItsTasksAndTheSameCommandContinuesIt() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("pinn.launcher")));
        cmd.addAll(List.of(into("sw")));
        Process p = new ProcessBuilder(cmd)
                .directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
        Path tasks = tmp.resolve("sw/tasks");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < end) {
            if (Files.isDirectory(tasks)) {
                try (var dirs = Files.list(tasks)) {
                    if (dirs.count() == 2) {
                        break;
                    }
                }
            }
            Thread.sleep(50);
        }
        Thread.sleep(1000); // both tasks a second into training (of about ten)
        assertTrue(p.isAlive(), "the sweep ended before the signal: " + Files.readString(tmp.resolve("err.txt")));
        p.destroy(); // SIGTERM to the launcher, which passes it on
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the sweep did not end after the signal");
        String err = Files.readString(tmp.resolve("err.txt"));
        assertEquals(143, p.exitValue(), err);
        assertTrue(err.contains("pinn sweep: stopping: finishing the current step"), err);
        assertTrue(err.contains("pinn sweep: stopped on a signal: "), err);
        int saved = 0;
        try (var dirs = Files.list(tasks)) {
            for (Path d : dirs.toList()) {
                String row = Files.readString(d.resolve("row.json"));
                if (row.contains("\"interrupted\"")) {
                    assertTrue(row.contains("its checkpoint continues it when the sweep runs again"), row);
                    assertTrue(Files.exists(d.resolve("checkpoint.json")), d.toString());
                    saved++;
                }
            }
        }
        assertTrue(saved >= 1, "no task was stopped in training: " + err);

        SweepLauncherIT.Result again = SweepLauncherIT.pinn(tmp, into("sw"));
        assertEquals(0, again.code(), again.toString());
        SweepLauncherIT.Result whole = SweepLauncherIT.pinn(tmp, into("whole"));
        assertEquals(0, whole.code(), whole.toString());
        assertEquals(
                SweepLauncherIT.rowsWithoutTime(tmp.resolve("whole")),
                SweepLauncherIT.rowsWithoutTime(tmp.resolve("sw")));
        for (String task : List.of("width-8_steps-3000_seed-0", "width-12_steps-3000_seed-0")) {
            assertEquals(
                    Files.readString(tmp.resolve("whole/tasks").resolve(task).resolve("model.json")),
                    Files.readString(tasks.resolve(task).resolve("model.json")),
                    task);
        }
    }
}
