package org.pinn4j.core.optim;

import java.util.Map;

/**
 * Momentum in velocity form, as in PyTorch's {@code SGD(momentum=beta)} without dampening:
 * {@code v = beta * v + g; theta -= lr * v}.
 *
 * <p>The stored velocity does not contain the learning rate, so a rate change acts at once. Named
 * {@code "velocity-momentum"}; see {@link Momentum} for the classic form.
 */
public final class VelocityMomentum extends AbstractGradientOptimizer {

    private final double beta;

    /** Creates velocity-form momentum with coefficient {@code beta} in [0, 1). */
    public VelocityMomentum(double beta) {
        super("velocity-momentum", "velocity");
        this.beta = requireInHalfOpenUnit("VelocityMomentum", "beta", beta);
    }

    /** The momentum coefficient. */
    public double beta() {
        return beta;
    }

    @Override
    public double defaultLearningRate() {
        return 1e-2;
    }

    @Override
    Map<String, Double> hyperparameters() {
        return ordered("beta", beta);
    }

    @Override
    void update(double[] params, double[] grad, double lr) {
        double[] v = buffers[0];
        for (int i = 0; i < params.length; i++) {
            double vi = beta * v[i] + grad[i];
            v[i] = vi;
            params[i] -= lr * vi;
        }
    }
}
