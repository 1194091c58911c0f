package org.pinn4j.core.train;

import org.pinn4j.autodiff.taylor.BatchEvaluator;

/**
 * Something a first-order phase does before a step's loss, when due: resampling the points, residual-based
 * refinement, weight annealing. The step body runs a phase's hooks in order; a new per-step method is a new
 * hook, not a branch in the loops.
 */
@FunctionalInterface
interface StepHook {
    /** Acts before the loss of the phase's step {@code phaseStep} (0-based), if due then. */
    void beforeStep(long phaseStep, BatchEvaluator evaluator);
}
