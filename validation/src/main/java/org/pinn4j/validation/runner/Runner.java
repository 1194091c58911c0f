package org.pinn4j.validation.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.DerivedQuantity;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;
import org.pinn4j.validation.metrics.ErrorSummary;
import org.pinn4j.validation.metrics.Metrics;
import org.pinn4j.validation.reference.References;

/**
 * Runs one catalogue problem end to end: builds it with its reference ({@link References#contextFor}) and
 * noise level (the options' or the problem's default), trains it with its recipe (quick or full, seed,
 * threads and optimizer from the options), measures the model on the evaluation grid against the exact or
 * reference solution and each derived quantity on its grid, and writes model.json, history.csv, the
 * {@link RunArtifacts} (charts) and report.md into the run directory.
 *
 * <p>A run that diverges still writes everything, with the last good parameters; check
 * {@link RunResult#ok()}. With {@link RunOptions#withCheckpointEvery} the training state is saved to
 * {@value RunCheckpoint#CHECKPOINT_FILE} in the run directory, and {@link RunOptions#withResume} continues it
 * (see {@link RunCheckpoint}); the resumed run writes the same model.json as an uninterrupted one. A run stopped
 * on request ({@link RunOptions#withStopWhen}) writes its outputs too and keeps the checkpoint of its last step.
 */
public final class Runner {
    /** Model file name in a run directory. */
    public static final String MODEL_FILE = "model.json";
    /** Loss history file name in a run directory. */
    public static final String HISTORY_FILE = "history.csv";
    /** Report file name in a run directory. */
    public static final String REPORT_FILE = "report.md";

    private final RunArtifacts artifacts;

    /** A runner without chart hook. */
    public Runner() {
        this(RunArtifacts.none());
    }

    /** A runner that calls {@code artifacts} before writing each report. */
    public Runner(RunArtifacts artifacts) {
        this.artifacts = artifacts == null ? RunArtifacts.none() : artifacts;
    }

    /**
     * Trains {@code p} and writes its run directory.
     *
     * @throws IllegalArgumentException if the output directory cannot be used, the options are invalid, or the
     *     checkpoint to resume is missing, damaged or from another run
     */
    public RunResult run(BenchmarkProblem p, RunOptions o) {
        try (RunDirectory d = RunDirectory.open(o.outFor(p.name()))) {
            return run(p, o, d);
        }
    }

    /**
     * The model in {@code file}, read with {@code problem}'s output transform, to start training from.
     *
     * @throws IllegalArgumentException naming the file if it cannot be read as a model of this problem's shape
     */
    private static PinnModel startModel(Path file, Problem problem) {
        try {
            return ModelFile.load(file, problem);
        } catch (ModelFile.ModelFileException | IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(
                    "--init-from: " + (m.startsWith("model file ") ? m : "model file " + file + ": " + m), e);
        }
    }

    /**
     * Trains {@code p} and writes its run directory, which the caller holds ({@link RunDirectory#open}); at the
     * end the run's checkpoint, if any, is removed, as there is nothing left to resume.
     *
     * @throws IllegalArgumentException if the options are invalid, the directory holds an unfinished run (and
     *     neither {@code --resume} nor {@code --fresh} was given), or the checkpoint to resume is missing,
     *     damaged or from another run
     */
    public RunResult run(BenchmarkProblem p, RunOptions o, RunDirectory d) {
        Path dir = d.path();
        RunCheckpoint.refuseUnfinished(dir, o);
        RunSettings settings = RunSettings.of(o.parameters());
        Recipe base =
                settings.applyTo(p.name(), p.recipe(o.recipe(), o.optimizer().orElse(null)));
        Recipe seeded = base.withSeed(o.seed().orElse(base.seed()))
                .withThreads(o.threads().orElse(base.threads()));
        double noise = o.noiseFor(p);
        ProblemContext ctx = References.contextFor(
                p, seeded.seed(), noise, o.quick(), RunSettings.problemParameters(o.parameters()));
        Problem problem = settings.applyTo(p, p.problem(ctx));
        Recipe recipe = o.initFrom().isPresent()
                ? seeded.startFrom(startModel(o.initFrom().get(), problem))
                : seeded;
        String walkthrough = p.walkthrough(problem, recipe);

        Optional<Reference> reference = ctx.reference().isPresent() ? ctx.reference() : References.forProblem(p, ctx);
        double[][] points = p.evaluationGrid().points();
        Optional<double[][]> refValues = reference.map(r -> r.values(points));

        Trainer trainer;
        try {
            trainer = RunCheckpoint.trainer(
                    p.name(),
                    problem,
                    recipe,
                    changedParameters(p, ctx, settings),
                    o,
                    dir,
                    o.listeners().toArray(new TrainingListener[0]));
        } catch (IllegalArgumentException e) {
            if (o.initFrom().isPresent() && e.getMessage().startsWith("the start model")) {
                throw new IllegalArgumentException("--init-from " + o.initFrom().get() + ": " + e.getMessage(), e);
            }
            throw e;
        }
        List<String> measured = p.measuredOutputs(problem);
        if (refValues.isPresent() && refValues.get().length == measured.size()) {
            // the error on the evaluation grid along the way (history column "validation", and the time to
            // accuracy in the report); about 100 evaluations per run
            int every = o.validationEvery() > 0 ? o.validationEvery() : Math.max(10, trainer.plannedSteps() / 100);
            trainer.validation(new PointSet(points), measured, refValues.get(), every, o.validationSeconds());
        }
        TrainingResult training = trainer.train();
        PinnModel model = training.model();

        Evaluation evaluation = new Evaluation(
                points, measured, rows(model.predict(new PointSet(points)), problem.outputs(), measured), refValues);
        String[] note = {""};
        ErrorSummary errors = measure(p, evaluation, note);

        Map<String, Double> truth = new LinkedHashMap<>(p.trueCoefficients());
        OptionalDouble published = p.publishedRelL2().map(OptionalDouble::of).orElse(OptionalDouble.empty());
        RunResult result = new RunResult(
                p.name(),
                dir,
                recipe,
                o.recipe(),
                noise,
                training,
                evaluation,
                errors,
                note[0],
                p.publishedFigure(),
                published,
                model.coefficients(),
                truth,
                derived(p.derivedQuantities(ctx), model),
                walkthrough == null ? "" : walkthrough);

        OutputSet outputs = new OutputSet(dir);
        try {
            Path staged = outputs.staging();
            ModelFile.save(
                    model,
                    staged.resolve(MODEL_FILE),
                    new ModelFile.CatalogueEntry(p.name(), p.version(), ctx.parameters(), settings.values()));
            AtomicFiles.writeString(
                    staged.resolve(HISTORY_FILE), training.history().toCsv());
            List<String> notes = new ArrayList<>();
            try {
                artifacts.write(staged, p, result, model);
            } catch (AtomicFiles.WriteFailedException e) {
                throw e; // a full disk fails the whole set, charts included
            } catch (RuntimeException e) {
                // charts are a convenience: a failing chart must not lose the trained model or the report
                notes.add("Charts could not be written: " + e.getMessage());
            }
            AtomicFiles.writeString(
                    staged.resolve(REPORT_FILE),
                    RunReport.markdown(p, p.derivedQuantities(ctx), result, chartFiles(staged), notes));
            outputs.commit();
        } catch (AtomicFiles.WriteFailedException e) {
            throw outputs.forTarget(e);
        } finally {
            outputs.close();
        }
        if (training.status() != TrainingResult.Status.INTERRUPTED) {
            RunCheckpoint.finished(dir); // a run stopped on request keeps the checkpoint it saved, for --resume
        }
        return result;
    }

