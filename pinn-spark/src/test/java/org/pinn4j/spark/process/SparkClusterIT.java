package org.pinn4j.spark.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pinn4j.spark.SparkSweep;

/**
 * A Spark standalone master and two workers as separate processes on 127.0.0.1, started from Spark's own jars (no
 * pinn4j class: the executors get pinn-spark.jar through spark.jars, as on a real cluster), and {@code ./pinn sweep
 * --master spark://...} against them: the rows equal local mode's but for the times, also when an executor JVM is
 * killed in the middle. Everything started is stopped afterwards, and no process is left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkClusterIT {
    private Path dir;
    private Path sparkHome;
    private String master;
    private final List<Process> daemons = new ArrayList<>();

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process daemon(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                sparkHome.resolve("jars").toString() + "/*"));
        cmd.addAll(List.of(SparkSweep.EXECUTOR_JAVA_OPTIONS.split(" ")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        // the worker builds each executor's command from SPARK_HOME/jars, like an installation's
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        daemons.add(p);
        return p;
    }

    private boolean logSays(String name, String text, int times, long seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Path log = dir.resolve(name + ".log");
            if (Files.exists(log)) {
                String s = Files.readString(log);
                int n = 0;
                for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
                    n++;
                }
                if (n >= times) {
                    return true;
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    @BeforeAll
    void startCluster() throws Exception {
        dir = Files.createTempDirectory("pinn-spark-cluster");
        sparkHome = dir.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        String classpath = Files.readString(Path.of(System.getProperty("spark.classpath.file")))
                .strip();
        for (String jar : classpath.split(java.io.File.pathSeparator)) {
            Path j = Path.of(jar);
            Files.createSymbolicLink(sparkHome.resolve("jars").resolve(j.getFileName()), j);
        }
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        daemon(
                "master",
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--webui-port",
                Integer.toString(freePort()));
        Assumptions.assumeTrue(
                logSays("master", "I have been elected leader", 1, 60),
                "SKIPPED: the Spark master did not start on 127.0.0.1:" + port + " within 60 s (see "
                        + dir.resolve("master.log") + ")");
        for (int w = 1; w <= 2; w++) {
            daemon(
                    "worker" + w,
                    "org.apache.spark.deploy.worker.Worker",
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "1g",
                    "--webui-port",
                    Integer.toString(freePort()),
                    "--work-dir",
                    dir.resolve("work" + w).toString(),
                    master);
        }
        Assumptions.assumeTrue(
                logSays("master", "Registering worker", 2, 60),
                "SKIPPED: two Spark workers did not register with " + master + " within 60 s (see " + dir + ")");
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (Process p : daemons) {
            p.destroy();
        }
        for (Process p : daemons) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        // the workers' executors end with them: nothing started here may outlive the test
        long end = System.nanoTime() + 30_000_000_000L;
        while (!leftOver().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), leftOver(), "processes left behind");
        // each executor kept its copy of pinn-spark.jar in its worker's directory: ~250 MB apiece
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Processes whose command line names this test's directory (daemons, executors). */
    private List<String> leftOver() {
        String mark = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(mark)).orElse(false))
                .map(h -> h.pid() + " " + h.info().commandLine().orElse(""))
                .toList();
    }

    private List<ProcessHandle> executors() {
        String mark = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(h -> h.info()
                        .commandLine()
                        .map(c -> c.contains("CoarseGrainedExecutorBackend") && c.contains(mark))
                        .orElse(false))
                .toList();
    }

    private static final String[] SWEEP = {
        "sweep", "burgers", "--quick", "--param", "width=8,12", "--param", "steps=100", "--seeds", "2"
    };

    private static String[] args(String masterUrl, Path out) {
        List<String> a = new ArrayList<>(List.of(SWEEP));
        a.addAll(List.of("--master", masterUrl, "--out", out.toString()));
        return a.toArray(new String[0]);
    }

    private Path localReference() throws Exception {
        Path local = dir.resolve("local");
        if (!Files.exists(local.resolve("sweep.csv"))) {
            SweepLauncherIT.Result r = SweepLauncherIT.pinn(dir, args("local[2]", local));
            assertEquals(0, r.code(), r.toString());
        }
        return local;
    }

    @Test
    void theSweepOnTheClusterGivesLocalModesRows() throws Exception {
        Path out = dir.resolve("cluster");
        SweepLauncherIT.Result r = SweepLauncherIT.pinn(dir, args(master, out));
        assertEquals(0, r.code(), r.toString());
        Path local = localReference();
        assertEquals(5, SweepLauncherIT.rowsWithoutTime(out).size());
        assertEquals(SweepLauncherIT.rowsWithoutTime(local), SweepLauncherIT.rowsWithoutTime(out));
        try (var tasks = Files.list(local.resolve("tasks"))) {
            for (Path t : tasks.toList()) {
                assertEquals(
                        Files.readString(t.resolve("model.json")),
                        Files.readString(
                                out.resolve("tasks").resolve(t.getFileName()).resolve("model.json")),
                        t.getFileName().toString());
            }
        }
    }

    @Test
    void aKilledExecutorsTasksAreTrainedAgainElsewhere() throws Exception {
        Path out = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("pinn.launcher")));
        cmd.addAll(List.of(args(master, out)));
        Process sweep = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("killed.out").toFile())
                .redirectError(dir.resolve("killed.err").toFile())
                .start();
        // wait until both executors run and a task is in training, then kill one executor's JVM
        Optional<ProcessHandle> victim = Optional.empty();
        long end = System.nanoTime() + 120_000_000_000L;
        while (victim.isEmpty() && System.nanoTime() < end && sweep.isAlive()) {
            List<ProcessHandle> running = executors();
            if (running.size() == 2 && Files.isDirectory(out.resolve("tasks"))) {
                try (var tasks = Files.list(out.resolve("tasks"))) {
                    if (tasks.findAny().isPresent()) {
                        victim = Optional.of(running.get(0));
                    }
                }
            }
            Thread.sleep(50);
        }
        assertTrue(victim.isPresent(), "no executor was seen training; sweep alive: " + sweep.isAlive());
        victim.get().destroyForcibly();
        assertTrue(sweep.waitFor(300, TimeUnit.SECONDS), "the sweep did not end");
        assertEquals(
                0,
                sweep.exitValue(),
                Files.readString(dir.resolve("killed.out")) + Files.readString(dir.resolve("killed.err")));
        assertEquals(SweepLauncherIT.rowsWithoutTime(localReference()), SweepLauncherIT.rowsWithoutTime(out));
    }
}
