package org.pinn4j.autodiff.taylor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.Activation;

/**
 * The Taylor-mode engine against an independent per-point path (Commons Math DerivativeStructure jets
 * through the same MLP) and its parameter gradient against central finite differences.
 */
class TaylorNetworkTest {
    @Test
    void aNetworkWhoseParametersOverflowAnIntIsRefused() {
        // 100,000 x 100,000 weights twice: 2e10 parameters; the offsets used to wrap around to negative values
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NetworkSpec.mlp(
                        new int[] {1, 100_000, 100_000, 100_000, 1}, Activation.TANH, new double[] {-1}, new double[] {1
                        }));
        assertEquals(
                "a network of widths [1, 100000, 100000, 100000, 1] has more than 2147483647 parameters, more than one"
                        + " array holds; expected smaller widths",
                e.getMessage());
        // a layer just below the limit is accepted: 46,000 + 46,000 (first layer) + 46,000^2 + 46,000 < 2^31 - 1
        assertEquals(
                46_000L * 46_000 + 3 * 46_000,
                NetworkSpec.mlp(new int[] {1, 46_000, 46_000}, Activation.TANH, new double[] {-1}, new double[] {1})
                        .parameterCount());
    }

    static double[] randomParams(NetworkSpec spec, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[spec.parameterCount()];
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.layerInputs(l);
            int out = spec.width(l + 1);
            double std = Math.sqrt(2.0 / (in + out));
            for (int j = 0; j < in * out; j++) {
                w[spec.weightOffset(l) + j] = std * rng.nextGaussian();
            }
            for (int o = 0; o < out; o++) {
                w[spec.biasOffset(l) + o] = 0.1 * rng.nextGaussian();
            }
        }
        return w;
    }

    static double[][] randomPoints(NetworkSpec spec, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] pts = new double[spec.inputs()][n];
        for (int i = 0; i < spec.inputs(); i++) {
            for (int p = 0; p < n; p++) {
                pts[i][p] = spec.lower(i) + (spec.upper(i) - spec.lower(i)) * rng.nextDouble();
            }
        }
        return pts;
    }

    /** Reference: the MLP evaluated on multivariate jets of order {@code order} at one point. */
    static DerivativeStructure[] jetForward(NetworkSpec spec, double[] w, double[] point, int order) {
        int d = spec.inputs();
        DerivativeStructure[] a = new DerivativeStructure[d];
        for (int i = 0; i < d; i++) {
            DerivativeStructure x = new DerivativeStructure(d, order, i, point[i]);
            a[i] = x.subtract(spec.lower(i)).multiply(spec.inputScale(i)).subtract(1.0);
        }
        if (spec.fourierFeatures() > 0) {
            int m = spec.fourierFeatures();
            DerivativeStructure[] f = new DerivativeStructure[2 * m];
            for (int j = 0; j < m; j++) {
                DerivativeStructure z = a[0].multiply(0.0);
                for (int i = 0; i < d; i++) {
                    z = z.add(a[i].multiply(spec.fourierMatrix(j, i)));
                }
                f[j] = z.sin();
                f[m + j] = z.cos();
            }
            a = f;
        }
        if (spec.declaredFeatures() > 0) {
            DerivativeStructure[] f = new DerivativeStructure[spec.declaredFeatures()];
            for (int j = 0; j < f.length; j++) {
                DerivativeStructure v = a[0].multiply(0.0).add(1.0);
                for (NetworkSpec.InputFactor factor : spec.feature(j)) {
                    DerivativeStructure x = new DerivativeStructure(d, order, factor.input(), point[factor.input()]);
                    v = v.multiply(
                            switch (factor.kind()) {
                                case SCALED -> a[factor.input()];
                                case RAW -> x;
                                case SIN -> x.multiply(factor.omega()).sin();
                                case COS -> x.multiply(factor.omega()).cos();
                            });
                }
                f[j] = v;
            }
            a = f;
        }
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.layerInputs(l);
            int out = spec.width(l + 1);
            DerivativeStructure[] z = new DerivativeStructure[out];
            for (int o = 0; o < out; o++) {
                DerivativeStructure acc = a[0].multiply(0.0).add(w[spec.biasOffset(l) + o]);
                for (int i = 0; i < in; i++) {
                    acc = acc.add(a[i].multiply(w[spec.weightOffset(l) + o * in + i]));
                }
                Activation f = spec.activation(l);
                z[o] = f == Activation.TANH ? acc.tanh() : f == Activation.SIN ? acc.sin() : acc;
            }
            a = z;
        }
        return a;
    }

    /** Checks every stream of every output, norm-wise relative over the points, to {@code tol}. */
    static void assertStreamsMatchJets(NetworkSpec spec, StreamPlan plan, int nPoints, int tile, double tol) {
        double[] w = randomParams(spec, 11);
        double[][] pts = randomPoints(spec, nPoints, 12);
        TaylorNetwork net = new TaylorNetwork(spec, plan, tile);
        TaylorNetwork.Workspace ws = net.newWorkspace();
        int m = spec.outputs();
        double[][][] engine = new double[m][plan.size()][nPoints];
        for (int start = 0; start < nPoints; start += tile) {
            int n = Math.min(tile, nPoints - start);
            net.forward(w, pts, start, n, ws);
            for (int j = 0; j < m; j++) {
                for (int s = 0; s < plan.size(); s++) {
                    System.arraycopy(ws.output(j, s), 0, engine[j][s], start, n);
                }
            }
        }
        double[] point = new double[spec.inputs()];
        for (int j = 0; j < m; j++) {
            for (int s = 0; s < plan.size(); s++) {
                double diff = 0, norm = 0;
                for (int p = 0; p < nPoints; p++) {
                    for (int i = 0; i < spec.inputs(); i++) {
                        point[i] = pts[i][p];
                    }
                    DerivativeStructure[] ref = jetForward(spec, w, point, plan.maxOrder());
                    double expected =
                            ref[j].getPartialDerivative(plan.streams().get(s).counts());
                    diff += sq(engine[j][s][p] - expected);
                    norm += sq(expected);
                }
                double rel = Math.sqrt(diff / norm);
                assertTrue(
                        rel <= tol, "output " + j + " stream " + plan.streams().get(s) + " relative error " + rel);
            }
        }
    }

    static double sq(double v) {
        return v * v;
    }

    // Tolerance 1e-10 relative (the figure): both paths are exact in exact arithmetic and differ only
    // in rounding of O(depth * width) operations on O(1) numbers.

    @Test
    void burgersStreamsOfADeepTanhNetwork() {
        NetworkSpec spec = NetworkSpec.mlp(
                new int[] {2, 16, 16, 16, 16, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1});
        StreamPlan plan = StreamPlan.of(2, MultiIndex.of(1, 0), MultiIndex.of(0, 1), MultiIndex.of(2, 0));
        assertEquals(4, plan.size());
        assertStreamsMatchJets(spec, plan, 45, 16, 1e-10);
    }

    @Test
    void mixedAndThirdDerivativesOfASinNetworkWithTwoOutputs() {
        NetworkSpec spec = NetworkSpec.mlp(
                new int[] {2, 12, 12, 12, 12, 2}, Activation.SIN, new double[] {0, -2}, new double[] {1, 3});
        StreamPlan plan = StreamPlan.of(2, MultiIndex.of(1, 1), MultiIndex.of(3, 0), MultiIndex.of(0, 2));
        assertStreamsMatchJets(spec, plan, 20, 8, 1e-10);
    }

    @Test
    void laplacianInThreeDimensions() {
        NetworkSpec spec = NetworkSpec.mlp(
                new int[] {3, 10, 10, 10, 10, 1}, Activation.TANH, new double[] {0, 0, 0}, new double[] {1, 2, 3});
        StreamPlan plan = StreamPlan.of(3, MultiIndex.of(2, 0, 0), MultiIndex.of(0, 2, 0), MultiIndex.of(0, 0, 2));
        assertEquals(7, plan.size());
        assertStreamsMatchJets(spec, plan, 17, 32, 1e-10);
    }

    @Test
    void fourierFeaturesFeedTheStreams() {
        double[] b = {1.0, 0.5, -2.0, 1.5, 3.0, 0.0};
        NetworkSpec spec = NetworkSpec.mlp(
                        new int[] {2, 10, 10, 10, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1})
                .withFourierFeatures(b, 3);
        StreamPlan plan = StreamPlan.of(2, MultiIndex.of(2, 0), MultiIndex.of(0, 1), MultiIndex.of(1, 1));
        assertStreamsMatchJets(spec, plan, 19, 8, 1e-10);
    }

    @Test
    void periodicInputsFeedTheStreams() {
        NetworkSpec spec = NetworkSpec.mlp(
                        new int[] {2, 10, 10, 10, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1})
                .withPeriodicInputs(new double[] {2, 0}, new int[] {2, 0});
        assertEquals(5, spec.firstLayerInputs()); // cos and sin of two harmonics, then t
        StreamPlan plan = StreamPlan.of(2, MultiIndex.of(4, 0), MultiIndex.of(0, 2), MultiIndex.of(2, 1));
        assertStreamsMatchJets(spec, plan, 19, 8, 1e-10);
    }

    /**
     * The network and its derivatives up to 4th order in x (and mixed with t) take the same values at x and x + P,
     * x - P: to 1e-13 of each stream's largest magnitude, the rounding of x + P (2e-16 relative) carried through
     * sin/cos arguments of size ~2 pi k and 4 layers.
     */
    @Test
    void periodicInputsArePeriodicInEveryDerivative() {
        double period = 0.7;
        NetworkSpec spec = NetworkSpec.mlp(
                        new int[] {2, 12, 12, 12, 1}, Activation.TANH, new double[] {-0.2, 0}, new double[] {0.5, 2})
                .withPeriodicInputs(new double[] {period, 0}, new int[] {3, 0});
        StreamPlan plan =
                StreamPlan.of(2, MultiIndex.of(4, 0), MultiIndex.of(3, 1), MultiIndex.of(1, 1), MultiIndex.of(0, 2));
        double[] w = randomParams(spec, 21);
        int n = 16;
        double[][] pts = randomPoints(spec, n, 22);
        double[][] shifted = new double[2][3 * n];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < 3; c++) {
                shifted[0][c * n + p] = pts[0][p] + (c - 1) * period;
                shifted[1][c * n + p] = pts[1][p];
            }
        }
        TaylorNetwork net = new TaylorNetwork(spec, plan, 3 * n);
        TaylorNetwork.Workspace ws = net.newWorkspace();
        net.forward(w, shifted, 0, 3 * n, ws);
        for (int s = 0; s < plan.size(); s++) {
            double[] v = ws.output(0, s);
            double scale = 0;
            for (int p = 0; p < 3 * n; p++) {
                scale = Math.max(scale, Math.abs(v[p]));
            }
            assertTrue(scale > 1e-3, "stream " + plan.streams().get(s) + " is not exercised");
            for (int p = 0; p < n; p++) {
                assertEquals(
                        v[n + p],
                        v[p],
                        1e-13 * scale,
                        "stream " + plan.streams().get(s) + " at x - P");
                assertEquals(
                        v[n + p],
                        v[2 * n + p],
                        1e-13 * scale,
                        "stream " + plan.streams().get(s) + " at x + P");
            }
        }
    }

    /** (r, theta) -> (r cos theta, r sin theta) and t -> sin(k t): products of factors, up to 4th order. */
    @Test
    void declaredFeaturesFeedTheStreams() {
        NetworkSpec.InputFactor.Kind raw = NetworkSpec.InputFactor.Kind.RAW;
        NetworkSpec spec = NetworkSpec.mlp(
                        new int[] {3, 10, 10, 1}, Activation.TANH, new double[] {0.5, -3, 0}, new double[] {2, 3, 1})
                .withFeatures(new NetworkSpec.InputFactor[][] {
                    {new NetworkSpec.InputFactor(0, raw, 0), cos(1, 1.0)},
                    {new NetworkSpec.InputFactor(0, raw, 0), sin(1, 1.0)},
                    {sin(2, 1.0)},
                    {sin(2, 2.0)},
                    {new NetworkSpec.InputFactor(2, NetworkSpec.InputFactor.Kind.SCALED, 0), cos(1, 3.0)}
                });
        StreamPlan plan = StreamPlan.of(
                3, MultiIndex.of(2, 2, 0), MultiIndex.of(0, 4, 0), MultiIndex.of(0, 1, 3), MultiIndex.of(1, 0, 1));
        assertStreamsMatchJets(spec, plan, 21, 8, 1e-10);
    }

    private static NetworkSpec.InputFactor sin(int input, double omega) {
        return new NetworkSpec.InputFactor(input, NetworkSpec.InputFactor.Kind.SIN, omega);
    }

    private static NetworkSpec.InputFactor cos(int input, double omega) {
        return new NetworkSpec.InputFactor(input, NetworkSpec.InputFactor.Kind.COS, omega);
    }

    @Test
    void periodicInputsRefuseBadPeriods() {
        NetworkSpec spec =
                NetworkSpec.mlp(new int[] {2, 4, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> spec.withPeriodicInputs(new double[] {0, 0}, new int[2]));
        assertThrows(
                IllegalArgumentException.class, () -> spec.withPeriodicInputs(new double[] {-2, 0}, new int[] {1, 0}));
        assertThrows(
                IllegalArgumentException.class, () -> spec.withPeriodicInputs(new double[] {2, 0}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> spec.withPeriodicInputs(new double[] {2}, new int[] {1}));
    }

    @Test
    void faaDiBrunoRulesHaveTheKnownTerms() {
        StreamPlan plan = StreamPlan.of(1, MultiIndex.of(3));
        // y_xxx = f''' z_x^3 + 3 f'' z_x z_xx + f' z_xxx
        List<StreamPlan.Term> rule = plan.rule(plan.indexOf(MultiIndex.of(3)));
        assertEquals(3, rule.size());
        assertEquals(1.0, rule.get(0).coefficient());
        assertEquals(3.0, rule.get(1).coefficient());
        assertArrayEquals(new int[] {1, 2}, rule.get(1).factors());
        assertEquals(1.0, rule.get(2).coefficient());
        assertArrayEquals(new int[] {1, 1, 1}, rule.get(2).factors());
    }

    /** Burgers residual loss sum_p r_p^2 with r = u_t + u u_x - nu u_xx, the loss a PINN step differentiates. */
    static final class BurgersLoss implements TileLoss<Object> {
        final double nu;
        final int su, sx, st, sxx;

        BurgersLoss(StreamPlan plan, double nu) {
            this.nu = nu;
            su = 0;
            sx = plan.indexOf(MultiIndex.of(1, 0));
            st = plan.indexOf(MultiIndex.of(0, 1));
            sxx = plan.indexOf(MultiIndex.of(2, 0));
        }

        @Override
        public Object newScratch(int tileSize) {
            return null;
        }

        @Override
        public double evaluate(Tile tile, Object scratch) {
            double[] u = tile.output(0, su),
                    ux = tile.output(0, sx),
                    ut = tile.output(0, st),
                    uxx = tile.output(0, sxx);
            double[] gu = tile.outputAdjoint(0, su),
                    gux = tile.outputAdjoint(0, sx),
                    gut = tile.outputAdjoint(0, st),
                    guxx = tile.outputAdjoint(0, sxx);
            double sum = 0;
            for (int p = 0; p < tile.size(); p++) {
                double r = ut[p] + u[p] * ux[p] - nu * uxx[p];
                sum += r * r;
                if (tile.gradient() != null) {
                    gut[p] = 2 * r;
                    gu[p] = 2 * r * ux[p];
                    gux[p] = 2 * r * u[p];
                    guxx[p] = -2 * r * nu;
                }
            }
            return sum;
        }
    }

    static StreamPlan burgersPlan() {
        return StreamPlan.of(2, MultiIndex.of(1, 0), MultiIndex.of(0, 1), MultiIndex.of(2, 0));
    }

    /**
     * Parameter gradient of the Burgers residual loss against central differences (h = 1e-6 on O(1)
     * parameters: truncation ~1e-12 * third derivative, rounding ~ 1e-16 * loss / h ~ 1e-10 * loss), so each
     * component must agree to 1e-6 of the gradient's max norm, which still catches any missing term.
     */
    @Test
    void parameterGradientMatchesFiniteDifferences() {
        NetworkSpec spec =
                NetworkSpec.mlp(new int[] {2, 8, 8, 8, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1});
        StreamPlan plan = burgersPlan();
        TaylorNetwork net = new TaylorNetwork(spec, plan, 16);
        BurgersLoss loss = new BurgersLoss(plan, 0.01 / Math.PI);
        double[] w = randomParams(spec, 3);
        double[][] pts = randomPoints(spec, 37, 4);
        try (BatchEvaluator eval = new BatchEvaluator(1, 20)) {
            assertGradientMatchesDifferences(eval, net, pts, 37, loss, w);
        }
    }

    /** Same as above through Fourier features and a third-order stream (generic k = 3 rules). */
    @Test
    void parameterGradientWithFourierFeaturesAndThirdOrder() {
        double[] b = {1.0, 0.5, -2.0, 1.5};
        NetworkSpec spec = NetworkSpec.mlp(
                        new int[] {2, 6, 6, 1}, Activation.SIN, new double[] {-1, 0}, new double[] {1, 1})
                .withFourierFeatures(b, 2);
        StreamPlan plan = StreamPlan.of(2, MultiIndex.of(3, 0), MultiIndex.of(1, 1));
        int sxxx = plan.indexOf(MultiIndex.of(3, 0));
        int sxt = plan.indexOf(MultiIndex.of(1, 1));
        TileLoss<Object> loss = new TileLoss<>() {
            @Override
            public Object newScratch(int tileSize) {
                return null;
            }

            @Override
            public double evaluate(Tile tile, Object scratch) {
                double[] a = tile.output(0, sxxx), c = tile.output(0, sxt), u = tile.output(0, 0);
                double[] ga = tile.outputAdjoint(0, sxxx),
                        gc = tile.outputAdjoint(0, sxt),
                        gu = tile.outputAdjoint(0, 0);
                double sum = 0;
                for (int p = 0; p < tile.size(); p++) {
                    double r = a[p] - 3 * c[p] * u[p];
                    sum += r * r;
                    if (tile.gradient() != null) {
                        ga[p] += 2 * r;
                        gc[p] += -6 * r * u[p];
                        gu[p] += -6 * r * c[p];
                    }
                }
                return sum;
            }
        };
        TaylorNetwork net = new TaylorNetwork(spec, plan, 8);
        double[] w = randomParams(spec, 5);
        double[][] pts = randomPoints(spec, 13, 6);
        try (BatchEvaluator eval = new BatchEvaluator(1, 5)) {
            assertGradientMatchesDifferences(eval, net, pts, 13, loss, w);
        }
    }

    /** The Burgers loss's gradient through a periodic input layer with t passed through, against differences. */
    @Test
    void parameterGradientWithPeriodicInputs() {
        NetworkSpec spec = NetworkSpec.mlp(
                        new int[] {2, 8, 8, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1})
                .withPeriodicInputs(new double[] {2, 0}, new int[] {2, 0});
        StreamPlan plan = burgersPlan();
        TaylorNetwork net = new TaylorNetwork(spec, plan, 16);
        BurgersLoss loss = new BurgersLoss(plan, 0.01 / Math.PI);
        double[] w = randomParams(spec, 9);
        double[][] pts = randomPoints(spec, 29, 10);
        try (BatchEvaluator eval = new BatchEvaluator(1, 20)) {
            assertGradientMatchesDifferences(eval, net, pts, 29, loss, w);
        }
    }

    /**
     * Every component of the loss's parameter gradient against central differences with h = 1e-6 (truncation ~1e-12,
     * rounding ~1e-10 of the loss on O(1) parameters), to 1e-6 of the gradient's max norm, which still catches any
     * missing term; and the loss of the gradient pass equal to that of the loss pass.
     */
    static <S> void assertGradientMatchesDifferences(
            BatchEvaluator eval, TaylorNetwork net, double[][] pts, int n, TileLoss<S> loss, double[] w) {
        double[] grad = new double[w.length];
        double value = eval.lossAndGradient(net, pts, n, loss, w, grad);
        assertEquals(value, eval.loss(net, pts, n, loss, w), 1e-14 * value);
        double maxGrad = 0;
        for (double g : grad) {
            maxGrad = Math.max(maxGrad, Math.abs(g));
        }
        double h = 1e-6;
        for (int j = 0; j < w.length; j++) {
            double keep = w[j];
            w[j] = keep + h;
            double fp = eval.loss(net, pts, n, loss, w);
            w[j] = keep - h;
            double fm = eval.loss(net, pts, n, loss, w);
            w[j] = keep;
            assertEquals((fp - fm) / (2 * h), grad[j], 1e-6 * maxGrad, "parameter " + j);
        }
    }

    @Test
    void resultsAreBitIdenticalForOneAndTwoThreads() {
        NetworkSpec spec = NetworkSpec.mlp(
                new int[] {2, 20, 20, 20, 1}, Activation.TANH, new double[] {-1, 0}, new double[] {1, 1});
        StreamPlan plan = burgersPlan();
        TaylorNetwork net = new TaylorNetwork(spec, plan, 64);
        BurgersLoss loss = new BurgersLoss(plan, 0.01 / Math.PI);
        double[] w = randomParams(spec, 7);
        int n = 5000;
        double[][] pts = randomPoints(spec, n, 8);
        List<double[]> grads = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int threads : new int[] {1, 2, 1, 2}) {
            try (BatchEvaluator eval = new BatchEvaluator(threads)) {
                double[] g = new double[w.length];
                losses.add(eval.lossAndGradient(net, pts, n, loss, w, g));
                grads.add(g);
            }
        }
        for (int r = 1; r < grads.size(); r++) {
            assertEquals(Double.doubleToRawLongBits(losses.get(0)), Double.doubleToRawLongBits(losses.get(r)));
            assertArrayEquals(grads.get(0), grads.get(r), 0.0, "run " + r);
        }
    }
}
