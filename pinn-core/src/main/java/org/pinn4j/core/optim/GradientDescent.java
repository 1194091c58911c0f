package org.pinn4j.core.optim;

import java.util.Map;

/**
 * Plain gradient descent, {@code theta -= lr * g}.
 *
 * <p>Stochastic gradient descent ("sgd") is the same update applied to the gradient of the current
 * mini-batch; drawing the mini-batches is the trainer's job, so the two names differ only in
 * {@link #name()}.
 */
public final class GradientDescent extends AbstractGradientOptimizer {

    /** Creates plain gradient descent, named {@code "gd"}. */
    public GradientDescent() {
        this("gd");
    }

    /**
     * Creates gradient descent under the given name ({@code "gd"} or {@code "sgd"}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public GradientDescent(String name) {
        super(checkName(name));
    }

    private static String checkName(String name) {
        if (!"gd".equals(name) && !"sgd".equals(name)) {
            throw new IllegalArgumentException("GradientDescent: name must be \"gd\" or \"sgd\", got " + name);
        }
        return name;
    }

    @Override
    public double defaultLearningRate() {
        return 1e-2;
    }

    @Override
    Map<String, Double> hyperparameters() {
        return Map.of();
    }

    @Override
    void update(double[] params, double[] grad, double lr) {
        for (int i = 0; i < params.length; i++) {
            params[i] -= lr * grad[i];
        }
    }
}
