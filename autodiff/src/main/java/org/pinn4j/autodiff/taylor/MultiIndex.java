package org.pinn4j.autodiff.taylor;

import java.util.Arrays;
import java.util.List;

/**
 * A partial derivative of a network output with respect to its inputs, as the number of times each
 * input is differentiated: for inputs (x, t), u_xx is {2, 0} and u_xt is {1, 1}; the value itself is
 * all zeros. Immutable.
 */
public final class MultiIndex implements Comparable<MultiIndex> {
    private final int[] counts;
    private final int order;

    private MultiIndex(int[] counts) {
        this.counts = counts;
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        this.order = sum;
    }

    /**
     * Multi-index from per-input differentiation counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public static MultiIndex of(int... counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(
                        "derivative count for input " + i + " is " + counts[i] + "; expected a count >= 0");
            }
        }
        return new MultiIndex(counts.clone());
    }

    /** The value (no derivative) for a network with {@code inputs} inputs. */
    public static MultiIndex value(int inputs) {
        return new MultiIndex(new int[inputs]);
    }

    /**
     * Multi-index of differentiating once with respect to each listed input index, e.g.
     * {@code ofVariables(2, 0, 0)} is the second derivative in input 0 of a 2-input network.
     */
    public static MultiIndex ofVariables(int inputs, int... variables) {
        int[] c = new int[inputs];
        for (int v : variables) {
            if (v < 0 || v >= inputs) {
                throw new IllegalArgumentException("input index " + v + " out of range; expected 0.." + (inputs - 1));
            }
            c[v]++;
        }
        return new MultiIndex(c);
    }

    /** Number of inputs this multi-index refers to. */
    public int inputs() {
        return counts.length;
    }

    /** Total derivative order (0 for the value). */
    public int order() {
        return order;
    }

    /** How many times input {@code i} is differentiated. */
    public int count(int i) {
        return counts[i];
    }

    /** Copy of the counts. */
    public int[] counts() {
        return counts.clone();
    }

    /** True if every count is &lt;= the other's count. */
    public boolean isBelowOrEqual(MultiIndex other) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > other.counts[i]) {
                return false;
            }
        }
        return true;
    }

    /** This multi-index with one more derivative in input {@code i}. */
    public MultiIndex plus(int i) {
        int[] c = counts.clone();
        c[i]++;
        return new MultiIndex(c);
    }

    /** The inputs differentiated, with repetition, in input order: {2, 1} gives [0, 0, 1]. */
    public int[] positions() {
        int[] pos = new int[order];
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                pos[k++] = i;
            }
        }
        return pos;
    }

    /** Readable name with the given input names, e.g. "u_xx" style suffix "xx"; "value" for order 0. */
    public String label(List<String> inputNames) {
        if (order == 0) {
            return "value";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                sb.append(inputNames.get(i));
            }
        }
        return sb.toString();
    }

    /** Orders by total order, then lexicographically by counts (descending in the first input). */
    @Override
    public int compareTo(MultiIndex o) {
        if (order != o.order) {
            return Integer.compare(order, o.order);
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != o.counts[i]) {
                return Integer.compare(o.counts[i], counts[i]);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiIndex && Arrays.equals(counts, ((MultiIndex) o).counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return Arrays.toString(counts);
    }
}
