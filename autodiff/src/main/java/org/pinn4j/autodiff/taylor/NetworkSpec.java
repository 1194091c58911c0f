package org.pinn4j.autodiff.taylor;

import java.util.Arrays;
import org.pinn4j.autodiff.Activation;

/**
 * Shape of a multilayer perceptron and its flat parameter layout, plus the affine scaling of the raw
 * inputs to [-1, 1] and optional fixed Fourier input features. Immutable.
 *
 * <p>Flat layout (the project-wide contract): for each layer l = 0..L-1 mapping widths[l] to
 * widths[l+1], the weights W_l row-major [out][in] (W_l[o][i] at {@code weightOffset(l) + o * in + i}),
 * then the bias b_l[out] at {@code biasOffset(l)}. Hidden layers apply their activation; the last layer
 * is linear.
 *
 * <p>Input scaling: xi_i = 2 (x_i - lower_i) / (upper_i - lower_i) - 1, so derivatives of the network with
 * respect to the raw input x_i carry the factor 2 / (upper_i - lower_i); the engine applies it.
 *
 * <p>Input features (optional): with a fixed matrix B (m x d) and a list of passed-through inputs q_1 .. q_r,
 * the first trainable layer sees [sin(B xi), cos(B xi), xi_q1, .., xi_qr] (2m + r features) instead of xi.
 * Random Fourier features pass nothing through; {@link #withPeriodicInputs} builds B so that the network is
 * exactly periodic in the chosen inputs and passes the others through.
 */
public final class NetworkSpec {
    private final int[] widths;
    private final Activation[] activations;
    private final double[] lower;
    private final double[] upper;
    private final double[] fourier;
    private final int fourierCount;
    private final int[] passThrough;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int parameterCount;

