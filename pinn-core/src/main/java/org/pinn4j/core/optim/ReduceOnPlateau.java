package org.pinn4j.core.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lowers the learning rate when the observed loss stops improving (as Keras'/PyTorch's
 * {@code ReduceLROnPlateau} in "min" mode).
 *
 * <p>A loss counts as an improvement when it is below {@code best - threshold * |best|}. After
 * more than {@code patience} consecutive non-improving observations the rate is multiplied by
 * {@code factor} (not below {@code minRate}) and the count restarts. So with patience {@code p},
 * the first reduction happens at the {@code (p+1)}-th non-improving observation. A NaN loss counts
 * as not improving. The rate does not depend on the step index.
 */
public final class ReduceOnPlateau implements LearningRateSchedule {

    private final double initial;
    private final double factor;
    private final int patience;
    private final double minRate;
    private final double threshold;

    private double rate;
    private double best = Double.POSITIVE_INFINITY;
    private long badCount;
    private long reductions;

    /**
     * Creates the schedule.
     *
     * @param initial starting rate, > 0
     * @param factor multiplier in (0, 1)
     * @param patience non-improving observations tolerated, >= 0
     * @param minRate lower bound for the rate, in [0, initial]
     * @param threshold relative improvement needed, >= 0
     */
    public ReduceOnPlateau(double initial, double factor, int patience, double minRate, double threshold) {
        String owner = "reduce-on-plateau schedule";
        AbstractGradientOptimizer.requirePositive(owner, "initial rate", initial);
        AbstractGradientOptimizer.requireInOpenUnit(owner, "factor", factor);
        AbstractGradientOptimizer.requireNonNegative(owner, "min rate", minRate);
        AbstractGradientOptimizer.requireNonNegative(owner, "threshold", threshold);
        if (patience < 0) {
            throw new IllegalArgumentException(owner + ": patience must be >= 0, got " + patience);
        }
        if (minRate > initial) {
            throw new IllegalArgumentException(owner + ": min rate " + minRate + " must be <= initial rate " + initial);
        }
        this.initial = initial;
        this.factor = factor;
        this.patience = patience;
        this.minRate = minRate;
        this.threshold = threshold;
        this.rate = initial;
    }

    @Override
    public double rate(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("reduce-on-plateau schedule: step must be >= 0, got " + step);
        }
        return rate;
    }

    /** The current rate. */
    public double currentRate() {
        return rate;
    }

    /** The best loss observed so far (+infinity before the first observation). */
    public double bestLoss() {
        return best;
    }

    /** How many times the rate has been reduced. */
    public long reductions() {
        return reductions;
    }

    @Override
    public void observe(double loss) {
        boolean improved = best == Double.POSITIVE_INFINITY ? loss < best : loss < best - threshold * Math.abs(best);
        if (improved) {
            best = loss;
            badCount = 0;
            return;
        }
        badCount++;
        if (badCount > patience) {
            double reduced = Math.max(rate * factor, minRate);
            if (reduced < rate) {
                reductions++;
            }
            rate = reduced;
            badCount = 0;
        }
    }

    @Override
    public String name() {
        return "reduce-on-plateau";
    }

    private Map<String, Double> hyperparameters() {
        return AbstractGradientOptimizer.ordered(
                "initial",
                initial,
                "factor",
                factor,
                "patience",
                (double) patience,
                "minRate",
                minRate,
                "threshold",
                threshold);
    }

    @Override
    public OptimizerState exportState() {
        Map<String, Double> scalars = new LinkedHashMap<>(hyperparameters());
        scalars.put("rate", rate);
        scalars.put("best", best);
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("badCount", badCount);
        counters.put("reductions", reductions);
        return new OptimizerState(name(), counters, scalars, Map.of());
    }

    @Override
    public void importState(OptimizerState state) {
        if (state == null) {
            throw new IllegalArgumentException("reduce-on-plateau schedule: state must not be null");
        }
        state.requireCompatible(name(), hyperparameters());
        double r = state.scalar("rate");
        if (!(r >= minRate && r <= initial)) {
            throw new IllegalArgumentException(
                    "reduce-on-plateau schedule: state rate " + r + " must lie in [" + minRate + ", " + initial + "]");
        }
        rate = r;
        best = state.scalar("best");
        badCount = state.counter("badCount");
        reductions = state.counter("reductions");
    }

    @Override
    public String toString() {
        return name() + hyperparameters() + " rate=" + rate;
    }
}
