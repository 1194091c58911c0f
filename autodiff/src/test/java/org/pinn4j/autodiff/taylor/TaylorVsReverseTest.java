package org.pinn4j.autodiff.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.tape.Autograd;
import org.pinn4j.autodiff.tape.TapeMlp;
import org.pinn4j.autodiff.tape.Tensor;

/**
 * The batched Taylor-mode engine against the independent reverse-mode tape, differentiated by nesting
 * ({@code gradOfSum} with {@code createGraph = true} repeated, the way PyTorch PINN code does it).
 *
 * <p>The tape sees the raw inputs as leaf variables and builds the [-1, 1] scaling
 * xi = 2 (x - lower) / (upper - lower) - 1 on the graph itself, so the chain-rule factor of the scaling is
 * produced by the tape, not copied from the engine. Row p of {@code gradOfSum(u, x)} is du_p/dx_p because
 * each output row depends only on its own input row.
 *
 * <p>Tolerance 1e-10 relative, norm-wise over the batch per quantity (||taylor - tape||_2 / ||tape||_2,
 * so a quantity that happens to be near zero at one point cannot blow up the ratio). Both paths are
 * exact in exact arithmetic and differ only in rounding: O(depth * width) operations of unit roundoff
 * 1.1e-16 on O(1) values, amplified by the modest conditioning of a tanh/sin network with Glorot-scaled
 * weights. Measured differences are below 2e-15 for every quantity here; 1e-10 leaves room for other
 * summation orders (e.g. a vectorised engine) while any wrong or missing Faà di Bruno term or scaling
 * factor shows up as an O(1e-3..1) relative error.
 */
class TaylorVsReverseTest {
    private static final double TOL = 1e-10;

    /** Taylor-engine streams of output {@code j}, per point, for every requested multi-index. */
    private static Map<MultiIndex, double[]> taylorStreams(
            NetworkSpec spec, StreamPlan plan, double[] w, double[][] pts, int nPoints, int tile, int j) {
        TaylorNetwork net = new TaylorNetwork(spec, plan, tile);
        TaylorNetwork.Workspace ws = net.newWorkspace();
        Map<MultiIndex, double[]> out = new LinkedHashMap<>();
        for (MultiIndex m : plan.streams()) {
            out.put(m, new double[nPoints]);
        }
        for (int start = 0; start < nPoints; start += tile) {
            int n = Math.min(tile, nPoints - start);
            net.forward(w, pts, start, n, ws);
            for (MultiIndex m : plan.streams()) {
                System.arraycopy(ws.output(j, plan.indexOf(m)), 0, out.get(m), start, n);
            }
        }
        return out;
    }

    /** Raw input columns as tape leaves, and the network input xi built from them on the tape. */
    private static final class TapeInputs {
        final Tensor[] x;
        final Tensor xi;

        TapeInputs(double[][] pts, double[] lower, double[] upper) {
            int d = pts.length;
            x = new Tensor[d];
            Tensor[] scaled = new Tensor[d];
            for (int i = 0; i < d; i++) {
                x[i] = Tensor.ofColumns(true, pts[i]);
                scaled[i] = x[i].sub(lower[i]).mul(2.0 / (upper[i] - lower[i])).sub(1.0);
            }
            xi = Tensor.concatColumns(scaled);
        }
    }

