package org.pinn4j.autodiff.tape;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Hidden-layer activations of {@link TapeMlp}, each an elementwise {@link Tensor} operation. */
public enum Activation {
    /** Hyperbolic tangent. */
    TANH(Tensor::tanh),
    /** Sine. */
    SIN(Tensor::sin),
    /** Logistic sigmoid. */
    SIGMOID(Tensor::sigmoid),
    /** max(x, 0). */
    RELU(Tensor::relu),
    /** x sigmoid(x). */
    SILU(Tensor::silu),
    /** Exact (erf) GELU. */
    GELU(Tensor::gelu),
    /** log(1 + e^x). */
    SOFTPLUS(Tensor::softplus);

    private final UnaryOperator<Tensor> function;

    Activation(UnaryOperator<Tensor> function) {
        this.function = function;
    }

    /** Applies the activation elementwise. */
    public Tensor apply(Tensor x) {
        if (x == null) {
            throw new IllegalArgumentException("Activation." + name() + ": input must not be null");
        }
        return function.apply(x);
    }

    /** The activation with this name, case-insensitive ("tanh", "sin", "sigmoid", "relu", "silu", "gelu", "softplus"). */
    public static Activation fromName(String name) {
        if (name != null) {
            for (Activation a : values()) {
                if (a.name().equalsIgnoreCase(name.trim())) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("Activation: unknown name '" + name + "', expected one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
