package org.pinn4j.core.train;

/** Stops training when the total loss has not improved by a relative {@code minDelta} for {@code patience} steps. */
public final class EarlyStopping implements TrainingListener {
    private final int patience;
    private final double minDelta;
    private double best = Double.POSITIVE_INFINITY;
    private int since;

    /** Stops after {@code patience} steps without a relative improvement of {@code minDelta}. */
    public EarlyStopping(int patience, double minDelta) {
        if (patience < 1 || !(minDelta >= 0)) {
            throw new IllegalArgumentException(
                    "early stopping needs patience >= 1 and minDelta >= 0; got " + patience + ", " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
    }

    @Override
    public boolean onStep(StepReport r) {
        if (r.total() < best * (1 - minDelta)) {
            best = r.total();
            since = 0;
            return true;
        }
        return ++since < patience;
    }
}
