package org.pinn4j.autodiff.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinn4j.autodiff.Activation;

/**
 * Every tape operation and activation: first, second and third directional derivatives by nested
 * reverse mode against central finite differences, at random seeded inputs and directions.
 *
 * <p>Each op is wrapped two ways into a scalar: F(x) = sum(W * op(x)) and F(x) = sum(W * sin(op(x)))
 * with fixed random weights W. The second form makes the gradient flowing into the op depend on x,
 * so the op's backward rule is itself differentiated in the gradient argument (a rule written with
 * raw numbers instead of tensor ops would pass the first form and fail this one).
 *
 * <p>Tolerance: the k-th derivative is compared with a Richardson-extrapolated central difference
 * (steps h = 1e-4 and h/2) of the (k-1)-th AD derivative, never with nested differences. The AD
 * values are exact up to rounding, so the estimate has truncation error O(h^4) (a plain central
 * difference, O(h^2), was measured at ~2e-6 relative for the third derivative of a ReLU network whose
 * fourth and fifth derivatives are large) and rounding error ~ eps |D^(k-1)| / h ~ 1e-12 relative.
 * We allow 1e-8 * max(1, |fd|) at every order (the worst case measured over all ops was 6e-11); a
 * wrong rule is off by O(1), a wrong constant (e.g. tanh-approximate GELU) by ~1e-3.
 */
class TensorOpDerivativeTest {

    private static final double TOL = 1e-8;

    /** Where an input's entries are drawn from. */
    enum Domain {
        /** Uniform in [-1.5, 1.5]. */
        ANY,
        /** Uniform in [0.8, 2]: for log, sqrt, fractional powers and denominators. */
        POSITIVE,
        /** |x| uniform in [0.2, 1.5] with random sign: away from the ReLU kink by far more than h. */
        AWAY_FROM_ZERO
    }

    record OpCase(String name, int[][] shapes, Domain[] domains, Function<Tensor[], Tensor> op) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static OpCase unary(String name, Domain d, Function<Tensor, Tensor> op) {
        return new OpCase(name, new int[][] {{3, 4}}, new Domain[] {d}, xs -> op.apply(xs[0]));
    }

    private static OpCase binary(
            String name, int[] sa, int[] sb, Domain da, Domain db, java.util.function.BinaryOperator<Tensor> op) {
        return new OpCase(name, new int[][] {sa, sb}, new Domain[] {da, db}, xs -> op.apply(xs[0], xs[1]));
    }

