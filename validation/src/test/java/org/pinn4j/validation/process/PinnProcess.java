package org.pinn4j.validation.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code pinn} command as a separate process, as {@code ./pinn} does (its java line: the Vector API
 * module, {@code PinnCli} as main class), on the test class path, so that exit codes, real stdout and stderr
 * file descriptors and their write errors are what a user's shell sees.
 */
final class PinnProcess {
    private static final String MAIN = "org.pinn4j.validation.cli.PinnCli";
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

    /** Runs {@code pinn args...} in {@code dir} with stdout and stderr captured. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, null, List.of(), args);
    }

    /**
     * Runs {@code pinn args...} in {@code dir}; stdout goes to {@code stdout} when given (e.g. /dev/full),
     * else it is captured. {@code jvmOptions} go before the main class (e.g. -Xmx256m).
     */
    static Result run(Path dir, File stdout, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector"));
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
            cmd.add("-Xmx512m");
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
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
            String errText = Files.readString(err)
                    .lines()
                    .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector"))
                    .map(l -> l + "\n")
                    .reduce("", String::concat);
            return new Result(p.exitValue(), Files.readString(out), errText);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
