package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.List;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.autodiff.taylor.TaylorNetwork;
import org.pinn4j.autodiff.taylor.Tile;
import org.pinn4j.autodiff.taylor.TileLoss;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;

/** A held-out set of points with known outputs; its mean squared error is the validation curve. */
final class Validation {
    private final Program program;
    private final TaylorNetwork network;
    private final double[][] points;
    private final double[][] values;
    private final int count;
    private final int every;
    private final int coefficientOffset;

    Validation(Problem problem, NetworkSpec spec, int tileSize, PointSet points, double[][] values, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("validation interval must be >= 1 step; got " + every);
        }
        if (points.dimension() != problem.inputs().size()) {
            throw new IllegalArgumentException("validation points have " + points.dimension()
                    + " coordinates; the problem has " + problem.inputs().size() + " inputs " + problem.inputs());
        }
        if (values.length != problem.outputs().size()) {
            throw new IllegalArgumentException("validation values: " + values.length + " arrays for "
                    + problem.outputs().size() + " outputs " + problem.outputs());
        }
        for (double[] v : values) {
            if (v.length != points.size()) {
                throw new IllegalArgumentException(
                        "validation values: " + v.length + " values for " + points.size() + " points");
            }
        }
        Scope scope = problem.newScope(List.of());
        List<Field> outs = new ArrayList<>();
        for (String o : problem.outputs()) {
            outs.add(scope.output(o));
        }
        this.program = Program.compile(outs);
        this.network = new TaylorNetwork(spec, program.plan(), tileSize);
        program.bind(network.plan());
        this.points = points.toArray();
        this.values = values;
        this.count = points.size();
        this.every = every;
        this.coefficientOffset = spec.parameterCount();
    }

    int every() {
        return every;
    }

    /** Mean over points and outputs of (prediction - value)^2. */
    double error(double[] params) {
        TileLoss<Program.Scratch> loss = new TileLoss<>() {
            @Override
            public Program.Scratch newScratch(int tileSize) {
                return program.newScratch(tileSize);
            }

            @Override
            public double evaluate(Tile tile, Program.Scratch s) {
                program.forward(tile, new double[0][], coefficientOffset, s);
                double sum = 0;
                for (int j = 0; j < values.length; j++) {
                    int off = program.valueOffset(s, j);
                    for (int p = 0; p < tile.size(); p++) {
                        double d = s.values[off + p] - values[j][tile.start() + p];
                        sum += d * d;
                    }
                }
                return sum;
            }
        };
        try (BatchEvaluator evaluator = new BatchEvaluator(1)) {
            return evaluator.loss(network, points, count, loss, params) / ((double) count * values.length);
        }
    }
}
