package org.pinn4j.core.optim;

import java.util.Locale;

/**
 * The settings of a built-in first-order optimizer, as a value: {@link #create()} makes a fresh optimizer, and
 * model files and reports record every setting. Equal settings make optimizers that update identically. The
 * static methods give the customary defaults; {@link #byName} the command line's names.
 */
public sealed interface OptimizerSettings
        permits OptimizerSettings.Gd,
                OptimizerSettings.Sgd,
                OptimizerSettings.Momentum,
                OptimizerSettings.VelocityMomentum,
                OptimizerSettings.Nesterov,
                OptimizerSettings.Adam,
                OptimizerSettings.AdamW,
                OptimizerSettings.RmsProp,
                OptimizerSettings.Adagrad,
                OptimizerSettings.Adadelta {

    /** The optimizer's name, one of {@link Optimizers#NAME_LIST}. */
    String name();

    /** A fresh optimizer with these settings. */
    GradientOptimizer create();

    /** The name and every setting, e.g. "adam(beta1 0.9, beta2 0.999, eps 1.0E-8)". */
    default String describe() {
        return Settings.describe(name(), (Record) this);
    }

    /**
     * The default settings of the named optimizer (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    static OptimizerSettings byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "gd" -> new Gd();
            case "sgd" -> new Sgd();
            case "momentum" -> new Momentum(Optimizers.DEFAULT_MOMENTUM);
            case "velocity-momentum" -> new VelocityMomentum(Optimizers.DEFAULT_MOMENTUM);
            case "nesterov" -> new Nesterov(Optimizers.DEFAULT_MOMENTUM);
            case "adam" -> adam();
            case "adamw" -> new AdamW(0.9, 0.999, 1e-8, 0.01);
            case "rmsprop" -> new RmsProp(0.9, 1e-8);
            case "adagrad" -> new Adagrad(1e-10);
            case "adadelta" -> new Adadelta(0.95, 1e-6);
            default ->
                throw new IllegalArgumentException(
                        "Unknown optimizer '" + name + "'; valid names: " + Optimizers.NAME_LIST);
        };
    }

    /** Adam with beta1 = 0.9, beta2 = 0.999, eps = 1e-8. */
    static Adam adam() {
        return new Adam(0.9, 0.999, 1e-8);
    }

    /** Plain gradient descent. */
    record Gd() implements OptimizerSettings {
        @Override
        public String name() {
            return "gd";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.gd();
        }
    }

    /** Stochastic gradient descent: the gradient-descent update on mini-batch gradients. */
    record Sgd() implements OptimizerSettings {
        @Override
        public String name() {
            return "sgd";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.sgd();
        }
    }

    /**
     * Classic momentum {@code delta = -lr g + alpha delta}.
     *
     * @param alpha the momentum coefficient
     */
    record Momentum(double alpha) implements OptimizerSettings {
        /** Checks the coefficient. */
        public Momentum {
            Optimizers.momentum(alpha); // checks the values
        }

        @Override
        public String name() {
            return "momentum";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.momentum(alpha);
        }
    }

    /**
     * Velocity-form momentum {@code v = beta v + g}.
     *
     * @param beta the momentum coefficient
     */
    record VelocityMomentum(double beta) implements OptimizerSettings {
        /** Checks the coefficient. */
        public VelocityMomentum {
            Optimizers.velocityMomentum(beta); // checks the values
        }

        @Override
        public String name() {
            return "velocity-momentum";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.velocityMomentum(beta);
        }
    }

    /**
     * Nesterov momentum.
     *
     * @param mu the momentum coefficient
     */
    record Nesterov(double mu) implements OptimizerSettings {
        /** Checks the coefficient. */
        public Nesterov {
            Optimizers.nesterov(mu); // checks the values
        }

        @Override
        public String name() {
            return "nesterov";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.nesterov(mu);
        }
    }

    /**
     * Adam.
     *
     * @param beta1 decay of the first moment
     * @param beta2 decay of the second moment
     * @param eps denominator guard
     */
    record Adam(double beta1, double beta2, double eps) implements OptimizerSettings {
        /** Checks the coefficients. */
        public Adam {
            Optimizers.adam(beta1, beta2, eps); // checks the values
        }

        @Override
        public String name() {
            return "adam";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.adam(beta1, beta2, eps);
        }
    }

    /**
     * AdamW: Adam with decoupled weight decay.
     *
     * @param beta1 decay of the first moment
     * @param beta2 decay of the second moment
     * @param eps denominator guard
     * @param weightDecay the decoupled weight decay
     */
    record AdamW(double beta1, double beta2, double eps, double weightDecay) implements OptimizerSettings {
        /** Checks the coefficients. */
        public AdamW {
            Optimizers.adamW(beta1, beta2, eps, weightDecay); // checks the values
        }

        @Override
        public String name() {
            return "adamw";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.adamW(beta1, beta2, eps, weightDecay);
        }
    }

    /**
     * RMSProp.
     *
     * @param rho decay of the squared-gradient average
     * @param eps denominator guard
     */
    record RmsProp(double rho, double eps) implements OptimizerSettings {
        /** Checks the coefficients. */
        public RmsProp {
            Optimizers.rmsProp(rho, eps); // checks the values
        }

        @Override
        public String name() {
            return "rmsprop";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.rmsProp(rho, eps);
        }
    }

    /**
     * Adagrad.
     *
     * @param eps denominator guard
     */
    record Adagrad(double eps) implements OptimizerSettings {
        /** Checks the guard. */
        public Adagrad {
            Optimizers.adagrad(eps); // checks the values
        }

        @Override
        public String name() {
            return "adagrad";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.adagrad(eps);
        }
    }

    /**
     * Adadelta (Zeiler); use learning rate 1 for the paper's method.
     *
     * @param rho decay of the averages
     * @param eps denominator guard
     */
    record Adadelta(double rho, double eps) implements OptimizerSettings {
        /** Checks the coefficients. */
        public Adadelta {
            Optimizers.adadelta(rho, eps); // checks the values
        }

        @Override
        public String name() {
            return "adadelta";
        }

        @Override
        public GradientOptimizer create() {
            return Optimizers.adadelta(rho, eps);
        }
    }
}
