package org.pinn4j.autodiff.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The gradient engine: Hessian-vector products, vector-Jacobian products, graph bookkeeping and errors. */
class AutogradTest {

    private final SplittableRandom rnd = new SplittableRandom(7);

    private Tensor random(int r, int c) {
        double[] a = new double[r * c];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextDouble(-1, 1);
        }
        return Tensor.constant(r, c, a);
    }

    /**
     * f(x) = sum(tanh(A x)^2) + sum(x^4) / 4 + (b . x) sin(b . x) for a 6 x 1 column x. The
     * Hessian-vector product H v by grad-of-grad (differentiate g(x) . v, with g recorded) must equal
     * the central difference (g(x + h v) - g(x - h v)) / 2h of the gradient, componentwise.
     * Tolerance 1e-7 absolute + relative: h = 1e-5, truncation h^2/6 |D^3 g| ~ 1e-10, rounding eps |g| / h ~ 1e-11.
     */
    @Test
    void hessianVectorProductMatchesFiniteDifferenceOfGradient() {
        Tensor a = random(5, 6);
        Tensor b = random(1, 6);
        UnaryOperator<Tensor> f = x -> {
            Tensor bx = b.matmul(x);
            return a.matmul(x).tanh().square().sum().add(x.pow(4).sum().div(4)).add(bx.mul(bx.sin()));
        };
        Tensor x0 = random(6, 1);
        Tensor v = random(6, 1);

        Tensor x = x0.detachAsVariable();
        Tensor g = Autograd.grad(f.apply(x), true, x)[0];
        Tensor hv = Autograd.grad(g.mul(v).sum(), false, x)[0];

        double h = 1e-5;
        Tensor xp = x0.add(v.mul(h)).detachAsVariable();
        Tensor xm = x0.sub(v.mul(h)).detachAsVariable();
        Tensor gp = Autograd.grad(f.apply(xp), xp)[0];
        Tensor gm = Autograd.grad(f.apply(xm), xm)[0];
        for (int i = 0; i < 6; i++) {
            double fd = (gp.get(i, 0) - gm.get(i, 0)) / (2 * h);
            assertEquals(fd, hv.get(i, 0), 1e-7 * Math.max(1, Math.abs(fd)), "component " + i);
        }
    }

    /** Third derivative of a scalar function of a scalar, by three nested grads, against the closed form. */
    @Test
    void thirdDerivativeOfCompositionMatchesClosedForm() {
        // f(x) = exp(sin x): f' = cos e^s, f'' = (cos^2 - sin) e^s, f''' = (cos^3 - 3 sin cos - cos) e^s
        double x0 = 0.37;
        Tensor x = Tensor.variable(1, 1, x0);
        Tensor f = x.sin().exp();
        Tensor d1 = Autograd.grad(f, true, x)[0];
        Tensor d2 = Autograd.grad(d1, true, x)[0];
        Tensor d3 = Autograd.grad(d2, false, x)[0];
        double s = Math.sin(x0);
        double c = Math.cos(x0);
        double e = Math.exp(s);
        // closed forms evaluated in double: agreement to rounding, 1e-14 relative
        assertEquals(c * e, d1.item(), 1e-14);
        assertEquals((c * c - s) * e, d2.item(), 1e-14);
        assertEquals((c * c * c - 3 * s * c - c) * e, d3.item(), 1e-14);
    }

    /** vjp(u, S) for u = X W must be S W^T (with respect to X) and X^T S (with respect to W). */
    @Test
    void vectorJacobianProductOfMatmulIsSeedTimesTranspose() {
        Tensor xv = random(4, 3);
        Tensor wv = random(3, 2);
        Tensor s = random(4, 2);
        Tensor x = xv.detachAsVariable();
        Tensor w = wv.detachAsVariable();
        Tensor[] g = Autograd.vjp(x.matmul(w), s, false, x, w);
        Tensor expectX = s.matmul(wv.transpose());
        Tensor expectW = xv.transpose().matmul(s);
        // same products summed in the same way: agreement to rounding, 1e-15
        assertEquals(0.0, TensorOpDerivativeTest.maxAbsDiff(expectX, g[0]), 1e-15);
        assertEquals(0.0, TensorOpDerivativeTest.maxAbsDiff(expectW, g[1]), 1e-15);
    }

    /** gradOfSum over a batch gives each row's own derivative: u_i = sin(x_i) y_i, du_i/dx_i = cos(x_i) y_i. */
    @Test
    void gradOfSumGivesPerPointDerivativesOfABatch() {
        Tensor batch = random(8, 2).detachAsVariable();
        Tensor u = batch.column(0).sin().mul(batch.column(1));
        Tensor g = Autograd.gradOfSum(u, false, batch)[0];
        for (int i = 0; i < 8; i++) {
            double xi = batch.get(i, 0);
            double yi = batch.get(i, 1);
            // closed form in double: 1e-15 absolute (values of order 1)
            assertEquals(Math.cos(xi) * yi, g.get(i, 0), 1e-15);
            assertEquals(Math.sin(xi), g.get(i, 1), 1e-15);
        }
    }

    /** A node used twice accumulates both contributions: d(x*x + x)/dx = 2x + 1. */
    @Test
    void sharedSubexpressionsAccumulate() {
        Tensor x = Tensor.variable(1, 3, 0.5, -1.25, 2.0);
        Tensor g = Autograd.grad(x.mul(x).add(x).sum(), x)[0];
        // dyadic rationals: exact
        assertEquals(2.0, g.get(0, 0), 0.0);
        assertEquals(-1.5, g.get(0, 1), 0.0);
        assertEquals(5.0, g.get(0, 2), 0.0);
    }

    /** A chain of 50,000 operations is differentiated without overflowing the stack. */
    @Test
    void deepGraphsDoNotOverflowTheStack() {
        Tensor x = Tensor.variable(1, 1, 1.0);
        Tensor y = x;
        for (int i = 0; i < 50_000; i++) {
            y = y.mul(1.0).add(0.0);
        }
        // multiplying by 1 and adding 0 are exact
        assertEquals(1.0, Autograd.grad(y, x)[0].item(), 0.0);
    }

    @Test
    void fastPathReturnsConstantsAndCreateGraphReturnsDifferentiableTensors() {
        Tensor x = Tensor.variable(1, 2, 0.3, 0.4);
        Tensor y = x.tanh().sum();
        assertFalse(Autograd.grad(y, false, x)[0].requiresGrad());
        assertTrue(Autograd.grad(y, true, x)[0].requiresGrad());
        Tensor z = Autograd.withoutRecording(() -> x.tanh().sum());
        assertFalse(z.requiresGrad());
        assertTrue(Autograd.isRecording());
    }

    @Test
    void unusedInputsGetZeroGradients() {
        Tensor x = Tensor.variable(2, 2, 1, 2, 3, 4);
        Tensor unused = Tensor.variable(1, 3, 1, 2, 3);
        Tensor[] g = Autograd.grad(x.sum(), x, unused);
        assertEquals("1 x 3", g[1].shape());
        // zero gradient exactly
        assertEquals(0.0, TensorOpDerivativeTest.maxAbsDiff(g[1], Tensor.zeros(1, 3)), 0.0);
        // second derivative of a linear function: the first gradient is constant, its gradient is zero
        Tensor g1 = Autograd.grad(x.sum(), true, x)[0];
        Tensor g2 = Autograd.grad(g1.sum(), false, x)[0];
        assertEquals(0.0, TensorOpDerivativeTest.maxAbsDiff(g2, Tensor.zeros(2, 2)), 0.0);
    }

    /** Gradients of all parameters only flow where needed: asking only for x must not disturb the result. */
    @Test
    void gradientsForASubsetEqualThoseForAll() {
        Tensor x = random(3, 2).detachAsVariable();
        Tensor w = random(2, 2).detachAsVariable();
        Tensor y = x.matmul(w).tanh().sum();
        Tensor[] all = Autograd.grad(y, x, w);
        Tensor[] onlyX = Autograd.grad(y, x);
        // identical arithmetic on the x path: exact
        assertEquals(0.0, TensorOpDerivativeTest.maxAbsDiff(all[0], onlyX[0]), 0.0);
    }

    @Test
    void badRequestsGiveClearMessages() {
        Tensor x = Tensor.variable(2, 2, 1, 2, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autograd.grad(x.square(), x));
        assertTrue(e.getMessage().contains("2 x 2") && e.getMessage().contains("1 x 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autograd.grad(x.sum(), Tensor.zeros(2, 2)));
        assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autograd.vjp(x, Tensor.ones(1, 2), false, x));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autograd.grad(x.sum(), false));
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
    }
}
