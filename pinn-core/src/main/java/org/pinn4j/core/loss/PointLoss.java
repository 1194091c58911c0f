package org.pinn4j.core.loss;

import java.util.Locale;

/**
 * Loss of one point, from the values of a term's expressions (r_1..r_k) and, for classification, the
 * point's targets. A term's loss is the mean over its points. Stateless and thread-safe.
 *
 * <ul>
 *   <li>MSE: sum_k r_k^2 (r is a residual, target unused)</li>
 *   <li>MAE: sum_k |r_k|</li>
 *   <li>Huber(delta): sum_k (r^2/2 if |r| &lt;= delta else delta (|r| - delta/2))</li>
 *   <li>binary cross-entropy: r_k is a probability in (0, 1) (clipped to [1e-12, 1 - 1e-12]), target y_k in
 *   [0, 1]: -(y log r + (1 - y) log(1 - r))</li>
 *   <li>categorical cross-entropy: r_1..r_k are logits, targets a one-hot or probability vector:
 *   -sum_k y_k log softmax(r)_k, computed with the log-sum-exp shift</li>
 * </ul>
 */
public final class PointLoss {
    /** The kinds of point loss. */
    public enum Kind {
        /** Squared error, sum_k r_k^2. */
        MSE,
        /** Absolute error, sum_k |r_k|. */
        MAE,
        /** Huber loss: quadratic up to delta, linear beyond. */
        HUBER,
        /** Binary cross-entropy of probabilities against targets in [0, 1]. */
        BINARY_CROSS_ENTROPY,
        /** Categorical cross-entropy of logits against one-hot or probability targets. */
        CATEGORICAL_CROSS_ENTROPY
    }

    private static final double CLIP = 1e-12;
    private final Kind kind;
    private final double delta;

    private PointLoss(Kind kind, double delta) {
        this.kind = kind;
        this.delta = delta;
    }

    /** Mean squared error (the PINN default). */
    public static PointLoss mse() {
        return new PointLoss(Kind.MSE, 0);
    }

    /** Mean absolute error. */
    public static PointLoss mae() {
        return new PointLoss(Kind.MAE, 0);
    }

    /**
     * Huber loss with threshold delta.
     *
     * @throws IllegalArgumentException if delta is not positive and finite
     */
    public static PointLoss huber(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("Huber delta must be a positive finite number; got " + delta);
        }
        return new PointLoss(Kind.HUBER, delta);
    }

    /** Binary cross-entropy on probabilities. */
    public static PointLoss binaryCrossEntropy() {
        return new PointLoss(Kind.BINARY_CROSS_ENTROPY, 0);
    }

    /** Categorical cross-entropy on logits. */
    public static PointLoss categoricalCrossEntropy() {
        return new PointLoss(Kind.CATEGORICAL_CROSS_ENTROPY, 0);
    }

    /**
     * Looks a loss up by name: "mse", "mae", "huber" (delta 1) or "huber:0.5", "bce", "cce".
     *
     * @throws IllegalArgumentException listing valid names otherwise
     */
    public static PointLoss byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("mse")) return mse();
        if (key.equals("mae")) return mae();
        if (key.equals("huber")) return huber(1.0);
        if (key.startsWith("huber:")) {
            try {
                return huber(Double.parseDouble(key.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Huber delta '" + key.substring(6) + "' is not a number; expected e.g. huber:0.5");
            }
        }
        if (key.equals("bce") || key.equals("binary-cross-entropy")) return binaryCrossEntropy();
        if (key.equals("cce") || key.equals("categorical-cross-entropy")) return categoricalCrossEntropy();
        throw new IllegalArgumentException(
                "unknown loss '" + name + "'; expected one of mse, mae, huber, huber:<delta>, bce, cce");
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** True if the loss compares against per-point targets (cross-entropies). */
    public boolean needsTargets() {
        return kind == Kind.BINARY_CROSS_ENTROPY || kind == Kind.CATEGORICAL_CROSS_ENTROPY;
    }

    /**
     * Loss of one point; writes d(loss)/d(r_k) into {@code dr} when it is not null.
     *
     * @param r      expression values r_0..r_{k-1}
     * @param target targets (same length as r for cross-entropies, ignored otherwise)
     */
    public double evaluate(double[] r, double[] target, int k, double[] dr) {
        switch (kind) {
            case MSE: {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += r[i] * r[i];
                    if (dr != null) dr[i] = 2 * r[i];
                }
                return s;
            }
            case MAE: {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += Math.abs(r[i]);
                    if (dr != null) dr[i] = Math.signum(r[i]);
                }
                return s;
            }
            case HUBER: {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    double a = Math.abs(r[i]);
                    if (a <= delta) {
                        s += 0.5 * r[i] * r[i];
                        if (dr != null) dr[i] = r[i];
                    } else {
                        s += delta * (a - 0.5 * delta);
                        if (dr != null) dr[i] = delta * Math.signum(r[i]);
                    }
                }
                return s;
            }
            case BINARY_CROSS_ENTROPY: {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    double q = Math.min(1 - CLIP, Math.max(CLIP, r[i]));
                    double y = target[i];
                    s += -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
                    if (dr != null) {
                        boolean clipped = q != r[i];
                        dr[i] = clipped ? 0.0 : (q - y) / (q * (1 - q));
                    }
                }
                return s;
            }
            case CATEGORICAL_CROSS_ENTROPY: {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) max = Math.max(max, r[i]);
                double sumExp = 0;
                for (int i = 0; i < k; i++) sumExp += Math.exp(r[i] - max);
                double logZ = max + Math.log(sumExp);
                double s = 0;
                double ySum = 0;
                for (int i = 0; i < k; i++) {
                    s -= target[i] * (r[i] - logZ);
                    ySum += target[i];
                }
                if (dr != null) {
                    for (int i = 0; i < k; i++) {
                        dr[i] = ySum * Math.exp(r[i] - logZ) - target[i];
                    }
                }
                return s;
            }
            default:
                throw new AssertionError(kind);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.HUBER ? "huber:" + delta : kind.name().toLowerCase(Locale.ROOT);
    }
}
