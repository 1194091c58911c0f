package org.pinn4j.core.optim;

import java.util.Map;

/**
 * Adadelta (Zeiler 2012, Algorithm 1):
 *
 * <pre>
 *   Eg2  = rho Eg2 + (1 - rho) g^2
 *   dx   = - sqrt(Edx2 + eps) / sqrt(Eg2 + eps) * g
 *   Edx2 = rho Edx2 + (1 - rho) dx^2
 *   theta += lr * dx
 * </pre>
 *
 * <p>Zeiler's method has no learning rate: its units come from the ratio of the two running
 * averages. Here the learning rate only multiplies the applied step (as in PyTorch); the
 * accumulated {@code Edx2} uses the unscaled {@code dx}. Pass {@code lr = 1} (the
 * {@link #defaultLearningRate()}) for the paper's algorithm. Named {@code "adadelta"}.
 */
public final class Adadelta extends AbstractGradientOptimizer {

    private final double rho;
    private final double eps;

    /** Creates Adadelta with decay {@code rho} in [0, 1) and {@code eps > 0} (paper: 0.95, 1e-6). */
    public Adadelta(double rho, double eps) {
        super("adadelta", "meanSquareGrad", "meanSquareDelta");
        this.rho = requireInHalfOpenUnit("Adadelta", "rho", rho);
        this.eps = requirePositive("Adadelta", "eps", eps);
    }

    /** Decay rate of both running averages. */
    public double rho() {
        return rho;
    }

    /** Conditioning constant inside both square roots. */
    public double eps() {
        return eps;
    }

    /** Returns 1, which makes the update Zeiler's rate-free algorithm. */
    @Override
    public double defaultLearningRate() {
        return 1.0;
    }

    @Override
    Map<String, Double> hyperparameters() {
        return ordered("rho", rho, "eps", eps);
    }

    @Override
    void update(double[] params, double[] grad, double lr) {
        double[] eg2 = buffers[0];
        double[] edx2 = buffers[1];
        for (int i = 0; i < params.length; i++) {
            double g = grad[i];
            double a = rho * eg2[i] + (1.0 - rho) * g * g;
            eg2[i] = a;
            double dx = -Math.sqrt(edx2[i] + eps) / Math.sqrt(a + eps) * g;
            edx2[i] = rho * edx2[i] + (1.0 - rho) * dx * dx;
            params[i] += lr * dx;
        }
    }
}
