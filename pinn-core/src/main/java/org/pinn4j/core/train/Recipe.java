package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.pinn4j.core.nn.NetworkConfig;

/**
 * Everything that decides a training run besides the problem: network, phases, seed, thread count,
 * sampler, point counts per condition and tile size. Immutable; {@code with...} methods return copies.
 */
public final class Recipe {
    /** The fields of a recipe, copied and changed by the {@code with...} methods. */
    private static final class Fields implements Cloneable {
        NetworkConfig network;
        List<Phase> phases;
        long seed;
        int threads;
        String sampler;
        int tileSize;
        int logEvery;
        int annealEvery;
        double annealAlpha;
        /** The model a run starts from instead of the seed's initialisation, or null. */
        Start start;

        Fields copy() {
            try {
                return (Fields) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Fields f;

    private Recipe(Fields f) {
        if (f.network == null) {
            throw new IllegalArgumentException("recipe needs a network configuration");
        }
        if (f.phases.isEmpty()) {
            throw new IllegalArgumentException("recipe needs at least one training phase, e.g. Phase.adam(1000, 1e-3)");
        }
        if (f.threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1; got " + f.threads);
        }
        if (f.tileSize < 1) {
            throw new IllegalArgumentException("tile size must be >= 1; got " + f.tileSize);
        }
        if (f.annealEvery < 0 || !(f.annealAlpha >= 0 && f.annealAlpha <= 1)) {
            throw new IllegalArgumentException(
                    "adaptive weighting needs every >= 0 (0 = off) and 0 <= alpha <= 1; got every " + f.annealEvery
                            + ", alpha " + f.annealAlpha);
        }
        f.phases = List.copyOf(f.phases);
        this.f = f;
    }

    private Recipe with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new Recipe(copy);
    }

    /**
     * A recipe with the given network and phases; seed 0, one thread per available processor (results do not
     * depend on it), uniform sampler, tiles of 64, progress every 100 steps, no adaptive weights.
     */
    public static Recipe of(NetworkConfig network, Phase... phases) {
        Fields f = new Fields();
        f.network = network;
        f.phases = List.of(phases);
        f.threads = Runtime.getRuntime().availableProcessors();
        f.sampler = "uniform";
        f.tileSize = 64;
        f.logEvery = 100;
        return new Recipe(f);
    }

    /** Copy with another seed. */
    public Recipe withSeed(long s) {
        return with(c -> c.seed = s);
    }

    /** Copy with another thread count (results do not depend on it). */
    public Recipe withThreads(int t) {
        return with(c -> c.threads = t);
    }

    /** Copy with another sampler name (uniform, grid, lhs, sobol, halton). */
    public Recipe withSampler(String name) {
        org.pinn4j.core.sampling.Samplers.create(name, 0L); // rejects an unknown name now, listing the valid ones
        return with(c -> c.sampler = name);
    }

    /** Copy with another tile size (points per cache tile). */
    public Recipe withTileSize(int t) {
        return with(c -> c.tileSize = t);
    }

    /** Copy with other phases. */
    public Recipe withPhases(Phase... p) {
        return with(c -> c.phases = List.of(p));
    }

    /** Copy with another network. */
    public Recipe withNetwork(NetworkConfig n) {
        return with(c -> c.network = n);
    }

    /** Copy with another progress interval in steps. */
    public Recipe withLogEvery(int steps) {
        return with(c -> c.logEvery = steps);
    }

    /**
     * Copy with learning-rate-annealing weights (Wang, Teng and Perdikaris 2021): every {@code every}
     * first-order steps, each condition after the first gets the weight
     * max|grad of the first condition's loss| / mean|grad of its loss|, smoothed with factor alpha; the
     * first condition (the PDE residual) keeps its weight. 0 turns it off.
     */
    public Recipe withAdaptiveWeights(int every, double alpha) {
        return with(c -> {
            c.annealEvery = every;
            c.annealAlpha = alpha;
        });
    }

    /**
     * Copy that starts training from {@code model}'s network and parameters (its coefficients included) instead of
     * initialising a network from the seed: a warm start, or a run continued from a saved model. The seed still
     * draws the collocation points. The model's network must have the shape this recipe's network gives the
     * problem (widths, activations, input features), and its coefficients the problem's names; the trainer refuses
     * anything else in one message. The model's input scaling is kept, so the start is the model's function even on
     * a problem with another domain (the next of a run's time windows).
     *
     * @throws IllegalArgumentException if model is null
     */
    public Recipe startFrom(PinnModel model) {
        if (model == null) {
            throw new IllegalArgumentException("startFrom: model must be non-null");
        }
        Start start = new Start(model, fingerprint(model));
        return with(c -> c.start = start);
    }

    /**
     * Copy whose start is known only by its {@link #startFingerprint() fingerprint}, as a model file or checkpoint
     * records it: equal to the recipe that started from that model, so a checkpoint can be compared with the run
     * resuming it, but a trainer refuses to start from it.
     */
    public Recipe startFromRecorded(String fingerprint) {
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("startFromRecorded: fingerprint must be non-blank");
        }
        Start start = new Start(null, fingerprint);
        return with(c -> c.start = start);
    }

