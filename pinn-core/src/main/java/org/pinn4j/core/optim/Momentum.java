package org.pinn4j.core.optim;

import java.util.Map;

/**
 * Classic momentum (Rumelhart, Hinton and Williams 1986):
 * {@code delta = -lr * g + alpha * delta; theta += delta}.
 *
 * <p>The learning rate enters the stored step {@code delta}, so a change of learning rate acts
 * gradually. With a constant rate this is the same iteration as {@link VelocityMomentum}
 * ({@code delta = -lr * v}); the two differ once the rate changes. Named {@code "momentum"}.
 */
public final class Momentum extends AbstractGradientOptimizer {

    private final double alpha;

    /** Creates classic momentum with coefficient {@code alpha} in [0, 1). */
    public Momentum(double alpha) {
        super("momentum", "delta");
        this.alpha = requireInHalfOpenUnit("Momentum", "alpha", alpha);
    }

    /** The momentum coefficient. */
    public double alpha() {
        return alpha;
    }

    @Override
    public double defaultLearningRate() {
        return 1e-2;
    }

    @Override
    Map<String, Double> hyperparameters() {
        return ordered("alpha", alpha);
    }

    @Override
    void update(double[] params, double[] grad, double lr) {
        double[] delta = buffers[0];
        for (int i = 0; i < params.length; i++) {
            double d = -lr * grad[i] + alpha * delta[i];
            delta[i] = d;
            params[i] += d;
        }
    }
}
