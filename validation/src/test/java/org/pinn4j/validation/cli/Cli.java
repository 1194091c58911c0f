package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.RunArtifacts;

/** Runs the command line in-process with captured streams. */
final class Cli {
    private Cli() {}

    /** Exit code and captured output of one invocation. */
    record Outcome(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
        }

        String lastOutLine() {
            List<String> l = outLines();
            return l.isEmpty() ? "" : l.get(l.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Over the real catalogue. */
    static Outcome run(String... args) {
        return run(new PinnCli(ProblemSource.catalogue(), RunArtifacts.none()), args);
    }

    /** Over the given problems only. */
    static Outcome runWith(List<BenchmarkProblem> problems, String... args) {
        ProblemSource source = new ProblemSource() {
            @Override
            public List<BenchmarkProblem> all() {
                return problems;
            }

            @Override
            public BenchmarkProblem get(String name) {
                return problems.stream()
                        .filter(p -> p.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown problem '" + name + "'"));
            }
        };
        return run(new PinnCli(source, RunArtifacts.none()), args);
    }

    private static Outcome run(PinnCli app, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PinnCli.execute(app, args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }
}
