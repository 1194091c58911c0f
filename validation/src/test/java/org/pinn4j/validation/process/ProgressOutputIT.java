package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code pinn run} prints while it trains, through the real launcher: with stderr to a file (CI, pipes, logs)
 * the plain step lines of every release so far, one every 100 steps and nothing redrawn; on a terminal (a pseudo
 * terminal made by {@code script}) one progress bar line redrawn in place with carriage returns.
 */
class ProgressOutputIT {
    @TempDir
    Path d;

    /** The step line of ProgressPrinter for poisson-1d: step, phase, each term, total, elapsed, ETA. */
    private static final Pattern STEP = Pattern.compile(
            "step ([0-9]+)/1000 (adam|lbfgs) pde=\\S+ bc=\\S+ total=\\S+" + " elapsed=[0-9.]+s eta=[0-9]+s");

    @Test
    void stderrToAFileGetsTheStepLines() throws Exception {
        PinnProcess.Result r = PinnProcess.run(
                d, "run", "poisson-1d", "--quick", "--out", d.resolve("run").toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.err().contains("\r"), "nothing redrawn: " + r);
        List<String> lines = r.errLines();
        assertTrue(lines.get(0).startsWith("training poisson-1d (recipe quick, "), r.toString());
        List<Integer> steps = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            var m = STEP.matcher(line);
            if (m.matches()) {
                steps.add(Integer.parseInt(m.group(1)));
            } else {
                assertTrue(line.startsWith("phase "), "a step or phase line: '" + line + "' in " + r);
            }
        }
        assertEquals(List.of(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000), steps, r.toString());
        assertEquals(3, lines.size() - 1 - steps.size(), "two phase starts and the L-BFGS phase's end: " + r);
    }

    @Test
    void aTerminalGetsOneRedrawnBar() throws Exception {
        Assumptions.assumeTrue(
                new ProcessBuilder("script", "--version").start().waitFor() == 0, "no script(1) for a terminal");
        String command = "bash " + System.getProperty("pinn.launcher") + " run poisson-1d --quick --out "
                + d.resolve("tty") + " 2>&1 >/dev/null";
        Process p = new ProcessBuilder("script", "-qfec", command, "/dev/null")
                .directory(d.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("\r"), "the bar is redrawn in place: " + out);
        assertTrue(out.contains("poisson-1d 100% [") && out.contains("1000/1000"), "the bar reaches the end: " + out);
        assertTrue(out.contains("lbfgs loss "), out);
        assertFalse(STEP.matcher(out).find(), "no step lines on a terminal: " + out);
        assertFalse(out.contains("jdk.incubator.vector"), "the JVM's notice is dropped: " + out);
    }
}
