package org.pinn4j.core.optim;

/**
 * A line search that tries a second search from the same point when the first one fails (not when the caller's
 * budget runs out): {@link DenseQuasiNewton} pairs {@link MoreThuenteLineSearch} with {@link
 * StrongWolfeLineSearch}. Reports the evaluations of both.
 */
final class FallbackLineSearch implements LineSearch {
    private final LineSearch first;
    private final LineSearch second;
    private LineSearch used;
    private int evaluations;
    private long fallbacks;

    FallbackLineSearch(LineSearch first, LineSearch second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Status search(
            Objective objective,
            double[] x,
            double f0,
            double[] d,
            double dphi0,
            double alpha0,
            int budget,
            double[] xOut,
            double[] gOut) {
        used = first;
        Status status = first.search(objective, x, f0, d, dphi0, alpha0, budget, xOut, gOut);
        evaluations = first.evaluations();
        if (status == Status.FAILED) {
            fallbacks++;
            used = second;
            status = second.search(objective, x, f0, d, dphi0, alpha0, budget - evaluations, xOut, gOut);
            evaluations += second.evaluations();
        }
        return status;
    }

    @Override
    public double alpha() {
        return used.alpha();
    }

    @Override
    public double value() {
        return used.value();
    }

    @Override
    public int evaluations() {
        return evaluations;
    }

    /** Searches so far in which the first search failed and the second one ran. */
    long fallbacks() {
        return fallbacks;
    }
}
