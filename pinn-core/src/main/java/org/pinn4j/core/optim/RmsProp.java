package org.pinn4j.core.optim;

import java.util.Map;

/**
 * RMSProp (Tieleman and Hinton 2012): {@code s = rho s + (1 - rho) g^2;
 * theta -= lr * g / (sqrt(s) + eps)}. Named {@code "rmsprop"}.
 */
public final class RmsProp extends AbstractGradientOptimizer {

    private final double rho;
    private final double eps;

    /** Creates RMSProp with decay {@code rho} in [0, 1) and denominator guard {@code eps > 0}. */
    public RmsProp(double rho, double eps) {
        super("rmsprop", "meanSquare");
        this.rho = requireInHalfOpenUnit("RmsProp", "rho", rho);
        this.eps = requirePositive("RmsProp", "eps", eps);
    }

    /** Decay rate of the mean square. */
    public double rho() {
        return rho;
    }

    /** Denominator guard. */
    public double eps() {
        return eps;
    }

    @Override
    public double defaultLearningRate() {
        return 1e-3;
    }

    @Override
    Map<String, Double> hyperparameters() {
        return ordered("rho", rho, "eps", eps);
    }

    @Override
    void update(double[] params, double[] grad, double lr) {
        double[] s = buffers[0];
        for (int i = 0; i < params.length; i++) {
            double g = grad[i];
            double si = rho * s[i] + (1.0 - rho) * g * g;
            s[i] = si;
            params[i] -= lr * g / (Math.sqrt(si) + eps);
        }
    }
}
