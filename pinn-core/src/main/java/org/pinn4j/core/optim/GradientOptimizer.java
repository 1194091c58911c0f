package org.pinn4j.core.optim;

/**
 * A first-order optimizer: updates a flat parameter array in place from a gradient.
 *
 * <p>Per-parameter state (moments, accumulators) is allocated on the first {@link #step} and sized
 * to that parameter array; later steps must pass arrays of the same length. How the gradient was
 * obtained (full batch or mini-batch) is the caller's business.
 */
public interface GradientOptimizer {

    /**
     * Applies one update to {@code params} in place.
     *
     * @param params the parameters, updated in place
     * @param grad the gradient of the loss at {@code params} (not modified)
     * @param learningRate the step size for this step, finite and {@code >= 0}
     * @throws IllegalArgumentException for null or mismatched arrays or a bad learning rate
     */
    void step(double[] params, double[] grad, double learningRate);

    /** The command-line name of this method, e.g. {@code "adam"}. */
    String name();

    /** A customary starting learning rate for this method (the usual library default). */
    double defaultLearningRate();

    /** Number of steps taken since construction, {@link #reset()} or the imported state. */
    long stepCount();

    /** Forgets all state (step count and per-parameter arrays); the next step starts afresh. */
    void reset();

    /** Exports the complete state, including hyperparameters (which {@link #importState} checks). */
    OptimizerState exportState();

    /**
     * Replaces this optimizer's state by an exported one; continuing then gives bit-identical
     * parameters to the run the state came from.
     *
     * @throws IllegalArgumentException if the state is of another kind, was exported with other
     *     hyperparameters, or is incomplete
     */
    void importState(OptimizerState state);
}
