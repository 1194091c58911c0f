package org.pinn4j.validation.reference;

/**
 * Closed-form solutions of the simple catalogue problems, and the source terms that go with them.
 */
public final class Analytic {

    /** Diffusivity of the catalogue heat problem. */
    public static final double HEAT_DIFFUSIVITY = 0.1;

    private Analytic() {}

    /**
     * Underdamped oscillator {@code x'' + 2 d x' + w0^2 x = 0}, {@code x(0) = 1}, {@code x'(0) = 0}:
     * {@code x(t) = exp(-d t) (cos(w t) + (d / w) sin(w t))} with {@code w = sqrt(w0^2 - d^2)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= d < w0}
     */
    public static double dampedOscillator(double d, double w0, double t) {
        if (!(d >= 0.0 && d < w0) || !Double.isFinite(w0)) {
            throw new IllegalArgumentException(
                    "Analytic.dampedOscillator: need 0 <= d < w0 (underdamped), got d = " + d + ", w0 = " + w0);
        }
        double w = Math.sqrt(w0 * w0 - d * d);
        return Math.exp(-d * t) * (Math.cos(w * t) + d / w * Math.sin(w * t));
    }

    /**
     * Heat equation {@code u_t = k u_xx} on [-1, 1] with {@code u(x, 0) = sin(pi x)}, {@code u(+-1, t) = 0}:
     * {@code u = exp(-k pi^2 t) sin(pi x)}.
     */
    public static double heat(double k, double x, double t) {
        return Math.exp(-k * Math.PI * Math.PI * t) * Math.sin(Math.PI * x);
    }

    /** {@link #heat(double, double, double)} with the catalogue diffusivity {@link #HEAT_DIFFUSIVITY} = 0.1. */
    public static double heat(double x, double t) {
        return heat(HEAT_DIFFUSIVITY, x, t);
    }

    /**
     * Wave equation {@code u_tt = c^2 u_xx} on [0, 1] (or any interval with integer end points) with
     * {@code u(x, 0) = sin(pi x) + 0.5 sin(4 pi x)}, {@code u_t(x, 0) = 0}:
     * {@code u = sin(pi x) cos(c pi t) + 0.5 sin(4 pi x) cos(4 c pi t)}.
     */
    public static double wave(double c, double x, double t) {
        return Math.sin(Math.PI * x) * Math.cos(c * Math.PI * t)
                + 0.5 * Math.sin(4 * Math.PI * x) * Math.cos(4 * c * Math.PI * t);
    }

    /** 1D Poisson {@code -u'' = pi^2 sin(pi x)} with zero Dirichlet data at integer end points: {@code u = sin(pi x)}. */
    public static double poisson1d(double x) {
        return Math.sin(Math.PI * x);
    }

    /** Source {@code f = -u'' = pi^2 sin(pi x)} of {@link #poisson1d}. */
    public static double poisson1dSource(double x) {
        return Math.PI * Math.PI * Math.sin(Math.PI * x);
    }

    /** 2D Poisson {@code -Laplace(u) = f} on [-1, 1]^2, zero Dirichlet data: {@code u = sin(pi x) sin(pi y)}. */
    public static double poisson2d(double x, double y) {
        return Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
    }

    /** Source {@code f = -Laplace(u) = 2 pi^2 sin(pi x) sin(pi y)} of {@link #poisson2d}. */
    public static double poisson2dSource(double x, double y) {
        return 2 * Math.PI * Math.PI * Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
    }

    /**
     * 2D Helmholtz {@code Laplace(u) + u = q} on [-1, 1]^2, zero Dirichlet data:
     * {@code u = sin(pi x) sin(4 pi y)}.
     */
    public static double helmholtz2d(double x, double y) {
        return Math.sin(Math.PI * x) * Math.sin(4 * Math.PI * y);
    }

    /** Source {@code q = Laplace(u) + u = (1 - 17 pi^2) sin(pi x) sin(4 pi y)} of {@link #helmholtz2d}. */
    public static double helmholtz2dSource(double x, double y) {
        return (1 - 17 * Math.PI * Math.PI) * Math.sin(Math.PI * x) * Math.sin(4 * Math.PI * y);
    }
}
