package org.pinn4j.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.core.optim.LeastSquares;
import org.pinn4j.core.optim.Objective;

/**
 * The training loss as an {@link Objective}, for L-BFGS and the dense quasi-Newton phases: the weighted sum of the
 * terms' mean losses and its gradient at a parameter vector, which becomes the run's current parameters; and as a
 * {@link LeastSquares} for Levenberg-Marquardt: every condition's residuals, each block scaled by
 * sqrt(weight / points), in condition order, whose squared norm is that loss.
 * It never throws on a non-finite value (a line search may try such points and back off); the caller decides
 * what divergence is. It remembers the term losses of its last 64 evaluations by total, so the iteration an
 * optimizer accepts can be reported per term.
 */
final class TrainingObjective implements Objective, LeastSquares {
    private final RunState run;
    private final BatchEvaluator evaluator;
    private final Map<Long, double[]> recent = new LinkedHashMap<>(32, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, double[]> e) {
            return size() > 64;
        }
    };

    TrainingObjective(RunState run, BatchEvaluator evaluator) {
        this.run = run;
        this.evaluator = evaluator;
    }

    @Override
    public int dimension() {
        return run.params.length;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradOut) {
        System.arraycopy(x, 0, run.params, 0, run.params.length);
        double v = run.evaluate(evaluator, gradOut);
        recent.put(Double.doubleToLongBits(v), run.losses());
        return v;
    }

    /** The residual count at the conditions' current points. */
    @Override
    public int residualCount() {
        long m = 0;
        for (ConditionState c : run.conditions) {
            m += c.term.residualCount();
        }
        if (m > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(m + " residuals do not fit one Java array");
        }
        return (int) m;
    }

    /**
     * The residuals at {@code x} (which become the run's parameters), condition after condition; each condition's
     * loss is kept (its block's squared norm over its weight). Returns the squared norm, the total loss.
     */
    @Override
    public double residuals(double[] x, double[] r) {
        System.arraycopy(x, 0, run.params, 0, run.params.length);
        int m = r.length;
        int row0 = 0;
        double total = 0;
        for (ConditionState c : run.conditions) {
            int count = c.term.residualCount();
            c.term.residuals(evaluator, run.params, c.weight, r, null, m, row0);
            double block = 0;
            for (int i = row0; i < row0 + count; i++) {
                block += r[i] * r[i];
            }
            // a weight of 0 leaves the block zero: the term's own loss is then evaluated apart
            c.loss = c.weight > 0 ? block / c.weight : c.term.evaluate(evaluator, run.params, null, 0);
            total += block;
            row0 += count;
        }
        recent.put(Double.doubleToLongBits(total), run.losses());
        return total;
    }

    /** Rows {@code row0 ..} of the Jacobian at {@code x}: the conditions' rows that fall in the block. */
    @Override
    public void jacobian(double[] x, int row0, int rows, double[] jt) {
        System.arraycopy(x, 0, run.params, 0, run.params.length);
        int first = 0;
        for (ConditionState c : run.conditions) {
            int count = c.term.residualCount();
            int lo = Math.max(row0, first);
            int hi = Math.min(row0 + rows, first + count);
            if (lo < hi) {
                c.term.jacobianRows(evaluator, run.params, c.weight, lo - first, hi - first, jt, rows, lo - row0);
            }
            first += count;
        }
    }

    /** The term losses of a recent evaluation whose total was {@code value}, or null. */
    double[] lossesAt(double value) {
        return recent.get(Double.doubleToLongBits(value));
    }
}
