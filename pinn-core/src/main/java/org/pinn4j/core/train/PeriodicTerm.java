package org.pinn4j.core.train;

import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.autodiff.taylor.TaylorNetwork;
import org.pinn4j.autodiff.taylor.Tile;
import org.pinn4j.autodiff.taylor.TileLoss;
import org.pinn4j.core.expr.Program;

/**
 * Periodicity loss: mean over point pairs of (e(a_p) - e(b_p))^2, where b_p is a_p moved from the lower
 * to the upper bound of one input and e is a compiled expression. Evaluated as four passes over the
 * small boundary sets: values at b and a, then the reverse sweeps at a and at b with opposite signs.
 */
final class PeriodicTerm {
    private final Program program;
    private final TaylorNetwork network;
    private final int coefficientOffset;
    private double[][] lower;
    private double[][] upper;
    private int count;
    private double[] valuesLower = new double[0];
    private double[] valuesUpper = new double[0];

    PeriodicTerm(Program program, NetworkSpec spec, int tileSize, int coefficientOffset) {
        if (program.roots() != 1) {
            throw new IllegalArgumentException("a periodic condition takes one expression; got " + program.roots());
        }
        this.program = program;
        this.network = new TaylorNetwork(spec, program.plan(), tileSize);
        program.bind(network.plan());
        this.coefficientOffset = coefficientOffset;
    }

    void setPoints(double[][] lowerSide, double[][] upperSide, int n) {
        this.lower = lowerSide;
        this.upper = upperSide;
        this.count = n;
        if (valuesLower.length < n) {
            valuesLower = new double[n];
            valuesUpper = new double[n];
        }
    }

    int count() {
        return count;
    }

    /** Mean squared mismatch; adds weight * gradient into grad when not null. */
    double evaluate(BatchEvaluator evaluator, double[] params, double[] grad, double weight) {
        if (count == 0) {
            return 0;
        }
        evaluator.loss(network, lower, count, new Pass(valuesLower, null, 0), params);
        evaluator.loss(network, upper, count, new Pass(valuesUpper, null, 0), params);
        double sum = 0;
        for (int p = 0; p < count; p++) {
            double d = valuesLower[p] - valuesUpper[p];
            sum += d * d;
        }
        if (grad != null) {
            double scale = 2 * weight / count;
            evaluator.lossAndGradient(network, lower, count, new Pass(null, valuesUpper, scale), params, grad);
            evaluator.lossAndGradient(network, upper, count, new Pass(null, valuesLower, scale), params, grad);
        }
        return sum / count;
    }

    /** One pass: capture values, or back-propagate scale * (own value - other side's value) from the root. */
    private final class Pass implements TileLoss<Program.Scratch> {
        private final double[] capture;
        private final double[] other;
        private final double scale;

        Pass(double[] capture, double[] other, double scale) {
            this.capture = capture;
            this.other = other;
            this.scale = scale;
        }

        @Override
        public Program.Scratch newScratch(int tileSize) {
            return program.newScratch(tileSize);
        }

        @Override
        public double evaluate(Tile tile, Program.Scratch s) {
            program.forward(tile, new double[0][], coefficientOffset, s);
            int off = program.valueOffset(s, 0);
            int n = tile.size();
            if (capture != null) {
                System.arraycopy(s.values, off, capture, tile.start(), n);
                return 0;
            }
            program.clearAdjoints(s, n);
            int a = program.adjointOffset(s, 0);
            for (int p = 0; p < n; p++) {
                // d/de_a (e_a - e_b)^2 = 2(e_a - e_b) and d/de_b = 2(e_b - e_a): both are 2(own - other)
                s.adjoints[a + p] += scale * (s.values[off + p] - other[tile.start() + p]);
            }
            program.backward(tile, coefficientOffset, s);
            return 0;
        }
    }
}
