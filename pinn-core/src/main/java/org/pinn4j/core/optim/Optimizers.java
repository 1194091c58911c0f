package org.pinn4j.core.optim;

import java.util.List;

/**
 * Factory for the first-order optimizers, with the customary defaults and command-line names.
 *
 * <p>Names accepted by {@link #byName(String)}: {@value #NAME_LIST}.
 */
public final class Optimizers {

    /** The accepted names, for messages and help texts. */
    public static final String NAME_LIST =
            "gd, sgd, momentum, velocity-momentum, nesterov, adam, adamw, rmsprop, adagrad, adadelta";

    private static final List<String> NAMES = List.of(NAME_LIST.split(", "));

    /** Default momentum coefficient for the momentum methods. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private Optimizers() {}

    /** All names {@link #byName(String)} accepts, in documentation order. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Creates the named optimizer with its default hyperparameters (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static GradientOptimizer byName(String name) {
        return OptimizerSettings.byName(name).create();
    }

    /** Plain gradient descent ({@code "gd"}). */
    public static GradientOptimizer gd() {
        return new GradientDescent("gd");
    }

    /**
     * Stochastic gradient descent ({@code "sgd"}): the gradient-descent update, applied by the
     * trainer to mini-batch gradients.
     */
    public static GradientOptimizer sgd() {
        return new GradientDescent("sgd");
    }

    /** Classic momentum with alpha = 0.9. */
    public static Momentum momentum() {
        return new Momentum(DEFAULT_MOMENTUM);
    }

    /** Classic momentum {@code delta = -lr g + alpha delta; theta += delta}. */
    public static Momentum momentum(double alpha) {
        return new Momentum(alpha);
    }

    /** Velocity-form momentum with beta = 0.9. */
    public static VelocityMomentum velocityMomentum() {
        return new VelocityMomentum(DEFAULT_MOMENTUM);
    }

    /** Velocity-form momentum {@code v = beta v + g; theta -= lr v}. */
    public static VelocityMomentum velocityMomentum(double beta) {
        return new VelocityMomentum(beta);
    }

    /** Nesterov momentum with mu = 0.9. */
    public static Nesterov nesterov() {
        return new Nesterov(DEFAULT_MOMENTUM);
    }

    /** Nesterov momentum with coefficient {@code mu}. */
    public static Nesterov nesterov(double mu) {
        return new Nesterov(mu);
    }

    /** Adam with beta1 = 0.9, beta2 = 0.999, eps = 1e-8. */
    public static Adam adam() {
        return Adam.adam(0.9, 0.999, 1e-8);
    }

    /** Adam with the given coefficients. */
    public static Adam adam(double beta1, double beta2, double eps) {
        return Adam.adam(beta1, beta2, eps);
    }

    /** AdamW with beta1 = 0.9, beta2 = 0.999, eps = 1e-8 and weight decay 0.01. */
    public static Adam adamW() {
        return Adam.adamW(0.9, 0.999, 1e-8, 0.01);
    }

    /** AdamW with default betas and eps and the given decoupled weight decay. */
    public static Adam adamW(double weightDecay) {
        return Adam.adamW(0.9, 0.999, 1e-8, weightDecay);
    }

    /** AdamW with the given coefficients. */
    public static Adam adamW(double beta1, double beta2, double eps, double weightDecay) {
        return Adam.adamW(beta1, beta2, eps, weightDecay);
    }

    /** RMSProp with rho = 0.9, eps = 1e-8. */
    public static RmsProp rmsProp() {
        return new RmsProp(0.9, 1e-8);
    }

    /** RMSProp with the given coefficients. */
    public static RmsProp rmsProp(double rho, double eps) {
        return new RmsProp(rho, eps);
    }

    /** Adagrad with eps = 1e-10. */
    public static Adagrad adagrad() {
        return new Adagrad(1e-10);
    }

    /** Adagrad with the given denominator guard. */
    public static Adagrad adagrad(double eps) {
        return new Adagrad(eps);
    }

    /** Adadelta with Zeiler's rho = 0.95, eps = 1e-6 (use learning rate 1 for the paper's method). */
    public static Adadelta adadelta() {
        return new Adadelta(0.95, 1e-6);
    }

    /** Adadelta with the given coefficients. */
    public static Adadelta adadelta(double rho, double eps) {
        return new Adadelta(rho, eps);
    }
}
