package org.pinn4j.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.validation.cli.PinnCli;

/** {@code pinn sweep} as pinn-spark.jar runs it: the grid from --param lists, rows, progress, refusals. */
class SweepCommandTest {
    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {}

    private static Outcome sweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = PinnCli.execute(
                all, new PrintWriter(out, true), new PrintWriter(err, true), Map.of("sweep", new SweepCommand()));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** poisson-1d --quick, widths 8 and 12, 40 L-BFGS iterations, seeds 0 and 1, on local[2]. */
    private static Outcome fourTasks(Path out) {
        return sweep(
                "poisson-1d",
                "--quick",
                "--param",
                "width=8,12",
                "--param",
                "steps=40",
                "--seeds",
                "2",
                "--master",
                "local[2]",
                "--out",
                out.toString());
    }

    @Test
    void aGridOfTwoValuesAndTwoSeedsIsFourRows() throws Exception {
        Path out = tmp.resolve("s");
        Outcome o = fourTasks(out);
        assertEquals(0, o.code(), o.toString());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(5, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith("width-8_steps-40_seed-0,poisson-1d,quick,8,40,0,"), csv.get(1));
        assertTrue(o.out().strip().endsWith("sweep poisson-1d tasks=4 ok=4 failed=0 other=0"), o.out());
        assertTrue(
                o.err().startsWith("sweep poisson-1d: 4 task(s) on local[2], 1 thread(s) each, into " + out), o.err());
        assertTrue(o.err().contains("sweep poisson-1d: 4/4 tasks done (0 failed)"), o.err());

        // again on the same output: nothing to train, said on stderr
        Outcome again = fourTasks(out);
        assertEquals(0, again.code(), again.toString());
        assertTrue(
                again.err().contains("4 of 4 task(s) finished in " + out + " before; they are not trained again"),
                again.err());
        assertEquals(csv, Files.readAllLines(out.resolve("sweep.csv")));
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() {
        String[][] cases = {
            {"poisson-1d", "--param", "wdth=1,2"},
            {"poisson-1d", "--param", "width=8,x"},
            {"poisson-1d", "--param", "width"},
            {"poisson-1d", "--param", "width=8", "--param", "width=9"},
            {"poisson-1d", "--param", "width=2.5"},
            {"burgers", "--param", "nu=7"},
            {"nope"},
            {"poisson-1d", "--master", "yarn"},
            {"poisson-1d", "--master", "local[2]", "--threads-per-task", "3"},
            {"poisson-1d", "--seeds", "0"},
            {"poisson-1d", "--quick", "--recipe", "default"},
            {"poisson-1d", "--checkpoint-every", "0"}
        };
        String[] expected = {
            "has no parameter 'wdth'; it has none of its own; every problem takes width",
            "'x' is not a number; expected NAME=V1,V2,...",
            "expected NAME=V1,V2,...",
            "is given twice",
            "expected a whole number in [1, 4096]",
            "outside its range",
            "unknown problem 'nope'",
            "expected local[*], local[N] or spark://HOST:PORT",
            "threads per task (3) exceed the local master's 2 core(s)",
            "--seeds must be >= 1",
            "--quick means --recipe quick",
            "--checkpoint-every must be >= 1 step"
        };
        for (int i = 0; i < cases.length; i++) {
            Path out = tmp.resolve("bad" + i);
            String[] args = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(cases[i]), java.util.stream.Stream.of("--out", out.toString()))
                    .toArray(String[]::new);
            Outcome o = sweep(args);
            assertEquals(2, o.code(), o.toString());
            assertEquals(1, o.err().strip().lines().count(), o.toString());
            assertTrue(o.err().startsWith("pinn sweep: ") && o.err().contains(expected[i]), o.toString());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", cases[i]));
        }
    }
}
