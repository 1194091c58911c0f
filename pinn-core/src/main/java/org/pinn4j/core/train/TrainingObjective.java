package org.pinn4j.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.core.optim.Objective;

/**
 * The training loss as an {@link Objective}, for L-BFGS and the quasi-Newton phases to come: the weighted sum
 * of the terms' mean losses and its gradient at a parameter vector, which becomes the run's current parameters.
 * It never throws on a non-finite value (a line search may try such points and back off); the caller decides
 * what divergence is. It remembers the term losses of its last 64 evaluations by total, so the iteration an
 * optimizer accepts can be reported per term.
 */
final class TrainingObjective implements Objective {
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

    /** The term losses of a recent evaluation whose total was {@code value}, or null. */
    double[] lossesAt(double value) {
        return recent.get(Double.doubleToLongBits(value));
    }
}
