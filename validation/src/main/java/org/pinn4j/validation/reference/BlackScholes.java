package org.pinn4j.validation.reference;

import org.apache.commons.math3.special.Erf;

/**
 * Closed-form Black–Scholes price of a European call (and put) on a non-dividend-paying asset,
 * the solution of {@code V_t + 0.5 sigma^2 S^2 V_SS + r S V_S - r V = 0} with
 * {@code V(S, T) = max(S - K, 0)}. Time {@code t} is calendar time; {@code tau = T - t} is the time
 * to maturity.
 *
 * <p>Special cases: at {@code tau = 0} the price is the payoff, delta is the step 1{S > K} (0.5 at
 * {@code S = K}), gamma is 0 (its limit is a point mass at K) and theta is the {@code tau -> 0+}
 * limit ({@code -r K} for {@code S > K}, 0 for {@code S < K}, {@code -Infinity} at {@code S = K}).
 * At {@code S = 0} the call, delta, gamma and theta are 0.
 *
 * <p>The normal CDF is {@code 0.5 erfc(-x / sqrt 2)} (Commons Math), accurate in both tails.
 * Instances are immutable and thread-safe.
 */
public final class BlackScholes {

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private final double strike;
    private final double rate;
    private final double sigma;
    private final double maturity;

    /**
     * A European call with strike {@code K}, risk-free rate {@code r}, volatility {@code sigma} and
     * maturity {@code T}.
     *
     * @throws IllegalArgumentException unless {@code K > 0}, {@code sigma > 0}, {@code T > 0} and r are finite
     */
    public BlackScholes(double strike, double rate, double sigma, double maturity) {
        if (!(strike > 0.0) || !Double.isFinite(strike)) {
            throw new IllegalArgumentException("BlackScholes: strike K = " + strike + " must be finite and > 0");
        }
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("BlackScholes: rate r = " + rate + " must be finite");
        }
        if (!(sigma > 0.0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("BlackScholes: volatility sigma = " + sigma + " must be finite and > 0");
        }
        if (!(maturity > 0.0) || !Double.isFinite(maturity)) {
            throw new IllegalArgumentException("BlackScholes: maturity T = " + maturity + " must be finite and > 0");
        }
        this.strike = strike;
        this.rate = rate;
        this.sigma = sigma;
        this.maturity = maturity;
    }

    /** Strike K. */
    public double strike() {
        return strike;
    }

    /** Risk-free rate r. */
    public double rate() {
        return rate;
    }

    /** Volatility sigma. */
    public double sigma() {
        return sigma;
    }

    /** Maturity T. */
    public double maturity() {
        return maturity;
    }

    /** Call price V(S, t). */
    public double value(double s, double t) {
        double tau = tau(s, t);
        if (s == 0.0) {
            return 0.0;
        }
        if (tau == 0.0) {
            return Math.max(s - strike, 0.0);
        }
        double sq = sigma * Math.sqrt(tau);
        double d1 = d1(s, tau, sq);
        return s * cdf(d1) - strike * Math.exp(-rate * tau) * cdf(d1 - sq);
    }

    /** Put price {@code K e^{-r tau} N(-d2) - S N(-d1)} (computed directly, not from parity). */
    public double putValue(double s, double t) {
        double tau = tau(s, t);
        double disc = strike * Math.exp(-rate * tau);
        if (s == 0.0) {
            return disc;
        }
        if (tau == 0.0) {
            return Math.max(strike - s, 0.0);
        }
        double sq = sigma * Math.sqrt(tau);
        double d1 = d1(s, tau, sq);
        return disc * cdf(sq - d1) - s * cdf(-d1);
    }

    /** Call delta {@code V_S = N(d1)}. */
    public double delta(double s, double t) {
        double tau = tau(s, t);
        if (s == 0.0) {
            return 0.0;
        }
        if (tau == 0.0) {
            return s > strike ? 1.0 : (s < strike ? 0.0 : 0.5);
        }
        return cdf(d1(s, tau, sigma * Math.sqrt(tau)));
    }

    /** Call gamma {@code V_SS = phi(d1) / (S sigma sqrt(tau))}. */
    public double gamma(double s, double t) {
        double tau = tau(s, t);
        if (s == 0.0 || tau == 0.0) {
            return 0.0;
        }
        double sq = sigma * Math.sqrt(tau);
        return pdf(d1(s, tau, sq)) / (s * sq);
    }

    /** Call theta in calendar time, {@code V_t = -S phi(d1) sigma / (2 sqrt tau) - r K e^{-r tau} N(d2)}. */
    public double theta(double s, double t) {
        double tau = tau(s, t);
        if (s == 0.0) {
            return 0.0;
        }
        if (tau == 0.0) {
            return s > strike ? -rate * strike : (s < strike ? 0.0 : Double.NEGATIVE_INFINITY);
        }
        double sqrtTau = Math.sqrt(tau);
        double sq = sigma * sqrtTau;
        double d1 = d1(s, tau, sq);
        return -s * pdf(d1) * sigma / (2.0 * sqrtTau) - rate * strike * Math.exp(-rate * tau) * cdf(d1 - sq);
    }

    /**
     * Call prices at the points {@code (s[i], t[i])}, written to {@code out[i]}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a point is invalid
     */
    public void values(double[] s, double[] t, double[] out) {
        if (s == null || t == null || out == null || s.length != t.length || out.length != s.length) {
            throw new IllegalArgumentException(
                    "BlackScholes.values: s, t and out must be non-null with equal lengths, got "
                            + (s == null ? "null" : s.length) + ", " + (t == null ? "null" : t.length) + ", "
                            + (out == null ? "null" : out.length));
        }
        for (int i = 0; i < s.length; i++) {
            out[i] = value(s[i], t[i]);
        }
    }

    /** Standard normal CDF. */
    static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2.0));
    }

    /** Standard normal density. */
    static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    private double d1(double s, double tau, double sq) {
        return (Math.log(s / strike) + (rate + 0.5 * sigma * sigma) * tau) / sq;
    }

    private double tau(double s, double t) {
        if (!(s >= 0.0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("BlackScholes: asset price S = " + s + " must be finite and >= 0");
        }
        if (!(t <= maturity) || !Double.isFinite(t)) {
            throw new IllegalArgumentException(
                    "BlackScholes: time t = " + t + " must be finite and <= maturity T = " + maturity);
        }
        return maturity - t;
    }
}
