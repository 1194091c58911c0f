package org.pinn4j.core.train;

import java.util.Arrays;
import org.pinn4j.autodiff.taylor.BatchEvaluator;

/**
 * What a run has done so far: the parameter vector (the network's, per layer W row-major [out][in] then b,
 * followed by the trainable coefficients as value / scale), the state of each condition, the history, the
 * steps taken and the seconds spent before a resume. {@link #snapshot} is the part of a checkpoint it owns;
 * {@link #restore} puts a checkpoint's back.
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
     * A checkpoint holding this state after {@link #step} steps and {@code elapsedSeconds}: parameters, weights,
     * history, and for each condition the sampler state that redraws its points, or, for points grown by
     * refinement, the points themselves with the sampler's current state. The caller adds the phase position
     * and the optimizer's state.
     */
    Checkpoint snapshot(double elapsedSeconds) {
        Checkpoint c = new Checkpoint();
        c.step = step;
        c.elapsedSeconds = elapsedSeconds;
        c.parameters = params.clone();
        c.samplerStates = new long[conditions.length];
        c.weights = weights();
        for (int i = 0; i < conditions.length; i++) {
            c.samplerStates[i] = conditions[i].drawState;
        }
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].refined) {
                c.samplerStates[i] = conditions[i].sampler.state();
                c.refinedPoints.put(i, conditions[i].points.toArray());
            }
        }
        c.history = history.exportState();
        return c;
    }

    /**
     * Puts back what {@link #snapshot} saved: parameters, weights, sampler states, history, steps and time.
     * The conditions' points are not set here: the caller redraws them, or sets the refined points the
     * checkpoint holds.
     */
    void restore(Checkpoint c) {
        System.arraycopy(c.parameters, 0, params, 0, params.length);
        for (int i = 0; i < conditions.length; i++) {
            conditions[i].weight = c.weights[i];
        }
        for (int i = 0; i < conditions.length; i++) {
            conditions[i].sampler.restore(c.samplerStates[i]);
        }
        history.importState(c.history);
        step = c.step;
        elapsedBefore = c.elapsedSeconds;
    }
}
