package org.pinn4j.core.train;

import java.util.List;
import org.pinn4j.core.optim.OptimizerState;

/**
 * Everything needed to continue a training run exactly where it stopped, as {@link Trainer#checkpointEvery}
 * hands it to a {@link CheckpointStore} and {@link Trainer#resume} takes it back. The arrays are the
 * snapshot's own (not shared with the run) and are not copied again by the accessors.
 *
 * @param problem the problem's name
 * @param recipe the recipe it was trained with (a resume must agree on every setting but the thread count and
 *     progress interval)
 * @param step steps taken in all
 * @param phase index of the phase in progress
 * @param phaseStep steps of that phase done (L-BFGS: iterations)
 * @param elapsedSeconds seconds spent so far
 * @param parameters the parameter vector (network, then coefficients as value / scale)
 * @param optimizer the first-order optimizer's state, or null in an L-BFGS phase
 * @param schedule the learning-rate schedule's state, or null in an L-BFGS phase
 * @param quasiNewton the state of the quasi-Newton method (L-BFGS, BFGS, self-scaled Broyden), or null in a
 *     first-order phase
 * @param conditions one per condition of the problem, in order
 * @param history the history so far
 */
public record RunSnapshot(
        String problem,
        Recipe recipe,
        int step,
        int phase,
        long phaseStep,
        double elapsedSeconds,
        double[] parameters,
        OptimizerState optimizer,
        OptimizerState schedule,
        OptimizerState quasiNewton,
        List<ConditionSnapshot> conditions,
        HistorySnapshot history) {

    /** Copies the list of conditions; the other values are taken as they are. */
    public RunSnapshot {
        conditions = List.copyOf(conditions);
    }

    /**
     * The state of one condition.
     *
     * @param samplerState the state that gives the condition's points when its sampler is restored to it and
     *     draws again; for points grown by refinement, the sampler's current state
     * @param weight the condition's current weight (moved by weight annealing)
     * @param refinedPoints the points (feature-major) of a condition grown by refinement, or null when the
     *     points are one draw of the sampler
     * @param multipliers the residual-based attention multipliers of its points, or null when the phase in
     *     progress has none
     */
    public record ConditionSnapshot(long samplerState, double weight, double[][] refinedPoints, double[] multipliers) {
        /** A condition without attention multipliers. */
        public ConditionSnapshot(long samplerState, double weight, double[][] refinedPoints) {
            this(samplerState, weight, refinedPoints, null);
        }
    }
}
