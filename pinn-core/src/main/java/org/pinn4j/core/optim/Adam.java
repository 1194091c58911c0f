package org.pinn4j.core.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) with bias correction, optionally with decoupled weight decay (AdamW,
 * Loshchilov and Hutter 2019).
 *
 * <pre>
 *   m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2
 *   theta -= lr * ( m / (1 - b1^t) / (sqrt(v / (1 - b2^t)) + eps)  +  wd * theta )
 * </pre>
 *
 * <p>With {@code wd = 0} this is Adam ({@code "adam"}); otherwise AdamW ({@code "adamw"}), where
 * the decay acts on the parameters directly instead of being added to the gradient (so it is not
 * rescaled by the adaptive denominator). The decay term uses the parameters before the step, and
 * is scaled by the learning rate, as in PyTorch.
 */
public final class Adam extends AbstractGradientOptimizer {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    private Adam(String name, double beta1, double beta2, double eps, double weightDecay) {
        super(name, "m", "v");
        String owner = name.equals("adam") ? "Adam" : "AdamW";
        this.beta1 = requireInHalfOpenUnit(owner, "beta1", beta1);
        this.beta2 = requireInHalfOpenUnit(owner, "beta2", beta2);
        this.eps = requirePositive(owner, "eps", eps);
        this.weightDecay = requireNonNegative(owner, "weight decay", weightDecay);
    }

    /** Adam with the given coefficients: betas in [0, 1), eps > 0. */
    public static Adam adam(double beta1, double beta2, double eps) {
        return new Adam("adam", beta1, beta2, eps, 0.0);
    }

    /** AdamW with the given coefficients and decoupled weight decay {@code >= 0}. */
    public static Adam adamW(double beta1, double beta2, double eps, double weightDecay) {
        return new Adam("adamw", beta1, beta2, eps, weightDecay);
    }

    /** First-moment decay rate. */
    public double beta1() {
        return beta1;
    }

    /** Second-moment decay rate. */
    public double beta2() {
        return beta2;
    }

    /** Denominator guard. */
    public double eps() {
        return eps;
    }

    /** Decoupled weight decay (0 for Adam). */
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public double defaultLearningRate() {
        return 1e-3;
    }

    @Override
    Map<String, Double> hyperparameters() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("beta1", beta1);
        h.put("beta2", beta2);
        h.put("eps", eps);
        h.put("weightDecay", weightDecay);
        return h;
    }

    @Override
    void update(double[] params, double[] grad, double lr) {
        double[] m = buffers[0];
        double[] v = buffers[1];
        // StrictMath: the bias corrections must not depend on JIT intrinsics for exact resumes.
        double c1 = 1.0 - StrictMath.pow(beta1, (double) steps);
        double c2 = 1.0 - StrictMath.pow(beta2, (double) steps);
        double sqrtC2 = Math.sqrt(c2);
        double decay = lr * weightDecay;
        for (int i = 0; i < params.length; i++) {
            double g = grad[i];
            double mi = beta1 * m[i] + (1.0 - beta1) * g;
            double vi = beta2 * v[i] + (1.0 - beta2) * g * g;
            m[i] = mi;
            v[i] = vi;
            double mHat = mi / c1;
            double denom = Math.sqrt(vi) / sqrtC2 + eps;
            params[i] -= lr * (mHat / denom) + decay * params[i];
        }
    }
}
