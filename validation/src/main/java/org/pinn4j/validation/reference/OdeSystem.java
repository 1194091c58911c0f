package org.pinn4j.validation.reference;

/** Right-hand side of a first-order ODE system {@code y' = F(t, y)}. */
@FunctionalInterface
public interface OdeSystem {

    /**
     * Writes {@code F(t, y)} into {@code yDot} (same length as {@code y}); must not keep references to
     * either array.
     */
    void derivative(double t, double[] y, double[] yDot);
}
