package org.pinn4j.validation.reference;

/**
 * The Lorenz system {@code x' = s (y - x)}, {@code y' = x (r - z) - y}, {@code z' = x y - b z}.
 * The catalogue's inverse problem uses {@code (s, r, b) = (10, 15, 8/3)} from {@code (-8, 7, 27)}.
 *
 * @param s Prandtl number sigma
 * @param r Rayleigh number rho
 * @param b geometric factor beta
 */
public record LorenzSystem(double s, double r, double b) implements OdeSystem {

    /** Checks the parameters are finite. */
    public LorenzSystem {
        if (!Double.isFinite(s) || !Double.isFinite(r) || !Double.isFinite(b)) {
            throw new IllegalArgumentException(
                    "LorenzSystem: parameters (s, r, b) = (" + s + ", " + r + ", " + b + ") must be finite");
        }
    }

    @Override
    public void derivative(double t, double[] y, double[] yDot) {
        yDot[0] = s * (y[1] - y[0]);
        yDot[1] = y[0] * (r - y[2]) - y[1];
        yDot[2] = y[0] * y[1] - b * y[2];
    }
}
