package org.pinn4j.autodiff.taylor;

import java.util.Arrays;
import org.pinn4j.autodiff.Activation;

/**
 * Batched Taylor-mode evaluation of an MLP with a first-order reverse sweep for the parameter gradient.
 *
 * <p>For one tile of points the forward pass carries, through every layer, the value and every
 * derivative stream of the {@link StreamPlan}: affine layers map streams linearly (z_s = W a_s, the
 * bias only enters the value), elementwise activations apply the plan's Faà di Bruno rules. All
 * forward quantities stay in the {@link Workspace}, so {@link #backward} can then run one reverse
 * sweep from d(loss)/d(output streams) to d(loss)/d(parameters).
 *
 * <p>Layout: feature-major, one array of {@code tileSize} points per (layer, neuron, stream) and per
 * activation-derivative order, so every elementwise loop indexes its arrays by the point counter alone,
 * which HotSpot's C2 vectorises. The dense parts (affine layers, their transposes in the reverse sweep,
 * the weight-gradient sums) run in {@link LaneKernels}: register-blocked fused multiply-add chains in a
 * fixed order, on the Vector API when the {@code jdk.incubator.vector} module is present and in plain
 * Java otherwise, with the same bits either way. Weight gradients are accumulated over all tiles of a
 * chunk into 8-lane accumulators and reduced once in {@link #flushGradient}, in a fixed order (large layers on
 * the Vector API path keep the chunk's rows in {@link DeferredRows} and run that pass at the flush).
 * Partial tiles are zero-padded and computed at full length, so no stale value enters a result.
 * Workspaces are allocated once per thread
 * and reused. This class is immutable and thread-safe; workspaces are not.
 */
public final class TaylorNetwork {
    private final NetworkSpec spec;
    private final StreamPlan plan;
    private final int tile;
    private final int streams;
    /** Orders of activation derivatives stored per hidden neuron: 0..maxOrder+1. */
    private final int derivativeRows;
    /** For plain inputs (no Fourier features): the input whose first derivative stream s is, or -1. */
    private final int[] firstOrderInput;
    /** The multi-index of every stream, as counts per input. */
    private final int[][] streamCounts;
    /** The declared input features' factors (none without declared features). */
    private final NetworkSpec.InputFactor[][] features;
    /** Whether stream s of declared feature j is identically zero (it differentiates an input the feature lacks). */
    private final boolean[][] zeroFeatureStream;
    /** Rules per stream, flattened for the hot loops. */
    private final StreamPlan.Term[][] rules;

