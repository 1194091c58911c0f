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
 * <p>Input features (optional), one of two kinds. Random Fourier features: with a fixed matrix B (m x d), the first
 * trainable layer sees [sin(B xi), cos(B xi)] (2m features) instead of xi. Declared features
 * ({@link #withFeatures}): each feature is a product of {@link InputFactor}s, functions of one raw input each (its
 * scaled value xi, the raw value, sin or cos of a multiple of it), so exactly periodic inputs
 * ({@link #withPeriodicInputs}), t -&gt; sin(k t) or (r, theta) -&gt; (r cos theta, r sin theta) are all declared
 * features; their derivatives of every order are exact closed forms.
 */
public final class NetworkSpec {
    private final int[] widths;
    private final Activation[] activations;
    private final double[] lower;
    private final double[] upper;
    private final double[] fourier;
    private final int fourierCount;
    private final InputFactor[][] features;
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
            InputFactor[][] features) {
        this.widths = widths;
        this.activations = activations;
        this.lower = lower;
        this.upper = upper;
        this.fourier = fourier;
        this.fourierCount = fourierCount;
        this.features = features;
        int layers = widths.length - 1;
        weightOffsets = new int[layers];
        biasOffsets = new int[layers];
        long off = 0;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? firstLayerInputs() : widths[l];
            weightOffsets[l] = (int) off;
            off += (long) in * widths[l + 1];
            if (off + widths[l + 1] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a network of widths " + Arrays.toString(widths) + " has more than "
                        + Integer.MAX_VALUE + " parameters, more than one array holds; expected smaller widths");
            }
            biasOffsets[l] = (int) off;
            off += widths[l + 1];
        }
        parameterCount = (int) off;
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
        return new NetworkSpec(widths.clone(), hidden.clone(), lower.clone(), upper.clone(), null, 0, null);
    }

    /**
     * This network with fixed Fourier input features: {@code b} is m x d row-major (m frequencies), so the
     * first layer takes 2m inputs. Changes the parameter layout of the first layer.
     */
    public NetworkSpec withFourierFeatures(double[] b, int m) {
        int d = widths[0];
        if (m < 1 || b == null || b.length != m * d) {
            throw new IllegalArgumentException("Fourier feature matrix must be " + m + " x " + d + " (row-major, "
                    + (m * d) + " values); got " + (b == null ? "none" : b.length + " values"));
        }
        if (features != null) {
            throw new IllegalArgumentException("a network has declared input features or Fourier features, not both");
        }
        return new NetworkSpec(widths, activations, lower, upper, b.clone(), m, null);
    }

    /**
     * One factor of a declared input feature: a function of raw input {@code input}.
     *
     * @param input the raw input's index
     * @param kind what of it: {@code SCALED} xi (in [-1, 1] over the input box), {@code RAW} x itself, {@code SIN}
     *     sin(omega x), {@code COS} cos(omega x)
     * @param omega the angular frequency of {@code SIN} and {@code COS} (0 for the others)
     */
    public record InputFactor(int input, Kind kind, double omega) {
        /** What a factor takes of its input. */
        public enum Kind {
            /** xi = 2 (x - lower) / (upper - lower) - 1. */
            SCALED,
            /** x. */
            RAW,
            /** sin(omega x). */
            SIN,
            /** cos(omega x). */
            COS
        }

        /** Checks the values. */
        public InputFactor {
            if (kind == null) {
                throw new IllegalArgumentException("input factor of input " + input + " has no kind");
            }
            boolean trig = kind == Kind.SIN || kind == Kind.COS;
            if (trig ? !(Double.isFinite(omega) && omega != 0) : omega != 0) {
                throw new IllegalArgumentException("input factor " + kind + " of input " + input + " needs "
                        + (trig ? "a finite nonzero frequency" : "frequency 0") + "; got " + omega);
            }
        }

        /** The factor's derivative of order {@code a} at raw value x (xi from the spec's scaling). */
        double derivative(int a, double x, NetworkSpec spec) {
            switch (kind) {
                case SCALED:
                    return a == 0
                            ? spec.inputScale(input) * (x - spec.lower(input)) - 1.0
                            : a == 1 ? spec.inputScale(input) : 0.0;
                case RAW:
                    return a == 0 ? x : a == 1 ? 1.0 : 0.0;
                default:
                    double w = omega * x;
                    // d^a/dx^a sin(w x) = omega^a sin(w x + a pi / 2); cos likewise, one quarter turn ahead
                    int phase = (a + (kind == Kind.COS ? 1 : 0)) & 3;
                    double v = switch (phase) {
                        case 0 -> Math.sin(w);
                        case 1 -> Math.cos(w);
                        case 2 -> -Math.sin(w);
                        default -> -Math.cos(w);
                    };
                    return a == 0 ? v : Math.pow(omega, a) * v;
            }
        }
    }

    /**
     * This network with declared input features: the first layer sees {@code features.length} features, feature
     * j being the product of the factors {@code features[j]} (each on a different input). Changes the parameter
     * layout of the first layer.
     *
     * @throws IllegalArgumentException on an empty feature, an input out of range or twice in one feature, or
     *     random Fourier features already set
     */
    public NetworkSpec withFeatures(InputFactor[][] features) {
        int d = widths[0];
        if (fourier != null) {
            throw new IllegalArgumentException("a network has declared input features or Fourier features, not both");
        }
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("declared input features: give at least one");
        }
        InputFactor[][] copy = new InputFactor[features.length][];
        for (int j = 0; j < features.length; j++) {
            if (features[j] == null || features[j].length == 0) {
                throw new IllegalArgumentException("input feature " + j + " has no factor");
            }
            boolean[] seen = new boolean[d];
            for (InputFactor f : features[j]) {
                if (f.input() < 0 || f.input() >= d || seen[f.input()]) {
                    throw new IllegalArgumentException("input feature " + j + ": input " + f.input()
                            + (f.input() < 0 || f.input() >= d ? " is not in [0, " + d + ")" : " appears twice"));
                }
                seen[f.input()] = true;
            }
            copy[j] = features[j].clone();
        }
        return new NetworkSpec(widths, activations, lower, upper, null, 0, copy);
    }

    /**
     * This network made exactly periodic in the inputs i with {@code periods[i] > 0}: such an input is replaced by
     * cos(2 pi k x_i / P_i) and sin(2 pi k x_i / P_i), k = 1 .. {@code harmonics[i]}, so the network and every
     * derivative of it repeat with period P_i in x_i; inputs with {@code periods[i] == 0} enter scaled, as usual.
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
        if (java.util.Arrays.stream(periods).noneMatch(p -> p > 0)) {
            throw new IllegalArgumentException("no input is periodic: give a period > 0 for at least one input");
        }
        java.util.List<InputFactor[]> list = new java.util.ArrayList<>();
        for (int i = 0; i < d; i++) {
            if (!(periods[i] >= 0) || Double.isInfinite(periods[i])) {
                throw new IllegalArgumentException("period of input " + i
                        + " must be a positive finite number (0: not periodic); got " + periods[i]);
            }
            if (periods[i] == 0) {
                list.add(new InputFactor[] {new InputFactor(i, InputFactor.Kind.SCALED, 0)});
                continue;
            }
            if (harmonics[i] < 1) {
                throw new IllegalArgumentException(
                        "periodic input " + i + " needs at least one harmonic; got " + harmonics[i]);
            }
            list.addAll(periodicFactors(i, periods[i], harmonics[i]));
        }
        return withFeatures(list.toArray(new InputFactor[0][]));
    }

    /** cos(2 pi k x / P) and sin(2 pi k x / P) of input i, k = 1 .. harmonics, one factor each. */
    public static java.util.List<InputFactor[]> periodicFactors(int i, double period, int harmonics) {
        java.util.List<InputFactor[]> list = new java.util.ArrayList<>();
        for (int k = 1; k <= harmonics; k++) {
            double omega = 2 * Math.PI * k / period;
            list.add(new InputFactor[] {new InputFactor(i, InputFactor.Kind.COS, omega)});
            list.add(new InputFactor[] {new InputFactor(i, InputFactor.Kind.SIN, omega)});
        }
        return list;
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

    /** Inputs seen by the first affine layer: d, 2m with Fourier features, or the number of declared features. */
    public int firstLayerInputs() {
        return features != null ? features.length : fourierCount > 0 ? 2 * fourierCount : widths[0];
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

    /** Number of declared input features (0 if none). */
    public int declaredFeatures() {
        return features == null ? 0 : features.length;
    }

    /** The factors of declared feature j (a copy). */
    public InputFactor[] feature(int j) {
        return features[j].clone();
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
