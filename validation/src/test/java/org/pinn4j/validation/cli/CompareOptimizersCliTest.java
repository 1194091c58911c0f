package org.pinn4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.OptimizerComparison;
import org.pinn4j.validation.runner.TestProblems;

class CompareOptimizersCliTest {
    @TempDir
    Path tmp;

    private static final List<BenchmarkProblem> PROBLEMS = List.of(
            TestProblems.cheapPoissonQuasiNewton("poisson-qn", 30, 20), TestProblems.cheapPoisson("adam-only", 10));

    @Test
    void comparesTheMethodsAndSaysWhereTheFilesAre() {
        Path out = tmp.resolve("cmp");
        Cli.Outcome o = Cli.runWith(
                PROBLEMS,
                "compare-optimizers",
                "poisson-qn",
                "--methods",
                "ssbroyden,lbfgs",
                "--threads",
                "2",
                "--out",
                out.toString());
        assertEquals(0, o.code(), o.toString());
        List<String> lines = o.outLines();
        assertEquals(3, lines.size(), o.toString());
        assertTrue(lines.get(0).startsWith("ssbroyden: rel L2 "), o.toString());
        assertTrue(lines.get(1).startsWith("lbfgs: rel L2 "), o.toString());
        assertTrue(lines.get(2).startsWith("wrote " + out.resolve(OptimizerComparison.CURVES_FILE)), o.toString());
        assertTrue(Files.isRegularFile(out.resolve(OptimizerComparison.CURVES_FILE)));
        assertTrue(Files.isRegularFile(out.resolve("ssbroyden").resolve("model.json")));
        assertTrue(o.err().contains("compare-optimizers ssbroyden (1 of 2)"), o.toString());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] cases = {
            {"--budget", "0"},
            {"--budget", "-3"},
            {"--methods", "lbfgs,newton"},
            {"--methods", "bfgs,bfgs"},
            {"--quick", "--recipe", "default"},
            {"--recipe", "nope"},
            {"--threads", "0"}
        };
        String[] expected = {"--budget", "--budget", "newton", "twice", "--quick", "nope", "--threads"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 4];
            args[0] = "compare-optimizers";
            args[1] = "poisson-qn";
            args[2] = "--out";
            args[3] = tmp.resolve("bad" + i).toString();
            System.arraycopy(cases[i], 0, args, 4, cases[i].length);
            Cli.Outcome o = Cli.runWith(PROBLEMS, args);
            assertEquals(2, o.code(), String.join(" ", args) + "\n" + o);
            assertEquals(1, o.errLines().size(), o.toString());
            assertTrue(o.err().startsWith("pinn compare-optimizers: "), o.toString());
            assertTrue(o.err().contains(expected[i]), o.toString());
            assertTrue(Files.notExists(tmp.resolve("bad" + i)), "nothing created for " + String.join(" ", args));
        }
        Cli.Outcome o = Cli.runWith(
                PROBLEMS,
                "compare-optimizers",
                "adam-only",
                "--out",
                tmp.resolve("a").toString());
        assertEquals(2, o.code(), o.toString());
        assertTrue(o.err().contains("compares a final lbfgs, bfgs, ssbroyden or lm phase"), o.toString());
    }
}
