package org.pinn4j.core.optim;

/**
 * The line search of More and Thuente ("Line search algorithms with guaranteed sufficient decrease", ACM TOMS
 * 20, 1994) for a step satisfying the strong Wolfe conditions
 *
 * <pre>
 *   phi(a) <= phi(0) + c1 a phi'(0)      and      |phi'(a)| <= c2 |phi'(0)|,
 * </pre>
 *
 * <p>with {@code phi(a) = f(x + a d)}. It keeps an interval of uncertainty [stx, sty] whose end stx has the
 * least value so far, and chooses each trial step by the four cases of the paper's section 4 (cubic and quadratic
 * interpolants, safeguarded). While no trial has both sufficient decrease and a non-negative slope it works on
 * the auxiliary function {@code psi(a) = phi(a) - phi(0) - c1 a phi'(0)} (stage 1), then on phi itself; the
 * interval shrinks by at least a third every two trials once bracketed. A non-finite value or slope halves the
 * step towards stx. It fails when the interval is narrower than the relative tolerance {@code 1e-14}, a
 * trial leaves it through round-off, or the per-search evaluation limit is reached: the caller then falls back
 * to {@link StrongWolfeLineSearch}. Not thread-safe; reused across iterations.
 */
final class MoreThuenteLineSearch implements LineSearch {

    /** Relative width of the interval of uncertainty below which the search gives up. */
    private static final double XTOL = 1e-14;
    /** Before a bracket exists, the next trial lies in [stp + 1.1 (stp - stx), stp + 4 (stp - stx)]. */
    private static final double EXTRAPOLATE_LOW = 1.1;

    private static final double EXTRAPOLATE_HIGH = 4.0;
    /** Bounds on the step. */
    private static final double STEP_MIN = 0.0;

    private static final double STEP_MAX = 1e20;

    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    private double alpha;
    private double value;
    private int evaluations;

    // The interval of uncertainty and the trial step, as in the paper's notation; dcstep-like updates mutate them.
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private double stp;
    private boolean bracketed;

    MoreThuenteLineSearch(double c1, double c2, int maxEvaluations) {
        if (!(0 < c1 && c1 < 1 && 0 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("line search: need c1 and c2 in (0, 1), got " + c1 + ", " + c2);
        }
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
        int limit = Math.min(maxEvaluations, budget);
        boolean budgetLimited = budget <= maxEvaluations;
        evaluations = 0;
        int n = x.length;
        double gtest = c1 * dphi0;
        double width = STEP_MAX - STEP_MIN;
        double previousWidth = 2.0 * width;
        bracketed = false;
        boolean stage1 = true;
        stx = 0.0;
        fx = f0;
        gx = dphi0;
        sty = 0.0;
        fy = f0;
        gy = dphi0;
        double stmin = 0.0;
        double stmax = alpha0 + EXTRAPOLATE_HIGH * alpha0;
        stp = Math.min(Math.max(alpha0, STEP_MIN), STEP_MAX);
        while (true) {
            if (evaluations >= limit) {
                return budgetLimited ? Status.BUDGET_EXHAUSTED : Status.FAILED;
            }
            for (int i = 0; i < n; i++) {
                xOut[i] = x[i] + stp * d[i];
            }
            double f = objective.valueAndGradient(xOut, gOut);
            evaluations++;
            double g = 0.0;
            for (int i = 0; i < n; i++) {
                g += gOut[i] * d[i];
            }
            if (!Double.isFinite(f) || !Double.isFinite(g)) {
                // too long a step into an overflow: halve it towards the best point, which stays the bracket's end
                bracketed = true;
                sty = stp;
                fy = Double.POSITIVE_INFINITY;
                gy = Double.NaN;
                stp = stx + 0.5 * (stp - stx);
                stmin = Math.min(stx, sty);
                stmax = Math.max(stx, sty);
                if (!(Math.abs(stp - stx) > XTOL * Math.max(stp, stx))) {
                    return Status.FAILED;
                }
                continue;
            }
            double ftest = f0 + stp * gtest;
            if (f <= ftest && Math.abs(g) <= -c2 * dphi0) {
                alpha = stp;
                value = f;
                return Status.SUCCESS;
            }
            if (bracketed && (stp <= stmin || stp >= stmax)) {
                return Status.FAILED; // round-off keeps the trial outside the interval
            }
            if (bracketed && stmax - stmin <= XTOL * stmax) {
                return Status.FAILED;
            }
            if (stp == STEP_MAX && f <= ftest && g <= gtest) {
                return Status.FAILED;
            }
            if (stage1 && f <= ftest && g >= 0) {
                stage1 = false;
            }
            if (stage1 && f <= fx && f > ftest) {
                // the modified function psi: its values and slopes are phi's minus the Armijo line
                double fm = f - stp * gtest;
                double gm = g - gtest;
                fx -= stx * gtest;
                fy -= sty * gtest;
                gx -= gtest;
                gy -= gtest;
                step(fm, gm, stmin, stmax);
                fx += stx * gtest;
                fy += sty * gtest;
                gx += gtest;
                gy += gtest;
            } else {
                step(f, g, stmin, stmax);
            }
            if (bracketed) {
                if (Math.abs(sty - stx) >= 0.66 * previousWidth) {
                    stp = stx + 0.5 * (sty - stx); // not shrinking fast enough: bisect
                }
                previousWidth = width;
                width = Math.abs(sty - stx);
                stmin = Math.min(stx, sty);
                stmax = Math.max(stx, sty);
            } else {
                stmin = stp + EXTRAPOLATE_LOW * (stp - stx);
                stmax = stp + EXTRAPOLATE_HIGH * (stp - stx);
            }
            stp = Math.min(Math.max(stp, STEP_MIN), STEP_MAX);
            if (bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax)) {
                stp = stx; // the best step so far; the next test above then ends the search
            }
        }
    }