    static Stream<OpCase> cases() {
        List<OpCase> c = new ArrayList<>();
        Domain any = Domain.ANY;
        Domain pos = Domain.POSITIVE;
        // elementwise, scalar operand
        c.add(unary("neg", any, Tensor::neg));
        c.add(unary("addScalar", any, x -> x.add(0.7)));
        c.add(unary("subScalar", any, x -> x.sub(0.3)));
        c.add(unary("rsubScalar", any, x -> x.rsub(1.2)));
        c.add(unary("mulScalar", any, x -> x.mul(-1.7)));
        c.add(unary("divScalar", any, x -> x.div(2.5)));
        c.add(unary("pow3", any, x -> x.pow(3.0)));
        c.add(unary("pow2.5", pos, x -> x.pow(2.5)));
        c.add(unary("pow-1.5", pos, x -> x.pow(-1.5)));
        c.add(unary("pow1", any, x -> x.pow(1.0)));
        c.add(unary("pow0", any, x -> x.pow(0.0)));
        // elementwise functions and activations
        c.add(unary("square", any, Tensor::square));
        c.add(unary("sqrt", pos, Tensor::sqrt));
        c.add(unary("exp", any, Tensor::exp));
        c.add(unary("log", pos, Tensor::log));
        c.add(unary("sin", any, Tensor::sin));
        c.add(unary("cos", any, Tensor::cos));
        c.add(unary("tanh", any, Tensor::tanh));
        c.add(unary("sigmoid", any, Tensor::sigmoid));
        c.add(unary("softplus", any, Tensor::softplus));
        c.add(unary("relu", Domain.AWAY_FROM_ZERO, Tensor::relu));
        c.add(unary("silu", any, Tensor::silu));
        c.add(unary("gelu", any, Tensor::gelu));
        c.add(unary("erf", any, Tensor::erf));
        // elementwise binary, with broadcasting
        c.add(binary("add", new int[] {3, 4}, new int[] {3, 4}, any, any, Tensor::add));
        c.add(binary("add row bias", new int[] {3, 4}, new int[] {1, 4}, any, any, Tensor::add));
        c.add(binary("add column", new int[] {3, 4}, new int[] {3, 1}, any, any, Tensor::add));
        c.add(binary("add 1x1", new int[] {3, 4}, new int[] {1, 1}, any, any, Tensor::add));
        c.add(binary("add row to column (both broadcast)", new int[] {1, 4}, new int[] {3, 1}, any, any, Tensor::add));
        c.add(binary("sub", new int[] {3, 4}, new int[] {3, 4}, any, any, Tensor::sub));
        c.add(binary("sub row bias", new int[] {3, 4}, new int[] {1, 4}, any, any, Tensor::sub));
        c.add(binary("sub from column", new int[] {3, 1}, new int[] {3, 4}, any, any, Tensor::sub));
        c.add(binary("mul", new int[] {3, 4}, new int[] {3, 4}, any, any, Tensor::mul));
        c.add(binary("mul row", new int[] {3, 4}, new int[] {1, 4}, any, any, Tensor::mul));
        c.add(binary("mul column by row", new int[] {3, 1}, new int[] {1, 4}, any, any, Tensor::mul));
        c.add(binary(
                "mul self",
                new int[] {3, 4},
                new int[] {3, 4},
                any,
                any,
                (a, b) -> a.mul(a).mul(b)));
        c.add(binary("div", new int[] {3, 4}, new int[] {3, 4}, any, pos, Tensor::div));
        c.add(binary("div by row", new int[] {3, 4}, new int[] {1, 4}, any, pos, Tensor::div));
        c.add(binary("div by 1x1", new int[] {3, 4}, new int[] {1, 1}, any, pos, Tensor::div));
        // linear algebra, structure, reductions
        c.add(binary("matmul", new int[] {3, 4}, new int[] {4, 2}, any, any, Tensor::matmul));
        c.add(binary(
                "matmul x xT",
                new int[] {3, 4},
                new int[] {1, 1},
                any,
                any,
                (a, b) -> a.matmul(a.transpose()).mul(b)));
        c.add(unary("transpose", any, Tensor::transpose));
        c.add(unary("sum", any, Tensor::sum));
        c.add(unary("columnSums", any, Tensor::columnSums));
        c.add(unary("rowSums", any, Tensor::rowSums));
        c.add(unary("mean", any, Tensor::mean));
        c.add(unary("sliceColumns", any, x -> x.sliceColumns(1, 3)));
        c.add(unary("column", any, x -> x.column(2)));
        c.add(unary("padColumns", any, x -> x.padColumns(2, 7)));
        c.add(unary("reshape", any, x -> x.reshape(2, 6)));
        c.add(unary("reshape to row", any, x -> x.reshape(1, 12)));
        c.add(new OpCase(
                "broadcastTo from row", new int[][] {{1, 4}}, new Domain[] {any}, xs -> xs[0].broadcastTo(3, 4)));
        c.add(new OpCase(
                "broadcastTo from column", new int[][] {{3, 1}}, new Domain[] {any}, xs -> xs[0].broadcastTo(3, 4)));
        c.add(new OpCase(
                "concatColumns",
                new int[][] {{3, 1}, {3, 2}, {3, 1}},
                new Domain[] {any, any, any},
                xs -> Tensor.concatColumns(xs[0], xs[1], xs[2])));
        c.add(new OpCase(
                "concatColumns of slices",
                new int[][] {{3, 4}},
                new Domain[] {any},
                xs -> Tensor.concatColumns(
                        xs[0].column(3), xs[0].sliceColumns(0, 2).sin())));
        // a whole network, inputs and parameters varying together
        int[] widths = {2, 3, 3, 1};
        int p = TapeMlp.parameterCount(widths);
        for (Activation a : Activation.values()) {
            Domain inputDomain = a == Activation.RELU ? Domain.AWAY_FROM_ZERO : any;
            c.add(new OpCase(
                    "mlp " + a,
                    new int[][] {{4, 2}, {1, p}},
                    new Domain[] {inputDomain, any},
                    xs -> TapeMlp.forward(xs[0], xs[1], widths, a)));
        }
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivativesUpToThirdOrderMatchFiniteDifferences(OpCase opCase) {
        SplittableRandom rnd = new SplittableRandom(opCase.name().hashCode());
        int n = opCase.shapes().length;
        Tensor[] x = new Tensor[n];
        Tensor[] v = new Tensor[n];
        for (int i = 0; i < n; i++) {
            int[] s = opCase.shapes()[i];
            x[i] = random(rnd, s[0], s[1], opCase.domains()[i]);
            v[i] = random(rnd, s[0], s[1], Domain.ANY).div(1.5);
        }
        Tensor probe = opCase.op().apply(x);
        Tensor w = random(rnd, probe.rows(), probe.cols(), Domain.ANY);
        Function<Tensor[], Tensor> linear = xs -> opCase.op().apply(xs).mul(w).sum();
        Function<Tensor[], Tensor> wrapped =
                xs -> opCase.op().apply(xs).sin().mul(w).sum();

        for (Function<Tensor[], Tensor> f : List.of(linear, wrapped)) {
            String form = f == linear ? "sum(W*op)" : "sum(W*sin(op))";
            for (int order = 1; order <= 3; order++) {
                double ad = DirectionalDerivatives.ad(f, x, v, order);
                double fd = DirectionalDerivatives.fd(f, x, v, order);
                double tol = TOL * Math.max(1.0, Math.abs(fd));
                assertTrue(
                        Math.abs(ad - fd) <= tol,
                        opCase + " " + form + " order " + order + ": AD " + ad + " vs FD " + fd + " (tolerance " + tol
                                + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fastPathGradientEqualsRecordedGradient(OpCase opCase) {
        SplittableRandom rnd = new SplittableRandom(opCase.name().hashCode() + 1L);
        int n = opCase.shapes().length;
        Tensor[] x = new Tensor[n];
        for (int i = 0; i < n; i++) {
            int[] s = opCase.shapes()[i];
            x[i] = random(rnd, s[0], s[1], opCase.domains()[i]).detachAsVariable();
        }
        Tensor y = opCase.op().apply(x).sin().sum();
        Tensor[] fast = Autograd.grad(y, false, x);
        Tensor[] recorded = Autograd.grad(y, true, x);
        for (int i = 0; i < n; i++) {
            assertTrue(!fast[i].requiresGrad(), "fast-path gradient must be a constant");
            // Same backward rules, same arithmetic in the same order: the results must agree bit for bit.
            assertEquals(0.0, maxAbsDiff(fast[i], recorded[i]), 0.0, opCase + " input " + i);
        }
    }

    static Tensor random(SplittableRandom rnd, int rows, int cols, Domain d) {
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = switch (d) {
                case ANY -> rnd.nextDouble(-1.5, 1.5);
                case POSITIVE -> rnd.nextDouble(0.8, 2.0);
                case AWAY_FROM_ZERO -> (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(0.2, 1.5);
            };
        }
        return Tensor.constant(rows, cols, a);
    }

    static double maxAbsDiff(Tensor a, Tensor b) {
        assertEquals(a.shape(), b.shape());
        double m = 0;
        double[] x = a.toArray();
        double[] y = b.toArray();
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }
}
