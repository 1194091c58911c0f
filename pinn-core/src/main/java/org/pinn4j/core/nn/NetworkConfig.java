package org.pinn4j.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.nn.init.Initializers;
import org.pinn4j.core.nn.init.WeightInitializer;

/**
 * Architecture of the MLP a problem is solved with: hidden widths, activation, weight initializer
 * (biases start at zero) and optional input features: random Fourier features, or an exactly periodic
 * embedding of chosen inputs ({@link #periodic}). Immutable; defaults are tanh and Xavier-normal weights.
 */
public final class NetworkConfig {
    private final int[] hidden;
    private final Activation activation;
    private final String initializer;
    private final int fourierFeatures;
    private final double fourierScale;
    private final List<PeriodicInput> periodic;

    /**
     * An input embedded exactly periodically: the network sees sin and cos of 2 pi k x / period, k = 1 ..
     * harmonics, instead of x, so it and all its derivatives repeat with that period in x.
     *
     * @param input the input's name, as the problem declares it
     * @param period the period P &gt; 0, in the input's own units
     * @param harmonics K &gt;= 1
     */
    public record PeriodicInput(String input, double period, int harmonics) {
        /** Checks the values. */
        public PeriodicInput {
            if (input == null || input.isBlank()) {
                throw new IllegalArgumentException("a periodic input needs the input's name");
            }
            if (!(period > 0) || Double.isInfinite(period)) {
                throw new IllegalArgumentException(
                        "period of input '" + input + "' must be a positive finite number; got " + period);
            }
            if (harmonics < 1) {
                throw new IllegalArgumentException(
                        "periodic input '" + input + "' needs at least one harmonic; got " + harmonics);
            }
        }
    }

    private NetworkConfig(
            int[] hidden,
            Activation activation,
            String initializer,
            int fourierFeatures,
            double fourierScale,
            List<PeriodicInput> periodic) {
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
        this.periodic = List.copyOf(periodic);
        if (fourierFeatures > 0 && !periodic.isEmpty()) {
            throw new IllegalArgumentException(
                    "a network has either random Fourier features or periodic inputs, not both");
        }
    }

    /** {@code depth} hidden layers of {@code width} units with tanh and Xavier-normal weights. */
    public static NetworkConfig mlp(int depth, int width) {
        if (depth < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "network needs depth >= 1 and width >= 1; got depth " + depth + ", width " + width);
        }
        int[] h = new int[depth];
        Arrays.fill(h, width);
        return new NetworkConfig(h, Activation.TANH, "xavier-normal", 0, 1.0, List.of());
    }

    /** Explicit hidden widths, tanh, Xavier-normal. */
    public static NetworkConfig hidden(int... widths) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("give at least one hidden layer width");
        }
        return new NetworkConfig(widths, Activation.TANH, "xavier-normal", 0, 1.0, List.of());
    }

    /** Copy with another hidden activation. */
    public NetworkConfig activation(Activation a) {
        return new NetworkConfig(hidden, a, initializer, fourierFeatures, fourierScale, periodic);
    }

    /** Copy with another weight initializer (a name accepted by {@link Initializers#byName}). */
    public NetworkConfig initializer(String name) {
        return new NetworkConfig(hidden, activation, name, fourierFeatures, fourierScale, periodic);
    }

    /** Copy with m random Fourier features of frequency scale sigma (B ~ N(0, sigma^2), fixed by the seed). */
    public NetworkConfig fourierFeatures(int m, double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Fourier feature scale " + sigma + " must be a positive finite number");
        }
        return new NetworkConfig(hidden, activation, initializer, m, sigma, periodic);
    }

    /**
     * Copy with {@code input} embedded exactly periodically with period {@code period} and {@code harmonics}
     * harmonics (see {@link PeriodicInput}); the other inputs are passed through unless declared periodic too.
     * Periodic conditions on that input become redundant: the network meets them in every derivative.
     *
     * @throws IllegalArgumentException on a bad period or count, an input given twice, or Fourier features
     */
    public NetworkConfig periodic(String input, double period, int harmonics) {
        PeriodicInput added = new PeriodicInput(input, period, harmonics);
        for (PeriodicInput p : periodic) {
            if (p.input().equals(input)) {
                throw new IllegalArgumentException("input '" + input + "' is already declared periodic");
            }
        }
        List<PeriodicInput> all = new ArrayList<>(periodic);
        all.add(added);
        return new NetworkConfig(hidden, activation, initializer, fourierFeatures, fourierScale, all);
    }

    /** The periodic inputs, in the order they were declared (empty if none). */
    public List<PeriodicInput> periodicInputs() {
        return periodic;
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

    /**
     * The network spec for the named inputs, {@code outputs} outputs and the input box; the Fourier matrix is drawn
     * from rng.
     *
     * @throws IllegalArgumentException if a periodic input is not one of {@code inputs}
     */
    public NetworkSpec spec(List<String> inputs, int outputs, double[] lower, double[] upper, SplittableRandom rng) {
        NetworkSpec spec = spec(inputs.size(), outputs, lower, upper, rng, false);
        if (periodic.isEmpty()) {
            return spec;
        }
        double[] periods = new double[inputs.size()];
        int[] harmonics = new int[inputs.size()];
        for (PeriodicInput p : periodic) {
            int i = inputs.indexOf(p.input());
            if (i < 0) {
                throw new IllegalArgumentException(
                        "periodic input '" + p.input() + "' is not one of the problem's inputs " + inputs);
            }
            periods[i] = p.period();
            harmonics[i] = p.harmonics();
        }
        return spec.withPeriodicInputs(periods, harmonics);
    }

    /**
     * The network spec for the given input count, outputs and input box; the Fourier matrix is drawn from rng.
     *
     * @throws IllegalStateException if periodic inputs are declared: they need the inputs' names
     */
    public NetworkSpec spec(int inputs, int outputs, double[] lower, double[] upper, SplittableRandom rng) {
        return spec(inputs, outputs, lower, upper, rng, true);
    }

    private NetworkSpec spec(
            int inputs, int outputs, double[] lower, double[] upper, SplittableRandom rng, boolean unnamed) {
        if (unnamed && !periodic.isEmpty()) {
            throw new IllegalStateException("periodic inputs " + periodic + " need the inputs' names");
        }
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
                + (fourierFeatures > 0 ? " fourier " + fourierFeatures + "x" + fourierScale : "")
                + periodic.stream()
                        .map(p -> " periodic " + p.input() + " " + p.period() + "x" + p.harmonics())
                        .reduce("", String::concat);
    }
}
