package org.pinn4j.autodiff.tape;

import java.util.function.Function;

/**
 * Test helper: k-th directional derivatives d^k/ds^k F(x + s v) at s = 0 of a scalar tensor function,
 * computed by nested reverse mode, and the central finite difference of the (k-1)-th one.
 */
final class DirectionalDerivatives {

    /** Finite-difference step. */
    static final double H = 1e-4;

    private DirectionalDerivatives() {}

    /**
     * d^order/ds^order F(x + s v) at s = 0 by nested reverse mode: order times, y := sum_i grad(y, x_i) . v_i.
     * All passes but the last record the graph; the last uses the no-record fast path.
     */
    static double ad(Function<Tensor[], Tensor> f, Tensor[] x, Tensor[] v, int order) {
        Tensor[] xs = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = x[i].detachAsVariable();
        }
        Tensor y = f.apply(xs);
        for (int k = 1; k <= order; k++) {
            Tensor[] g = Autograd.grad(y, k < order, xs);
            Tensor s = null;
            for (int i = 0; i < xs.length; i++) {
                Tensor term = g[i].mul(v[i]).sum();
                s = s == null ? term : s.add(term);
            }
            y = s;
        }
        return y.item();
    }

    /**
     * Estimate of the order-th derivative from the (order-1)-th AD derivative D: the central difference
     * c(h) = (D(x + h v) - D(x - h v)) / 2h has error a h^2 + O(h^4), so the Richardson combination
     * (4 c(h/2) - c(h)) / 3 has truncation error O(h^4), negligible at h = 1e-4; what remains is
     * rounding, about eps |D| / h ~ 1e-12 relative.
     */
    static double fd(Function<Tensor[], Tensor> f, Tensor[] x, Tensor[] v, int order) {
        return (4 * central(f, x, v, order, H / 2) - central(f, x, v, order, H)) / 3;
    }

    /** Central difference with step h of the (order-1)-th AD directional derivative. */
    static double central(Function<Tensor[], Tensor> f, Tensor[] x, Tensor[] v, int order, double h) {
        Tensor[] plus = new Tensor[x.length];
        Tensor[] minus = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            plus[i] = shift(x[i], v[i], h);
            minus[i] = shift(x[i], v[i], -h);
        }
        return (ad(f, plus, v, order - 1) - ad(f, minus, v, order - 1)) / (2 * h);
    }

    private static Tensor shift(Tensor x, Tensor v, double h) {
        double[] a = x.toArray();
        double[] d = v.toArray();
        for (int j = 0; j < a.length; j++) {
            a[j] += h * d[j];
        }
        return Tensor.constant(x.rows(), x.cols(), a);
    }
}
