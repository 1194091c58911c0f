package org.pinn4j.autodiff.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.scalar.Jets;

/**
 * The tape MLP: its flat parameter layout against a hand-written loop, its parameter gradient against
 * finite differences, and its input derivatives up to third order against finite differences and
 * against an independent forward-mode evaluation with Commons Math jets.
 */
class TapeMlpTest {

    private static double[] randomArray(SplittableRandom rnd, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble(-scale, scale);
        }
        return a;
    }

    /** Plain double activation, written independently of the tape. */
    private static DoubleUnaryOperator reference(Activation a) {
        return switch (a) {
            case IDENTITY -> v -> v;
            case COS -> Math::cos;
            case TANH -> Math::tanh;
            case SIN -> Math::sin;
            case SIGMOID -> v -> 1 / (1 + Math.exp(-v));
            case RELU -> v -> Math.max(v, 0);
            case SILU -> v -> v / (1 + Math.exp(-v));
            case GELU -> v -> 0.5 * v * (1 + org.apache.commons.math3.special.Erf.erf(v / Math.sqrt(2)));
            case SOFTPLUS -> v -> Math.log(1 + Math.exp(v));
        };
    }

    /** The network by plain loops over the documented layout: W_l[o][i] at offset + o*in + i, then b_l. */
    private static double[] loopForward(double[] x, double[] p, int[] widths, DoubleUnaryOperator act) {
        double[] h = x;
        int off = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] next = new double[out];
            for (int o = 0; o < out; o++) {
                double s = p[off + out * in + o];
                for (int i = 0; i < in; i++) {
                    s += p[off + o * in + i] * h[i];
                }
                next[o] = l + 2 < widths.length ? act.applyAsDouble(s) : s;
            }
            off += out * in + out;
            h = next;
        }
        return h;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardFollowsTheFlatLayout(Activation act) {
        SplittableRandom rnd = new SplittableRandom(11);
        int[] widths = {3, 4, 5, 2};
        int p = TapeMlp.parameterCount(widths);
        assertEquals(4 * 3 + 4 + 5 * 4 + 5 + 2 * 5 + 2, p);
        assertEquals(4 * 3 + 4 + 5 * 4 + 5, TapeMlp.weightOffset(widths, 2));
        double[] params = randomArray(rnd, p, 1);
        double[][] x = new double[6][];
        for (int n = 0; n < 6; n++) {
            x[n] = randomArray(rnd, 3, 2);
        }
        Tensor u = TapeMlp.forward(
                Tensor.constant(x),
                Tensor.constant(1, p, params),
                widths,
                act.name().toLowerCase());
        assertEquals("6 x 2", u.shape());
        for (int n = 0; n < 6; n++) {
            double[] expected = loopForward(x[n], params, widths, reference(act));
            for (int k = 0; k < 2; k++) {
                // same sums in a possibly different order, textbook vs stable activation forms: 1e-13
                assertEquals(expected[k], u.get(n, k), 1e-13, act + " point " + n + " output " + k);
            }
        }
    }

    /**
     * d loss / d theta for loss = mean((u - y)^2), every coordinate, against a central difference with
     * h = 1e-5. Truncation h^2/6 |L'''| ~ 1e-11 and rounding eps |L| / h ~ 1e-11 for a loss of order 1:
     * tolerance 1e-8 * max(1, |fd|).
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void parameterGradientOfLossMatchesFiniteDifferences(Activation act) {
        SplittableRandom rnd = new SplittableRandom(23);
        int[] widths = {2, 5, 4, 1};
        int p = TapeMlp.parameterCount(widths);
        double[] params = randomArray(rnd, p, 1);
        Tensor x = Tensor.constant(8, 2, randomArray(rnd, 16, 1));
        Tensor y = Tensor.constant(8, 1, randomArray(rnd, 8, 1));

        Tensor theta = Tensor.variable(1, p, params);
        Tensor grad = Autograd.grad(
                TapeMlp.forward(x, theta, widths, act).sub(y).square().mean(), theta)[0];

        double h = 1e-5;
        for (int j = 0; j < p; j++) {
            double[] plus = params.clone();
            double[] minus = params.clone();
            plus[j] += h;
            minus[j] -= h;
            double lp = TapeMlp.forward(x, Tensor.constant(1, p, plus), widths, act)
                    .sub(y)
                    .square()
                    .mean()
                    .item();
            double lm = TapeMlp.forward(x, Tensor.constant(1, p, minus), widths, act)
                    .sub(y)
                    .square()
                    .mean()
                    .item();
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, grad.get(0, j), 1e-8 * Math.max(1, Math.abs(fd)), act + " parameter " + j);
        }
    }

    /**
     * u_x, u_xx, u_xxx (and u_t, u_xt, u_tt) of a depth-4 tanh MLP with inputs (x, t), for a batch of
     * points, by nested gradOfSum with createGraph. Each order is compared with the Richardson-
     * extrapolated central difference in x (or t) of the AD derivative one order lower (the same
     * estimate as in TensorOpDerivativeTest: truncation O(h^4), rounding ~1e-12): tolerance 1e-7 * max(1, |fd|).
     */
    @Test
    void inputDerivativesOfDeepTanhMlpMatchFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(5);
        int[] widths = {2, 10, 10, 10, 10, 1};
        int p = TapeMlp.parameterCount(widths);
        Tensor theta = Tensor.constant(1, p, randomArray(rnd, p, 0.8));
        int n = 6;
        double[] xs = randomArray(rnd, n, 1);
        double[] ts = randomArray(rnd, n, 1);

        double[][] ad = inputDerivatives(xs, ts, theta, widths);
        String[] names = {"u", "u_x", "u_xx", "u_xxx", "u_t", "u_xt", "u_tt"};
        // derivative k (k >= 1) is the difference of derivative `lower[k]` along x (dir 0) or t (dir 1)
        int[] lower = {-1, 0, 1, 2, 0, 1, 4};
        int[] dir = {-1, 0, 0, 0, 1, 1, 1};
        double h = 1e-4;
        for (int k = 1; k < names.length; k++) {
            double[] c1 = centralDifference(xs, ts, theta, widths, lower[k], dir[k], h);
            double[] c2 = centralDifference(xs, ts, theta, widths, lower[k], dir[k], h / 2);
            for (int i = 0; i < n; i++) {
                double fd = (4 * c2[i] - c1[i]) / 3;
                assertEquals(fd, ad[k][i], 1e-7 * Math.max(1, Math.abs(fd)), names[k] + " at point " + i);
            }
        }
    }

    private static double[] centralDifference(
            double[] xs, double[] ts, Tensor theta, int[] widths, int which, int direction, double h) {
        double[] xp = xs.clone();
        double[] xm = xs.clone();
        double[] tp = ts.clone();
        double[] tm = ts.clone();
        for (int i = 0; i < xs.length; i++) {
            if (direction == 0) {
                xp[i] += h;
                xm[i] -= h;
            } else {
                tp[i] += h;
                tm[i] -= h;
            }
        }
        double[] up = inputDerivatives(xp, tp, theta, widths)[which];
        double[] um = inputDerivatives(xm, tm, theta, widths)[which];
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = (up[i] - um[i]) / (2 * h);
        }
        return out;
    }

    /** {u, u_x, u_xx, u_xxx, u_t, u_xt, u_tt} per point, by nested reverse mode on the tape. */
    private static double[][] inputDerivatives(double[] xs, double[] ts, Tensor theta, int[] widths) {
        Tensor batch = Tensor.ofColumns(true, xs, ts);
        Tensor u = TapeMlp.forward(batch, theta, widths, Activation.TANH);
        Tensor g1 = Autograd.gradOfSum(u, true, batch)[0];
        Tensor ux = g1.column(0);
        Tensor ut = g1.column(1);
        Tensor g2 = Autograd.gradOfSum(ux, true, batch)[0];
        Tensor uxx = g2.column(0);
        Tensor uxt = g2.column(1);
        Tensor uxxx = Autograd.gradOfSum(uxx, false, batch)[0].column(0);
        Tensor utt = Autograd.gradOfSum(ut, false, batch)[0].column(1);
        return new double[][] {
            u.columnValues(0),
            ux.columnValues(0),
            uxx.columnValues(0),
            uxxx.columnValues(0),
            ut.columnValues(0),
            uxt.columnValues(0),
            utt.columnValues(0)
        };
    }

    /**
     * For every smooth activation, all partial derivatives of total order &le; 3 in (x, t) by nested
     * reverse mode on the tape equal those of an independent forward-mode evaluation with Commons
     * Math jets. Both are exact up to rounding: tolerance 1e-11 * max(1, |jet|).
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "RELU", mode = EnumSource.Mode.EXCLUDE)
    void inputDerivativesAgreeWithJets(Activation act) {
        SplittableRandom rnd = new SplittableRandom(99);
        int[] widths = {2, 6, 6, 6, 1};
        int p = TapeMlp.parameterCount(widths);
        double[] params = randomArray(rnd, p, 1);
        double[] xs = randomArray(rnd, 4, 1);
        double[] ts = randomArray(rnd, 4, 1);
        Tensor batch = Tensor.ofColumns(true, xs, ts);
        Tensor u = TapeMlp.forward(batch, Tensor.constant(1, p, params), widths, act);
        // tape[a][b] = d^(a+b) u / dx^a dt^b for a + b <= 3
        Tensor[][] tape = new Tensor[4][4];
        tape[0][0] = u;
        for (int total = 1; total <= 3; total++) {
            for (int a = 0; a <= total; a++) {
                int b = total - a;
                // differentiate a lower-order derivative once more in x (if a > 0) or in t
                Tensor lower = a > 0 ? tape[a - 1][b] : tape[a][b - 1];
                Tensor g = Autograd.gradOfSum(lower, total < 3, batch)[0];
                tape[a][b] = g.column(a > 0 ? 0 : 1);
            }
        }
        for (int i = 0; i < xs.length; i++) {
            DerivativeStructure jet = jetForward(xs[i], ts[i], params, widths, act);
            for (int total = 0; total <= 3; total++) {
                for (int a = 0; a <= total; a++) {
                    int b = total - a;
                    double expected = Jets.derivative(jet, a, b);
                    assertEquals(
                            expected,
                            tape[a][b].get(i, 0),
                            1e-11 * Math.max(1, Math.abs(expected)),
                            act + " d^" + total + "/dx^" + a + "dt^" + b + " at point " + i);
                }
            }
        }
    }

    private static DerivativeStructure jetForward(double x, double t, double[] p, int[] widths, Activation act) {
        DerivativeStructure[] h = Jets.variables(3, x, t);
        int off = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            DerivativeStructure[] next = new DerivativeStructure[out];
            for (int o = 0; o < out; o++) {
                DerivativeStructure s = h[0].createConstant(p[off + out * in + o]);
                for (int i = 0; i < in; i++) {
                    s = s.add(h[i].multiply(p[off + o * in + i]));
                }
                next[o] = l + 2 < widths.length ? jetActivation(s, act) : s;
            }
            off += out * in + out;
            h = next;
        }
        return h[0];
    }

    private static DerivativeStructure jetActivation(DerivativeStructure s, Activation act) {
        return switch (act) {
            case IDENTITY -> s;
            case COS -> s.cos();
            case TANH -> s.tanh();
            case SIN -> s.sin();
            case SIGMOID -> Jets.sigmoid(s);
            case RELU -> Jets.relu(s);
            case SILU -> Jets.silu(s);
            case GELU -> Jets.gelu(s);
            case SOFTPLUS -> Jets.softplus(s);
        };
    }

    @Test
    void badArgumentsGiveClearMessages() {
        int[] widths = {2, 3, 1};
        Tensor x = Tensor.zeros(4, 2);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TapeMlp.forward(x, Tensor.zeros(1, 12), widths, "tanh"));
        assertTrue(e.getMessage().contains("1 x 13"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> TapeMlp.forward(Tensor.zeros(4, 3), Tensor.zeros(1, 13), widths, "tanh"));
        assertTrue(e.getMessage().contains("N x 2"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> TapeMlp.forward(x, Tensor.zeros(1, 13), widths, "tanhh"));
        assertTrue(e.getMessage().contains("tanhh") && e.getMessage().contains("tanh,"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TapeMlp.parameterCount(new int[] {2}));
        assertTrue(e.getMessage().contains("at least"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TapeMlp.parameterCount(new int[] {2, 0, 1}));
        assertTrue(e.getMessage().contains("position 1"), e.getMessage());
    }
}
