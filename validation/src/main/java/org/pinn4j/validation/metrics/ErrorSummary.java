package org.pinn4j.validation.metrics;

/**
 * Error metrics of one prediction against one reference.
 *
 * @param relativeL2 {@code ||pred - ref||_2 / ||ref||_2}, {@code NaN} if the reference is identically zero
 * @param maxAbs     {@code max |pred - ref|}
 * @param rmse       {@code sqrt(mean (pred - ref)^2)}
 * @param count      number of compared points
 */
public record ErrorSummary(double relativeL2, double maxAbs, double rmse, int count) {

    /** Computes the summary of {@code prediction} against {@code reference}; see {@link Metrics#summary}. */
    public static ErrorSummary of(double[] prediction, double[] reference) {
        return Metrics.summary(prediction, reference);
    }
}
