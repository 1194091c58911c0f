package org.pinn4j.validation.runner;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.StepReport;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.problems.BenchmarkProblem;

/**
 * Compares the quasi-Newton methods on one catalogue problem: the problem's recipe is trained once per method
 * with its final quasi-Newton phase replaced by that method (same iterations, restarts and seed), so every
 * method starts from the same first-order (Adam) result, bit for bit. Each run is a full run directory,
 * {@code DIR/<method>/}; the comparison writes the relative L2 error on the evaluation grid along each run to
 * {@value #CURVES_FILE} and {@value #REPORT_FILE} (and, through its {@link Artifacts} hook, charts and a page)
 * in DIR.
 *
 * <p>Wall time counts from the start of training and includes the measurements on the evaluation grid (the
 * same number for each method); a budget stops each method's quasi-Newton phase after that many seconds of
 * it. Timing figures mean something only from a machine with nothing else running.
 */
public final class OptimizerComparison {
    /** The curves: one row per measurement. */
    public static final String CURVES_FILE = "curves.csv";
    /** The comparison's report. */
    public static final String REPORT_FILE = "report.md";
    /**
     * Measurements on the evaluation grid per quasi-Newton phase (fewer when the phase is shorter); with a budget,
     * also one per budget / this many seconds.
     */
    static final int POINTS_PER_CURVE = 200;
    /** The accuracies whose times the report gives. */
    public static final double[] TARGETS = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7};

    private OptimizerComparison() {}

    /**
     * What to compare.
     *
     * @param recipe   the problem's named recipe (its last phase must be a quasi-Newton phase)
     * @param methods  methods, in order (names of {@link BenchmarkProblem#FINAL_PHASE_METHODS})
     * @param budgetSeconds wall-time cap of each method's quasi-Newton phase (empty = its iterations)
     * @param base     the seed, threads and listeners of each run (its output directory and optimizer are
     *     replaced)
     * @param out      the comparison's directory
     */
    public record Settings(
            String recipe, List<String> methods, OptionalDouble budgetSeconds, RunOptions base, Path out) {
        /** Checks the names and the budget. */
        public Settings {
            if (methods == null || methods.isEmpty()) {
                throw new IllegalArgumentException("no method to compare; expected some of "
                        + String.join(", ", BenchmarkProblem.FINAL_PHASE_METHODS));
            }
            List<String> seen = new ArrayList<>();
            for (String m : methods) {
                String k = m == null ? "" : m.trim().toLowerCase(Locale.ROOT);
                if (!BenchmarkProblem.FINAL_PHASE_METHODS.contains(k)) {
                    throw new IllegalArgumentException("unknown method '" + m + "'; expected some of "
                            + String.join(", ", BenchmarkProblem.FINAL_PHASE_METHODS));
                }
                if (seen.contains(k)) {
                    throw new IllegalArgumentException("method '" + k + "' is given twice");
                }
                seen.add(k);
            }
            methods = List.copyOf(seen);
            if (budgetSeconds.isPresent()
                    && !(budgetSeconds.getAsDouble() > 0 && Double.isFinite(budgetSeconds.getAsDouble()))) {
                throw new IllegalArgumentException(
                        "budget must be a number of seconds > 0; got " + budgetSeconds.getAsDouble());
            }
        }
    }

    /**
     * One method's run.
     *
     * @param method      the quasi-Newton method
     * @param run         its result (model, history, errors; its directory is {@code DIR/<method>})
     * @param phaseStep   the first step of the compared quasi-Newton phase
     * @param phaseStartSeconds wall time at the end of the phases before it
     * @param budgetReached whether the budget stopped the phase
     * @param curve       the relative L2 error along the run, ending with the final model's
     */
    public record MethodRun(
            String method,
            RunResult run,
            int phaseStep,
            double phaseStartSeconds,
            boolean budgetReached,
            RunResult.RelL2Curve curve) {
        /** Iterations of the quasi-Newton phase done. */
        public int iterations() {
            return run.steps() - phaseStep + 1;
        }

        /** Why the compared phase stopped. */
        public String stopReason() {
            if (budgetReached) {
                return "time budget";
            }
            if (run.interrupted()) {
                return "stopped on a signal";
            }
            return run.ok()
                    ? run.training().message()
                    : "diverged: " + run.training().message();
        }
    }

    /**
     * The comparison.
     *
     * @param problem the problem's name
     * @param recipe  the recipe's name
     * @param base    the recipe as declared (its last phase is the one each method replaces)
     * @param budgetSeconds the budget, if any
     * @param runs    one per method, in order
     */
    public record Comparison(
            String problem, String recipe, Recipe base, OptionalDouble budgetSeconds, List<MethodRun> runs) {}

    /** Writes further files of a comparison (charts, a page) into a directory. */
    public interface Artifacts {
        /** Writes into {@code dir}, whose {@code <method>/} subdirectories hold the runs. */
        void write(Path dir, Comparison comparison);
    }

    /**
     * Trains each method and writes DIR.
     *
     * @param runner   trains each method (with its chart hook)
     * @param artifacts writes the charts and page of the comparison (may be null)
     * @param say      progress lines ("lbfgs (1 of 3) ...")
     * @throws IllegalArgumentException if the problem has no such recipe, the recipe does not end with a
     *     quasi-Newton phase, or DIR cannot be used
     */
    public static Comparison run(
            BenchmarkProblem p, Settings s, Runner runner, Artifacts artifacts, Consumer<String> say) {
        Recipe base = p.recipe(s.recipe(), null);
        List<Phase> phases = base.phases();
        Phase last = phases.get(phases.size() - 1);
        if (!last.mode().iterative()) {
            throw new IllegalArgumentException("recipe '" + s.recipe() + "' of problem '" + p.name() + "' ends with "
                    + last + "; compare-optimizers compares a final lbfgs, bfgs, ssbroyden or lm phase");
        }
        int every = Math.max(1, (last.length() + POINTS_PER_CURVE - 1) / POINTS_PER_CURVE);
        // with a budget, also by time: a method whose iterations are slow (lm) still gets a curve of many points
        double measureSeconds =
                s.budgetSeconds().isPresent() ? s.budgetSeconds().getAsDouble() / POINTS_PER_CURVE : 0;
        try (RunDirectory d = RunDirectory.open(s.out())) {
            List<MethodRun> runs = new ArrayList<>();
            int i = 0;
            for (String method : s.methods()) {
                i++;
                say.accept(method + " (" + i + " of " + s.methods().size() + "): " + p.name() + ", recipe "
                        + s.recipe() + ", its last phase (" + last.length() + " iterations) done by " + method
                        + budgetText(s.budgetSeconds()) + ", into " + d.path().resolve(method));
                PhaseClock clock = new PhaseClock(phases.size() - 1, s.budgetSeconds());
                RunOptions o = s.base()
                        .withOut(d.path().resolve(method))
                        .withRecipe(s.recipe())
                        .withOptimizer(method)
                        .withValidationEvery(every)
                        .withValidationSeconds(measureSeconds)
                        .withListener(clock);
                RunResult r = runner.run(p, o);
                RunResult.RelL2Curve curve = withFinal(r);
                if (curve.size() == 0) {
                    throw new IllegalStateException("no relative L2 error of " + p.name()
                            + " could be measured on its evaluation grid (" + r.errorNote() + ")");
                }
                MethodRun m =
                        new MethodRun(method, r, clock.phaseStep, clock.phaseStartSeconds, clock.budgetReached, curve);
                runs.add(m);
                say.accept(method + ": rel L2 " + Numbers.sci(r.relL2()) + " after " + m.iterations() + " iterations, "
                        + Numbers.fixed(r.seconds(), 1) + " s (" + m.stopReason() + ")");
                if (r.interrupted()) {
                    // stopped on request (a signal): the comparison so far is written, the other methods not run
                    if (i < s.methods().size()) {
                        say.accept("stopped: "
                                + String.join(
                                        ", ", s.methods().subList(i, s.methods().size())) + " not run");
                    }
                    break;
                }
            }
            Comparison c = new Comparison(p.name(), s.recipe(), base, s.budgetSeconds(), List.copyOf(runs));
            write(d.path(), c, artifacts);
            return c;
        }
    }

    private static String budgetText(OptionalDouble budget) {
        return budget.isPresent() ? " for at most " + Numbers.general(budget.getAsDouble()) + " s" : "";
    }

    /** The run's recorded curve, with the final model's error at the last step if that step was not measured. */
    private static RunResult.RelL2Curve withFinal(RunResult r) {
        RunResult.RelL2Curve c = r.relL2Curve();
        int[] steps = r.training().history().steps();
        double[] seconds = r.training().history().seconds();
        if (steps.length == 0 || !r.measured()) {
            return c;
        }
        int lastStep = steps[steps.length - 1];
        if (c.size() > 0 && c.steps()[c.size() - 1] == lastStep) {
            return c;
        }
        int n = c.size();
        int[] st = java.util.Arrays.copyOf(c.steps(), n + 1);
        double[] se = java.util.Arrays.copyOf(c.seconds(), n + 1);
        double[] e = java.util.Arrays.copyOf(c.relL2(), n + 1);
        st[n] = lastStep;
        se[n] = seconds[seconds.length - 1];
        e[n] = r.relL2();
        return new RunResult.RelL2Curve(st, se, e);
    }

    private static void write(Path dir, Comparison c, Artifacts artifacts) {
        OutputSet outputs = new OutputSet(dir);
        try {
            Path staged = outputs.staging();
            AtomicFiles.writeString(staged.resolve(CURVES_FILE), curvesCsv(c));
            List<String> notes = new ArrayList<>();
            if (artifacts != null) {
                try {
                    artifacts.write(staged, c);
                } catch (AtomicFiles.WriteFailedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    notes.add("Charts could not be written: " + e.getMessage());
                }
            }
            AtomicFiles.writeString(staged.resolve(REPORT_FILE), markdown(c, Runner.chartFiles(staged), notes));
            outputs.commit();
        } catch (AtomicFiles.WriteFailedException e) {
            throw outputs.forTarget(e);
        } finally {
            outputs.close();
        }
    }

    /**
     * The curves as CSV: method, step (of the whole run), iteration (of the quasi-Newton phase; 0 or less
     * before it), seconds (since the start of training), phase_seconds (since the start of the quasi-Newton
     * phase; negative before it), rel_l2.
     */
    public static String curvesCsv(Comparison c) {
        StringWriter w = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                w,
                CSVFormat.DEFAULT
                        .builder()
                        .setRecordSeparator("\n")
                        .setHeader("method", "step", "iteration", "seconds", "phase_seconds", "rel_l2")
                        .build())) {
            for (MethodRun m : c.runs()) {
                RunResult.RelL2Curve k = m.curve();
                for (int i = 0; i < k.size(); i++) {
                    csv.printRecord(
                            m.method(),
                            k.steps()[i],
                            k.steps()[i] - m.phaseStep() + 1,
                            repr(k.seconds()[i]),
                            repr(k.seconds()[i] - m.phaseStartSeconds()),
                            repr(k.relL2()[i]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String repr(double x) {
        return Double.toString(x);
    }

    /** The report: the table of methods (final error, iterations, time, times to each accuracy) and the files. */
    static String markdown(Comparison c, List<String> charts, List<String> notes) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Optimizer comparison: ").append(c.problem()).append("\n\n");
        Phase last = c.base().phases().get(c.base().phases().size() - 1);
        sb.append("Recipe `")
                .append(c.recipe())
                .append("` (network ")
                .append(c.base().network())
                .append("), trained once per method with its last phase, ")
                .append(last.mode().methodName())
                .append(" ")
                .append(last.length())
                .append(" iterations, done by that method")
                .append(budgetText(c.budgetSeconds()))
                .append("; the phases before it are the same run, bit for bit. Errors are relative L2 on the"
                        + " evaluation grid; times are wall seconds since the start of training (measurements"
                        + " included; the charts count from the start of the quasi-Newton phase).\n\n");
        sb.append("| method | rel L2 | iterations | time s | stopped |");
        for (double t : TARGETS) {
            sb.append(" s to ").append(Numbers.sci(t).replace(".000", "")).append(" |");
        }
        sb.append("\n|---|---|---|---|---|");
        sb.append("---|".repeat(TARGETS.length)).append("\n");
        for (MethodRun m : c.runs()) {
            sb.append("| ")
                    .append(m.method())
                    .append(" | ")
                    .append(Numbers.sci(m.run().relL2()))
                    .append(" | ")
                    .append(m.iterations())
                    .append(" | ")
                    .append(Numbers.fixed(m.run().seconds(), 1))
                    .append(" | ")
                    .append(m.stopReason().replace("|", "/"))
                    .append(" |");
            for (double t : TARGETS) {
                Optional<RunResult.Milestone> at = m.curve().first(t);
                sb.append(" ")
                        .append(at.map(a -> Numbers.fixed(a.seconds(), 1)).orElse("-"))
                        .append(" |");
            }
            sb.append("\n");
        }
        sb.append("\nFiles: `").append(CURVES_FILE).append("` (the curves)");
        for (String f : charts) {
            sb.append(", `").append(f).append("`");
        }
        sb.append("; each method's run directory: ");
        sb.append(String.join(
                ", ", c.runs().stream().map(m -> "`" + m.method() + "/`").toList()));
        sb.append(".\n");
        if (!notes.isEmpty()) {
            sb.append("\n## Notes\n\n");
            for (String n : notes) {
                sb.append("- ").append(n).append("\n");
            }
        }
        return sb.toString();
    }

    /** Finds where the compared phase starts and stops it when its budget is spent. */
    private static final class PhaseClock implements TrainingListener {
        private final int phaseIndex;
        private final OptionalDouble budget;
        private double lastSeconds;
        int phaseStep = 1;
        double phaseStartSeconds;
        private boolean inPhase;
        boolean budgetReached;

        PhaseClock(int phaseIndex, OptionalDouble budget) {
            this.phaseIndex = phaseIndex;
            this.budget = budget;
        }

        @Override
        public void onPhaseStart(int index, Phase phase, int step) {
            if (index == phaseIndex) {
                inPhase = true;
                phaseStep = step;
                phaseStartSeconds = lastSeconds;
            }
        }

        @Override
        public boolean onStep(StepReport r) {
            lastSeconds = r.elapsedSeconds();
            if (inPhase && budget.isPresent() && r.elapsedSeconds() - phaseStartSeconds >= budget.getAsDouble()) {
                budgetReached = true;
                return false;
            }
            return true;
        }
    }
}
