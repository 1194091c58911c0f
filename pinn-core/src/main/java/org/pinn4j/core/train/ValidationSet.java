package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.List;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;

/** A held-out set of points with known outputs; its mean squared error is the validation curve. */
final class ValidationSet {
    private final BoundProgram bound;
    private final double[][] points;
    private final double[][] values;
    private final int count;
    /** Mean over points and outputs of the squared values: the denominator of {@link #relativeL2}. */
    private final double meanSquare;

    private final int every;
    private final double everySeconds;
    private double lastSeconds = Double.NEGATIVE_INFINITY;

    ValidationSet(
            Problem problem,
            NetworkSpec spec,
            int tileSize,
            PointSet points,
            List<String> outputs,
            double[][] values,
            int every,
            double everySeconds) {
        if (every < 1) {
            throw new IllegalArgumentException("validation interval must be >= 1 step; got " + every);
        }
        if (!(everySeconds >= 0) || Double.isInfinite(everySeconds)) {
            throw new IllegalArgumentException(
                    "validation interval in seconds must be a finite number >= 0 (0 = steps only); got "
                            + everySeconds);
        }
        if (points.dimension() != problem.inputs().size()) {
            throw new IllegalArgumentException("validation points have " + points.dimension()
                    + " coordinates; the problem has " + problem.inputs().size() + " inputs " + problem.inputs());
        }
        if (outputs == null
                || outputs.isEmpty()
                || !problem.outputs().containsAll(outputs)
                || outputs.stream().distinct().count() != outputs.size()) {
            throw new IllegalArgumentException("validation outputs " + outputs
                    + " must be distinct names among the problem's outputs " + problem.outputs());
        }
        if (values.length != outputs.size()) {
            throw new IllegalArgumentException(
                    "validation values: " + values.length + " arrays for " + outputs.size() + " outputs " + outputs);
        }
        for (double[] v : values) {
            if (v.length != points.size()) {
                throw new IllegalArgumentException(
                        "validation values: " + v.length + " values for " + points.size() + " points");
            }
        }
        Scope scope = problem.newScope(List.of());
        List<Field> outs = new ArrayList<>();
        for (String o : outputs) {
            outs.add(scope.output(o));
        }
        this.bound = new BoundProgram(Program.compile(outs), spec, tileSize, spec.parameterCount());
        this.points = points.toArray();
        this.values = values;
        this.count = points.size();
        double sum = 0;
        for (double[] v : values) {
            for (double x : v) {
                sum += x * x;
            }
        }
        this.meanSquare = sum / ((double) count * values.length);
        this.every = every;
        this.everySeconds = everySeconds;
    }

    /**
     * Whether step {@code step} of {@code total}, {@code elapsed} seconds into training, is measured: every
     * {@code every} steps, the last step, and, with an interval in seconds, the first step at least that long
     * after the last measurement. A true answer starts the next interval.
     */
    boolean due(long step, long total, double elapsed) {
        boolean due = step % every == 0 || step == total || (everySeconds > 0 && elapsed - lastSeconds >= everySeconds);
        if (due) {
            lastSeconds = elapsed;
        }
        return due;
    }

    /**
     * The relative L2 error that a mean squared error {@code mse} from {@link #error} is: sqrt(mse / mean of the
     * squared values), NaN when the values are all 0.
     */
    double relativeL2(double mse) {
        return meanSquare > 0 ? Math.sqrt(mse / meanSquare) : Double.NaN;
    }

    /** Mean over points and outputs of (prediction - value)^2. */
    double error(double[] params) {
        try (BatchEvaluator evaluator = new BatchEvaluator(1)) {
            double sum = bound.run(evaluator, points, count, BoundProgram.NO_COLUMNS, params, null, (tile, s) -> {
                double tileSum = 0;
                for (int j = 0; j < values.length; j++) {
                    int off = bound.valueOffset(s, j);
                    for (int p = 0; p < tile.size(); p++) {
                        double d = s.program.values[off + p] - values[j][tile.start() + p];
                        tileSum += d * d;
                    }
                }
                return tileSum;
            });
            return sum / ((double) count * values.length);
        }
    }
}
