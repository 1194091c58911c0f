package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.pinn4j.problems.BenchmarkProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pinn list}: one line per catalogue problem: name, equation, reference kind, published figure, recipes. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        customSynopsis = "pinn list",
        description =
                "List the benchmark problems: name, equation, reference solution, published figure, recipe names.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    PinnCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BenchmarkProblem> all = parent.problems.all();
        int width = all.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (BenchmarkProblem p : all) {
            out.println(String.format(
                    "%-" + width + "s  %s  [reference: %s; published: %s; recipes: %s%s]",
                    p.name(),
                    p.equation(),
                    p.referenceKind(),
                    p.publishedFigure(),
                    String.join(", ", p.recipes().keySet()),
                    p.parameters().isEmpty() ? "" : "; parameters: " + p.describeParameters()));
        }
        out.flush();
        return PinnCli.OK;
    }
}
