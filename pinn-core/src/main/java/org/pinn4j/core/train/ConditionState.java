package org.pinn4j.core.train;

import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Sampler;

/**
 * The training state of one condition: its loss term and sampler, the sampler's state before its last draw,
 * its current points and their data columns, its current weight, its last loss, and whether refinement has
 * grown its points (so they are no longer one draw). The trainer holds one per condition, in order.
 */
final class ConditionState {
    final Condition condition;
    final LossTerm term;
    final Sampler sampler;
    /** The sampler's state before its last draw: restoring it and drawing again gives the current points. */
    long drawState;
    /** Current points (all of them; a mini-batch is handed to the term, not stored here). */
    PointSet points;
    /** Data columns of the current points (pointwise conditions only). */
    double[][] columns;
    /** Current weight (the condition's own, or adapted by learning-rate annealing). */
    double weight;
    /** The term's last mean loss (unweighted). */
    double loss;
    /** Whether refinement has grown the points. */
    boolean refined;
    /** Residual-based attention multipliers of the current points, or null outside an attention phase. */
    double[] multipliers;

    ConditionState(Condition condition, LossTerm term, Sampler sampler) {
        this.condition = condition;
        this.term = term;
        this.sampler = sampler;
        this.weight = condition.weight();
    }
}
