package org.pinn4j.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.autodiff.taylor.NetworkSpec.InputFactor;
import org.pinn4j.core.nn.init.Initializers;
import org.pinn4j.core.nn.init.WeightInitializer;

/**
 * Architecture of the MLP a problem is solved with: hidden widths, activation, weight initializer
 * (biases start at zero) and optional input features: random Fourier features, or declared input maps (exactly
 * periodic inputs, polar coordinates, sines of multiples: {@link InputMap}). Immutable; defaults are tanh and
 * Xavier-normal weights.
 */
public final class NetworkConfig {
    private final int[] hidden;
    private final Activation activation;
    private final String initializer;
    private final int fourierFeatures;
    private final double fourierScale;
    private final List<InputMap> maps;

    /**
     * A declared map of some of the network's inputs to the features its first layer sees; inputs no map names
     * enter scaled to [-1, 1], as usual. Records hold the inputs by name, as the problem declares them.
     */
    public sealed interface InputMap permits Periodic, Polar, Sines {
        /** The inputs the map replaces. */
        List<String> inputs();
    }

    /**
     * Exactly periodic: the network sees cos and sin of 2 pi k x / period, k = 1 .. harmonics, instead of x, so it
     * and all its derivatives repeat with that period in x.
     *
     * @param input the input's name
     * @param period P &gt; 0, in the input's own units
     * @param harmonics K &gt;= 1
     */
    public record Periodic(String input, double period, int harmonics) implements InputMap {
        /** Checks the values. */
        public Periodic {
            requireName(input);
            if (!(period > 0) || Double.isInfinite(period)) {
                throw new IllegalArgumentException(
                        "period of input '" + input + "' must be a positive finite number; got " + period);
            }
            if (harmonics < 1) {
                throw new IllegalArgumentException(
                        "periodic input '" + input + "' needs at least one harmonic; got " + harmonics);
            }
        }

        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * Polar coordinates to Cartesian: (r, theta) -&gt; (r cos theta, r sin theta), theta in radians.
     *
     * @param radius the radius input's name
     * @param angle the angle input's name
     */
    public record Polar(String radius, String angle) implements InputMap {
        /** Checks the values. */
        public Polar {
            requireName(radius);
            requireName(angle);
            if (radius.equals(angle)) {
                throw new IllegalArgumentException("polar map: radius and angle are both '" + radius + "'");
            }
        }

        @Override
        public List<String> inputs() {
            return List.of(radius, angle);
        }
    }

    /**
     * Sines of multiples: x -&gt; sin(k omega x), k = 1 .. harmonics (e.g. t -&gt; sin(k t) for a solution that is
     * odd and periodic in t).
     *
     * @param input the input's name
     * @param harmonics K &gt;= 1
     * @param omega the base angular frequency, finite and nonzero
     */
    public record Sines(String input, int harmonics, double omega) implements InputMap {
        /** Checks the values. */
        public Sines {
            requireName(input);
            if (harmonics < 1 || !Double.isFinite(omega) || omega == 0) {
                throw new IllegalArgumentException("sines of input '" + input + "' need harmonics >= 1 and a finite"
                        + " nonzero frequency; got " + harmonics + " and " + omega);
            }
        }

        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    private static void requireName(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("an input map needs the input's name");
        }
    }

    private NetworkConfig(
            int[] hidden,
            Activation activation,
            String initializer,
            int fourierFeatures,
            double fourierScale,
            List<InputMap> maps) {
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
        this.maps = List.copyOf(maps);
        if (fourierFeatures > 0 && !maps.isEmpty()) {
            throw new IllegalArgumentException(
                    "a network has either random Fourier features or input maps (periodic, polar, sines), not both");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (InputMap m : maps) {
            for (String input : m.inputs()) {
                if (!seen.add(input)) {
                    throw new IllegalArgumentException("input '" + input + "' is mapped twice; each input takes one"
                            + " map (periodic, polar or sines)");
                }
            }
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

    /**
     * Copy with other hidden widths (activation, initializer, Fourier features and input maps kept).
     *
     * @throws IllegalArgumentException if no width is given or one is below 1
     */
    public NetworkConfig hiddenWidths(int... widths) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("give at least one hidden layer width");
        }
        return new NetworkConfig(widths, activation, initializer, fourierFeatures, fourierScale, maps);
    }

    /** Copy with another hidden activation. */
    public NetworkConfig activation(Activation a) {
        return new NetworkConfig(hidden, a, initializer, fourierFeatures, fourierScale, maps);
    }

    /** Copy with another weight initializer (a name accepted by {@link Initializers#byName}). */
    public NetworkConfig initializer(String name) {
        return new NetworkConfig(hidden, activation, name, fourierFeatures, fourierScale, maps);
    }

    /** Copy with m random Fourier features of frequency scale sigma (B ~ N(0, sigma^2), fixed by the seed). */
    public NetworkConfig fourierFeatures(int m, double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Fourier feature scale " + sigma + " must be a positive finite number");
        }
        return new NetworkConfig(hidden, activation, initializer, m, sigma, maps);
    }

