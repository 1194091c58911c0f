package org.pinn4j.core.optim;

/**
 * A search along a descent direction for a step satisfying the strong Wolfe conditions ({@link
 * StrongWolfeLineSearch}, {@link MoreThuenteLineSearch}). After a {@link Status#SUCCESS} the accepted point and
 * its gradient are in the caller's output arrays.
 */
interface LineSearch {

    /** Outcome of one search. */
    enum Status {
        /** A strong-Wolfe step was found; its point and gradient are in the output arrays. */
        SUCCESS,
        /** No such step within the per-search evaluation limit, or the interval shrank to round-off. */
        FAILED,
        /** The caller's evaluation budget ran out first. */
        BUDGET_EXHAUSTED
    }

    /**
     * Searches along {@code d} from {@code x}.
     *
     * @param f0 value at {@code x}
     * @param dphi0 directional derivative {@code g . d}, must be negative
     * @param alpha0 first trial step, > 0
     * @param budget evaluations the caller still allows
     * @param xOut receives the accepted point
     * @param gOut receives the gradient at the accepted point
     */
    Status search(
            Objective objective,
            double[] x,
            double f0,
            double[] d,
            double dphi0,
            double alpha0,
            int budget,
            double[] xOut,
            double[] gOut);

    /** The step of the last successful search. */
    double alpha();

    /** The objective value at that step. */
    double value();

    /** Evaluations the last search used. */
    int evaluations();
}
