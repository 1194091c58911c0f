package org.pinn4j.core.optim;

/**
 * A differentiable scalar function of a flat parameter vector, as minimised by {@link Lbfgs}.
 *
 * <p>The trainer implements it over the full batch or the current mini-batch. Implementations
 * must be deterministic for L-BFGS checkpoints to resume bit-identically.
 */
public interface Objective {

    /** Number of parameters, i.e. the length of {@code x} and {@code gradOut}. */
    int dimension();

    /**
     * Evaluates the function and its gradient.
     *
     * @param x the point; must not be modified or retained
     * @param gradOut receives the gradient at {@code x} (every entry is overwritten)
     * @return the function value at {@code x}
     */
    double valueAndGradient(double[] x, double[] gradOut);
}