    private NetworkSpec(
            int[] widths,
            Activation[] activations,
            double[] lower,
            double[] upper,
            double[] fourier,
            int fourierCount,
            int[] passThrough) {
        this.widths = widths;
        this.activations = activations;
        this.lower = lower;
        this.upper = upper;
        this.fourier = fourier;
        this.fourierCount = fourierCount;
        this.passThrough = passThrough;
        int layers = widths.length - 1;
        weightOffsets = new int[layers];
        biasOffsets = new int[layers];
        int off = 0;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? firstLayerInputs() : widths[l];
            weightOffsets[l] = off;
            off += in * widths[l + 1];
            biasOffsets[l] = off;
            off += widths[l + 1];
        }
        parameterCount = off;
    }

    /**
     * An MLP with the given layer widths (inputs first, outputs last), one activation for every hidden
     * layer, and the raw input box [lower, upper] scaled to [-1, 1].
     *
     * @throws IllegalArgumentException on fewer than 2 widths, a width &lt; 1, mismatched bounds, or
     *     lower &gt;= upper
     */
    public static NetworkSpec mlp(int[] widths, Activation hidden, double[] lower, double[] upper) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException(
                    "network widths must list at least inputs and outputs, e.g. [2, 20, 20, 1]; got "
                            + Arrays.toString(widths));
        }
        Activation[] acts = new Activation[widths.length - 2];
        Arrays.fill(acts, hidden);
        return mlp(widths, acts, lower, upper);
    }

    /** As {@link #mlp(int[], Activation, double[], double[])} with one activation per hidden layer. */
    public static NetworkSpec mlp(int[] widths, Activation[] hidden, double[] lower, double[] upper) {
        validate(widths, hidden, lower, upper);
        return new NetworkSpec(widths.clone(), hidden.clone(), lower.clone(), upper.clone(), null, 0, new int[0]);
    }

    /**
     * This network with fixed Fourier input features: {@code b} is m x d row-major (m frequencies), so the
     * first layer takes 2m inputs. Changes the parameter layout of the first layer.
     */
    public NetworkSpec withFourierFeatures(double[] b, int m) {
        return withInputFeatures(b, m, new int[0]);
    }

    /**
     * This network with fixed input features: {@code b} is m x d row-major, and the inputs listed in
     * {@code passThrough} (ascending, distinct) follow the 2m sine and cosine features unchanged, so the first
     * layer takes 2m + passThrough.length inputs. Changes the parameter layout of the first layer.
     */
    public NetworkSpec withInputFeatures(double[] b, int m, int[] passThrough) {
        int d = widths[0];
        if (m < 1 || b == null || b.length != m * d) {
            throw new IllegalArgumentException("Fourier feature matrix must be " + m + " x " + d + " (row-major, "
                    + (m * d) + " values); got " + (b == null ? "none" : b.length + " values"));
        }
        for (int q = 0; q < passThrough.length; q++) {
            if (passThrough[q] < 0 || passThrough[q] >= d || (q > 0 && passThrough[q] <= passThrough[q - 1])) {
                throw new IllegalArgumentException("passed-through inputs must be distinct ascending indices in [0, "
                        + d + "); got " + Arrays.toString(passThrough));
            }
        }
        return new NetworkSpec(widths, activations, lower, upper, b.clone(), m, passThrough.clone());
    }

    /**
     * This network made exactly periodic in the inputs i with {@code periods[i] > 0}: such an input is replaced by
     * sin(2 pi k x_i / P_i + c) and cos(2 pi k x_i / P_i + c), k = 1 .. {@code harmonics[i]} (c a fixed phase from
     * the input scaling, absorbed by the first layer), so the network and every derivative of it repeat with
     * period P_i in x_i. Inputs with {@code periods[i] == 0} are passed through.
     *
     * @throws IllegalArgumentException on arrays of the wrong length, a negative or non-finite period, fewer than
     *     one harmonic for a periodic input, or no periodic input
     */
    public NetworkSpec withPeriodicInputs(double[] periods, int[] harmonics) {
        int d = widths[0];
        if (periods.length != d || harmonics.length != d) {
            throw new IllegalArgumentException("periodic inputs need " + d + " periods and " + d
                    + " harmonic counts (0 for a non-periodic input); got " + periods.length + " and "
                    + harmonics.length);
        }
        int m = 0;
        int r = 0;
        for (int i = 0; i < d; i++) {
            if (!(periods[i] >= 0) || Double.isInfinite(periods[i])) {
                throw new IllegalArgumentException("period of input " + i
                        + " must be a positive finite number (0: not periodic); got " + periods[i]);
            }
            if (periods[i] > 0 && harmonics[i] < 1) {
                throw new IllegalArgumentException(
                        "periodic input " + i + " needs at least one harmonic; got " + harmonics[i]);
            }
            if (periods[i] > 0) {
                m += harmonics[i];
            } else {
                r++;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("no input is periodic: give a period > 0 for at least one input");
        }
        double[] b = new double[m * d];
        int[] pass = new int[r];
        int row = 0;
        r = 0;
        for (int i = 0; i < d; i++) {
            if (periods[i] == 0) {
                pass[r++] = i;
                continue;
            }
            // xi = 2 (x - lower) / (upper - lower) - 1, so B xi has frequency 2 pi k / P in x when
            // B = pi k (upper - lower) / P
            for (int k = 1; k <= harmonics[i]; k++) {
                b[row++ * d + i] = Math.PI * k * (upper[i] - lower[i]) / periods[i];
            }
        }
        return withInputFeatures(b, m, pass);
    }

    private static void validate(int[] widths, Activation[] hidden, double[] lower, double[] upper) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException(
                    "network widths must list at least inputs and outputs; got " + Arrays.toString(widths));
        }
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] < 1) {
                throw new IllegalArgumentException(
                        "layer " + i + " width is " + widths[i] + "; expected >= 1 in " + Arrays.toString(widths));
            }
        }
        if (hidden.length != widths.length - 2) {
            throw new IllegalArgumentException("need " + (widths.length - 2) + " hidden activations for widths "
                    + Arrays.toString(widths) + "; got " + hidden.length);
        }
        for (Activation a : hidden) {
            if (a == null) {
                throw new IllegalArgumentException("hidden activation missing in " + Arrays.toString(hidden));
            }
        }
        int d = widths[0];
        if (lower == null || upper == null || lower.length != d || upper.length != d) {
            throw new IllegalArgumentException("input bounds need " + d + " lower and " + d + " upper values");
        }
        for (int i = 0; i < d; i++) {
            if (!(lower[i] < upper[i]) || !Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new IllegalArgumentException("input " + i + " range [" + lower[i] + ", " + upper[i]
                        + "] is invalid; expected finite lower < upper");
            }
        }
    }

    /** Number of raw inputs. */
    public int inputs() {
        return widths[0];
    }

    /** Number of outputs. */
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Number of affine layers (hidden layers + output layer). */
    public int layers() {
        return widths.length - 1;
    }

    /** Width of layer boundary {@code i} (0 = inputs, layers() = outputs). */
    public int width(int i) {
        return widths[i];
    }

    /** Copy of all widths. */
    public int[] widths() {
        return widths.clone();
    }

    /** Inputs seen by the first affine layer: d, or 2m + r with input features (r passed through). */
    public int firstLayerInputs() {
        return fourierCount > 0 ? 2 * fourierCount + passThrough.length : widths[0];
    }

    /** Inputs of affine layer l. */
    public int layerInputs(int l) {
        return l == 0 ? firstLayerInputs() : widths[l];
    }

    /** Activation of affine layer l (IDENTITY for the output layer). */
    public Activation activation(int l) {
        return l < activations.length ? activations[l] : Activation.IDENTITY;
    }

    /** Lower bound of raw input i. */
    public double lower(int i) {
        return lower[i];
    }

    /** Upper bound of raw input i. */
    public double upper(int i) {
        return upper[i];
    }

    /** d xi_i / d x_i = 2 / (upper - lower). */
    public double inputScale(int i) {
        return 2.0 / (upper[i] - lower[i]);
    }

    /** Number of Fourier frequencies (0 if none). */
    public int fourierFeatures() {
        return fourierCount;
    }

    /** B[j][i] of the Fourier feature matrix. */
    public double fourierMatrix(int j, int i) {
        return fourier[j * widths[0] + i];
    }

    /** The raw inputs passed through after the sine and cosine features (ascending; empty if none). */
    public int[] passThroughInputs() {
        return passThrough.clone();
    }

    /** Total number of trainable parameters. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Offset of W_l in the flat parameters. */
    public int weightOffset(int l) {
        return weightOffsets[l];
    }

    /** Offset of b_l in the flat parameters. */
    public int biasOffset(int l) {
        return biasOffsets[l];
    }

    /** Largest layer width (including inputs and outputs). */
    public int maxWidth() {
        int m = firstLayerInputs();
        for (int w : widths) {
            m = Math.max(m, w);
        }
        return m;
    }

    @Override
    public String toString() {
        return "MLP" + Arrays.toString(widths) + " " + Arrays.toString(activations);
    }
}
