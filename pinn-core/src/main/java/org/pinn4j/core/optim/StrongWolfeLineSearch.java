package org.pinn4j.core.optim;

/**
 * Line search for a step length satisfying the strong Wolfe conditions
 *
 * <pre>
 *   phi(a) <= phi(0) + c1 a phi'(0)      and      |phi'(a)| <= c2 |phi'(0)|,
 * </pre>
 *
 * <p>with {@code phi(a) = f(x + a d)}: Nocedal and Wright, Numerical Optimization (2nd ed.),
 * Algorithm 3.5 (bracketing) and 3.6 (zoom), trial steps from the cubic interpolant of eq. (3.59)
 * through the two bracket ends, safeguarded to the inner 80% of the bracket. Non-finite values or
 * gradients are treated as "step too long". One deviation from Algorithm 3.6: when a trial value
 * ties with the best one up to round-off (relative 1e-13), the zoom uses the slope, not the noisy
 * value comparison, to choose the new bracket end, as for a lower value. Not thread-safe; reused
 * across iterations.
 */
final class StrongWolfeLineSearch implements LineSearch {

    /**
     * Relative difference below which two values count as equal (round-off): zoom then decides by
     * the slope, which is still informative where the values are not.
     */
    private static final double TIE = 1e-13;

    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    private Objective objective;
    private double[] x;
    private double[] d;
    private double[] xOut;
    private double[] gOut;
    private int limit;
    private boolean budgetLimited;

    private double alpha;
    private double value;
    private int evaluations;

    StrongWolfeLineSearch(double c1, double c2, int maxEvaluations) {
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    @Override
    public double alpha() {
        return alpha;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int evaluations() {
        return evaluations;
    }

    @Override
    public Status search(
            Objective objective,
            double[] x,
            double f0,
            double[] d,
            double dphi0,
            double alpha0,
            int budget,
            double[] xOut,
            double[] gOut) {
        this.objective = objective;
        this.x = x;
        this.d = d;
        this.xOut = xOut;
        this.gOut = gOut;
        this.limit = Math.min(maxEvaluations, budget);
        this.budgetLimited = budget <= maxEvaluations;
        this.evaluations = 0;

        double armijoSlope = c1 * dphi0;
        double curvature = -c2 * dphi0;
        double aPrev = 0.0;
        double fPrev = f0;
        double dPrev = dphi0;
        double a = alpha0;
        for (int i = 1; ; i++) {
            if (evaluations >= limit) {
                return exhausted();
            }
            double fa = evaluate(a);
            double da = lastSlope;
            if (!Double.isFinite(fa) || fa > f0 + a * armijoSlope || (i > 1 && fa >= fPrev)) {
                return zoom(f0, armijoSlope, curvature, aPrev, fPrev, dPrev, a, fa, da);
            }
            if (Math.abs(da) <= curvature) {
                return success(a, fa);
            }
            if (da >= 0) {
                return zoom(f0, armijoSlope, curvature, a, fa, da, aPrev, fPrev, dPrev);
            }
            double next = cubicMinimizer(aPrev, fPrev, dPrev, a, fa, da);
            double lower = a + 0.01 * (a - aPrev);
            double upper = 10.0 * a;
            if (!(next >= lower)) {
                next = Double.isNaN(next) ? upper : lower;
            }
            if (next > upper) {
                next = upper;
            }
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a = next;
        }
    }

    /** Algorithm 3.6: the bracket [lo, hi] (either order) contains a strong-Wolfe step. */
    private Status zoom(
            double f0,
            double armijoSlope,
            double curvature,
            double lo,
            double fLo,
            double dLo,
            double hi,
            double fHi,
            double dHi) {
        while (true) {
            if (evaluations >= limit) {
                return exhausted();
            }
            double left = Math.min(lo, hi);
            double right = Math.max(lo, hi);
            double width = right - left;
            if (!(width > Math.ulp(right))) {
                return Status.FAILED;
            }
            double a = Double.isFinite(fHi) && Double.isFinite(dHi)
                    ? cubicMinimizer(lo, fLo, dLo, hi, fHi, dHi)
                    : Double.NaN;
            if (Double.isNaN(a)) {
                a = 0.5 * (lo + hi);
            } else {
                a = Math.max(left + 0.1 * width, Math.min(right - 0.1 * width, a));
            }
            double fa = evaluate(a);
            double da = lastSlope;
            boolean higher = fa >= fLo && !(Math.abs(fa - fLo) <= TIE * Math.abs(fLo));
            if (!Double.isFinite(fa) || fa > f0 + a * armijoSlope || higher) {
                hi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= curvature) {
                    return success(a, fa);
                }
                if (da * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = a;
                fLo = fa;
                dLo = da;
            }
        }
    }

    /**
     * Minimiser of the cubic through (a1, f1, d1) and (a2, f2, d2), Nocedal and Wright eq. (3.59);
     * NaN when the cubic has no minimiser.
     */
    static double cubicMinimizer(double a1, double f1, double d1, double a2, double f2, double d2) {
        double e1 = d1 + d2 - 3.0 * (f1 - f2) / (a1 - a2);
        double disc = e1 * e1 - d1 * d2;
        if (!(disc >= 0.0)) {
            return Double.NaN;
        }
        double e2 = Math.copySign(Math.sqrt(disc), a2 - a1);
        double denom = d2 - d1 + 2.0 * e2;
        if (denom == 0.0) {
            return Double.NaN;
        }
        double a = a2 - (a2 - a1) * (d2 + e2 - e1) / denom;
        return Double.isFinite(a) ? a : Double.NaN;
    }

    private double lastSlope;

    private double evaluate(double a) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            xOut[i] = x[i] + a * d[i];
        }
        double fa = objective.valueAndGradient(xOut, gOut);
        evaluations++;
        double slope = 0.0;
        for (int i = 0; i < n; i++) {
            slope += gOut[i] * d[i];
        }
        lastSlope = slope;
        // A non-finite gradient poisons the next direction: treat it like an infinite value.
        return Double.isFinite(slope) ? fa : Double.POSITIVE_INFINITY;
    }

    private Status success(double a, double fa) {
        alpha = a;
        value = fa;
        return Status.SUCCESS;
    }

    private Status exhausted() {
        return budgetLimited ? Status.BUDGET_EXHAUSTED : Status.FAILED;
    }
}
