package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pinn bench <problem>}: times full-batch Adam steps after warm-up, on the problem's network or on {@code
 * --depth} x {@code --width}; prints the dense work per step and its rate; the last line is
 * ms_per_step=&lt;value&gt;.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        customSynopsis = "pinn bench <problem> [--steps N] [--points N] [--depth D] [--width W] [--threads N]",
        description = "Time full-batch Adam steps (after a warm-up) on the problem's network, or on D hidden layers of"
                + " W units.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    PinnCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "<problem>", description = "Problem name (see `pinn list`).")
    String problem;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "100",
            description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--points",
            paramLabel = "N",
            description = "Collocation points of the residual (default: the problem's).")
    Integer points;

    @Option(
            names = "--depth",
            paramLabel = "D",
            description = "Hidden layers (default: the problem network's; its activation and input maps are kept).")
    Integer depth;

    @Option(
            names = "--width",
            paramLabel = "W",
            description = "Units per hidden layer (default: the problem network's).")
    Integer width;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Override
    public Integer call() {
        Checks.positive(spec, "--steps", steps);
        Checks.positive(spec, "--points", points);
        Checks.positive(spec, "--threads", threads);
        Checks.positive(spec, "--depth", depth);
        Checks.positive(spec, "--width", width);
        BenchmarkProblem p = parent.problems.get(problem);
        Bench.Result r = Bench.run(
                p,
                steps,
                optional(points),
                optional(depth),
                optional(width),
                threads != null ? threads : Checks.processors());
        PrintWriter out = spec.commandLine().getOut();
        out.println("bench " + r.problem() + ": network " + r.network() + " (" + r.parameters() + " parameters), "
                + r.points() + " residual points, " + r.threads() + " thread(s), " + r.warmup() + " warm-up + "
                + r.steps() + " timed full-batch Adam steps");
        out.println(String.format(
                Locale.ROOT,
                "dense_gflop_per_step=%.4g gflops=%.2f (6 x streams x weights per point: forward, transposed and"
                        + " weight-gradient passes; elementwise work not counted)",
                r.denseFlopsPerStep() / 1e9,
                r.denseGflops()));
        out.println(String.format(Locale.ROOT, "ms_per_step=%.3f", r.msPerStep()));
        out.flush();
        return PinnCli.OK;
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
