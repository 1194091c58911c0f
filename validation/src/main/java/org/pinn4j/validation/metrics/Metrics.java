package org.pinn4j.validation.metrics;

/**
 * Pointwise error metrics between a prediction and a reference sampled at the same points.
 *
 * <p>All methods reject null, empty, length-mismatched or non-finite input with an
 * {@link IllegalArgumentException} naming the offending array and index.
 */
public final class Metrics {

    private Metrics() {}

    /**
     * Relative L2 error {@code ||pred - ref||_2 / ||ref||_2}.
     *
     * @throws IllegalArgumentException on bad input or if the reference is identically zero
     */
    public static double relativeL2(double[] prediction, double[] reference) {
        check(prediction, reference);
        double[] sums = scaledSumSquares(prediction, reference);
        if (sums[1] == 0.0) {
            throw new IllegalArgumentException(
                    "Metrics: reference is identically zero, relative L2 error is undefined; use rmse or maxAbs");
        }
        return Math.sqrt(sums[0] / sums[1]);
    }

    /** Maximum absolute error {@code max_i |pred_i - ref_i|}. */
    public static double maxAbs(double[] prediction, double[] reference) {
        check(prediction, reference);
        double max = 0.0;
        for (int i = 0; i < prediction.length; i++) {
            max = Math.max(max, Math.abs(prediction[i] - reference[i]));
        }
        return max;
    }

    /** Root-mean-square error {@code sqrt(mean_i (pred_i - ref_i)^2)}. */
    public static double rmse(double[] prediction, double[] reference) {
        check(prediction, reference);
        double[] sums = scaledSumSquares(prediction, reference);
        return sums[2] * Math.sqrt(sums[0] / prediction.length);
    }

    /**
     * All metrics at once.
     *
     * @return a summary; its relative L2 error is {@code NaN} if the reference is identically zero
     */
    public static ErrorSummary summary(double[] prediction, double[] reference) {
        check(prediction, reference);
        double[] sums = scaledSumSquares(prediction, reference);
        double relL2 = sums[1] == 0.0 ? Double.NaN : Math.sqrt(sums[0] / sums[1]);
        return new ErrorSummary(
                relL2,
                maxAbs(prediction, reference),
                sums[2] * Math.sqrt(sums[0] / prediction.length),
                prediction.length);
    }

    /**
     * Returns {sum ((p-r)/s)^2, sum (r/s)^2, s} with s the largest magnitude involved, so that
     * neither sum overflows nor underflows.
     */
    private static double[] scaledSumSquares(double[] p, double[] r) {
        double scale = 0.0;
        for (int i = 0; i < p.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(p[i] - r[i]), Math.abs(r[i])));
        }
        if (scale == 0.0) {
            return new double[] {0.0, 0.0, 0.0};
        }
        double inv = 1.0 / scale;
        double e = 0.0;
        double n = 0.0;
        for (int i = 0; i < p.length; i++) {
            double d = (p[i] - r[i]) * inv;
            double q = r[i] * inv;
            e += d * d;
            n += q * q;
        }
        return new double[] {e, n, scale};
    }

    private static void check(double[] prediction, double[] reference) {
        if (prediction == null || reference == null) {
            throw new IllegalArgumentException("Metrics: " + (prediction == null ? "prediction" : "reference")
                    + " array is null; expected a non-empty double[]");
        }
        if (prediction.length != reference.length) {
            throw new IllegalArgumentException("Metrics: prediction has " + prediction.length
                    + " values but reference has " + reference.length + "; expected equal lengths");
        }
        if (prediction.length == 0) {
            throw new IllegalArgumentException(
                    "Metrics: prediction and reference are empty; expected at least one value");
        }
        for (int i = 0; i < prediction.length; i++) {
            if (!Double.isFinite(prediction[i])) {
                throw new IllegalArgumentException(
                        "Metrics: prediction[" + i + "] = " + prediction[i] + " is not finite; expected finite values");
            }
            if (!Double.isFinite(reference[i])) {
                throw new IllegalArgumentException(
                        "Metrics: reference[" + i + "] = " + reference[i] + " is not finite; expected finite values");
            }
        }
    }
}
