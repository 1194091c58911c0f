package org.pinn4j.validation.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pinn4j.validation.runner.RunDirectory;

/**
 * Runs the real {@code ./pinn} launcher as a separate process, as a user's shell does, so that exit codes,
 * real stdout and stderr file descriptors and their write errors are what the user sees. Used by the {@code *IT}
 * tests, which Maven runs after {@code package} has built the launcher's jar (the property {@code pinn.launcher}
 * names the script).
 */
final class PinnProcess {
    /** Guard against a hung child (not a speed measurement: every command here takes seconds). */
    private static final long GUARD_SECONDS = 300;

    private PinnProcess() {}

    /** Exit code and what the process wrote to stdout (when captured) and stderr. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Trains {@code problem} with {@code pinn run --quick} into {@code dir/out} and returns its model file. */
    static Path quickModel(Path dir, String problem, String out) throws IOException, InterruptedException {
        Result run = run(dir, "run", problem, "--quick", "--out", out);
        if (run.code() != 0) {
            throw new AssertionError("pinn run " + problem + " --quick failed: " + run);
        }
        return dir.resolve(out).resolve("model.json");
    }

    /**
     * Starts the command line in a JVM of its own, in the background (no launcher in between, so SIGKILL reaches
     * it), stdout and stderr to {@code dir/<name>.out} and {@code .err}.
     */
    static Process startJvm(Path dir, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                "org.pinn4j.validation.cli.PinnCli"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    /**
     * Starts the real ./pinn launcher in the background in {@code dir}, stdout and stderr to {@code dir/<name>.out}
     * and {@code .err}; with {@code ownGroup} in a process group of its own (through setsid), as a shell starts a
     * foreground job, so that a terminal's Ctrl-C can be sent to the whole group.
     */
    static Process startLauncher(Path dir, String name, boolean ownGroup, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (ownGroup) {
            cmd.add("setsid");
        }
        cmd.addAll(List.of("bash", System.getProperty("pinn.launcher")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PINN_JAVA_OPTS", "-Xmx512m");
        return pb.directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    /** Every regular file under {@code dir} (but the lock, whose pid changes) with a hash of its bytes, by path. */
    static java.util.TreeMap<String, Integer> contents(Path dir) throws IOException {
        java.util.TreeMap<String, Integer> m = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(RunDirectory.LOCK_FILE))
                    .toList()) {
                m.put(dir.relativize(f).toString(), Arrays.hashCode(Files.readAllBytes(f)));
            }
        }
        return m;
    }

    /**
     * {@code pinn run poisson-1d --quick --seed 5 --out out} in {@code dir} on a simulated disk that takes {@code
     * bytes} (the seam of AtomicFiles); another seed than a first run's, so another set of outputs.
     */
    static Result quickRunOnDisk(Path dir, long bytes, Path out) throws IOException, InterruptedException {
        return run(
                dir,
                null,
                List.of("-Dpinn4j.test.diskBytes=" + bytes),
                "run",
                "poisson-1d",
                "--quick",
                "--seed",
                "5",
                "--out",
                out.toString());
    }

    /**
     * Mounts a tmpfs of {@code size} (e.g. 64k) on {@code mnt}, or skips the test, saying why, where the machine
     * does not let it (root, no container restriction needed); {@code what} names the case in that line.
     */
    static void mountTmpfsOrSkip(Path mnt, String size, String what) throws IOException, InterruptedException {
        Files.createDirectories(mnt);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mnt.toString())
                .redirectErrorStream(true)
                .start();
        String why = new String(mount.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (mount.waitFor() != 0) {
            System.out.println(what + " skipped: cannot mount a tmpfs here (" + why.strip() + ")");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.exitValue() == 0, "cannot mount a tmpfs");
    }

    /** Unmounts what {@link #mountTmpfsOrSkip} mounted. */
    static void unmount(Path mnt) throws IOException, InterruptedException {
        new ProcessBuilder("umount", mnt.toString()).start().waitFor();
    }

    /** Runs {@code pinn args...} in {@code dir} with stdout and stderr captured. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, null, List.of(), args);
    }

    /**
     * Runs {@code pinn args...} in {@code dir}; stdout goes to {@code stdout} when given (e.g. /dev/full),
     * else it is captured. {@code jvmOptions} go to the JVM through PINN_JAVA_OPTS (e.g. -Xmx256m; -Xmx512m
     * unless given).
     */
    static Result run(Path dir, File stdout, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        String launcher = System.getProperty("pinn.launcher");
        if (launcher == null || !Files.isRegularFile(Path.of(launcher))) {
            throw new AssertionError("system property pinn.launcher must name the ./pinn script; got " + launcher);
        }
        List<String> cmd = new ArrayList<>(List.of("bash", launcher));
        cmd.addAll(List.of(args));
        List<String> options = new ArrayList<>(jvmOptions);
        if (options.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
            options.add("-Xmx512m");
        }
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("PINN_JAVA_OPTS", String.join(" ", options));
            Process p = pb.directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(
                            stdout != null
                                    ? ProcessBuilder.Redirect.appendTo(stdout)
                                    : ProcessBuilder.Redirect.to(out.toFile()))
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("pinn " + String.join(" ", args) + " did not end in " + GUARD_SECONDS + " s");
            }
            String errText = Files.readString(err);
            return new Result(p.exitValue(), Files.readString(out), errText);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