    /**
     * Copy with {@code input} embedded exactly periodically ({@link Periodic}); periodic conditions on that input
     * become redundant: the network meets them in every derivative.
     *
     * @throws IllegalArgumentException on a bad period or count, an input mapped twice, or Fourier features
     */
    public NetworkConfig periodic(String input, double period, int harmonics) {
        return inputMap(new Periodic(input, period, harmonics));
    }

    /** Copy with one more input map ({@link Periodic}, {@link Polar} or {@link Sines}). */
    public NetworkConfig inputMap(InputMap map) {
        List<InputMap> all = new ArrayList<>(maps);
        all.add(java.util.Objects.requireNonNull(map, "input map"));
        return new NetworkConfig(hidden, activation, initializer, fourierFeatures, fourierScale, all);
    }

    /** The input maps, in the order they were declared (empty if none). */
    public List<InputMap> inputMaps() {
        return maps;
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
     * @throws IllegalArgumentException if a mapped input is not one of {@code inputs}
     */
    public NetworkSpec spec(List<String> inputs, int outputs, double[] lower, double[] upper, SplittableRandom rng) {
        NetworkSpec spec = spec(inputs.size(), outputs, lower, upper, rng, false);
        if (maps.isEmpty()) {
            return spec;
        }
        InputMap[] owner = new InputMap[inputs.size()];
        for (InputMap m : maps) {
            for (String name : m.inputs()) {
                int i = inputs.indexOf(name);
                if (i < 0) {
                    throw new IllegalArgumentException(
                            "mapped input '" + name + "' is not one of the problem's inputs " + inputs);
                }
                owner[i] = m;
            }
        }
        List<InputFactor[]> features = new ArrayList<>();
        for (int i = 0; i < owner.length; i++) {
            InputMap m = owner[i];
            if (m == null) {
                features.add(new InputFactor[] {new InputFactor(i, InputFactor.Kind.SCALED, 0)});
            } else if (inputs.indexOf(m.inputs().get(0)) == i) { // a map's features come at its first input
                features.addAll(features(m, inputs));
            }
        }
        return spec.withFeatures(features.toArray(new InputFactor[0][]));
    }

    private static List<InputFactor[]> features(InputMap map, List<String> inputs) {
        if (map instanceof Periodic p) {
            return NetworkSpec.periodicFactors(inputs.indexOf(p.input()), p.period(), p.harmonics());
        }
        if (map instanceof Polar p) {
            InputFactor radius = new InputFactor(inputs.indexOf(p.radius()), InputFactor.Kind.RAW, 0);
            int a = inputs.indexOf(p.angle());
            return List.of(
                    new InputFactor[] {radius, new InputFactor(a, InputFactor.Kind.COS, 1.0)},
                    new InputFactor[] {radius, new InputFactor(a, InputFactor.Kind.SIN, 1.0)});
        }
        Sines s = (Sines) map;
        List<InputFactor[]> list = new ArrayList<>();
        for (int k = 1; k <= s.harmonics(); k++) {
            list.add(new InputFactor[] {new InputFactor(inputs.indexOf(s.input()), InputFactor.Kind.SIN, k * s.omega())
            });
        }
        return list;
    }

    /**
     * The network spec for the given input count, outputs and input box; the Fourier matrix is drawn from rng.
     *
     * @throws IllegalStateException if input maps are declared: they need the inputs' names
     */
    public NetworkSpec spec(int inputs, int outputs, double[] lower, double[] upper, SplittableRandom rng) {
        return spec(inputs, outputs, lower, upper, rng, true);
    }

    private NetworkSpec spec(
            int inputs, int outputs, double[] lower, double[] upper, SplittableRandom rng, boolean unnamed) {
        if (unnamed && !maps.isEmpty()) {
            throw new IllegalStateException("input maps " + maps + " need the inputs' names");
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
                + maps.stream().map(m -> " " + m).reduce("", String::concat);
    }
}
