package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pinn4j.core.problem.Problem;

/**
 * Training over a time range in windows (time marching): window k trains its own problem on
 * [b<sub>k</sub>, b<sub>k+1</sub>], starting from the parameters window k - 1 ended with, and with that window's
 * outputs at b<sub>k</sub> as its initial state; the trained windows compose into one {@link PinnModel} over the
 * whole range ({@link PinnModel#windowed}). A solution that one network over the whole range fails to follow (a
 * long oscillation, a front that moves) is often learnt window by window.
 *
 * <p>The caller builds each window's problem ({@link WindowProblem}): its domain spans the window along the time
 * input, and its initial condition (hard, through an output transform, or soft) takes the previous window's
 * model at the window's start. Each window's network scales its own window to [-1, 1], so window k starts from
 * the function window k - 1 learnt, moved forward by one window. (Causal weighting, the other way to train in
 * time order, is not offered: its authors state that it is patented.)
 */
public final class TimeWindows {
    /** Builds the problem of one window. */
    @FunctionalInterface
    public interface WindowProblem {
        /**
         * The problem on [start, end] along the time input.
         *
         * @param previous the trained model of the window before, whose outputs at {@code start} are this window's
         *     initial state; null for the first window, which takes the problem's own initial condition
         */
        Problem window(double start, double end, PinnModel previous);
    }

    /**
     * Where a windowed run keeps what it has done, so that an interrupted run resumes inside the window it was in,
     * bit for bit: a checkpoint store per window and the models of the windows that completed.
     */
    public interface Progress {
        /** The checkpoint store of window k (0-based). */
        CheckpointStore checkpoints(int window);

        /** True if window k has a checkpoint that an interrupted run saved. */
        boolean hasCheckpoint(int window);

        /** Keeps window k's trained model; called when the window completes, before the next one starts. */
        void completed(int window, PinnModel model);

        /** Window k's model as an earlier run completed it, attached to {@code problem}, or empty. */
        java.util.Optional<PinnModel> completedWindow(int window, Problem problem);
    }

    /**
     * The composed model (over the windows that completed, or up to the one that stopped), the trainings this call
     * ran (windows completed by an earlier run are not trained again) and their time.
     */
    public record Result(PinnModel model, List<TrainingResult> windows, double seconds) {
        /** True if every window this call trained completed (none diverged or was stopped). */
        public boolean ok() {
            return windows.stream().allMatch(w -> w.status() == TrainingResult.Status.COMPLETED);
        }
    }

    private final String input;
    private final double[] boundaries;

