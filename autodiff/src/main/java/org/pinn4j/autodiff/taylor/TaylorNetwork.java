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
 * <p>Layout: feature-major, one row of {@code tileSize} points per (stream, neuron), so every inner loop
 * runs over contiguous points. Workspaces are allocated once per thread and reused: no allocation per
 * tile. This class is immutable and thread-safe; workspaces are not.
 */
public final class TaylorNetwork {
    private final NetworkSpec spec;
    private final StreamPlan plan;
    private final int tile;
    private final int streams;
    private final int maxOrder;
    /** Orders of activation derivatives stored per hidden neuron: 0..maxOrder+1. */
    private final int derivativeRows;
    /** For plain inputs (no Fourier features): the input whose first derivative stream s is, or -1. */
    private final int[] firstOrderInput;

    /**
     * Engine for {@code spec} propagating the streams of {@code plan}, in tiles of {@code tileSize}
     * points.
     */
    public TaylorNetwork(NetworkSpec spec, StreamPlan plan, int tileSize) {
        if (plan.inputs() != spec.inputs()) {
            throw new IllegalArgumentException("stream plan is for " + plan.inputs() + " inputs but the network has "
                    + spec.inputs());
        }
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be >= 1; got " + tileSize);
        }
        this.spec = spec;
        this.plan = plan;
        this.tile = tileSize;
        this.streams = plan.size();
        this.maxOrder = plan.maxOrder();
        this.derivativeRows = maxOrder + 2;
        this.firstOrderInput = new int[streams];
        for (int s = 0; s < streams; s++) {
            MultiIndex m = plan.streams().get(s);
            firstOrderInput[s] = -1;
            if (m.order() == 1) {
                for (int i = 0; i < m.inputs(); i++) {
                    if (m.count(i) == 1) {
                        firstOrderInput[s] = i;
                    }
                }
            }
        }
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
     * ({@code points[i][p]} = input i of point p). Results are in {@code ws.outputs()}.
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
        }
        double[] a = inputStreams(ws);
        int aWidth = spec.firstLayerInputs();
        int layers = spec.layers();
        for (int l = 0; l < layers; l++) {
            int out = spec.width(l + 1);
            if (l == 0 && spec.fourierFeatures() == 0) {
                affineFirstLayer(params, ws.x, ws.z[0], out, n);
            } else {
                affine(params, l, a, aWidth, ws.z[l], out, n);
            }
            if (l < layers - 1) {
                activate(spec.activation(l), ws.z[l], ws.d[l], ws.y[l], out, n);
                a = ws.y[l];
                aWidth = out;
            }
        }
    }

    /**
     * Reverse sweep after {@link #forward}: reads d(loss)/d(output streams) from
     * {@code ws.outputAdjoints()} and adds d(loss)/d(network parameters) into {@code grad[0..P-1]}.
     */
    public void backward(double[] params, Workspace ws, double[] grad) {
        int n = ws.n;
        int layers = spec.layers();
        double[] zbar = ws.outAdjoint;
        for (int l = layers - 1; l >= 0; l--) {
            int out = spec.width(l + 1);
            int in = spec.layerInputs(l);
            double[] a = l == 0 ? ws.x : ws.y[l - 1];
            if (l == 0 && spec.fourierFeatures() == 0) {
                firstLayerGradient(ws.x, zbar, out, n, grad);
                break;
            }
            layerGradient(a, in, zbar, out, n, spec.weightOffset(l), spec.biasOffset(l), grad);
            if (l == 0) {
                break;
            }
            double[] abar = ws.abar;
            propagateToInputs(params, l, zbar, out, abar, in, n);
            double[] nextZbar = zbar == ws.zbarA ? ws.zbarB : ws.zbarA;
            activationBackward(spec.activation(l - 1), ws.z[l - 1], ws.d[l - 1], abar, nextZbar, in, n);
            zbar = nextZbar;
        }
    }

    // ---------------------------------------------------------------- forward pieces

    /** Streams of the first affine layer's inputs: scaled coordinates, or Fourier features of them. */
    private double[] inputStreams(Workspace ws) {
        int d = spec.inputs();
        int n = ws.n;
        double[] xi = spec.fourierFeatures() == 0 ? ws.x : ws.xi;
        for (int i = 0; i < d; i++) {
            double scale = spec.inputScale(i);
            double lo = spec.lower(i);
            int raw = i * tile;
            int row = i * tile; // stream 0, input i
            for (int p = 0; p < n; p++) {
                xi[row + p] = scale * (ws.raw[raw + p] - lo) - 1.0;
            }
            for (int s = 1; s < streams; s++) {
                double v = firstOrderInput[s] == i ? scale : 0.0;
                Arrays.fill(xi, (s * d + i) * tile, (s * d + i) * tile + n, v);
            }
        }
        if (spec.fourierFeatures() == 0) {
            return ws.x;
        }
        // z_j = sum_i B[j][i] xi_i for every stream; features [sin z, cos z] via the Taylor rules.
        int m = spec.fourierFeatures();
        for (int s = 0; s < streams; s++) {
            for (int j = 0; j < m; j++) {
                int zr = (s * m + j) * tile;
                Arrays.fill(ws.fz, zr, zr + n, 0.0);
                for (int i = 0; i < d; i++) {
                    double b = spec.fourierMatrix(j, i);
                    int xr = (s * d + i) * tile;
                    for (int p = 0; p < n; p++) {
                        ws.fz[zr + p] += b * xi[xr + p];
                    }
                }
            }
        }
        activateInto(Activation.SIN, ws.fz, m, ws.fd, ws.x, 2 * m, 0, n);
        activateInto(Activation.COS, ws.fz, m, ws.fd, ws.x, 2 * m, m, n);
        return ws.x;
    }

    /** z_s = W a_s (+ b for the value stream) for affine layer l. */
    private void affine(double[] w, int l, double[] a, int in, double[] z, int out, int n) {
        int wOff = spec.weightOffset(l);
        int bOff = spec.biasOffset(l);
        for (int s = 0; s < streams; s++) {
            for (int o = 0; o < out; o++) {
                int zr = (s * out + o) * tile;
                Arrays.fill(z, zr, zr + n, s == 0 ? w[bOff + o] : 0.0);
                int wr = wOff + o * in;
                for (int i = 0; i < in; i++) {
                    double wi = w[wr + i];
                    int ar = (s * in + i) * tile;
                    for (int p = 0; p < n; p++) {
                        z[zr + p] += wi * a[ar + p];
                    }
                }
            }
        }
    }

    /**
     * First layer on plain scaled inputs: derivative streams of xi are constants (first order) or zero,
     * so z_{e_i} = W[:, i] * scale_i and higher streams vanish.
     */
    private void affineFirstLayer(double[] w, double[] x, double[] z, int out, int n) {
        int in = spec.inputs();
        int wOff = spec.weightOffset(0);
        int bOff = spec.biasOffset(0);
        for (int o = 0; o < out; o++) {
            Arrays.fill(z, o * tile, o * tile + n, w[bOff + o]);
        }
        for (int s = 1; s < streams; s++) {
            int i = firstOrderInput[s];
            for (int o = 0; o < out; o++) {
                int zr = (s * out + o) * tile;
                double v = i >= 0 ? w[wOff + o * in + i] * spec.inputScale(i) : 0.0;
                Arrays.fill(z, zr, zr + n, v);
            }
        }
        // value stream: z_0 = W xi + b (xi = stream-0 rows of x)
        for (int o = 0; o < out; o++) {
            int zr = o * tile;
            for (int i = 0; i < in; i++) {
                double wi = w[wOff + o * in + i];
                int ar = i * tile;
                for (int p = 0; p < n; p++) {
                    z[zr + p] += wi * x[ar + p];
                }
            }
        }
    }

    /** y = f(z) on all streams of a hidden layer, storing f^(k)(z_0) rows for the backward pass. */
    private void activate(Activation f, double[] z, double[] dBuf, double[] y, int out, int n) {
        activateInto(f, z, out, dBuf, y, out, 0, n);
    }

    /**
     * Applies f to the {@code width} neurons of stream buffer z and writes the result streams into
     * rows {@code rowShift .. rowShift+width-1} of y (whose stream stride is {@code yWidth} rows).
     */
    private void activateInto(Activation f, double[] z, int width, double[] dBuf, double[] y, int yWidth, int rowShift, int n) {
        for (int o = 0; o < width; o++) {
            int dOff = o * derivativeRows * tile;
            f.derivatives(z, o * tile, n, derivativeRows - 1, dBuf, dOff, tile);
            System.arraycopy(dBuf, dOff, y, (rowShift + o) * tile, n);
            for (int s = 1; s < streams; s++) {
                int yr = (s * yWidth + rowShift + o) * tile;
                Arrays.fill(y, yr, yr + n, 0.0);
                for (StreamPlan.Term t : plan.rulesOf(s)) {
                    int k = t.order();
                    double c = t.coefficient();
                    int dr = dOff + k * tile;
                    if (k == 1) {
                        int z1 = (t.factor(0) * width + o) * tile;
                        for (int p = 0; p < n; p++) {
                            y[yr + p] += c * dBuf[dr + p] * z[z1 + p];
                        }
                    } else if (k == 2) {
                        int z1 = (t.factor(0) * width + o) * tile;
                        int z2 = (t.factor(1) * width + o) * tile;
                        for (int p = 0; p < n; p++) {
                            y[yr + p] += c * dBuf[dr + p] * z[z1 + p] * z[z2 + p];
                        }
                    } else if (k == 3) {
                        int z1 = (t.factor(0) * width + o) * tile;
                        int z2 = (t.factor(1) * width + o) * tile;
                        int z3 = (t.factor(2) * width + o) * tile;
                        for (int p = 0; p < n; p++) {
                            y[yr + p] += c * dBuf[dr + p] * z[z1 + p] * z[z2 + p] * z[z3 + p];
                        }
                    } else {
                        for (int p = 0; p < n; p++) {
                            double prod = c * dBuf[dr + p];
                            for (int j = 0; j < k; j++) {
                                prod *= z[(t.factor(j) * width + o) * tile + p];
                            }
                            y[yr + p] += prod;
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- backward pieces

    /** grad W_l += sum_s zbar_s a_s^T, grad b_l += sum_p zbar_0. */
    private void layerGradient(double[] a, int in, double[] zbar, int out, int n, int wOff, int bOff, double[] grad) {
        for (int o = 0; o < out; o++) {
            grad[bOff + o] += sum(zbar, o * tile, n);
            for (int i = 0; i < in; i++) {
                double acc = 0;
                for (int s = 0; s < streams; s++) {
                    acc += dot(zbar, (s * out + o) * tile, a, (s * in + i) * tile, n);
                }
                grad[wOff + o * in + i] += acc;
            }
        }
    }

    /** First layer on plain inputs: only the value stream and the constant first-order streams contribute. */
    private void firstLayerGradient(double[] x, double[] zbar, int out, int n, double[] grad) {
        int in = spec.inputs();
        int wOff = spec.weightOffset(0);
        int bOff = spec.biasOffset(0);
        for (int o = 0; o < out; o++) {
            grad[bOff + o] += sum(zbar, o * tile, n);
            for (int i = 0; i < in; i++) {
                double acc = dot(zbar, o * tile, x, i * tile, n);
                for (int s = 1; s < streams; s++) {
                    if (firstOrderInput[s] == i) {
                        acc += spec.inputScale(i) * sum(zbar, (s * out + o) * tile, n);
                    }
                }
                grad[wOff + o * in + i] += acc;
            }
        }
    }

    /** abar_s = W_l^T zbar_s. */
    private void propagateToInputs(double[] w, int l, double[] zbar, int out, double[] abar, int in, int n) {
        int wOff = spec.weightOffset(l);
        for (int s = 0; s < streams; s++) {
            for (int i = 0; i < in; i++) {
                int ar = (s * in + i) * tile;
                Arrays.fill(abar, ar, ar + n, 0.0);
            }
            for (int o = 0; o < out; o++) {
                int zr = (s * out + o) * tile;
                int wr = wOff + o * in;
                for (int i = 0; i < in; i++) {
                    double wi = w[wr + i];
                    int ar = (s * in + i) * tile;
                    for (int p = 0; p < n; p++) {
                        abar[ar + p] += wi * zbar[zr + p];
                    }
                }
            }
        }
    }

    /**
     * Reverse of {@link #activateInto}: from ybar (adjoints of the activation's output streams) to zbar
     * (adjoints of its input streams), using the stored f^(k)(z_0) rows (k up to maxOrder + 1).
     */
    private void activationBackward(Activation f, double[] z, double[] dBuf, double[] ybar, double[] zbar, int width, int n) {
        for (int o = 0; o < width; o++) {
            int dOff = o * derivativeRows * tile;
            int z0 = o * tile;
            for (int s = 0; s < streams; s++) {
                Arrays.fill(zbar, (s * width + o) * tile, (s * width + o) * tile + n, 0.0);
            }
            int d1 = dOff + tile;
            for (int p = 0; p < n; p++) {
                zbar[z0 + p] = ybar[z0 + p] * dBuf[d1 + p];
            }
            for (int s = 1; s < streams; s++) {
                int yb = (s * width + o) * tile;
                for (StreamPlan.Term t : plan.rulesOf(s)) {
                    int k = t.order();
                    double c = t.coefficient();
                    int dk = dOff + k * tile;
                    int dk1 = dOff + (k + 1) * tile;
                    if (k == 1) {
                        int z1 = (t.factor(0) * width + o) * tile;
                        for (int p = 0; p < n; p++) {
                            double g = c * ybar[yb + p];
                            zbar[z0 + p] += g * dBuf[dk1 + p] * z[z1 + p];
                            zbar[z1 + p] += g * dBuf[dk + p];
                        }
                    } else if (k == 2) {
                        int z1 = (t.factor(0) * width + o) * tile;
                        int z2 = (t.factor(1) * width + o) * tile;
                        for (int p = 0; p < n; p++) {
                            double g = c * ybar[yb + p];
                            double a1 = z[z1 + p];
                            double a2 = z[z2 + p];
                            zbar[z0 + p] += g * dBuf[dk1 + p] * a1 * a2;
                            double gd = g * dBuf[dk + p];
                            zbar[z1 + p] += gd * a2;
                            zbar[z2 + p] += gd * a1;
                        }
                    } else if (k == 3) {
                        int z1 = (t.factor(0) * width + o) * tile;
                        int z2 = (t.factor(1) * width + o) * tile;
                        int z3 = (t.factor(2) * width + o) * tile;
                        for (int p = 0; p < n; p++) {
                            double g = c * ybar[yb + p];
                            double a1 = z[z1 + p];
                            double a2 = z[z2 + p];
                            double a3 = z[z3 + p];
                            zbar[z0 + p] += g * dBuf[dk1 + p] * a1 * a2 * a3;
                            double gd = g * dBuf[dk + p];
                            zbar[z1 + p] += gd * a2 * a3;
                            zbar[z2 + p] += gd * a1 * a3;
                            zbar[z3 + p] += gd * a1 * a2;
                        }
                    } else {
                        for (int p = 0; p < n; p++) {
                            double g = c * ybar[yb + p];
                            double all = 1;
                            for (int j = 0; j < k; j++) {
                                all *= z[(t.factor(j) * width + o) * tile + p];
                            }
                            zbar[z0 + p] += g * dBuf[dk1 + p] * all;
                            double gd = g * dBuf[dk + p];
                            for (int j = 0; j < k; j++) {
                                double others = 1;
                                for (int i = 0; i < k; i++) {
                                    if (i != j) {
                                        others *= z[(t.factor(i) * width + o) * tile + p];
                                    }
                                }
                                zbar[(t.factor(j) * width + o) * tile + p] += gd * others;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Sum with four independent accumulators (fixed order, so deterministic). */
    static double sum(double[] a, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int p = 0;
        for (; p + 3 < n; p += 4) {
            s0 += a[off + p];
            s1 += a[off + p + 1];
            s2 += a[off + p + 2];
            s3 += a[off + p + 3];
        }
        for (; p < n; p++) {
            s0 += a[off + p];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Dot product with four independent accumulators (fixed order, so deterministic). */
    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int p = 0;
        for (; p + 3 < n; p += 4) {
            s0 += a[aOff + p] * b[bOff + p];
            s1 += a[aOff + p + 1] * b[bOff + p + 1];
            s2 += a[aOff + p + 2] * b[bOff + p + 2];
            s3 += a[aOff + p + 3] * b[bOff + p + 3];
        }
        for (; p < n; p++) {
            s0 += a[aOff + p] * b[bOff + p];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Per-thread buffers of one {@link TaylorNetwork}: every forward quantity of the current tile is kept
     * for the reverse sweep. Also the {@link Tile} view handed to losses.
     */
    public final class Workspace implements Tile {
        final double[] raw;
        final double[] x;
        final double[] xi;
        final double[] fz;
        final double[] fd;
        final double[][] z;
        final double[][] y;
        final double[][] d;
        final double[] abar;
        final double[] zbarA;
        final double[] zbarB;
        final double[] outAdjoint;
        int start;
        int n;
        double[] parameters;
        double[] gradient;

        Workspace() {
            int dIn = spec.inputs();
            int layers = spec.layers();
            int maxW = spec.maxWidth();
            raw = new double[dIn * tile];
            x = new double[streams * spec.firstLayerInputs() * tile];
            int m = spec.fourierFeatures();
            xi = m > 0 ? new double[streams * dIn * tile] : x;
            fz = m > 0 ? new double[streams * m * tile] : null;
            fd = m > 0 ? new double[m * derivativeRows * tile] : null;
            z = new double[layers][];
            y = new double[layers][];
            d = new double[layers][];
            for (int l = 0; l < layers; l++) {
                int out = spec.width(l + 1);
                z[l] = new double[streams * out * tile];
                if (l < layers - 1) {
                    y[l] = new double[streams * out * tile];
                    d[l] = new double[derivativeRows * out * tile];
                }
            }
            abar = new double[streams * maxW * tile];
            zbarA = new double[streams * maxW * tile];
            zbarB = new double[streams * maxW * tile];
            outAdjoint = zbarA;
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
        public double[] outputs() {
            return z[spec.layers() - 1];
        }

        @Override
        public int outputOffset(int output, int stream) {
            return (stream * spec.outputs() + output) * tile;
        }

        @Override
        public double[] outputAdjoints() {
            return outAdjoint;
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

        /** Zeroes the output adjoint rows of the current tile. */
        public void clearOutputAdjoints() {
            Arrays.fill(outAdjoint, 0, streams * spec.outputs() * tile, 0.0);
        }
    }
}