    /**
     * Engine for {@code spec} propagating the streams of {@code plan}, in tiles of {@code tileSize}
     * points.
     */
    public TaylorNetwork(NetworkSpec spec, StreamPlan plan, int tileSize) {
        if (plan.inputs() != spec.inputs()) {
            throw new IllegalArgumentException(
                    "stream plan is for " + plan.inputs() + " inputs but the network has " + spec.inputs());
        }
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be >= 1; got " + tileSize);
        }
        this.spec = spec;
        this.plan = plan;
        this.tile = tileSize;
        this.streams = plan.size();
        this.derivativeRows = plan.maxOrder() + 2;
        this.firstOrderInput = new int[streams];
        this.streamCounts = new int[streams][];
        this.rules = new StreamPlan.Term[streams][];
        for (int s = 0; s < streams; s++) {
            MultiIndex m = plan.streams().get(s);
            firstOrderInput[s] = -1;
            streamCounts[s] = m.counts();
            if (m.order() == 1) {
                for (int i = 0; i < m.inputs(); i++) {
                    if (m.count(i) == 1) {
                        firstOrderInput[s] = i;
                    }
                }
            }
            rules[s] = plan.rulesOf(s);
        }
        this.features = new NetworkSpec.InputFactor[spec.declaredFeatures()][];
        this.zeroFeatureStream = new boolean[features.length][streams];
        for (int j = 0; j < features.length; j++) {
            features[j] = spec.feature(j);
            boolean[] uses = new boolean[spec.inputs()];
            for (NetworkSpec.InputFactor f : features[j]) {
                uses[f.input()] = true;
            }
            for (int s = 0; s < streams; s++) {
                for (int i = 0; i < uses.length; i++) {
                    zeroFeatureStream[j][s] |= streamCounts[s][i] > 0 && !uses[i];
                }
            }
        }
    }

    /**
     * Which implementation runs the dense kernels on this JVM: {@code "vector (N doubles)"} with the
     * {@code jdk.incubator.vector} module (start the JVM with {@code --add-modules jdk.incubator.vector}),
     * {@code "scalar"} without it. Results are the same bits either way; the vector kernels are faster.
     */
    public static String kernels() {
        return LaneKernels.describe();
    }

    /** The network shape. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The propagated streams. */
    public StreamPlan plan() {
        return plan;
    }

    /** Points per tile. */
    public int tileSize() {
        return tile;
    }

    /** Allocates the buffers for one thread. */
    public Workspace newWorkspace() {
        return new Workspace();
    }

    /**
     * Forward pass for points {@code start .. start+n-1} of the feature-major batch {@code points}
     * ({@code points[i][p]} = input i of point p). Results are in the workspace's output streams.
     *
     * @throws IllegalArgumentException if n exceeds the tile size
     */
    public void forward(double[] params, double[][] points, int start, int n, Workspace ws) {
        if (n > tile || n < 0) {
            throw new IllegalArgumentException("tile of " + n + " points; expected 0.." + tile);
        }
        ws.start = start;
        ws.n = n;
        ws.parameters = params;
        int d = spec.inputs();
        for (int i = 0; i < d; i++) {
            System.arraycopy(points[i], start, ws.raw, i * tile, n);
            Arrays.fill(ws.raw, i * tile + n, (i + 1) * tile, 0.0);
        }
        double[][][] a = inputStreams(ws);
        int aWidth = spec.firstLayerInputs();
        int layers = spec.layers();
        for (int l = 0; l < layers; l++) {
            int out = spec.width(l + 1);
            if (l == 0 && spec.fourierFeatures() == 0 && spec.declaredFeatures() == 0) {
                affineFirstLayer(params, ws.x, ws.z[0], out);
            } else {
                affine(params, l, a, aWidth, ws.z[l], out);
            }
            if (l < layers - 1) {
                Activation f = spec.activation(l);
                for (int o = 0; o < out; o++) {
                    applyRules(f, ws.z[l][o], ws.d[l][o], ws.y[l][o]);
                }
                a = ws.y[l];
                aWidth = out;
            }
        }
    }

    /**
     * Reverse sweep after {@link #forward}: reads d(loss)/d(output streams) from the workspace's output
     * adjoints and accumulates d(loss)/d(network parameters) in the workspace; {@link #flushGradient}
     * adds the accumulated sum into a gradient vector.
     */
    public void backward(double[] params, Workspace ws) {
        sweep(params, ws, null, 0, 0, false);
    }

    /**
     * Reverse sweep after {@link #forward} and the output adjoints, writing each point's derivatives instead of
     * their sum: the Jacobian rows of the tile's points. Row {@code row0 + p} (point p of the tile, p &lt;
     * {@code tile.size()}) gets, in column j (network parameter j, the layout of {@link NetworkSpec}), the
     * derivative at point p of the quantity whose adjoints were seeded; a weight's entry is the sum over streams of
     * the layer's output adjoint times its input stream at that point. {@code jt} is the Jacobian stored by
     * columns: entry (row, j) at {@code jt[j * rows + row]}. With {@code add} the entries are added to what is
     * there (a residual that is a difference of two evaluations), otherwise they replace it. Nothing is added to
     * the gradient accumulators.
     *
     * @param tile the workspace of this network that ran the forward pass
     * @throws IllegalArgumentException if {@code tile} is not a workspace of this network
     */
    public void jacobianRows(double[] params, Tile tile, double[] jt, int rows, int row0, boolean add) {
        if (!(tile instanceof Workspace ws) || ws.owner() != this) {
            throw new IllegalArgumentException("jacobianRows needs a workspace of this network");
        }
        if (row0 < 0 || row0 + ws.n > rows || (long) spec.parameterCount() * rows > jt.length) {
            throw new IllegalArgumentException("Jacobian rows " + row0 + ".." + (row0 + ws.n) + " of " + rows
                    + " do not fit a column-major array of " + jt.length + " values for "
                    + spec.parameterCount() + " parameters");
        }
        sweep(params, ws, jt, rows, row0, add);
    }

    /** The reverse sweep: summed into the accumulators ({@code jt} null) or written per point into {@code jt}. */
    private void sweep(double[] params, Workspace ws, double[] jt, int rows, int row0, boolean add) {
        int layers = spec.layers();
        double[][][] zbar = ws.zbarA;
        for (int l = layers - 1; l >= 0; l--) {
            int out = spec.width(l + 1);
            int in = spec.layerInputs(l);
            double[][][] a = l == 0 ? ws.x : ws.y[l - 1];
            if (jt == null) {
                DeferredRows deferred = ws.deferred[l];
                if (deferred == null) {
                    accumulateLayer(a, in, zbar, out, ws.gw[l], ws.gb[l], ws.gwFresh[l]);
                    ws.gwFresh[l] = false;
                } else if (deferred.add(a, zbar, ws.gw[l], ws.gb[l], ws.gwFresh[l])) {
                    ws.gwFresh[l] = false;
                }
            } else {
                layerRows(l, a, in, zbar, out, ws.n, jt, rows, row0, add);
            }
            if (l == 0) {
                return;
            }
            propagateToInputs(params, l, zbar, out, ws.abar, in);
            double[][][] next = zbar == ws.zbarA ? ws.zbarB : ws.zbarA;
            for (int o = 0; o < in; o++) {
                rulesBackward(ws.z[l - 1][o], ws.d[l - 1][o], ws.abar[o], next[o]);
            }
            zbar = next;
        }
    }

    /** Backward pass followed by {@link #flushGradient}: adds this tile's parameter gradient into grad. */
    public void backward(double[] params, Workspace ws, double[] grad) {
        backward(params, ws);
        flushGradient(ws, grad);
    }

    /**
     * Adds the gradient accumulated by {@link #backward} since the last flush into {@code grad[0..P-1]}
     * (each weight's sum over points in a fixed order) and clears the accumulators. The weights' accumulators are
     * not written here: they are marked as cleared, and the next backward pass starts them from zero instead of
     * reading them (the same result as zeros written and read back, without the two trips through memory).
     */
    public void flushGradient(Workspace ws, double[] grad) {
        for (int l = 0; l < spec.layers(); l++) {
            int out = spec.width(l + 1);
            int in = spec.layerInputs(l);
            int wOff = spec.weightOffset(l);
            int bOff = spec.biasOffset(l);
            boolean accumulated = !ws.gwFresh[l];
            DeferredRows deferred = ws.deferred[l];
            // a layer whose tiles wait in packed rows: its lanes are summed into grad by the pass over them
            boolean summed = deferred != null && deferred.holdsTiles();
            if (summed) {
                deferred.flush(ws.gw[l], !accumulated, grad, wOff);
            }
            for (int o = 0; o < out; o++) {
                grad[bOff + o] += sumAndClear(ws.gb[l][o]);
                for (int i = 0; !summed && i < in; i++) {
                    // 0.0: what cleared lanes sum to
                    grad[wOff + o * in + i] += accumulated ? LaneKernels.sumLanes(ws.gw[l][o * in + i], 0) : 0.0;
                }
            }
            ws.gwFresh[l] = true;
        }
    }

    // ---------------------------------------------------------------- forward pieces

    /** Streams of the first affine layer's inputs: scaled coordinates, Fourier features or declared features. */
    private double[][][] inputStreams(Workspace ws) {
        if (spec.declaredFeatures() > 0) {
            return declaredFeatureStreams(ws);
        }
        int d = spec.inputs();
        double[][][] xi = spec.fourierFeatures() == 0 ? ws.x : ws.xi;
        for (int i = 0; i < d; i++) {
            double scale = spec.inputScale(i);
            double lo = spec.lower(i);
            double[] r = xi[i][0];
            int raw = i * tile;
            for (int p = 0; p < tile; p++) {
                r[p] = scale * (ws.raw[raw + p] - lo) - 1.0;
            }
            for (int s = 1; s < streams; s++) {
                Arrays.fill(xi[i][s], firstOrderInput[s] == i ? scale : 0.0);
            }
        }
        if (spec.fourierFeatures() == 0) {
            return ws.x;
        }
        // z_j = sum_i B[j][i] xi_i on every stream; features [sin z, cos z] via the Taylor rules
        int m = spec.fourierFeatures();
        for (int j = 0; j < m; j++) {
            for (int s = 0; s < streams; s++) {
                double[] z = ws.fz[j][s];
                Arrays.fill(z, 0.0);
                for (int i = 0; i < d; i++) {
                    double b = spec.fourierMatrix(j, i);
                    double[] x = xi[i][s];
                    for (int p = 0; p < tile; p++) {
                        z[p] += b * x[p];
                    }
                }
            }
            applyRules(Activation.SIN, ws.fz[j], ws.fd[j], ws.x[j]);
            applyRules(Activation.COS, ws.fz[j], ws.fd[j], ws.x[m + j]);
        }
        return ws.x;
    }

    /**
     * Declared features: stream s of feature j = prod_f factor_f^(alpha_f)(x), alpha the stream's multi-index, and 0
     * when the stream differentiates an input the feature does not use. Points past the tile's count are zero
     * inputs, as elsewhere.
     */
    private double[][][] declaredFeatureStreams(Workspace ws) {
        for (int j = 0; j < features.length; j++) {
            for (int s = 0; s < streams; s++) {
                double[] out = ws.x[j][s];
                if (zeroFeatureStream[j][s]) {
                    Arrays.fill(out, 0.0);
                    continue;
                }
                int[] alpha = streamCounts[s];
                for (int p = 0; p < tile; p++) {
                    double v = 1.0;
                    for (NetworkSpec.InputFactor f : features[j]) {
                        v *= f.derivative(alpha[f.input()], ws.raw[f.input() * tile + p], spec);
                    }
                    out[p] = v;
                }
            }
        }
        return ws.x;
    }

    /** z_o,s = W_o a_s (+ b_o on the value stream) for affine layer l. */
    private void affine(double[] w, int l, double[][][] a, int in, double[][][] z, int out) {
        LaneKernels.matmul(w, spec.weightOffset(l), in, 1, w, spec.biasOffset(l), a, in, z, out, streams, tile);
    }

    /**
     * First layer on plain scaled inputs: derivative streams of xi are constants (first order) or zero,
     * so z_{e_i} = W[:, i] * scale_i and higher streams vanish; only the value stream needs a product.
     */
    private void affineFirstLayer(double[] w, double[][][] x, double[][][] z, int out) {
        int in = spec.inputs();
        int wOff = spec.weightOffset(0);
        int bOff = spec.biasOffset(0);
        for (int o = 0; o < out; o++) {
            double[] zo = z[o][0];
            Arrays.fill(zo, w[bOff + o]);
            for (int i = 0; i < in; i++) {
                double wi = w[wOff + o * in + i];
                double[] xi = x[i][0];
                for (int p = 0; p < tile; p++) {
                    zo[p] += wi * xi[p];
                }
            }
            for (int s = 1; s < streams; s++) {
                int i = firstOrderInput[s];
                Arrays.fill(z[o][s], i >= 0 ? w[wOff + o * in + i] * spec.inputScale(i) : 0.0);
            }
        }
    }

    /** One neuron: derivative rows of f at the value stream, then every stream's Faà di Bruno sum. */
    private void applyRules(Activation f, double[][] z, double[][] d, double[][] y) {
        f.derivatives(z[0], tile, derivativeRows - 1, d);
        System.arraycopy(d[0], 0, y[0], 0, tile);
        for (int s = 1; s < streams; s++) {
            double[] ys = y[s];
            Arrays.fill(ys, 0.0);
            for (StreamPlan.Term t : rules[s]) {
                int k = t.order();
                double c = t.coefficient();
                double[] dk = d[k];
                if (k == 1) {
                    double[] z1 = z[t.factor(0)];
                    for (int p = 0; p < tile; p++) {
                        ys[p] += c * dk[p] * z1[p];
                    }
                } else if (k == 2) {
                    double[] z1 = z[t.factor(0)];
                    double[] z2 = z[t.factor(1)];
                    for (int p = 0; p < tile; p++) {
                        ys[p] += c * dk[p] * z1[p] * z2[p];
                    }
                } else if (k == 3) {
                    double[] z1 = z[t.factor(0)];
                    double[] z2 = z[t.factor(1)];
                    double[] z3 = z[t.factor(2)];
                    for (int p = 0; p < tile; p++) {
                        ys[p] += c * dk[p] * z1[p] * z2[p] * z3[p];
                    }
                } else {
                    for (int p = 0; p < tile; p++) {
                        double prod = c * dk[p];
                        for (int j = 0; j < k; j++) {
                            prod *= z[t.factor(j)][p];
                        }
                        ys[p] += prod;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- backward pieces

    /**
     * gw[o,i] += sum over points and streams of zbar_o,s * a_i,s, gb[o] += sum of zbar_o,0, into the
     * {@link LaneKernels#LANES}-wide accumulators (the first layer sees the input streams, whose
     * derivative rows are the constants set by {@link #inputStreams}).
     */
    private void accumulateLayer(
            double[][][] a, int in, double[][][] zbar, int out, double[][] gw, double[][] gb, boolean fresh) {
        LaneKernels.accumulate(a, in, zbar, out, streams, tile, gw, gb, fresh);
    }

    /**
     * Per point p &lt; n: J[row0 + p][w(o, i)] = sum over streams of zbar_o,s * a_i,s and J[row0 + p][b(o)] =
     * zbar_o,0, at jt[column * rows + row] (added to or replacing the entry).
     */
    private void layerRows(
            int l,
            double[][][] a,
            int in,
            double[][][] zbar,
            int out,
            int n,
            double[] jt,
            int rows,
            int row0,
            boolean add) {
        int wOff = spec.weightOffset(l);
        int bOff = spec.biasOffset(l);
        for (int o = 0; o < out; o++) {
            double[][] zo = zbar[o];
            int bCol = (bOff + o) * rows + row0;
            double[] z0 = zo[0];
            for (int p = 0; p < n; p++) {
                jt[bCol + p] = (add ? jt[bCol + p] : 0.0) + z0[p];
            }
            for (int i = 0; i < in; i++) {
                double[][] ai = a[i];
                int col = (wOff + o * in + i) * rows + row0;
                for (int p = 0; p < n; p++) {
                    double sum = z0[p] * ai[0][p];
                    for (int st = 1; st < streams; st++) {
                        sum += zo[st][p] * ai[st][p];
                    }
                    jt[col + p] = (add ? jt[col + p] : 0.0) + sum;
                }
            }
        }
    }

    /** abar_i,s = sum_o W_l[o][i] zbar_o,s. */
    private void propagateToInputs(double[] w, int l, double[][][] zbar, int out, double[][][] abar, int in) {
        LaneKernels.matmul(w, spec.weightOffset(l), 1, in, null, 0, zbar, out, abar, in, streams, tile);
    }

    /**
     * Reverse of {@link #applyRules} for one neuron: from ybar (adjoints of the activation's output
     * streams) to zbar (adjoints of its input streams), using the stored f^(k)(z_0) rows (k up to
     * maxOrder + 1).
     */
    private void rulesBackward(double[][] z, double[][] d, double[][] ybar, double[][] zbar) {
        double[] zb0 = zbar[0];
        double[] yb0 = ybar[0];
        double[] d1 = d[1];
        for (int p = 0; p < tile; p++) {
            zb0[p] = yb0[p] * d1[p];
        }
        for (int s = 1; s < streams; s++) {
            Arrays.fill(zbar[s], 0.0);
        }
        for (int s = 1; s < streams; s++) {
            double[] yb = ybar[s];
            for (StreamPlan.Term t : rules[s]) {
                int k = t.order();
                double c = t.coefficient();
                double[] dk = d[k];
                double[] dk1 = d[k + 1];
                if (k == 1) {
                    double[] a1 = z[t.factor(0)];
                    double[] g1 = zbar[t.factor(0)];
                    for (int p = 0; p < tile; p++) {
                        double g = c * yb[p];
                        zb0[p] += g * dk1[p] * a1[p];
                        g1[p] += g * dk[p];
                    }
                } else if (k == 2) {
                    double[] a1 = z[t.factor(0)];
                    double[] a2 = z[t.factor(1)];
                    double[] g1 = zbar[t.factor(0)];
                    double[] g2 = zbar[t.factor(1)];
                    if (g1 == g2) {
                        for (int p = 0; p < tile; p++) {
                            double g = c * yb[p];
                            zb0[p] += g * dk1[p] * a1[p] * a1[p];
                            g1[p] += 2 * g * dk[p] * a1[p];
                        }
                    } else {
                        for (int p = 0; p < tile; p++) {
                            double g = c * yb[p];
                            zb0[p] += g * dk1[p] * a1[p] * a2[p];
                            double gd = g * dk[p];
                            g1[p] += gd * a2[p];
                            g2[p] += gd * a1[p];
                        }
                    }
                } else {
                    // order >= 3: generic product rule over the factors
                    for (int p = 0; p < tile; p++) {
                        double g = c * yb[p];
                        double all = 1;
                        for (int j = 0; j < k; j++) {
                            all *= z[t.factor(j)][p];
                        }
                        zb0[p] += g * dk1[p] * all;
                        double gd = g * dk[p];
                        for (int j = 0; j < k; j++) {
                            double others = 1;
                            for (int i = 0; i < k; i++) {
                                if (i != j) {
                                    others *= z[t.factor(i)][p];
                                }
                            }
                            zbar[t.factor(j)][p] += gd * others;
                        }
                    }
                }
            }
        }
    }

    /** Sum of a vector (four chains, fixed order) and reset it to zero. */
    private static double sumAndClear(double[] a) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int p = 0;
        int n = a.length;
        for (; p + 3 < n; p += 4) {
            s0 += a[p];
            s1 += a[p + 1];
            s2 += a[p + 2];
            s3 += a[p + 3];
        }
        for (; p < n; p++) {
            s0 += a[p];
        }
        Arrays.fill(a, 0.0);
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Per-thread buffers of one {@link TaylorNetwork}: every forward quantity of the current tile is kept
     * for the reverse sweep, plus the gradient accumulators. Also the {@link Tile} view handed to losses.
     */
    public final class Workspace implements Tile {
        final double[] raw;
        final double[][][] x;
        final double[][][] xi;
        final double[][][] fz;
        final double[][][] fd;
        final double[][][][] z;
        final double[][][][] y;
        final double[][][][] d;
        final double[][][] abar;
        final double[][][] zbarA;
        final double[][][] zbarB;
        final double[][][] gw;
        /** Per layer: its weights' accumulators are cleared (flushed), whatever their arrays hold. */
        final boolean[] gwFresh;

        final double[][][] gb;
        /** Per layer: the packed rows of the tiles whose weight-gradient pass waits for the flush, or null. */
        final DeferredRows[] deferred;

        int start;
        int n;
        double[] parameters;
        double[] gradient;

        Workspace() {
            int dIn = spec.inputs();
            int layers = spec.layers();
            int maxW = spec.maxWidth();
            raw = new double[dIn * tile];
            x = new double[spec.firstLayerInputs()][streams][tile];
            int m = spec.fourierFeatures();
            xi = m > 0 ? new double[dIn][streams][tile] : x;
            fz = m > 0 ? new double[m][streams][tile] : null;
            fd = m > 0 ? new double[m][derivativeRows][tile] : null;
            z = new double[layers][][][];
            y = new double[layers][][][];
            d = new double[layers][][][];
            gw = new double[layers][][];
            gwFresh = new boolean[layers];
            java.util.Arrays.fill(gwFresh, true);
            gb = new double[layers][][];
            deferred = new DeferredRows[layers];
            for (int l = 0; l < layers; l++) {
                int out = spec.width(l + 1);
                int in = spec.layerInputs(l);
                if (DeferredRows.applies(in, out, tile)) {
                    deferred[l] = new DeferredRows(in, out, streams, tile);
                }
                z[l] = new double[out][streams][tile];
                if (l < layers - 1) {
                    y[l] = new double[out][streams][tile];
                    d[l] = new double[out][derivativeRows][tile];
                }
                gw[l] = new double[out * spec.layerInputs(l)][LaneKernels.LANES];
                gb[l] = new double[out][LaneKernels.LANES];
            }
            abar = new double[maxW][streams][tile];
            zbarA = new double[maxW][streams][tile];
            zbarB = new double[maxW][streams][tile];
        }

        TaylorNetwork owner() {
            return TaylorNetwork.this;
        }

        @Override
        public int start() {
            return start;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public int stride() {
            return tile;
        }

        @Override
        public double[] inputs() {
            return raw;
        }

        @Override
        public int inputOffset(int i) {
            return i * tile;
        }

        @Override
        public double[] output(int j, int s) {
            return z[spec.layers() - 1][j][s];
        }

        @Override
        public double[] outputAdjoint(int j, int s) {
            return zbarA[j][s];
        }

        @Override
        public StreamPlan plan() {
            return plan;
        }

        @Override
        public double[] parameters() {
            return parameters;
        }

        @Override
        public double[] gradient() {
            return gradient;
        }

        /** Sets the gradient buffer a loss sees (null for value-only passes). */
        public void setGradient(double[] g) {
            this.gradient = g;
        }

        /** Zeroes the output adjoints. */
        public void clearOutputAdjoints() {
            for (int j = 0; j < spec.outputs(); j++) {
                for (int s = 0; s < streams; s++) {
                    Arrays.fill(zbarA[j][s], 0.0);
                }
            }
        }
    }
}