    private TimeWindows(String input, double[] boundaries) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("time windows need the name of the time input, e.g. \"t\"");
        }
        if (boundaries.length < 2) {
            throw new IllegalArgumentException(
                    "time windows need at least two boundaries (one window); got " + Arrays.toString(boundaries));
        }
        for (int k = 0; k < boundaries.length; k++) {
            if (!Double.isFinite(boundaries[k]) || (k > 0 && !(boundaries[k] > boundaries[k - 1]))) {
                throw new IllegalArgumentException(
                        "window boundaries must be finite and increasing; got " + Arrays.toString(boundaries));
            }
        }
        this.input = input;
        this.boundaries = boundaries.clone();
    }

    /**
     * {@code windows} equal windows of [start, end] along {@code input}.
     *
     * @throws IllegalArgumentException if windows &lt; 1 or not start &lt; end
     */
    public static TimeWindows equal(String input, double start, double end, int windows) {
        if (windows < 1) {
            throw new IllegalArgumentException("the number of time windows must be >= 1; got " + windows);
        }
        double[] b = new double[windows + 1];
        for (int k = 0; k <= windows; k++) {
            b[k] = k == windows ? end : start + (end - start) * k / windows;
        }
        return new TimeWindows(input, b);
    }

    /**
     * Windows between the given boundaries along {@code input} (n + 1 increasing values for n windows).
     *
     * @throws IllegalArgumentException if fewer than two boundaries are given or they do not increase
     */
    public static TimeWindows at(String input, double... boundaries) {
        if (boundaries == null) {
            throw new IllegalArgumentException("time windows need their boundaries");
        }
        return new TimeWindows(input, boundaries);
    }

    /** The time input. */
    public String input() {
        return input;
    }

    /** The boundaries, n + 1 for n windows. */
    public double[] boundaries() {
        return boundaries.clone();
    }

    /** Number of windows. */
    public int count() {
        return boundaries.length - 1;
    }

    /**
     * Trains the windows in order with {@code recipe} (the same recipe and seed for each; windows after the first
     * start from the previous window's parameters) and composes them. A window that does not complete ends the
     * run: the result holds the windows trained so far, and its model covers their range.
     *
     * @throws IllegalArgumentException if a window's problem lacks the time input or its domain does not span the
     *     window along it
     */
    public Result train(WindowProblem problems, Recipe recipe, TrainingListener... listeners) {
        return train(problems, recipe, 0, null, listeners);
    }

    /**
     * As {@link #train(WindowProblem, Recipe, TrainingListener...)}, keeping its progress in {@code progress}: each
     * window saves a checkpoint every {@code checkpointEvery} steps (0 = none) and its model when it completes; a
     * window an earlier run completed is taken from there, and one it left a checkpoint in is resumed from it, so
     * an interrupted run continued this way ends with the same bits as one never interrupted.
     *
     * @throws IllegalArgumentException also if checkpointEvery &lt; 0, or a window's checkpoint is damaged or of
     *     another problem or recipe
     */
    public Result train(
            WindowProblem problems,
            Recipe recipe,
            int checkpointEvery,
            Progress progress,
            TrainingListener... listeners) {
        if (checkpointEvery < 0 || (checkpointEvery > 0 && progress == null)) {
            throw new IllegalArgumentException("checkpoints need an interval >= 1 and a place to keep them; got every "
                    + checkpointEvery + (progress == null ? " and no progress store" : ""));
        }
        List<PinnModel> pieces = new ArrayList<>();
        List<TrainingResult> results = new ArrayList<>();
        double seconds = 0;
        PinnModel previous = null;
        for (int k = 0; k < count(); k++) {
            Problem problem = problems.window(boundaries[k], boundaries[k + 1], previous);
            check(problem, k);
            java.util.Optional<PinnModel> done =
                    progress == null ? java.util.Optional.empty() : progress.completedWindow(k, problem);
            if (done.isPresent()) {
                pieces.add(done.get());
                previous = done.get();
                continue;
            }
            Recipe windowRecipe = recipe;
            if (previous != null) {
                // the previous parameters in this window's network (its own input scaling)
                PinnModel start = new PinnModel(
                        problem, Trainer.seededSpec(problem, recipe), previous.parameters(), previous.recipe());
                windowRecipe = recipe.startFrom(start);
            }
            Trainer trainer = progress != null && progress.hasCheckpoint(k)
                    ? Trainer.resume(problem, windowRecipe, progress.checkpoints(k), listeners)
                    : new Trainer(problem, windowRecipe, listeners);
            if (checkpointEvery > 0) {
                trainer.checkpointEvery(checkpointEvery, progress.checkpoints(k));
            }
            TrainingResult r = trainer.train();
            if (progress != null && r.status() == TrainingResult.Status.COMPLETED) {
                progress.completed(k, r.model());
            }
            results.add(r);
            pieces.add(r.model());
            seconds += r.seconds();
            previous = r.model();
            if (r.status() != TrainingResult.Status.COMPLETED) {
                break;
            }
        }
        double[] covered = Arrays.copyOf(boundaries, pieces.size() + 1);
        return new Result(PinnModel.windowed(input, covered, pieces), List.copyOf(results), seconds);
    }

    private void check(Problem problem, int k) {
        int i = problem.inputs().indexOf(input);
        String which = "time window " + (k + 1) + " of " + count();
        if (i < 0) {
            throw new IllegalArgumentException(
                    which + ": the problem has no input '" + input + "'; its inputs are " + problem.inputs());
        }
        double lo = problem.domain().lower()[i];
        double hi = problem.domain().upper()[i];
        if (lo != boundaries[k] || hi != boundaries[k + 1]) {
            throw new IllegalArgumentException(which + ": the problem's domain spans [" + lo + ", " + hi + "] in "
                    + input + "; the window is [" + boundaries[k] + ", " + boundaries[k + 1]
                    + "]: build the window's problem on the start and end it is given");
        }
    }
}
