package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.report.ComparisonCharts;
import org.pinn4j.validation.runner.Numbers;
import org.pinn4j.validation.runner.OptimizerComparison;
import org.pinn4j.validation.runner.RunOptions;
import org.pinn4j.validation.runner.RunResult;
import org.pinn4j.validation.runner.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pinn compare-optimizers <problem>}: trains the recipe once per quasi-Newton method from the same
 * first-order start and writes DIR/curves.csv, the rel L2 charts, report.md, index.html and one run directory
 * per method. Progress goes to stderr; stdout gets one line per method and the files written.
 */
@Command(
        name = "compare-optimizers",
        mixinStandardHelpOptions = true,
        customSynopsis =
                "pinn compare-optimizers <problem> [--recipe NAME | --quick] [--budget SECONDS] [--methods LIST] [--param NAME=V] [--out DIR] [--seed N] [--threads N]",
        description =
                "Train a problem's recipe once per quasi-Newton method (lbfgs, bfgs, ssbroyden; or lm) from the same"
                        + " Adam start and chart the rel L2 error against wall time and iteration.")
final class CompareOptimizersCommand implements Callable<Integer> {
    @ParentCommand
    PinnCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "<problem>", description = "Problem name (see `pinn list`).")
    String problem;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/compare-<problem>).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of everything random (default: the recipe's).")
    Long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads; results do not depend on it (default: the number of processors).")
    Integer threads;

    @Option(names = "--quick", description = "The reduced budget (= --recipe quick).")
    boolean quick;

    @Option(
            names = "--recipe",
            paramLabel = "NAME",
            description = "The problem's named recipe; its last phase must be quasi-Newton (default: default).")
    String recipeName;

    @Option(
            names = "--budget",
            paramLabel = "SECONDS",
            description = "Stop each method's quasi-Newton phase after this many seconds (default: its iterations).")
    Double budget;

    @Option(
            names = "--methods",
            paramLabel = "LIST",
            split = ",",
            description = "Methods to compare, in order: lbfgs, bfgs, ssbroyden, lm (Levenberg-Marquardt)"
                    + " (default: lbfgs,bfgs,ssbroyden).")
    List<String> methods;

    @Option(
            names = "--param",
            paramLabel = "NAME=V",
            description = "Set one of the problem's parameters for every method, e.g. --param nu=0.01 for burgers.")
    java.util.Map<String, String> params;

    @Override
    public Integer call() {
        Checks.positive(spec, "--threads", threads);
        if (budget != null && !(budget > 0 && Double.isFinite(budget))) {
            throw new ParameterException(
                    spec.commandLine(), "--budget must be a number of seconds > 0, e.g. 60; got " + budget);
        }
        String name = Checks.recipeName(spec, recipeName, quick);
        BenchmarkProblem p = parent.problems.get(problem);
        Recipe recipe = p.recipe(name, null); // an unknown recipe name is refused before anything is created
        RunOptions base = RunOptions.defaults()
                .withThreads(threads != null ? threads : Checks.processors())
                .withParameters(Checks.parameters(spec, p, params));
        if (seed != null) {
            base = base.withSeed(seed);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        base = base.withListener(new ProgressLines(err, recipe.logEvery()));
        Path dir = out != null ? out : Path.of("runs", "compare-" + p.name());
        OptimizerComparison.Settings s = new OptimizerComparison.Settings(
                name,
                methods == null ? BenchmarkProblem.QUASI_NEWTON : methods,
                budget == null ? OptionalDouble.empty() : OptionalDouble.of(budget),
                base,
                dir);
        OptimizerComparison.Comparison c;
        boolean stopped;
        try (SignalStop signal = SignalStop.install(err, spec.qualifiedName())) {
            OptimizerComparison.Settings withStop = new OptimizerComparison.Settings(
                    s.recipe(), s.methods(), s.budgetSeconds(), s.base().withStopWhen(signal.request()), s.out());
            c = OptimizerComparison.run(p, withStop, new Runner(parent.artifacts), new ComparisonCharts(), line -> {
                err.println("compare-optimizers " + line);
                err.flush();
            });
            stopped = signal.requested();
            if (stopped) {
                err.println(spec.qualifiedName() + ": stopped on a signal; "
                        + dir.resolve(OptimizerComparison.REPORT_FILE)
                        + " compares the methods run so far, and the stopped one continues with pinn run " + p.name()
                        + " --resume " + dir.resolve("<method>") + " and its options");
                err.flush();
            }
        }
        for (OptimizerComparison.MethodRun m : c.runs()) {
            RunResult r = m.run();
            StringBuilder line = new StringBuilder(m.method() + ": rel L2 " + Numbers.sci(r.relL2()) + ", "
                    + m.iterations() + " iterations, " + Numbers.fixed(r.seconds(), 1) + " s (" + m.stopReason()
                    + ")");
            Arrays.stream(new double[] {1e-3, 1e-4, 1e-5, 1e-6})
                    .forEach(t -> m.curve()
                            .first(t)
                            .ifPresent(a -> line.append("; ")
                                    .append(Numbers.sci(t).replace(".000", ""))
                                    .append(" at ")
                                    .append(Numbers.fixed(a.seconds(), 1))
                                    .append(" s")));
            stdout.println(line);
        }
        stdout.println("wrote " + dir.resolve(OptimizerComparison.CURVES_FILE) + ", "
                + dir.resolve(ComparisonCharts.TIME_FIGURE + ".png") + ", "
                + dir.resolve(ComparisonCharts.ITERATION_FIGURE + ".png") + ", "
                + dir.resolve(OptimizerComparison.REPORT_FILE));
        stdout.flush();
        boolean diverged = c.runs().stream().anyMatch(m -> !m.run().ok());
        return diverged ? PinnCli.FAILED : PinnCli.OK;
    }
}
