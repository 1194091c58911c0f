package org.pinn4j.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.util.ShutdownHookManager;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.spark.SparkSweep;
import org.pinn4j.spark.Sweep;
import org.pinn4j.spark.SweepReport;
import org.pinn4j.spark.SweepRow;
import org.pinn4j.spark.SweepTask;
import org.pinn4j.spark.TaskRunner;
import org.pinn4j.validation.cli.PinnCli;
import org.pinn4j.validation.cli.SignalStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import scala.runtime.BoxedUnit;

/**
 * {@code pinn sweep <problem> --param NAME=V1,V2,... [--seeds N]}: every combination of the values (and seeds)
 * trained as a Spark task, on the embedded {@code local[*]} master by default; writes DIR/sweep.csv and one
 * directory per task. Progress (tasks done, failures, ETA) goes to stderr; the result lines to stdout.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        customSynopsis = PinnCli.SWEEP_SYNOPSIS,
        description = "Train a grid of parameter values and seeds on Apache Spark: one task per combination, each"
                + " the training `pinn run` does with those values; rows in DIR/sweep.csv.")
public final class SweepCommand implements Callable<Integer> {
    private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|[0-9]{1,4})]");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<problem>", description = "Problem name (see `pinn list`).")
    String problem;

    @Option(names = "--quick", description = "Each task trains the quick recipe (= --recipe quick).")
    boolean quick;

    @Option(names = "--recipe", paramLabel = "NAME", description = "The problem's named recipe (default: default).")
    String recipe;

    @Option(
            names = "--param",
            paramLabel = "NAME=V1,V2,...",
            description = "Values of one of the problem's parameters or of a training setting (width, depth, points,"
                    + " lr, steps); repeatable: every combination is a task.")
    List<String> params = new ArrayList<>();

    @Option(
            names = "--seeds",
            paramLabel = "N",
            description = "Train every combination with seeds 0 .. N-1 (default: the recipe's seed).")
    Integer seeds;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "local[*] (default: this JVM, every core), local[N], or spark://HOST:PORT.")
    String master = "local[*]";

    @Option(
            names = "--threads-per-task",
            paramLabel = "N",
            description = "Threads of each task's trainer (default 1); tasks x threads never exceed the cores.")
    int threadsPerTask = 1;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            description = "Each task saves its training state every N steps; a task cut off (a lost executor, a"
                    + " stopped sweep) continues from there when the sweep runs again (default: it starts over).")
    Integer checkpointEvery;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/sweep-<problem>).")
    Path out;

    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;

    @Override
    public Integer call() {
        if (quick && recipe != null && !recipe.equals(BenchmarkProblem.QUICK_RECIPE)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--quick means --recipe quick; give --recipe " + recipe + " or --quick, not both");
        }
        if (seeds != null && seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be >= 1; got " + seeds);
        }
        if (checkpointEvery != null && checkpointEvery < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--checkpoint-every must be >= 1 step; got " + checkpointEvery);
        }
        if (threadsPerTask < 1) {
            throw new ParameterException(spec.commandLine(), "--threads-per-task must be >= 1; got " + threadsPerTask);
        }
        if (!Catalogue.names().contains(problem)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unknown problem '" + problem + "'; expected one of " + String.join(", ", Catalogue.names()));
        }
        Sweep sweep = Sweep.of(problem)
                .withRecipes(
                        quick
                                ? BenchmarkProblem.QUICK_RECIPE
                                : recipe != null ? recipe : BenchmarkProblem.DEFAULT_RECIPE)
                .withThreadsPerTask(threadsPerTask);
        for (Map.Entry<String, double[]> e : grid().entrySet()) {
            sweep = sweep.withGrid(e.getKey(), e.getValue());
        }
        if (seeds != null) {
            sweep = sweep.withSeeds(seeds);
        }
        if (checkpointEvery != null) {
            sweep = sweep.withCheckpointEvery(checkpointEvery);
        }
        List<SweepTask> tasks = sweep.tasks(); // names, ranges and the recipe checked before Spark starts
        SparkSweep runner = runner();
        Path dir = out != null ? out : Path.of("runs", "sweep-" + problem);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        err.println("sweep " + problem + ": " + tasks.size() + " task(s) on " + master + ", " + threadsPerTask
                + " thread(s) each, into " + dir);
        err.flush();
        List<SweepRow> rows;
        try (SignalStop signal = SignalStop.install(err, spec.qualifiedName())) {
            TaskRunner.stopWhen(signal.request());
            // Spark stops its context from its own shutdown hook (priority 50): this one runs before it and waits
            // until the job has ended, the tasks in training having finished their step and saved their checkpoint
            CountDownLatch jobEnded = new CountDownLatch(1);
            Object waitForJob =
                    ShutdownHookManager.addShutdownHook(ShutdownHookManager.DEFAULT_SHUTDOWN_PRIORITY(), () -> {
                        try {
                            jobEnded.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return BoxedUnit.UNIT;
                    });
            try (SweepProgress progress = SweepProgress.start(err, problem, dir, tasks)) {
                rows = runner.run(sweep, dir);
            } catch (Exception e) { // Spark's exceptions are checked ones in Java's eyes
                if (!signal.requested()) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
                }
                rows = null; // the job did not end normally: the tasks' rows on disk tell what ended
            } finally {
                jobEnded.countDown();
                ShutdownHookManager.removeShutdownHook(waitForJob);
                TaskRunner.stopWhen(null);
            }
            if (signal.requested()) {
                long finished = tasks.stream()
                        .filter(t -> TaskRunner.savedRow(dir, t)
                                .map(SweepRow::finished)
                                .orElse(false))
                        .count();
                err.println(spec.qualifiedName() + ": stopped on a signal: " + finished + " of " + tasks.size()
                        + " task(s) finished; the tasks in training saved their checkpoint, and the same command"
                        + " continues the sweep");
                err.flush();
                return 1;
            }
        }
        long ok = rows.stream().filter(r -> r.status().equals(SweepRow.OK)).count();
        long failed =
                rows.stream().filter(r -> r.status().equals(SweepRow.FAILED)).count();
        stdout.println("wrote " + dir.resolve(SparkSweep.CSV_FILE) + ", " + dir.resolve(SweepReport.REPORT_FILE) + ", "
                + dir.resolve(SweepReport.PAGE_FILE) + " and " + rows.size() + " task directories under "
                + dir.resolve("tasks"));
        rows.stream()
                .filter(r -> Double.isFinite(r.relL2()))
                .min(java.util.Comparator.comparingDouble(SweepRow::relL2))
                .ifPresent(best -> stdout.println(
                        "lowest rel L2 " + String.format("%.3e", best.relL2()) + ": task " + best.task()));
        stdout.println("sweep " + problem + " tasks=" + rows.size() + " ok=" + ok + " failed=" + failed + " other="
                + (rows.size() - ok - failed));
        stdout.flush();
        return failed > 0 || ok < rows.size() ? 1 : 0;
    }

    /** The --param options as names with their values, in the order given. */
    private Map<String, double[]> grid() {
        Map<String, double[]> grid = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new ParameterException(
                        spec.commandLine(), "--param " + p + ": expected NAME=V1,V2,... e.g. --param width=20,30");
            }
            String name = p.substring(0, eq).strip();
            if (grid.containsKey(name)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--param " + name + " is given twice; list all its values once: " + name + "=V1,V2,...");
            }
            String[] parts = p.substring(eq + 1).split(",", -1);
            double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    values[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "--param " + p + ": '" + parts[i] + "' is not a number; expected NAME=V1,V2,... e.g. "
                                    + name + "=0.01,0.02");
                }
                if (!Double.isFinite(values[i])) {
                    throw new ParameterException(
                            spec.commandLine(), "--param " + p + ": values must be finite numbers; got " + parts[i]);
                }
            }
            grid.put(name, values);
        }
        return grid;
    }

    /** The Spark runner --master names. */
    private SparkSweep runner() {
        Matcher m = LOCAL.matcher(master.strip());
        if (m.matches()) {
            int cores =
                    m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
            if (cores < 1) {
                throw new ParameterException(spec.commandLine(), "--master local[N] needs N >= 1; got " + master);
            }
            if (threadsPerTask > cores) {
                throw new ParameterException(
                        spec.commandLine(),
                        "threads per task (" + threadsPerTask + ") exceed the local master's " + cores + " core(s)");
            }
            return SparkSweep.local(cores);
        }
        if (master.startsWith("spark://")) {
            return SparkSweep.cluster(master.strip());
        }
        throw new ParameterException(
                spec.commandLine(), "--master " + master + ": expected local[*], local[N] or spark://HOST:PORT");
    }
}
