package org.pinn4j.validation.course;

import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.History;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.plots.ChartFiles;
import org.pinn4j.plots.LineComparisonChart;
import org.pinn4j.plots.LossHistoryChart;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.DerivedQuantity;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.catalogue.course.CwruExercise;
import org.pinn4j.problems.catalogue.course.OneNeuron;
import org.pinn4j.validation.runner.RunArtifacts;
import org.pinn4j.validation.runner.RunResult;

/**
 * The charts a student of the course exercises looks at, next to the generic ones of every run:
 * <ul>
 *   <li>{@code <quantity>_vs_exact}: each derived quantity of the problem (e.g. Delta and Gamma from the
 *       network's own derivatives) against its exact values, one curve per slice of its grid, plus the error;</li>
 *   <li>{@code loss_epochs}: every loss term averaged over each epoch, when the first phase trains in epochs
 *       of mini-batches;</li>
 *   <li>{@code price_slices} (cwru-exercise): the price V against S at t = 0 and t = 0.5, with the error;</li>
 *   <li>{@code fit} (one-neuron): the fitted curve, the target function and the training samples.</li>
 * </ul>
 * Registered as a {@link RunArtifacts} service, so the command line picks it up; problems without any of
 * these get no file from it.
 */
public final class CourseCharts implements RunArtifacts {
    /** Times of the price slices of the exercise. */
    static final double[] PRICE_SLICE_TIMES = {0.0, 0.5};

    /** Writes the charts that apply to {@code problem} into {@code dir}. */
    @Override
    public void write(Path dir, BenchmarkProblem problem, RunResult result, PinnModel model) {
        for (DerivedQuantity q : problem.derivedQuantities()) {
            save(comparison(q, model), dir.resolve(q.name() + "_vs_exact"));
        }
        XYChart epochs = epochLosses(result);
        if (epochs != null) {
            save(List.of(epochs), dir.resolve("loss_epochs"));
        }
        if (problem instanceof CwruExercise) {
            save(priceSlices(problem, model), dir.resolve("price_slices"));
        }
        if (problem instanceof OneNeuron) {
            save(fit(problem, model), dir.resolve("fit"));
        }
    }

    /** The quantity and its exact values along each slice of its grid (the last axis), and the errors. */
    static List<XYChart> comparison(DerivedQuantity q, PinnModel model) {
        double[][] points = q.grid().points();
        double[] predicted =
                model.evaluate(new PointSet(points), s -> List.of(q.expression().apply(s)))[0];
        double[] exact = q.exact().values(points)[0];
        List<String> inputs = model.problem().inputs();
        return slices(q.grid(), predicted, exact, inputs, q.description() + ": PINN vs exact", q.name())
                .asList();
    }

    /** Slices of values on a 1-D or 2-D grid (first axis fastest) as one comparison. */
    static LineComparisonChart.Charts slices(
            EvaluationGrid grid, double[] predicted, double[] exact, List<String> inputs, String title, String yLabel) {
        double[][] axes = grid.axes();
        double[] x = axes[0];
        if (axes.length == 1) {
            return LineComparisonChart.builder()
                    .title(title)
                    .xLabel(inputs.get(0))
                    .yLabel(yLabel)
                    .x(x)
                    .predicted(predicted)
                    .reference(exact)
                    .build();
        }
        if (axes.length != 2) {
            throw new IllegalArgumentException("course charts draw 1-D or 2-D grids; got " + axes.length + " axes");
        }
        LineComparisonChart.SlicesBuilder b =
                LineComparisonChart.slices().title(title).xLabel(inputs.get(0)).yLabel(yLabel);
        int n = x.length;
        for (int j = 0; j < axes[1].length; j++) {
            double[] p = java.util.Arrays.copyOfRange(predicted, j * n, (j + 1) * n);
            double[] e = java.util.Arrays.copyOfRange(exact, j * n, (j + 1) * n);
            b.slice(new LineComparisonChart.Slice(inputs.get(1) + " = " + axes[1][j], x, p, e));
        }
        return b.build();
    }

