package org.pinn4j.validation.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.StepReport;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.reference.References;

/**
 * Times full-batch Adam steps of a catalogue problem on its (full-budget) network: a warm-up for the JIT,
 * then the timed steps; the result is wall time per step (forward, Taylor streams, reverse sweep and
 * optimizer update).
 */
public final class Bench {
    private static final double LEARNING_RATE = 1e-3;

    private Bench() {}

    /**
     * Outcome of a benchmark.
     *
     * @param problem   catalogue name
     * @param network   network description
     * @param points    residual points per step (summed over the residual conditions)
     * @param threads   worker threads
     * @param warmup    untimed steps
     * @param steps     timed steps
     * @param msPerStep mean wall time per timed step in milliseconds
     */
    public record Result(
            String problem, String network, int points, int threads, int warmup, int steps, double msPerStep) {}

    /** Untimed warm-up steps before {@code steps} timed ones. */
    public static int warmupFor(int steps) {
        return Math.max(10, steps / 5);
    }

    /**
     * Runs the benchmark.
     *
     * @param points residual points per residual condition (empty = the problem's own count)
     * @throws IllegalArgumentException if a size is not positive or the problem has no residual condition
     */
    public static Result run(BenchmarkProblem p, int steps, OptionalInt points, int threads) {
        if (steps < 1) {
            throw new IllegalArgumentException("benchmark steps must be >= 1; got " + steps);
        }
        if (points.isPresent() && points.getAsInt() < 1) {
            throw new IllegalArgumentException("residual points must be >= 1; got " + points.getAsInt());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1; got " + threads);
        }
        Problem problem = p.problem(References.contextFor(p, 0L, 0.0, false));
        List<Condition> conditions = new ArrayList<>();
        int residualPoints = 0;
        for (Condition c : problem.conditions()) {
            Condition d = c;
            if (isResidual(c)) {
                d = points.isPresent() ? c.withPoints(points.getAsInt()) : c;
                residualPoints += d.points();
            }
            conditions.add(d);
        }
        if (residualPoints == 0) {
            throw new IllegalArgumentException(
                    "problem '" + p.name() + "' has no residual condition on the interior to benchmark");
        }
        requireMemory(8L * problem.inputs().size() * residualPoints, residualPoints);
        problem = problem.withConditions(conditions);
        int warmup = warmupFor(steps);
        Recipe recipe =
                p.recipe(false).withSeed(0L).withThreads(threads).withPhases(Phase.adam(warmup + steps, LEARNING_RATE));
        double[] marks = new double[2];
        TrainingListener clock = new TrainingListener() {
            @Override
            public boolean onStep(StepReport r) {
                if (r.step() == warmup) {
                    marks[0] = r.elapsedSeconds();
                } else if (r.step() == warmup + steps) {
                    marks[1] = r.elapsedSeconds();
                }
                return true;
            }
        };
        TrainingResult t = new Trainer(problem, recipe, clock).train();
        if (!t.ok()) {
            throw new IllegalStateException(
                    "benchmark training diverged, so the timing is not meaningful: " + t.message());
        }
        double ms = (marks[1] - marks[0]) * 1e3 / steps;
        return new Result(p.name(), recipe.network().toString(), residualPoints, threads, warmup, steps, ms);
    }

    /**
     * Refuses up front a point count whose coordinates alone (a lower bound of what a step needs) exceed the
     * heap this JVM may use, instead of running out of memory part-way.
     */
    private static void requireMemory(long bytes, long points) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%d residual points need at least %.1f GB for their coordinates alone; this JVM may use %.1f GB"
                            + " (more with PINN_JAVA_OPTS=-Xmx<size>); expected fewer points",
                    points,
                    bytes / 1e9,
                    max / 1e9));
        }
    }

    /** Residual conditions are the pointwise ones resampled on the domain's interior (Conditions.pde / system). */
    static boolean isResidual(Condition c) {
        return c.kind() == Condition.Kind.POINTWISE
                && !c.region().fixed()
                && "interior".equals(c.region().describe());
    }
}
