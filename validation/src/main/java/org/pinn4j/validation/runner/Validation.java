package org.pinn4j.validation.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.problems.BenchmarkProblem;

/**
 * Runs a list of catalogue problems, each into DIR/&lt;problem&gt;, and writes DIR/report.md and
 * DIR/index.html with one row per problem. A problem that fails is reported and the others still run.
 */
public final class Validation {
    /** Summary report file name. */
    public static final String REPORT_FILE = "report.md";
    /** Summary page file name. */
    public static final String INDEX_FILE = "index.html";

    private final Runner runner;

    /** Uses {@code runner} for each problem. */
    public Validation(Runner runner) {
        this.runner = runner;
    }

    /**
     * Runs {@code problems} with quick or full budgets and writes the summary.
     *
     * @param progress receives one line before and one after each problem
     * @return one entry per problem, in order
     */
    public List<ValidationEntry> run(
            List<BenchmarkProblem> problems, Path dir, boolean quick, OptionalInt threads, Consumer<String> progress) {
        return run(problems, dir, quick, threads, progress, () -> false);
    }

    /**
     * As {@link #run(List, Path, boolean, OptionalInt, Consumer)}, stopping early once {@code stop} turns true (e.g.
     * on a signal): the problem in training stops at the end of its step and keeps its outputs and checkpoint
     * ({@link RunOptions#withStopWhen}), its row says so, and the problems after it are not run.
     */
    public List<ValidationEntry> run(
            List<BenchmarkProblem> problems,
            Path dir,
            boolean quick,
            OptionalInt threads,
            Consumer<String> progress,
            BooleanSupplier stop) {
        return run(problems, dir, quick, threads, progress, stop, task -> null);
    }

    /**
     * As {@link #run(List, Path, boolean, OptionalInt, Consumer, BooleanSupplier)}, with a training listener for
     * each problem from {@code listenerFor} (given the task name "i/n problem"; null = none), e.g. a progress bar;
     * one that is {@link AutoCloseable} is closed when its problem ends.
     */
    public List<ValidationEntry> run(
            List<BenchmarkProblem> problems,
            Path dir,
            boolean quick,
            OptionalInt threads,
            Consumer<String> progress,
            BooleanSupplier stop,
            Function<String, TrainingListener> listenerFor) {
        try (RunDirectory top = RunDirectory.open(dir)) {
            return runAll(problems, dir, quick, threads, progress, stop, listenerFor);
        }
    }

    private List<ValidationEntry> runAll(
            List<BenchmarkProblem> problems,
            Path dir,
            boolean quick,
            OptionalInt threads,
            Consumer<String> progress,
            BooleanSupplier stop,
            Function<String, TrainingListener> listenerFor) {
        List<ValidationEntry> entries = new ArrayList<>();
        int k = 0;
        for (BenchmarkProblem p : problems) {
            k++;
            String tag = "[" + k + "/" + problems.size() + "] " + p.name();
            progress.accept(tag + ": training (" + (quick ? "quick" : "full") + " budget)...");
            RunOptions o = RunOptions.defaults()
                    .withOut(dir.resolve(p.name()))
                    .withQuick(quick)
                    .withStopWhen(stop);
            if (threads.isPresent()) {
                o = o.withThreads(threads.getAsInt());
            }
            TrainingListener listener = listenerFor.apply(k + "/" + problems.size() + " " + p.name());
            if (listener != null) {
                o = o.withListener(listener);
            }
            ValidationEntry e;
            try {
                RunResult r;
                try {
                    r = runner.run(p, o);
                } finally {
                    if (listener instanceof AutoCloseable c) {
                        close(c);
                    }
                }
                boolean interrupted = r.interrupted();
                e = new ValidationEntry(
                        p,
                        Optional.of(r),
                        r.ok() && !interrupted ? "" : r.training().message());
                String vs = r.verdict().equals("-")
                        ? ""
                        : " (" + r.verdict() + " than published "
                                + Numbers.compact(r.publishedRelL2().getAsDouble()) + ")";
                progress.accept(tag + ": rel_l2=" + Numbers.sci(r.relL2()) + vs + " steps=" + r.steps() + " time_s="
                        + Numbers.fixed(r.seconds(), 1) + (r.ok() ? "" : " DIVERGED")
                        + (interrupted ? " STOPPED" : ""));
            } catch (RuntimeException ex) {
                String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                e = new ValidationEntry(p, Optional.empty(), why);
                progress.accept(tag + ": FAILED: " + why);
            }
            entries.add(e);
            // rewritten after every problem, so an interrupted validation still leaves the rows done so far
            write(dir, entries, quick);
            if (stop.getAsBoolean() && k < problems.size()) {
                progress.accept(
                        "stopped: the " + (problems.size() - k) + " problem(s) after " + p.name() + " were not run");
                break;
            }
        }
        write(dir, entries, quick);
        return entries;
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close " + c + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path dir, List<ValidationEntry> entries, boolean quick) {
        AtomicFiles.writeString(dir.resolve(REPORT_FILE), ValidationReport.markdown(entries, quick));
        AtomicFiles.writeString(dir.resolve(INDEX_FILE), ValidationReport.html(entries, quick, dir));
    }
}
