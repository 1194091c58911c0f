package org.pinn4j.validation.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.metrics.ErrorSummary;

/**
 * Outcome of one benchmark run.
 *
 * @param problem           catalogue name
 * @param dir               run directory (model.json, history.csv, report.md, charts)
 * @param recipe            the recipe actually used (seed and threads applied)
 * @param recipeName        the name of the problem's recipe it was trained with (default, quick, ...)
 * @param noise             relative noise level of data terms
 * @param training          the trainer's result (model, history, time, status)
 * @param evaluation        prediction and reference on the evaluation grid
 * @param errors            errors over all outputs stacked; all NaN (count 0) without a usable reference
 * @param errorNote         why the errors are NaN, or empty
 * @param publishedFigure   the published figure in words, or "-"
 * @param publishedRelL2    the published relative L2 error, if any
 * @param coefficients      identified coefficients (inverse problems), in declaration order
 * @param trueCoefficients  their true values
 * @param derived           errors of the problem's derived quantities (e.g. Greeks) by name, in declaration order
 * @param walkthrough       the problem's walkthrough text (e.g. first steps by hand), or empty
 */
public record RunResult(
        String problem,
        Path dir,
        Recipe recipe,
        String recipeName,
        double noise,
        TrainingResult training,
        Evaluation evaluation,
        ErrorSummary errors,
        String errorNote,
        String publishedFigure,
        OptionalDouble publishedRelL2,
        Map<String, Double> coefficients,
        Map<String, Double> trueCoefficients,
        Map<String, ErrorSummary> derived,
        String walkthrough) {

    /** Whether it was trained with the quick recipe (the reduced budget). */
    public boolean quick() {
        return BenchmarkProblem.QUICK_RECIPE.equals(recipeName);
    }

    /** A result without derived quantities or walkthrough. */
    public RunResult(
            String problem,
            Path dir,
            Recipe recipe,
            String recipeName,
            double noise,
            TrainingResult training,
            Evaluation evaluation,
            ErrorSummary errors,
            String errorNote,
            String publishedFigure,
            OptionalDouble publishedRelL2,
            Map<String, Double> coefficients,
            Map<String, Double> trueCoefficients) {
        this(
                problem,
                dir,
                recipe,
                recipeName,
                noise,
                training,
                evaluation,
                errors,
                errorNote,
                publishedFigure,
                publishedRelL2,
                coefficients,
                trueCoefficients,
                Map.of(),
                "");
    }

    /** Errors of a run without a usable reference. */
    static ErrorSummary noErrors() {
        return new ErrorSummary(Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /** The trained model (after divergence: the last good parameters). */
    public PinnModel model() {
        return training.model();
    }

    /** True unless training diverged. */
    public boolean ok() {
        return training.ok();
    }

    /** True if training was stopped on request (a signal) before its end; its checkpoint continues it. */
    public boolean interrupted() {
        return training.status() == org.pinn4j.core.train.TrainingResult.Status.INTERRUPTED;
    }

    /** Seed used. */
    public long seed() {
        return recipe.seed();
    }

    /** Threads used. */
    public int threads() {
        return recipe.threads();
    }

    /** Training wall time in seconds. */
    public double seconds() {
        return training.seconds();
    }

    /** Steps actually run (L-BFGS iterations included). */
    public int steps() {
        return training.history().size();
    }

    /** Relative L2 error over all outputs (NaN without a reference). */
    public double relL2() {
        return errors.relativeL2();
    }

    /**
     * A point of a run's history.
     *
     * @param step    training step (1-based, L-BFGS iterations counted as steps)
     * @param seconds wall time since the start of training at that step
     */
    public record Milestone(int step, double seconds) {}

    /**
     * The relative L2 error on the evaluation grid along the way (all outputs stacked), at each step where the
     * runner recorded the validation error.
     *
     * @param steps    training steps (1-based)
     * @param seconds  wall time since the start of training at each step
     * @param relL2    relative L2 error at each step
     */
    public record RelL2Curve(int[] steps, double[] seconds, double[] relL2) {
        /** Number of points. */
        public int size() {
            return steps.length;
        }

        /** The first point at which the error is at most {@code target}, or empty if it never was. */
        public Optional<Milestone> first(double target) {
            for (int i = 0; i < relL2.length; i++) {
                if (relL2[i] <= target) {
                    return Optional.of(new Milestone(steps[i], seconds[i]));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The recorded relative L2 errors of the training (empty without a reference solution, or one that is
     * identically zero).
     */
    public RelL2Curve relL2Curve() {
        if (evaluation.reference().isEmpty()) {
            return new RelL2Curve(new int[0], new double[0], new double[0]);
        }
        double sumSquares = 0;
        long count = 0;
        for (double[] row : evaluation.reference().get()) {
            for (double v : row) {
                sumSquares += v * v;
                count++;
            }
        }
        if (sumSquares == 0) {
            return new RelL2Curve(new int[0], new double[0], new double[0]);
        }
        double meanSquare = sumSquares / count;
        double[] validation = training.history().validation();
        double[] seconds = training.history().seconds();
        int[] steps = training.history().steps();
        int n = 0;
        for (double v : validation) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        RelL2Curve c = new RelL2Curve(new int[n], new double[n], new double[n]);
        int k = 0;
        for (int i = 0; i < validation.length; i++) {
            if (!Double.isNaN(validation[i])) {
                c.steps[k] = steps[i];
                c.seconds[k] = seconds[i];
                // validation = mean of squared differences over the same values, so rel L2 = sqrt(mse / mean(ref^2))
                c.relL2[k] = Math.sqrt(validation[i] / meanSquare);
                k++;
            }
        }
        return c;
    }

    /**
     * The first recorded step at which the relative L2 error on the evaluation grid (all outputs stacked, from
     * the validation errors the runner records along the way) is at most {@code target}, or empty if it never
     * was or no validation was recorded.
     */
    public Optional<Milestone> timeToRelL2(double target) {
        return relL2Curve().first(target);
    }

    /** True if errors could be measured. */
    public boolean measured() {
        return errors.count() > 0 && !Double.isNaN(errors.relativeL2());
    }

    /** "better" or "worse" than the published relative L2 error, "-" if either is missing. */
    public String verdict() {
        if (publishedRelL2.isEmpty() || !measured()) {
            return "-";
        }
        return relL2() <= publishedRelL2.getAsDouble() ? "better" : "worse";
    }

    /** Relative error of an identified coefficient in percent (NaN if its true value is unknown or zero). */
    public double coefficientErrorPercent(String name) {
        Double truth = trueCoefficients.get(name);
        Double found = coefficients.get(name);
        if (truth == null || found == null || truth == 0.0) {
            return Double.NaN;
        }
        return 100.0 * Math.abs(found - truth) / Math.abs(truth);
    }

    /**
     * The command line's result line:
     * {@code <problem> rel_l2=<value> published=<value or -> time_s=<value>[ name=value ...]}: identified
     * coefficients, then {@code <quantity>_rel_l2} for each derived quantity.
     */
    public String resultLine() {
        StringBuilder sb = new StringBuilder(problem);
        sb.append(" rel_l2=").append(Numbers.sci(relL2()));
        sb.append(" published=")
                .append(publishedRelL2.isPresent() ? Numbers.compact(publishedRelL2.getAsDouble()) : "-");
        sb.append(" time_s=").append(Numbers.fixed(seconds(), 1));
        coefficients.forEach((k, v) -> sb.append(' ').append(k).append('=').append(Numbers.precise(v)));
        derived.forEach((k, e) -> sb.append(' ').append(k).append("_rel_l2=").append(Numbers.sci(e.relativeL2())));
        return sb.toString();
    }
}