    /**
     * Each loss term (and the weighted total) averaged over every epoch of the first phase, if that phase
     * runs in epochs; null otherwise or if no epoch was completed.
     */
    static XYChart epochLosses(RunResult result) {
        List<Phase> phases = result.recipe().phases();
        if (phases.isEmpty() || phases.get(0).mode() != Phase.Mode.EPOCHS) {
            return null;
        }
        int perEpoch = batchesPerEpoch(result.model().problem(), phases.get(0).batchSize());
        History h = result.training().history();
        int epochs = Math.min(phases.get(0).length(), h.size() / perEpoch);
        if (epochs < 1) {
            return null;
        }
        double[] x = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            x[e] = e + 1;
        }
        LossHistoryChart.Builder b = LossHistoryChart.builder()
                .title("Loss terms per epoch (mean over the epoch's " + perEpoch + " mini-batches)")
                .xLabel("epoch")
                .steps(x)
                .total(epochMeans(h.totals(), epochs, perEpoch));
        for (int k = 0; k < h.termNames().size(); k++) {
            b.term("MSE_" + h.termNames().get(k), epochMeans(h.term(k), epochs, perEpoch));
        }
        return b.build();
    }

    /** Mini-batches per epoch as the trainer counts them: the largest pointwise condition over the batch size, rounded up. */
    static int batchesPerEpoch(Problem problem, int batchSize) {
        int max = 1;
        for (Condition c : problem.conditions()) {
            if (c.kind() == Condition.Kind.POINTWISE) {
                max = Math.max(max, c.points());
            }
        }
        return (max + batchSize - 1) / batchSize;
    }

    private static double[] epochMeans(double[] perStep, int epochs, int perEpoch) {
        double[] out = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            for (int k = 0; k < perEpoch; k++) {
                sum += perStep[e * perEpoch + k];
            }
            out[e] = sum / perEpoch;
        }
        return out;
    }

    /** V against S at t = 0 and t = 0.5 over the whole S range, against the closed form. */
    static List<XYChart> priceSlices(BenchmarkProblem problem, PinnModel model) {
        double[] s = EvaluationGrid.linspace(0, CwruExercise.S_MAX, 201);
        EvaluationGrid grid = new EvaluationGrid(new double[][] {s, PRICE_SLICE_TIMES});
        double[][] points = grid.points();
        double[] predicted = model.predict(new PointSet(points))[0];
        double[] exact = problem.analytic().orElseThrow().values(points)[0];
        return slices(grid, predicted, exact, model.problem().inputs(), "Call price V(S, t): PINN vs closed form", "V")
                .asList();
    }

    /** The one-neuron fit on the evaluation grid with the training samples as markers, and its error. */
    static List<XYChart> fit(BenchmarkProblem problem, PinnModel model) {
        double[] x = problem.evaluationGrid().axes()[0];
        double[][] points = {x};
        double[] predicted = model.predict(new PointSet(points))[0];
        double[] exact = problem.analytic().orElseThrow().values(points)[0];
        LineComparisonChart.Builder b = LineComparisonChart.builder()
                .title("One sigmoid neuron fitted by gradient descent")
                .xLabel("x")
                .yLabel("y")
                .x(x)
                .predicted(predicted)
                .reference(exact)
                .names("one neuron", "sigmoid(2x)");
        Problem p = model.problem();
        if (!p.conditions().isEmpty()) {
            Condition data = p.conditions().get(0);
            if (data.region().fixed()) {
                PointSet ps = data.region().sample(p.domain(), data.points(), null);
                double[][] cols = data.columns().of(ps);
                if (cols.length == 1) {
                    b.trainingPoints(ps.coordinate(0), cols[0]);
                }
            }
        }
        return b.build().asList();
    }

    /** base.png and base.svg through {@link AtomicFiles}, as every chart of a run (a full disk fails the run). */
    private static void save(List<XYChart> charts, Path base) {
        Path dir = base.getParent();
        String name = base.getFileName().toString();
        AtomicFiles.write(dir.resolve(name + ".png"), out -> ChartFiles.writeGridPng(charts, 2, out));
        AtomicFiles.write(dir.resolve(name + ".svg"), out -> ChartFiles.writeGridSvg(charts, 2, out));
    }
}
