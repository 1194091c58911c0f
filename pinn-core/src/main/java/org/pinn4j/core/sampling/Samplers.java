package org.pinn4j.core.sampling;

import java.util.List;
import java.util.Locale;

/** Creates samplers by name: {@code "uniform"}, {@code "grid"}, {@code "lhs"}, {@code "sobol"}, {@code "halton"}. */
public final class Samplers {

    private static final List<String> NAMES = List.of("uniform", "grid", "lhs", "sobol", "halton");

    private Samplers() {}

    /** @return the accepted names, in a fixed order */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A new sampler in its initial state.
     *
     * @param name one of {@link #names()} (case and surrounding blanks ignored)
     * @param seed seed of the pseudo-random samplers ("uniform", "lhs"); ignored by "grid", "sobol"
     *             and "halton", which are deterministic sequences
     * @return the sampler
     */
    public static Sampler create(String name, long seed) {
        if (name == null) {
            throw new IllegalArgumentException(
                    "Samplers.create: sampler name must not be null; expected one of " + NAMES);
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "uniform":
                return new UniformSampler(seed);
            case "grid":
                return new GridSampler();
            case "lhs":
                return new LatinHypercubeSampler(seed);
            case "sobol":
                return new SobolSampler();
            case "halton":
                return new HaltonSampler();
            default:
                throw new IllegalArgumentException(
                        "Samplers.create: unknown sampler '" + name + "'; expected one of " + String.join(", ", NAMES));
        }
    }
}
