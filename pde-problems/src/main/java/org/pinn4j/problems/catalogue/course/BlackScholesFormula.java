package org.pinn4j.problems.catalogue.course;

import org.apache.commons.math3.special.Erf;

/**
 * Closed-form Black–Scholes price, Delta and Gamma of a European call on a non-dividend-paying asset:
 * the solution of {@code V_t + 0.5 sigma^2 S^2 V_SS + r S V_S - r V = 0} with {@code V(S, T) = max(S - K, 0)},
 * t calendar time. At maturity the price is the payoff, Delta the step 1{S > K} (0.5 at S = K) and Gamma 0;
 * at S = 0 all three are 0. Immutable.
 */
public final class BlackScholesFormula {
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2.0);

    private final double strike;
    private final double rate;
    private final double sigma;
    private final double maturity;

    /**
     * A call with strike K, rate r, volatility sigma and maturity T.
     *
     * @throws IllegalArgumentException unless K, sigma and T are finite and > 0 and r is finite
     */
    public BlackScholesFormula(double strike, double rate, double sigma, double maturity) {
        if (!(strike > 0)
                || !Double.isFinite(strike)
                || !(sigma > 0)
                || !Double.isFinite(sigma)
                || !(maturity > 0)
                || !Double.isFinite(maturity)
                || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(
                    "BlackScholesFormula: need finite K > 0, sigma > 0, T > 0 and finite r; got K = " + strike
                            + ", r = " + rate + ", sigma = " + sigma + ", T = " + maturity);
        }
        this.strike = strike;
        this.rate = rate;
        this.sigma = sigma;
        this.maturity = maturity;
    }

    /** Call price V(S, t). */
    public double price(double s, double t) {
        double tau = tau(s, t);
        if (s == 0) {
            return 0;
        }
        if (tau == 0) {
            return Math.max(s - strike, 0);
        }
        double d1 = d1(s, tau);
        double d2 = d1 - sigma * Math.sqrt(tau);
        return s * cdf(d1) - strike * Math.exp(-rate * tau) * cdf(d2);
    }

    /** Delta = dV/dS. */
    public double delta(double s, double t) {
        double tau = tau(s, t);
        if (s == 0) {
            return 0;
        }
        if (tau == 0) {
            return s > strike ? 1 : s < strike ? 0 : 0.5;
        }
        return cdf(d1(s, tau));
    }

    /** Gamma = d^2V/dS^2. */
    public double gamma(double s, double t) {
        double tau = tau(s, t);
        if (s == 0 || tau == 0) {
            return 0;
        }
        double d1 = d1(s, tau);
        return INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1) / (s * sigma * Math.sqrt(tau));
    }

    private double tau(double s, double t) {
        if (!(s >= 0) || !Double.isFinite(s) || !(t <= maturity) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("BlackScholesFormula: need finite S >= 0 and t <= T = " + maturity
                    + "; got S = " + s + ", t = " + t);
        }
        return maturity - t;
    }

    private double d1(double s, double tau) {
        return (Math.log(s / strike) + (rate + 0.5 * sigma * sigma) * tau) / (sigma * Math.sqrt(tau));
    }

    private static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }
}
