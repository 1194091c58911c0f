package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.Runner;
import org.pinn4j.validation.runner.Validation;
import org.pinn4j.validation.runner.ValidationEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pinn validate}: runs the catalogue (each problem into DIR/&lt;problem&gt;) and writes DIR/report.md
 * and DIR/index.html. A progress line per problem goes to stderr, each result line to stdout.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        customSynopsis = "pinn validate [--quick] [--out DIR] [--problems NAME,...] [--threads N]",
        description =
                "Run every catalogue problem and write report.md and index.html comparing with the published figures.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    PinnCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = "--quick", description = "Reduced budgets.")
    boolean quick;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "runs/validate",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--problems",
            paramLabel = "NAME",
            split = ",",
            description = "Only these problems (default: the whole catalogue).")
    List<String> only;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads per run; results do not depend on it (default: the number of processors).")
    Integer threads;

    @Override
    public Integer call() {
        Checks.positive(spec, "--threads", threads);
        List<BenchmarkProblem> problems = new ArrayList<>();
        if (only == null) {
            problems.addAll(parent.problems.all());
        } else {
            if (only.isEmpty() || only.stream().anyMatch(String::isBlank)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "--problems has an empty name in '" + String.join(",", only)
                                + "'; expected names separated by commas, e.g. --problems burgers,poisson-1d");
            }
            // a name given twice trains once
            for (String name : new java.util.LinkedHashSet<>(
                    only.stream().map(String::strip).toList())) {
                problems.add(parent.problems.get(name));
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SignalStop signal = SignalStop.install(err, spec.qualifiedName())) {
            List<ValidationEntry> entries = new Validation(new Runner(parent.artifacts))
                    .run(
                            problems,
                            out,
                            quick,
                            OptionalInt.of(threads != null ? threads : Checks.processors()),
                            line -> {
                                err.println(line);
                                err.flush();
                            },
                            signal.request(),
                            task -> ProgressBarLine.wanted()
                                    ? new ProgressBarLine(System.err, ProgressBarLine.columns(), task, false)
                                    : null);
            return report(entries, signal.requested(), stdout, err);
        }
    }

    /** Result lines on stdout, failures on stderr. */
    private Integer report(List<ValidationEntry> entries, boolean stopped, PrintWriter stdout, PrintWriter err) {
        long failed = 0;
        for (ValidationEntry e : entries) {
            if (e.result().isPresent()) {
                stdout.println(e.result().get().resultLine());
            }
            if (!e.ok()) {
                failed++;
                err.println(
                        spec.qualifiedName() + ": " + e.problem().name() + " failed: " + PinnCli.oneLine(e.failure()));
            }
        }
        stdout.println("wrote " + out.resolve(Validation.REPORT_FILE) + " and " + out.resolve(Validation.INDEX_FILE)
                + " (" + entries.size() + (entries.size() == 1 ? " problem, " : " problems, ") + failed + " failed)");
        stdout.flush();
        if (stopped) {
            err.println(spec.qualifiedName() + ": stopped on a signal after " + entries.size() + " problem(s); "
                    + out.resolve(Validation.REPORT_FILE) + " lists them, and a stopped problem continues with pinn run"
                    + " <problem>" + (quick ? " --quick" : "") + " --resume " + out.resolve("<problem>"));
        }
        err.flush();
        return failed == 0 ? PinnCli.OK : PinnCli.FAILED;
    }
}
