package org.pinn4j.core.train;

/**
 * Outcome of a training run: the trained model, the loss history, wall time and how the run ended.
 *
 * @param model   the model with the final (or, after divergence, last good) parameters
 * @param history loss history per step
 * @param seconds wall time of training
 * @param status  how the run ended
 * @param message one line saying why it ended (e.g. the divergence step and term, or L-BFGS's stop reason)
 */
public record TrainingResult(PinnModel model, History history, double seconds, Status status, String message) {
    /** How a run ended. */
    public enum Status {
        /** All phases ran. */
        COMPLETED,
        /** A listener (early stopping, a user callback) stopped it. */
        STOPPED,
        /**
         * Stopped on request ({@link Trainer#stopWhen}, e.g. from a signal handler) at the end of a step; that
         * step was saved to the trainer's checkpoint store when it has one, so {@link Trainer#resume} continues
         * the run to the same result as if it had not stopped.
         */
        INTERRUPTED,
        /** A loss or gradient became NaN/Inf; the last good parameters are kept. */
        DIVERGED
    }

    /** True unless the run diverged. */
    public boolean ok() {
        return status != Status.DIVERGED;
    }
}
