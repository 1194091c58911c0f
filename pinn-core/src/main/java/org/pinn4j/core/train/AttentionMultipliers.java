package org.pinn4j.core.train;

/**
 * The update rule of residual-based attention ({@link Phase.ResidualAttention}): lambda_i &lt;- gamma lambda_i + eta
 * q_i / max_j q_j, with q_i = |r_i| (linear) or exp(beta |r_i|), beta = log(k + 2) / max_j |r_j| (exponential,
 * computed as exp(beta (|r_i| - max_j |r_j|)) so that it cannot overflow).
 */
final class AttentionMultipliers {
    private AttentionMultipliers() {}

    /**
     * Updates {@code lambda} in place from the residual norms {@code r} (both of the same length) after the
     * phase's {@code step}-th step (1-based). All-zero residuals leave q at zero.
     */
    static void update(double[] lambda, double[] r, Phase.ResidualAttention how, long step) {
        double max = 0;
        for (double v : r) {
            max = Math.max(max, v);
        }
        double gamma = how.gamma();
        double eta = how.eta();
        if (!(max > 0) || Double.isInfinite(max)) {
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] = gamma * lambda[i];
            }
            return;
        }
        if (how.exponential()) {
            double beta = Math.log(step + 2.0) / max;
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] = gamma * lambda[i] + eta * Math.exp(beta * (r[i] - max));
            }
        } else {
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] = gamma * lambda[i] + eta * (r[i] / max);
            }
        }
    }
}
