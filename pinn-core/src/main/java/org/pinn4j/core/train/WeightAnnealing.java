package org.pinn4j.core.train;

import java.util.Arrays;
import org.pinn4j.autodiff.taylor.BatchEvaluator;

/**
 * Learning-rate annealing of the condition weights (Wang, Teng and Perdikaris 2021), as a step hook: every
 * {@code every} steps, each condition after the first gets max|grad L_0| / mean|grad L_i|, smoothed with
 * {@code alpha}. Evaluates every term's gradient separately (one extra pass).
 */
final class WeightAnnealing implements StepHook {
    private final RunState run;
    private final int every;
    private final double alpha;

    WeightAnnealing(RunState run, int every, double alpha) {
        this.run = run;
        this.every = every;
        this.alpha = alpha;
    }

    @Override
    public void beforeStep(long phaseStep, BatchEvaluator evaluator) {
        if (every > 0 && phaseStep % every == 0) {
            anneal(evaluator);
        }
    }

    private void anneal(BatchEvaluator evaluator) {
        ConditionState[] states = run.conditions;
        double[] g = new double[run.params.length];
        double maxFirst = 0;
        for (int i = 0; i < states.length; i++) {
            Arrays.fill(g, 0.0);
            states[i].term.evaluate(evaluator, run.params, g, 1.0);
            if (i == 0) {
                for (double v : g) {
                    maxFirst = Math.max(maxFirst, Math.abs(v));
                }
                continue;
            }
            double mean = 0;
            for (double v : g) {
                mean += Math.abs(v);
            }
            mean /= g.length;
            if (mean > 0 && Double.isFinite(maxFirst / mean)) {
                states[i].weight = (1 - alpha) * states[i].weight + alpha * (maxFirst / mean);
            }
        }
    }
}
