package org.pinn4j.validation.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.nn.NetworkConfig;
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
 * Times full-batch Adam steps of a catalogue problem on its (full-budget) network, or on another depth and width:
 * a warm-up for the JIT, then the timed steps; the result is wall time per step (forward, Taylor streams, reverse
 * sweep and optimizer update) and the step's dense work, from which a share of the machine's FMA peak follows.
 */
public final class Bench {
    private static final double LEARNING_RATE = 1e-3;

    private Bench() {}

    /**
     * Outcome of a benchmark.
     *
     * @param problem   catalogue name
     * @param network   network description
     * @param parameters trainable parameters of the network
     * @param points    residual points per step (summed over the residual conditions)
     * @param threads   worker threads
     * @param warmup    untimed steps
     * @param steps     timed steps
     * @param msPerStep mean wall time per timed step in milliseconds
     * @param denseFlopsPerStep the step's dense work (see {@link #denseFlops}), in floating-point operations
     */
    public record Result(
            String problem,
            String network,
            int parameters,
            int points,
            int threads,
            int warmup,
            int steps,
            double msPerStep,
            double denseFlopsPerStep) {
        /** The rate of the dense work, in GFLOP/s: {@code denseFlopsPerStep / msPerStep / 1e6}. */
        public double denseGflops() {
            return denseFlopsPerStep / msPerStep / 1e6;
        }
    }

    /** Untimed warm-up steps before {@code steps} timed ones. */
    public static int warmupFor(int steps) {
        return Math.max(10, steps / 5);
    }

    /**
     * Runs the benchmark on the problem's own network.
     *
     * @param points residual points per residual condition (empty = the problem's own count)
     * @throws IllegalArgumentException if a size is not positive or the problem has no residual condition
     */
    public static Result run(BenchmarkProblem p, int steps, OptionalInt points, int threads) {
        return run(p, steps, points, OptionalInt.empty(), OptionalInt.empty(), threads);
    }

    /**
     * Runs the benchmark, on {@code depth} hidden layers of {@code width} units where given (the problem network's
     * activation, initializer and input maps kept).
     *
     * @param points residual points per residual condition (empty = the problem's own count)
     * @param depth hidden layers (empty = the problem network's)
     * @param width units per hidden layer (empty = the problem network's, which must then have one width)
     * @throws IllegalArgumentException if a size is not positive, the network would not fit the heap or the problem
     *     has no residual condition
     */
    public static Result run(
            BenchmarkProblem p, int steps, OptionalInt points, OptionalInt depth, OptionalInt width, int threads) {
        if (steps < 1) {
            throw new IllegalArgumentException("benchmark steps must be >= 1; got " + steps);
        }
        if ((long) warmupFor(steps) + steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("benchmark steps plus their warm-up (a fifth more) must be at most "
                    + Integer.MAX_VALUE + "; got " + steps + " steps");
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
        Recipe own = p.recipe(false);
        NetworkConfig network = resized(own.network(), depth, width);
        requireParameterMemory(problem, network);
        Recipe recipe = own.withNetwork(network)
                .withSeed(0L)
                .withThreads(threads)
                .withPhases(Phase.adam(warmup + steps, LEARNING_RATE));
        NetworkSpec spec = spec(problem, network);
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
        return new Result(
                p.name(),
                recipe.network().toString(),
                spec.parameterCount(),
                residualPoints,
                threads,
                warmup,
                steps,
                ms,
                denseFlops(problem, spec));
    }

    /**
     * The dense work of one full-batch step: for every condition, its points times 6 S times the weights of the
     * network's affine layers, where S is the number of Taylor streams the condition reads (the value and each
     * derivative of the outputs it needs, their lower orders included). Every weight sees a multiply-add (2 flops)
     * per stream and point in each of three passes: the forward pass, the transposed (adjoint) pass and the weight
     * gradient. Periodic conditions count twice (both ends); elementwise work (activations, Taylor rules, residual
     * expressions) is not counted, so the share of the FMA peak derived from it is a lower bound.
     */
    public static double denseFlops(Problem problem, NetworkSpec spec) {
        double weights = 0;
        for (int l = 0; l < spec.layers(); l++) {
            weights += (double) spec.layerInputs(l) * spec.width(l + 1);
        }
        double flops = 0;
        for (Condition c : problem.conditions()) {
            int streams = Program.compile(c.expressions(problem.newScope(problem.columnNames(c))))
                    .plan()
                    .size();
            int ends = c.kind() == Condition.Kind.PERIODIC ? 2 : 1;
            flops += 6.0 * streams * weights * c.points() * ends;
        }
        return flops;
    }

    /** The network of depth x width, or {@code network} itself when neither is given. */
    static NetworkConfig resized(NetworkConfig network, OptionalInt depth, OptionalInt width) {
        if (depth.isEmpty() && width.isEmpty()) {
            return network;
        }
        int[] hidden = network.hiddenWidths();
        int w;
        if (width.isPresent()) {
            w = width.getAsInt();
        } else {
            for (int h : hidden) {
                if (h != hidden[0]) {
                    throw new IllegalArgumentException("the problem's network has hidden widths "
                            + java.util.Arrays.toString(hidden) + "; give a width as well as a depth");
                }
            }
            w = hidden[0];
        }
        int d = depth.orElse(hidden.length);
        if (d < 1 || w < 1) {
            throw new IllegalArgumentException(
                    "network needs depth >= 1 and width >= 1; got depth " + d + ", width " + w);
        }
        int[] widths = new int[d];
        java.util.Arrays.fill(widths, w);
        return network.hiddenWidths(widths);
    }

    private static NetworkSpec spec(Problem problem, NetworkConfig network) {
        double[] lower = problem.domain().lower();
        double[] upper = problem.domain().upper();
        return network.spec(problem.inputs(), problem.outputs().size(), lower, upper, new SplittableRandom(0));
    }

    /**
     * Refuses up front a network whose parameter vectors (Adam keeps about eight of them: parameters, gradient,
     * moments and per-thread gradients) exceed the heap, before any of them is allocated.
     */
    private static void requireParameterMemory(Problem problem, NetworkConfig network) {
        long previous = problem.inputs().size() + 2L * network.fourierFeatureCount(); // input maps' few extra omitted
        long parameters = 0;
        for (int h : network.hiddenWidths()) {
            parameters += (previous + 1) * h;
            previous = h;
        }
        parameters += (previous + 1) * problem.outputs().size();
        long bytes = 64L * parameters;
        long max = Runtime.getRuntime().maxMemory();
        if (parameters > Integer.MAX_VALUE / 2 || bytes > max) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "network %s has about %d parameters and needs at least %.1f GB for them; this JVM may use %.1f GB"
                            + " (more with PINN_JAVA_OPTS=-Xmx<size>); expected a smaller depth or width",
                    network,
                    parameters,
                    bytes / 1e9,
                    max / 1e9));
        }
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
