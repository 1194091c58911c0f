package org.pinn4j.core.train;

import java.util.Arrays;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.core.sampling.PointSet;

/**
 * Periodicity loss: mean over point pairs of (e(a_p) - e(b_p))^2, where b_p is a_p moved from the lower
 * to the upper bound of one input and e is a compiled expression. Evaluated as four passes of its
 * {@link BoundProgram} over the small boundary sets: values at a and at b, then the reverse sweeps at a and
 * at b, each seeded with 2w/n (own value - other side's value).
 */
final class PeriodicTerm implements LossTerm {
    private final BoundProgram bound;
    private final int axis;
    private final double lowerBound;
    private final double upperBound;
    private double[][] lower;
    private double[][] upper;
    private int count;
    private double[] valuesLower = new double[0];
    private double[] valuesUpper = new double[0];

    /** The term of expression {@code bound} periodic in input {@code axis} between the two bounds. */
    PeriodicTerm(BoundProgram bound, int axis, double lowerBound, double upperBound) {
        if (bound.roots() != 1) {
            throw new IllegalArgumentException("a periodic condition takes one expression; got " + bound.roots());
        }
        this.bound = bound;
        this.axis = axis;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    /** The pairs: each point moved to the lower and to the upper bound of the periodic input. */
    @Override
    public void setPoints(PointSet points, double[][] columns) {
        double[][] lo = points.toArray();
        double[][] hi = points.toArray();
        Arrays.fill(lo[axis], lowerBound);
        Arrays.fill(hi[axis], upperBound);
        setPoints(lo, hi, points.size());
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

    @Override
    public int count() {
        return count;
    }

    /** Mean squared mismatch; adds weight * gradient into grad when not null. */
    @Override
    public double evaluate(BatchEvaluator evaluator, double[] params, double[] grad, double weight) {
        if (count == 0) {
            return 0;
        }
        bound.values(evaluator, lower, count, BoundProgram.NO_COLUMNS, params, 0, valuesLower);
        bound.values(evaluator, upper, count, BoundProgram.NO_COLUMNS, params, 0, valuesUpper);
        double sum = 0;
        for (int p = 0; p < count; p++) {
            double d = valuesLower[p] - valuesUpper[p];
            sum += d * d;
        }
        if (grad != null) {
            double scale = 2 * weight / count;
            seeded(evaluator, lower, params, grad, valuesUpper, scale);
            seeded(evaluator, upper, params, grad, valuesLower, scale);
        }
        return sum / count;
    }

    /** A periodic pair has no per-point expressions to refine by. */
    @Override
    public double[] pointScores(BatchEvaluator evaluator, double[] params) {
        throw new IllegalStateException("a periodic term has no per-point residual to refine by");
    }

    /** One residual per pair. */
    @Override
    public int residualCount() {
        return count;
    }

    /** sqrt(weight / count) (e(a_p) - e(b_p)): the lower side written, the upper side's subtracted. */
    @Override
    public void residuals(
            BatchEvaluator evaluator, double[] params, double weight, double[] r, double[] jt, int rows, int row0) {
        if (count == 0) {
            return;
        }
        double scale = Math.sqrt(weight / count);
        bound.residualsAndJacobian(
                evaluator, lower, count, BoundProgram.NO_COLUMNS, params, scale, r, jt, rows, row0, false);
        bound.residualsAndJacobian(
                evaluator, upper, count, BoundProgram.NO_COLUMNS, params, -scale, r, jt, rows, row0, true);
    }

    /** Rows (pairs) {@code from .. to - 1}: the lower side's rows written, the upper side's subtracted. */
    @Override
    public void jacobianRows(
            BatchEvaluator evaluator,
            double[] params,
            double weight,
            int from,
            int to,
            double[] jt,
            int rows,
            int row0) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        double scale = Math.sqrt(weight / count);
        bound.residualsAndJacobian(
                evaluator,
                PointTerm.slice(lower, from, n),
                n,
                BoundProgram.NO_COLUMNS,
                params,
                scale,
                0,
                1,
                null,
                jt,
                rows,
                row0,
                false);
        bound.residualsAndJacobian(
                evaluator,
                PointTerm.slice(upper, from, n),
                n,
                BoundProgram.NO_COLUMNS,
                params,
                -scale,
                0,
                1,
                null,
                jt,
                rows,
                row0,
                true);
    }

    /** The reverse sweep at one side, seeded with scale * (own value - the other side's value). */
    private void seeded(
            BatchEvaluator evaluator, double[][] side, double[] params, double[] grad, double[] other, double scale) {
        bound.run(evaluator, side, count, BoundProgram.NO_COLUMNS, params, grad, (tile, s) -> {
            int off = bound.valueOffset(s, 0);
            int n = tile.size();
            bound.clearAdjoints(s, n);
            int a = bound.adjointOffset(s, 0);
            for (int p = 0; p < n; p++) {
                // d/de_a (e_a - e_b)^2 = 2(e_a - e_b) and d/de_b = 2(e_b - e_a): both are 2(own - other)
                s.program.adjoints[a + p] += scale * (s.program.values[off + p] - other[tile.start() + p]);
            }
            bound.backward(tile, s);
            return 0;
        });
    }
}