    private static double relativeError(double[] actual, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int p = 0; p < expected.length; p++) {
            diff += (actual[p] - expected[p]) * (actual[p] - expected[p]);
            norm += expected[p] * expected[p];
        }
        assertTrue(norm > 0, "reference quantity is identically zero; the comparison would be vacuous");
        return Math.sqrt(diff / norm);
    }

    private static double[] sum(double[]... parts) {
        double[] s = new double[parts[0].length];
        for (double[] part : parts) {
            for (int p = 0; p < s.length; p++) {
                s[p] += part[p];
            }
        }
        return s;
    }

    /**
     * Compares u, every first derivative, u_x0x0, u_x0x1, the Laplacian and u_x0x0x0 of every output of a
     * random network on random points, Taylor engine vs nested reverse mode, to {@link #TOL}.
     */
    private static void assertTaylorMatchesNestedReverse(
            int[] widths, Activation act, double[] lower, double[] upper, int nPoints, int tile, long seed) {
        NetworkSpec spec = NetworkSpec.mlp(widths, act, lower, upper);
        int d = spec.inputs();
        assertEquals(TapeMlp.parameterCount(widths), spec.parameterCount(), "both paths share the flat layout");
        double[] w = TaylorNetworkTest.randomParams(spec, seed);
        double[][] pts = TaylorNetworkTest.randomPoints(spec, nPoints, seed + 1);

        List<MultiIndex> requested = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            requested.add(MultiIndex.ofVariables(d, i, i));
        }
        requested.add(MultiIndex.ofVariables(d, 0, 1));
        requested.add(MultiIndex.ofVariables(d, 0, 0, 0));
        StreamPlan plan = StreamPlan.of(d, requested);

        TapeInputs in = new TapeInputs(pts, lower, upper);
        Tensor params = Tensor.constant(1, w.length, w);
        Tensor outputs = TapeMlp.forward(in.xi, params, widths, act);

        for (int j = 0; j < spec.outputs(); j++) {
            Map<MultiIndex, double[]> taylor = taylorStreams(spec, plan, w, pts, nPoints, tile, j);
            Map<String, double[]> expected = new LinkedHashMap<>();
            Map<String, double[]> actual = new LinkedHashMap<>();

            Tensor u = outputs.column(j);
            expected.put("u", u.columnValues(0));
            actual.put("u", taylor.get(MultiIndex.value(d)));

            Tensor[] grad = Autograd.gradOfSum(u, true, in.x);
            for (int i = 0; i < d; i++) {
                expected.put("d/dx" + i, grad[i].columnValues(0));
                actual.put("d/dx" + i, taylor.get(MultiIndex.ofVariables(d, i)));
            }
            Tensor[] second = Autograd.gradOfSum(grad[0], true, in.x);
            expected.put("d2/dx0dx0", second[0].columnValues(0));
            actual.put("d2/dx0dx0", taylor.get(MultiIndex.ofVariables(d, 0, 0)));
            expected.put("d2/dx0dx1", second[1].columnValues(0));
            actual.put("d2/dx0dx1", taylor.get(MultiIndex.ofVariables(d, 0, 1)));

            double[][] pureTape = new double[d][];
            double[][] pureTaylor = new double[d][];
            pureTape[0] = second[0].columnValues(0);
            for (int i = 1; i < d; i++) {
                pureTape[i] = Autograd.gradOfSum(grad[i], true, in.x[i])[0].columnValues(0);
            }
            for (int i = 0; i < d; i++) {
                pureTaylor[i] = taylor.get(MultiIndex.ofVariables(d, i, i));
            }
            expected.put("laplacian", sum(pureTape));
            actual.put("laplacian", sum(pureTaylor));

            Tensor third = Autograd.gradOfSum(second[0], false, in.x[0])[0];
            expected.put("d3/dx0^3", third.columnValues(0));
            actual.put("d3/dx0^3", taylor.get(MultiIndex.ofVariables(d, 0, 0, 0)));

            for (String q : expected.keySet()) {
                double rel = relativeError(actual.get(q), expected.get(q));
                assertTrue(rel <= TOL, spec + " output " + j + " " + q + ": relative error " + rel + " > " + TOL);
            }
        }
    }

    @Test
    void deepTanhNetworkInTwoInputsWithNonTrivialBounds() {
        assertTaylorMatchesNestedReverse(
                new int[] {2, 16, 16, 16, 16, 1},
                Activation.TANH,
                new double[] {-2.0, 0.5},
                new double[] {3.0, 1.25},
                70,
                32,
                101);
    }

    @Test
    void deepSinNetworkInThreeInputsWithNonTrivialBoundsAndTwoOutputs() {
        assertTaylorMatchesNestedReverse(
                new int[] {3, 12, 12, 12, 12, 12, 2},
                Activation.SIN,
                new double[] {0.0, -1.0, 10.0},
                new double[] {0.5, 4.0, 12.0},
                45,
                16,
                202);
    }

    /** lower = -1, upper = 1: the scaling is the identity, so this isolates the network itself. */
    @Test
    void deepTanhNetworkInThreeInputsOnTheUnitBox() {
        assertTaylorMatchesNestedReverse(
                new int[] {3, 10, 10, 10, 10, 1},
                Activation.TANH,
                new double[] {-1, -1, -1},
                new double[] {1, 1, 1},
                33,
                8,
                303);
    }

    @Test
    void deepSinNetworkInTwoInputsOnTheUnitBox() {
        assertTaylorMatchesNestedReverse(
                new int[] {2, 14, 14, 14, 14, 1},
                Activation.SIN,
                new double[] {-1, -1},
                new double[] {1, 1},
                40,
                64,
                404);
    }

    /**
     * d/d(params) of the Burgers residual loss sum_p (u_t + u u_x - nu u_xx)^2: the Taylor engine's reverse
     * sweep (BatchEvaluator on 2 threads, chunks and tiles that do not divide the batch) against the tape
     * (residual built with createGraph = true for the input derivatives, then one more reverse pass to the
     * flat parameter tensor: a third-order mixed derivative chain). Tolerance 1e-10 relative in the
     * gradient's 2-norm and for the loss value, for the rounding argument in the class comment.
     */
    @Test
    void burgersResidualParameterGradientMatchesTheTape() {
        int[] widths = {2, 20, 20, 20, 20, 20, 1};
        double[] lower = {-1.0, 0.0};
        double[] upper = {1.0, 1.0};
        double nu = 0.01 / Math.PI;
        NetworkSpec spec = NetworkSpec.mlp(widths, Activation.TANH, lower, upper);
        StreamPlan plan = TaylorNetworkTest.burgersPlan();
        TaylorNetwork net = new TaylorNetwork(spec, plan, 16);
        TaylorNetworkTest.BurgersLoss loss = new TaylorNetworkTest.BurgersLoss(plan, nu);
        double[] w = TaylorNetworkTest.randomParams(spec, 505);
        int n = 150;
        double[][] pts = TaylorNetworkTest.randomPoints(spec, n, 506);

        double[] taylorGrad = new double[w.length];
        double taylorLoss;
        try (BatchEvaluator eval = new BatchEvaluator(2, 37)) {
            taylorLoss = eval.lossAndGradient(net, pts, n, loss, w, taylorGrad);
        }

        TapeInputs in = new TapeInputs(pts, lower, upper);
        Tensor params = Tensor.variable(1, w.length, w);
        Tensor u = TapeMlp.forward(in.xi, params, widths, Activation.TANH);
        Tensor[] first = Autograd.gradOfSum(u, true, in.x[0], in.x[1]);
        Tensor ux = first[0];
        Tensor ut = first[1];
        Tensor uxx = Autograd.gradOfSum(ux, true, in.x[0])[0];
        Tensor residual = ut.add(u.mul(ux)).sub(uxx.mul(nu));
        Tensor tapeLoss = residual.square().sum();
        double[] tapeGrad = Autograd.grad(tapeLoss, false, params)[0].toArray();

        assertEquals(tapeLoss.item(), taylorLoss, TOL * tapeLoss.item(), "loss value");
        double rel = relativeError(taylorGrad, tapeGrad);
        assertTrue(rel <= TOL, "parameter gradient relative error " + rel + " > " + TOL);
    }
}