    /**
     * One safeguarded step of the paper's section 4 from the trial (stp, fp, dp): updates the interval
     * [stx, sty] and sets the next trial in {@code stp}.
     */
    private void step(double fp, double dp, double stmin, double stmax) {
        double sgnd = dp * Math.signum(gx);
        double next;
        if (fp > fx) {
            // case 1: higher value; the minimiser is bracketed
            double theta = 3.0 * (fx - fp) / (stp - stx) + gx + dp;
            double gamma = gamma(theta, gx, dp, stp < stx);
            double p = (gamma - gx) + theta;
            double q = ((gamma - gx) + gamma) + dp;
            double cubic = stx + (p / q) * (stp - stx);
            double quadratic = stx + ((gx / ((fx - fp) / (stp - stx) + gx)) / 2.0) * (stp - stx);
            next = Math.abs(cubic - stx) < Math.abs(quadratic - stx) ? cubic : cubic + (quadratic - cubic) / 2.0;
            bracketed = true;
        } else if (sgnd < 0) {
            // case 2: lower value, slopes of opposite signs; bracketed
            double theta = 3.0 * (fx - fp) / (stp - stx) + gx + dp;
            double gamma = gamma(theta, gx, dp, stp > stx);
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + gx;
            double cubic = stp + (p / q) * (stx - stp);
            double secant = stp + (dp / (dp - gx)) * (stx - stp);
            next = Math.abs(cubic - stp) > Math.abs(secant - stp) ? cubic : secant;
            bracketed = true;
        } else if (Math.abs(dp) < Math.abs(gx)) {
            // case 3: lower value, same slope sign, slope magnitude decreasing
            double theta = 3.0 * (fx - fp) / (stp - stx) + gx + dp;
            double gamma = gamma(theta, gx, dp, stp > stx);
            double p = (gamma - dp) + theta;
            double q = (gamma + (gx - dp)) + gamma;
            double r = p / q;
            double cubic;
            if (r < 0 && gamma != 0) {
                cubic = stp + r * (stx - stp);
            } else {
                cubic = stp > stx ? stmax : stmin;
            }
            double secant = stp + (dp / (dp - gx)) * (stx - stp);
            if (bracketed) {
                next = Math.abs(cubic - stp) < Math.abs(secant - stp) ? cubic : secant;
                double limit = stp + 0.66 * (sty - stp);
                next = stp > stx ? Math.min(limit, next) : Math.max(limit, next);
            } else {
                next = Math.abs(cubic - stp) > Math.abs(secant - stp) ? cubic : secant;
                next = Math.max(stmin, Math.min(stmax, next));
            }
        } else {
            // case 4: lower value, same slope sign, slope not decreasing
            if (bracketed && Double.isFinite(fy) && Double.isFinite(gy)) {
                double theta = 3.0 * (fp - fy) / (sty - stp) + gy + dp;
                double gamma = gamma(theta, gy, dp, stp > sty);
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + gy;
                next = stp + (p / q) * (sty - stp);
            } else if (bracketed) {
                next = stp + 0.5 * (sty - stp);
            } else {
                next = stp > stx ? stmax : stmin;
            }
        }
        if (!Double.isFinite(next)) {
            next = bracketed ? 0.5 * (stx + sty) : (stp > stx ? stmax : stmin);
        }
        if (fp > fx) {
            sty = stp;
            fy = fp;
            gy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                gy = gx;
            }
            stx = stp;
            fx = fp;
            gx = dp;
        }
        stp = next;
    }

    /**
     * The root term of the cubic through two points with end slopes d1 and d2, sqrt(theta^2 - d1 d2) scaled against
     * overflow (0 where round-off makes the square negative), negated when {@code negate}.
     */
    private static double gamma(double theta, double d1, double d2, boolean negate) {
        double s = Math.max(Math.abs(theta), Math.max(Math.abs(d1), Math.abs(d2)));
        double gamma = s * Math.sqrt(Math.max(0.0, (theta / s) * (theta / s) - (d1 / s) * (d2 / s)));
        return negate ? -gamma : gamma;
    }
}
