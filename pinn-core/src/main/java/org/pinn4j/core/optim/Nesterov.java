package org.pinn4j.core.optim;

import java.util.Map;

/**
 * Nesterov accelerated gradient in the form that needs the gradient only at the current
 * parameters (Bengio, Boulanger-Lewandowski and Pascanu 2013; PyTorch's {@code nesterov=True}):
 * {@code v = mu * v + g; theta -= lr * (g + mu * v)}.
 *
 * <p>This is Sutskever's look-ahead form {@code v = mu v - lr grad(theta + mu v)} rewritten in the
 * shifted variable {@code theta + mu v}. Named {@code "nesterov"}.
 */
public final class Nesterov extends AbstractGradientOptimizer {

    private final double mu;

    /** Creates Nesterov momentum with coefficient {@code mu} in [0, 1). */
    public Nesterov(double mu) {
        super("nesterov", "velocity");
        this.mu = requireInHalfOpenUnit("Nesterov", "mu", mu);
    }

    /** The momentum coefficient. */
    public double mu() {
        return mu;
    }

    @Override
    public double defaultLearningRate() {
        return 1e-2;
    }

    @Override
    Map<String, Double> hyperparameters() {
        return ordered("mu", mu);
    }

    @Override
    void update(double[] params, double[] grad, double lr) {
        double[] v = buffers[0];
        for (int i = 0; i < params.length; i++) {
            double vi = mu * v[i] + grad[i];
            v[i] = vi;
            params[i] -= lr * (grad[i] + mu * vi);
        }
    }
}
