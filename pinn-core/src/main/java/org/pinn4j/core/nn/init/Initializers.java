package org.pinn4j.core.nn.init;

import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Factory for the weight initialisers. Normal draws use {@link SplittableRandom#nextGaussian()};
 * the normal variants are untruncated (as in PyTorch).
 *
 * <table>
 *   <caption>Initialisers (n_in = fanIn, n_out = fanOut)</caption>
 *   <tr><th>name</th><th>distribution</th></tr>
 *   <tr><td>zero</td><td>0</td></tr>
 *   <tr><td>constant(c)</td><td>c</td></tr>
 *   <tr><td>uniform(a, b)</td><td>U(a, b)</td></tr>
 *   <tr><td>normal(mean, std)</td><td>N(mean, std^2)</td></tr>
 *   <tr><td>xavier-normal(gain)</td><td>N(0, gain^2 * 2 / (n_in + n_out))</td></tr>
 *   <tr><td>xavier-uniform(gain)</td><td>U(-L, L), L = gain * sqrt(6 / (n_in + n_out))</td></tr>
 *   <tr><td>he-normal</td><td>N(0, 2 / n_in)</td></tr>
 *   <tr><td>he-uniform</td><td>U(-L, L), L = sqrt(6 / n_in)</td></tr>
 *   <tr><td>orthogonal(gain)</td><td>gain * Q, Q with orthonormal rows (n_out &lt;= n_in) or
 *       columns (n_out > n_in), from the QR decomposition of a Gaussian matrix</td></tr>
 * </table>
 *
 * <p>{@link #byName(String)} accepts these names (glorot-* as aliases of xavier-*), optionally
 * with arguments in parentheses, e.g. {@code "uniform(-0.1, 0.1)"} or {@code "xavier-normal(1.5)"}.
 */
public final class Initializers {

    /** Names accepted by {@link #byName(String)}. */
    public static final String NAME_LIST = "zero, constant(c), uniform(a, b), normal(mean, std), "
            + "xavier-normal[(gain)], xavier-uniform[(gain)], glorot-normal[(gain)], "
            + "glorot-uniform[(gain)], he-normal, he-uniform, orthogonal[(gain)]";

    private Initializers() {}

    /** All zeros. */
    public static WeightInitializer zero() {
        return new Constant("zero", 0.0);
    }

    /** Every weight equal to {@code value} (finite). */
    public static WeightInitializer constant(double value) {
        return new Constant("constant", finite("constant", "value", value));
    }

    /** Uniform on [low, high) with {@code low < high}, both finite. */
    public static WeightInitializer uniform(double low, double high) {
        finite("uniform", "low", low);
        finite("uniform", "high", high);
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform initializer: low " + low + " must be < high " + high);
        }
        return new Uniform("uniform", low, high, false);
    }

    /** Normal with the given mean and standard deviation ({@code std >= 0}). */
    public static WeightInitializer normal(double mean, double std) {
        finite("normal", "mean", mean);
        nonNegative("normal", "std", std);
        return new Normal("normal", mean, std, false);
    }

    /** Xavier/Glorot normal with gain 1: variance {@code 2 / (fanIn + fanOut)}. */
    public static WeightInitializer xavierNormal() {
        return xavierNormal(1.0);
    }

    /** Xavier/Glorot normal: variance {@code gain^2 * 2 / (fanIn + fanOut)}. */
    public static WeightInitializer xavierNormal(double gain) {
        return new Normal("xavier-normal", 0.0, nonNegative("xavier-normal", "gain", gain), true);
    }

    /** Xavier/Glorot uniform with gain 1: bound {@code sqrt(6 / (fanIn + fanOut))}. */
    public static WeightInitializer xavierUniform() {
        return xavierUniform(1.0);
    }

    /** Xavier/Glorot uniform: bound {@code gain * sqrt(6 / (fanIn + fanOut))}. */
    public static WeightInitializer xavierUniform(double gain) {
        return new Uniform("xavier-uniform", 0.0, nonNegative("xavier-uniform", "gain", gain), true);
    }

    /** He (Kaiming) normal, fan-in mode, ReLU gain: variance {@code 2 / fanIn}. */
    public static WeightInitializer heNormal() {
        return new He("he-normal", false);
    }

    /** He (Kaiming) uniform, fan-in mode, ReLU gain: bound {@code sqrt(6 / fanIn)}. */
    public static WeightInitializer heUniform() {
        return new He("he-uniform", true);
    }

    /** Orthogonal with gain 1. */
    public static WeightInitializer orthogonal() {
        return orthogonal(1.0);
    }

    /**
     * Orthogonal (Saxe, McClelland and Ganguli 2014): {@code gain * Q} where Q comes from the QR
     * decomposition of a standard Gaussian matrix, with column signs fixed by {@code diag(R)} so Q
     * is uniformly (Haar) distributed. Rows are orthonormal when {@code fanOut <= fanIn}, columns
     * when {@code fanOut > fanIn}.
     */
    public static WeightInitializer orthogonal(double gain) {
        return new Orthogonal(nonNegative("orthogonal", "gain", gain));
    }

    /**
     * Builds an initialiser from its name and optional arguments (case-insensitive), e.g.
     * {@code "he-normal"}, {@code "constant(0.1)"}, {@code "normal(0, 0.05)"}.
     *
     * @throws IllegalArgumentException for an unknown name or wrong arguments, listing valid forms
     */
    public static WeightInitializer byName(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("Initializer name must be non-empty; valid names: " + NAME_LIST);
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String name = s;
        double[] args = new double[0];
        int open = s.indexOf('(');
        if (open >= 0) {
            if (!s.endsWith(")")) {
                throw new IllegalArgumentException(
                        "Initializer '" + spec + "': arguments must be written as name(a, b), e.g. uniform(-0.1, 0.1)");
            }
            name = s.substring(0, open).trim();
            String inner = s.substring(open + 1, s.length() - 1).trim();
            args = inner.isEmpty() ? new double[0] : parseArgs(spec, inner.split(","));
        }
        return switch (name) {
            case "zero", "zeros" -> {
                arity(spec, args, 0);
                yield zero();
            }
            case "constant" -> {
                arity(spec, args, 1);
                yield constant(args[0]);
            }
            case "uniform" -> {
                arity(spec, args, 2);
                yield uniform(args[0], args[1]);
            }
            case "normal" -> {
                arity(spec, args, 2);
                yield normal(args[0], args[1]);
            }
            case "xavier-normal", "glorot-normal" -> xavierNormal(gainArg(spec, args));
            case "xavier-uniform", "glorot-uniform" -> xavierUniform(gainArg(spec, args));
            case "he-normal", "kaiming-normal" -> {
                arity(spec, args, 0);
                yield heNormal();
            }
            case "he-uniform", "kaiming-uniform" -> {
                arity(spec, args, 0);
                yield heUniform();
            }
            case "orthogonal" -> orthogonal(gainArg(spec, args));
            default ->
                throw new IllegalArgumentException("Unknown initializer '" + spec + "'; valid names: " + NAME_LIST);
        };
    }

    /** Validates the common arguments of {@link WeightInitializer#initialize}; returns the count. */
    static int checkSlice(String name, double[] target, int offset, int fanIn, int fanOut, SplittableRandom rng) {
        if (target == null || rng == null) {
            throw new IllegalArgumentException(
                    name + " initializer: target array and random generator must be non-null");
        }
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException(
                    name + " initializer: fanIn " + fanIn + " and fanOut " + fanOut + " must be >= 1");
        }
        long count = (long) fanIn * (long) fanOut;
        if (offset < 0 || offset + count > target.length) {
            throw new IllegalArgumentException(name + " initializer: slice [" + offset + ", "
                    + (offset + count) + ") of a " + fanOut + "x" + fanIn
                    + " matrix does not fit in an array of length " + target.length);
        }
        return (int) count;
    }

    private static double[] parseArgs(String spec, String[] parts) {
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Initializer '" + spec + "': argument '" + parts[i].trim() + "' is not a number", e);
            }
        }
        return out;
    }

    private static void arity(String spec, double[] args, int expected) {
        if (args.length != expected) {
            throw new IllegalArgumentException("Initializer '" + spec + "' takes " + expected + " argument(s), got "
                    + args.length + "; valid forms: " + NAME_LIST);
        }
    }

    private static double gainArg(String spec, double[] args) {
        if (args.length > 1) {
            throw new IllegalArgumentException(
                    "Initializer '" + spec + "' takes at most one argument (the gain), got " + args.length);
        }
        return args.length == 0 ? 1.0 : args[0];
    }

    private static double finite(String owner, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(owner + " initializer: " + what + " must be finite, got " + v);
        }
        return v;
    }

    private static double nonNegative(String owner, String what, double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(owner + " initializer: " + what + " must be finite and >= 0, got " + v);
        }
        return v;
    }

    private record Constant(String name, double value) implements WeightInitializer {
        @Override
        public void initialize(double[] target, int offset, int fanIn, int fanOut, SplittableRandom rng) {
            int count = checkSlice(name, target, offset, fanIn, fanOut, rng);
            java.util.Arrays.fill(target, offset, offset + count, value);
        }
    }

    /** Uniform on [a, b); when {@code xavier}, a = -b = gain * sqrt(6 / (fanIn + fanOut)). */
    private record Uniform(String name, double a, double b, boolean xavier) implements WeightInitializer {
        @Override
        public void initialize(double[] target, int offset, int fanIn, int fanOut, SplittableRandom rng) {
            int count = checkSlice(name, target, offset, fanIn, fanOut, rng);
            double low = a;
            double high = b;
            if (xavier) {
                high = b * Math.sqrt(6.0 / ((double) fanIn + fanOut));
                low = -high;
            }
            fillUniform(target, offset, count, low, high, rng);
        }
    }

    /** Normal(mean, std); when {@code xavier}, std = gain * sqrt(2 / (fanIn + fanOut)). */
    private record Normal(String name, double mean, double std, boolean xavier) implements WeightInitializer {
        @Override
        public void initialize(double[] target, int offset, int fanIn, int fanOut, SplittableRandom rng) {
            int count = checkSlice(name, target, offset, fanIn, fanOut, rng);
            double sd = xavier ? std * Math.sqrt(2.0 / ((double) fanIn + fanOut)) : std;
            fillNormal(target, offset, count, mean, sd, rng);
        }
    }

    private record He(String name, boolean uniform) implements WeightInitializer {
        @Override
        public void initialize(double[] target, int offset, int fanIn, int fanOut, SplittableRandom rng) {
            int count = checkSlice(name, target, offset, fanIn, fanOut, rng);
            if (uniform) {
                double bound = Math.sqrt(6.0 / fanIn);
                fillUniform(target, offset, count, -bound, bound, rng);
            } else {
                fillNormal(target, offset, count, 0.0, Math.sqrt(2.0 / fanIn), rng);
            }
        }
    }

    private record Orthogonal(double gain) implements WeightInitializer {
        @Override
        public String name() {
            return "orthogonal";
        }

        @Override
        public void initialize(double[] target, int offset, int fanIn, int fanOut, SplittableRandom rng) {
            checkSlice("orthogonal", target, offset, fanIn, fanOut, rng);
            int rows = fanOut;
            int cols = fanIn;
            // Draw the Gaussian matrix in the layout of W, then work on its tall orientation.
            boolean wide = rows < cols;
            int tallRows = wide ? cols : rows;
            int tallCols = wide ? rows : cols;
            double[][] a = new double[tallRows][tallCols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double z = rng.nextGaussian();
                    if (wide) {
                        a[c][r] = z;
                    } else {
                        a[r][c] = z;
                    }
                }
            }
            QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(a, false));
            RealMatrix q = qr.getQ();
            RealMatrix rr = qr.getR();
            for (int j = 0; j < tallCols; j++) {
                // Multiply column j by sign(R_jj) so Q is Haar-distributed (R_jj == 0 has probability 0).
                double sign = rr.getEntry(j, j) < 0.0 ? -gain : gain;
                for (int i = 0; i < tallRows; i++) {
                    double v = sign * q.getEntry(i, j);
                    if (wide) {
                        target[offset + j * cols + i] = v; // W = Q^T
                    } else {
                        target[offset + i * cols + j] = v;
                    }
                }
            }
        }
    }

    private static void fillUniform(
            double[] target, int offset, int count, double low, double high, SplittableRandom rng) {
        if (!(low < high)) {
            java.util.Arrays.fill(target, offset, offset + count, low); // zero gain: empty interval
            return;
        }
        for (int i = 0; i < count; i++) {
            target[offset + i] = rng.nextDouble(low, high);
        }
    }

    private static void fillNormal(
            double[] target, int offset, int count, double mean, double std, SplittableRandom rng) {
        for (int i = 0; i < count; i++) {
            target[offset + i] = mean + std * rng.nextGaussian();
        }
    }
}
