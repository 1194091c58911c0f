package org.pinn4j.core.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.nn.init.Initializers;
import org.pinn4j.core.nn.init.WeightInitializer;

/**
 * Architecture of the MLP a problem is solved with: hidden widths, activation, weight initializer
 * (biases start at zero) and optional Fourier input features. Immutable; defaults are tanh and
 * Xavier-normal weights.
 */
public final class NetworkConfig {
    private final int[] hidden;
    private final Activation activation;
    private final String initializer;
    private final int fourierFeatures;
    private final double fourierScale;

    private NetworkConfig(
            int[] hidden, Activation activation, String initializer, int fourierFeatures, double fourierScale) {
        for (int w : hidden) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden layer widths must be >= 1; got " + Arrays.toString(hidden));
            }
        }
        if (fourierFeatures < 0) {
            throw new IllegalArgumentException("Fourier feature count must be >= 0; got " + fourierFeatures);
        }
        if (activation == null) {
            throw new IllegalArgumentException("hidden activation is missing");
        }
        Initializers.byName(initializer); // validates the name now, not at training time
        this.hidden = hidden.clone();
        this.activation = activation;
        this.initializer = initializer;
        this.fourierFeatures = fourierFeatures;
        this.fourierScale = fourierScale;
    }

    /** {@code depth} hidden layers of {@code width} units with tanh and Xavier-normal weights. */
    public static NetworkConfig mlp(int depth, int width) {
        if (depth < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "network needs depth >= 1 and width >= 1; got depth " + depth + ", width " + width);
        }
        int[] h = new int[depth];
        Arrays.fill(h, width);
        return new NetworkConfig(h, Activation.TANH, "xavier-normal", 0, 1.0);
    }

    /** Explicit hidden widths, tanh, Xavier-normal. */
    public static NetworkConfig hidden(int... widths) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("give at least one hidden layer width");
        }
        return new NetworkConfig(widths, Activation.TANH, "xavier-normal", 0, 1.0);
    }

    /** Copy with another hidden activation. */
    public NetworkConfig activation(Activation a) {
        return new NetworkConfig(hidden, a, initializer, fourierFeatures, fourierScale);
    }

    /** Copy with another weight initializer (a name accepted by {@link Initializers#byName}). */
    public NetworkConfig initializer(String name) {
        return new NetworkConfig(hidden, activation, name, fourierFeatures, fourierScale);
    }

    /** Copy with m random Fourier features of frequency scale sigma (B ~ N(0, sigma^2), fixed by the seed). */
    public NetworkConfig fourierFeatures(int m, double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Fourier feature scale " + sigma + " must be a positive finite number");
        }
        return new NetworkConfig(hidden, activation, initializer, m, sigma);
    }

    /** Hidden widths. */
    public int[] hiddenWidths() {
        return hidden.clone();
    }

    /** Hidden activation. */
    public Activation activation() {
        return activation;
    }

    /** Initializer name. */
    public String initializer() {
        return initializer;
    }

    /** Number of Fourier features (0 = none). */
    public int fourierFeatureCount() {
        return fourierFeatures;
    }

    /** Fourier frequency scale. */
    public double fourierScale() {
        return fourierScale;
    }

    /** The network spec for the given inputs/outputs and input box; the Fourier matrix is drawn from rng. */
    public NetworkSpec spec(int inputs, int outputs, double[] lower, double[] upper, SplittableRandom rng) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = inputs;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = outputs;
        NetworkSpec spec = NetworkSpec.mlp(widths, activation, lower, upper);
        if (fourierFeatures > 0) {
            double[] b = new double[fourierFeatures * inputs];
            for (int j = 0; j < b.length; j++) {
                b[j] = fourierScale * rng.nextGaussian();
            }
            spec = spec.withFourierFeatures(b, fourierFeatures);
        }
        return spec;
    }

    /** Initial parameters: weights by the initializer, biases zero. */
    public double[] initialParameters(NetworkSpec spec, SplittableRandom rng) {
        WeightInitializer init = Initializers.byName(initializer);
        double[] w = new double[spec.parameterCount()];
        for (int l = 0; l < spec.layers(); l++) {
            init.initialize(w, spec.weightOffset(l), spec.layerInputs(l), spec.width(l + 1), rng);
        }
        return w;
    }

    @Override
    public String toString() {
        return Arrays.toString(hidden) + " " + activation.label() + " " + initializer
                + (fourierFeatures > 0 ? " fourier " + fourierFeatures + "x" + fourierScale : "");
    }
}
