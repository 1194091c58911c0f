package org.pinn4j.core.train;

/** Thrown inside a phase when a loss or gradient becomes non-finite; carries the last good parameters. */
final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient double[] lastGood;

    DivergenceException(String message, double[] lastGood) {
        super(message);
        this.lastGood = lastGood.clone();
    }
}
