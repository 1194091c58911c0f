package org.pinn4j.core.optim;

import java.util.Map;

/**
 * Adagrad (Duchi, Hazan and Singer 2011): {@code G += g^2; theta -= lr * g / (sqrt(G) + eps)}.
 * The effective step shrinks as squared gradients accumulate. Named {@code "adagrad"}.
 */
public final class Adagrad extends AbstractGradientOptimizer {

    private final double eps;

    /** Creates Adagrad with denominator guard {@code eps > 0}. */
    public Adagrad(double eps) {
        super("adagrad", "sumSquares");
        this.eps = requirePositive("Adagrad", "eps", eps);
    }

    /** Denominator guard. */
    public double eps() {
        return eps;
    }

    @Override
    public double defaultLearningRate() {
        return 1e-2;
    }

    @Override
    Map<String, Double> hyperparameters() {
        return ordered("eps", eps);
    }

    @Override
    void update(double[] params, double[] grad, double lr) {
        double[] sum = buffers[0];
        for (int i = 0; i < params.length; i++) {
            double g = grad[i];
            double si = sum[i] + g * g;
            sum[i] = si;
            params[i] -= lr * g / (Math.sqrt(si) + eps);
        }
    }
}
