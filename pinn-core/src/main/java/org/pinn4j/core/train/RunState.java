package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pinn4j.autodiff.taylor.BatchEvaluator;

/**
 * What a run has done so far: the parameter vector (the network's, per layer W row-major [out][in] then b,
 * followed by the trainable coefficients as value / scale), the state of each condition, the history, the
 * steps taken and the seconds spent before a resume: most of a {@link RunSnapshot}, which {@link #restore}
 * puts back.
 */
final class RunState {
    final double[] params;
    /** One per condition, in order. */
    final ConditionState[] conditions;

    final History history;
    /** Steps taken (epochs count their mini-batches, L-BFGS its iterations). */
    int step;
    /** Seconds spent in earlier processes of a resumed run. */
    double elapsedBefore;

    RunState(double[] params, ConditionState[] conditions, History history) {
        this.params = params;
        this.conditions = conditions;
        this.history = history;
    }

    /**
     * The total loss, sum over conditions of weight times the term's mean loss, at the current parameters; each
     * term's loss is kept in its condition state, and the gradient (weights folded into each term's adjoint
     * seeds) replaces the content of {@code grad}.
     */
    double evaluate(BatchEvaluator evaluator, double[] grad) {
        Arrays.fill(grad, 0.0);
        double total = 0;
        for (ConditionState c : conditions) {
            double w = c.weight;
            double l = c.term.evaluate(evaluator, params, grad, w);
            c.loss = l;
            total += w * l;
        }
        return total;
    }

    /** Current weights of the conditions, in order. */
    double[] weights() {
        double[] w = new double[conditions.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = conditions[i].weight;
        }
        return w;
    }

    /** The terms' last losses, in condition order. */
    double[] losses() {
        double[] l = new double[conditions.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = conditions[i].loss;
        }
        return l;
    }

    /**
     * Each condition's sampler state, weight, points if refinement or residual-based resampling chose them, and
     * attention multipliers if it has any, as a snapshot holds them.
     */
    List<RunSnapshot.ConditionSnapshot> conditionSnapshots() {
        List<RunSnapshot.ConditionSnapshot> list = new ArrayList<>();
        for (ConditionState c : conditions) {
            double[] multipliers = c.multipliers == null ? null : c.multipliers.clone();
            list.add(
                    c.refined
                            ? new RunSnapshot.ConditionSnapshot(
                                    c.sampler.state(), c.weight, c.points.toArray(), multipliers)
                            : new RunSnapshot.ConditionSnapshot(c.drawState, c.weight, null, multipliers));
        }
        return list;
    }

    /**
     * Puts back a snapshot's parameters, weights, sampler states, history, steps and time. The conditions'
     * points are not set here: the caller redraws them, or sets the refined points the snapshot holds.
     */
    void restore(RunSnapshot s) {
        System.arraycopy(s.parameters(), 0, params, 0, params.length);
        for (int i = 0; i < conditions.length; i++) {
            RunSnapshot.ConditionSnapshot c = s.conditions().get(i);
            conditions[i].weight = c.weight();
            conditions[i].sampler.restore(c.samplerState());
        }
        history.importState(s.history());
        step = s.step();
        elapsedBefore = s.elapsedSeconds();
    }
}