    /** The model training starts from, if it was given ({@link #startFrom}); empty for a recorded start. */
    public Optional<PinnModel> startModel() {
        return f.start == null ? Optional.empty() : Optional.ofNullable(f.start.model());
    }

    /**
     * SHA-256 (first 16 hex digits) of the start model's network shape and parameter bits, or empty when training
     * starts from the seed's initialisation.
     */
    public Optional<String> startFingerprint() {
        return f.start == null ? Optional.empty() : Optional.of(f.start.fingerprint());
    }

    /** A start model (null when only recorded) and its fingerprint. */
    private record Start(PinnModel model, String fingerprint) {}

    private static String fingerprint(PinnModel model) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(model.spec().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer bits = java.nio.ByteBuffer.allocate(8 * model.parameters().length);
            for (double v : model.parameters()) {
                bits.putLong(Double.doubleToRawLongBits(v));
            }
            sha.update(bits.array());
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Steps between adaptive weight updates (0 = off). */
    public int annealEvery() {
        return f.annealEvery;
    }

    /** Smoothing factor of adaptive weights. */
    public double annealAlpha() {
        return f.annealAlpha;
    }

    /** Network configuration. */
    public NetworkConfig network() {
        return f.network;
    }

    /** Phases in order. */
    public List<Phase> phases() {
        return new ArrayList<>(f.phases);
    }

    /** Seed of everything random. */
    public long seed() {
        return f.seed;
    }

    /** Worker threads. */
    public int threads() {
        return f.threads;
    }

    /** Sampler name. */
    public String sampler() {
        return f.sampler;
    }

    /** Points per tile. */
    public int tileSize() {
        return f.tileSize;
    }

    /** Steps between progress reports. */
    public int logEvery() {
        return f.logEvery;
    }

    /**
     * The first setting that decides the result in which {@code other} differs from this recipe, as "name: this
     * value vs other value", or empty when none does. The thread count and the progress interval do not decide
     * the result and are not compared; phases are compared with {@link Phase#firstDifference}.
     */
    public Optional<String> firstDifference(Recipe other) {
        Object[][] fields = {
            {"network", f.network.toString(), other.f.network.toString()},
            {"seed", f.seed, other.f.seed},
            {"sampler", f.sampler, other.f.sampler},
            {"tile size", f.tileSize, other.f.tileSize},
            {"adaptive weights every", f.annealEvery, other.f.annealEvery},
            {"adaptive weights alpha", f.annealAlpha, other.f.annealAlpha},
            {
                "start model",
                startFingerprint().orElse("none"),
                other.startFingerprint().orElse("none")
            },
            {"number of phases", f.phases.size(), other.f.phases.size()}
        };
        for (Object[] field : fields) {
            if (!Objects.equals(field[1], field[2])) {
                return Optional.of(field[0] + ": " + field[1] + " vs " + field[2]);
            }
        }
        for (int i = 0; i < f.phases.size(); i++) {
            Optional<String> d = f.phases.get(i).firstDifference(other.f.phases.get(i));
            if (d.isPresent()) {
                return Optional.of("phase " + (i + 1) + " " + d.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Equal when {@link #firstDifference} finds no difference: the same result, whatever the thread counts and
     * progress intervals.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Recipe r && firstDifference(r).isEmpty();
    }

    @Override
    public int hashCode() {
        return Objects.hash(f.network.toString(), f.phases, f.seed, f.sampler, f.tileSize, f.annealEvery);
    }

    /** Every setting but the thread count and progress interval. */
    @Override
    public String toString() {
        return "network " + f.network + ", phases " + f.phases + ", seed " + f.seed + ", sampler " + f.sampler
                + (f.annealEvery > 0
                        ? ", adaptive weights every " + f.annealEvery + " (alpha " + f.annealAlpha + ")"
                        : "")
                + (f.start != null ? ", starting from model " + f.start.fingerprint() : "");
    }
}