    /**
     * The parameters set away from their defaults and the run settings given, by name: what a checkpoint must agree
     * on (a run made before parameters existed had the defaults, and records none).
     */
    private static Map<String, Double> changedParameters(BenchmarkProblem p, ProblemContext ctx, RunSettings settings) {
        Map<String, Double> out = new java.util.TreeMap<>(settings.values());
        for (org.pinn4j.problems.ProblemParameter pp : p.parameters()) {
            double v = ctx.parameter(pp);
            if (Double.compare(v, pp.defaultValue()) != 0) {
                out.put(pp.name(), v);
            }
        }
        return out;
    }

    /** Errors of each derived quantity (e.g. Greeks from the network's derivatives) on its own grid. */
    static Map<String, ErrorSummary> derived(List<DerivedQuantity> quantities, PinnModel model) {
        Map<String, ErrorSummary> out = new LinkedHashMap<>();
        for (DerivedQuantity q : quantities) {
            double[][] points = q.grid().points();
            double[] predicted = model.evaluate(
                            new PointSet(points), s -> List.of(q.expression().apply(s)))[0];
            double[] exact = q.exact().values(points)[0];
            boolean finite = predicted.length == exact.length;
            for (int i = 0; finite && i < predicted.length; i++) {
                finite = Double.isFinite(predicted[i]) && Double.isFinite(exact[i]);
            }
            // a diverged model (non-finite values) is reported as NaN, like the main errors
            out.put(q.name(), finite ? Metrics.summary(predicted, exact) : RunResult.noErrors());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Metrics over all outputs stacked (output 0's points, then output 1's, ...). */
    private static ErrorSummary measure(BenchmarkProblem p, Evaluation e, String[] note) {
        if (e.reference().isEmpty()) {
            note[0] = "no exact or reference solution is available for " + p.name() + " (reference kind: "
                    + p.referenceKind() + ")";
            return RunResult.noErrors();
        }
        double[][] pred = e.prediction();
        double[][] ref = e.reference().get();
        if (ref.length != pred.length) {
            throw new IllegalStateException(
                    "reference of " + p.name() + " gives " + ref.length + " outputs; the model has " + pred.length);
        }
        double[] a = stack(pred);
        double[] b = stack(ref);
        if (a.length != b.length) {
            throw new IllegalStateException("reference of " + p.name() + " gives " + b.length
                    + " values on the evaluation grid; expected " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                note[0] = "the model predicts a non-finite value (" + a[i] + ") on the evaluation grid";
                return RunResult.noErrors();
            }
            if (!Double.isFinite(b[i])) {
                note[0] = "the reference solution has a non-finite value (" + b[i] + ") on the evaluation grid";
                return RunResult.noErrors();
            }
        }
        ErrorSummary s = Metrics.summary(a, b);
        if (Double.isNaN(s.relativeL2())) {
            note[0] =
                    "the reference solution is identically zero on the evaluation grid, so the relative L2 error is undefined";
        }
        return s;
    }

    /** The rows of {@code all} (one per output in {@code outputs} order) for the outputs {@code wanted}. */
    private static double[][] rows(double[][] all, List<String> outputs, List<String> wanted) {
        double[][] out = new double[wanted.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = all[outputs.indexOf(wanted.get(k))];
        }
        return out;
    }

    private static double[] stack(double[][] rows) {
        int n = 0;
        for (double[] r : rows) {
            n += r.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] r : rows) {
            System.arraycopy(r, 0, out, k, r.length);
            k += r.length;
        }
        return out;
    }

    /** PNG and SVG files in {@code dir}, sorted by name. */
    static List<String> chartFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".png") || n.endsWith(".svg"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + OutputDirs.describe(e, dir), e);
        }
    }
}
