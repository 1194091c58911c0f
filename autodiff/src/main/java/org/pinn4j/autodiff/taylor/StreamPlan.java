package org.pinn4j.autodiff.taylor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The set of derivative streams propagated through a network, planned once per problem from what a
 * residual asks for.
 *
 * <p>The requested multi-indices are closed downward (u_xx needs u_x and u), because an elementwise
 * activation's Taylor rule for a multi-index uses every sub-multi-index: by the multivariate Faà di
 * Bruno formula, for y = f(z),
 * <pre>  y_alpha = sum over set partitions pi of alpha's positions of f^(|pi|)(z) * prod_{B in pi} z_B</pre>
 * (e.g. y_xx = f'' z_x^2 + f' z_xx). The plan enumerates those partitions once and merges equal terms,
 * so the hot loop only multiplies stored arrays. Stream 0 is always the value. Immutable.
 */
public final class StreamPlan {
    private final int inputs;
    private final List<MultiIndex> streams;
    private final Map<MultiIndex, Integer> index;
    private final int maxOrder;
    private final Term[][] rules;

    /** One term of a Faà di Bruno rule: coefficient * f^(order)(z) * prod of factor streams. */
    public static final class Term {
        private final double coefficient;
        private final int[] factors;

        Term(double coefficient, int[] factors) {
            this.coefficient = coefficient;
            this.factors = factors;
        }

        /** Integer multiplicity of this term. */
        public double coefficient() {
            return coefficient;
        }

        /** Derivative order of the activation in this term (= number of factors). */
        public int order() {
            return factors.length;
        }

        /** Stream indices of the factors z_B, sorted. */
        public int[] factors() {
            return factors.clone();
        }

        int factor(int j) {
            return factors[j];
        }
    }

    private StreamPlan(int inputs, List<MultiIndex> streams) {
        this.inputs = inputs;
        this.streams = Collections.unmodifiableList(streams);
        this.index = new LinkedHashMap<>();
        int max = 0;
        for (int s = 0; s < streams.size(); s++) {
            index.put(streams.get(s), s);
            max = Math.max(max, streams.get(s).order());
        }
        this.maxOrder = max;
        this.rules = new Term[streams.size()][];
        for (int s = 0; s < streams.size(); s++) {
            rules[s] = faaDiBruno(streams.get(s));
        }
    }

    /**
     * Plans the streams needed for the requested derivatives of a network with {@code inputs} inputs.
     *
     * @throws IllegalArgumentException if a request has the wrong number of inputs or an order above
     *     {@link org.pinn4j.autodiff.Activation#MAX_ORDER} - 1
     */
    public static StreamPlan of(int inputs, Collection<MultiIndex> requested) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input; got " + inputs);
        }
        TreeSet<MultiIndex> closed = new TreeSet<>();
        closed.add(MultiIndex.value(inputs));
        for (MultiIndex m : requested) {
            if (m.inputs() != inputs) {
                throw new IllegalArgumentException(
                        "derivative " + m + " refers to " + m.inputs() + " inputs; the network has " + inputs);
            }
            if (m.order() >= org.pinn4j.autodiff.Activation.MAX_ORDER) {
                throw new IllegalArgumentException("derivative " + m + " has order " + m.order() + "; at most "
                        + (org.pinn4j.autodiff.Activation.MAX_ORDER - 1) + " is supported");
            }
            addClosure(m, closed);
        }
        return new StreamPlan(inputs, new ArrayList<>(closed));
    }

    /** Convenience: plan from multi-indices given as count arrays. */
    public static StreamPlan of(int inputs, MultiIndex... requested) {
        return of(inputs, Arrays.asList(requested));
    }

    private static void addClosure(MultiIndex m, TreeSet<MultiIndex> out) {
        if (!out.add(m)) {
            return;
        }
        int[] c = m.counts();
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 0) {
                c[i]--;
                addClosure(MultiIndex.of(c), out);
                c[i]++;
            }
        }
    }

    /** Number of network inputs. */
    public int inputs() {
        return inputs;
    }

    /** Number of streams (including the value stream 0). */
    public int size() {
        return streams.size();
    }

    /** Highest derivative order in the plan. */
    public int maxOrder() {
        return maxOrder;
    }

    /** The streams in order (stream 0 is the value). */
    public List<MultiIndex> streams() {
        return streams;
    }

    /** Stream index of a multi-index. */
    public int indexOf(MultiIndex m) {
        Integer s = index.get(m);
        if (s == null) {
            throw new IllegalArgumentException(
                    "derivative " + m + " is not in this plan " + streams + "; add it to the requested derivatives");
        }
        return s;
    }

    /** True if the multi-index is propagated. */
    public boolean contains(MultiIndex m) {
        return index.containsKey(m);
    }

    /** Stream index of the first derivative in input {@code i}, or -1 if not planned. */
    public int firstDerivativeStream(int i) {
        Integer s = index.get(MultiIndex.ofVariables(inputs, i));
        return s == null ? -1 : s;
    }

    /** The Faà di Bruno terms of stream {@code s} (empty for the value stream). */
    public List<Term> rule(int s) {
        return Collections.unmodifiableList(Arrays.asList(rules[s]));
    }

    Term[] rulesOf(int s) {
        return rules[s];
    }

    private Term[] faaDiBruno(MultiIndex alpha) {
        if (alpha.order() == 0) {
            return new Term[0];
        }
        int[] positions = alpha.positions();
        Map<String, double[]> coefficients = new LinkedHashMap<>();
        Map<String, int[]> factorsByKey = new LinkedHashMap<>();
        int[] blockOf = new int[positions.length];
        enumeratePartitions(positions, blockOf, 0, 0, coefficients, factorsByKey);
        List<Term> terms = new ArrayList<>();
        for (Map.Entry<String, int[]> e : factorsByKey.entrySet()) {
            terms.add(new Term(coefficients.get(e.getKey())[0], e.getValue()));
        }
        terms.sort((a, b) -> Integer.compare(a.order(), b.order()));
        return terms.toArray(new Term[0]);
    }

    /** Restricted-growth enumeration of set partitions of the positions. */
    private void enumeratePartitions(
            int[] positions,
            int[] blockOf,
            int next,
            int blocks,
            Map<String, double[]> coefficients,
            Map<String, int[]> factorsByKey) {
        if (next == positions.length) {
            int[][] counts = new int[blocks][inputs];
            for (int p = 0; p < positions.length; p++) {
                counts[blockOf[p]][positions[p]]++;
            }
            int[] factors = new int[blocks];
            for (int b = 0; b < blocks; b++) {
                factors[b] = indexOf(MultiIndex.of(counts[b]));
            }
            Arrays.sort(factors);
            String key = Arrays.toString(factors);
            coefficients.computeIfAbsent(key, k -> new double[1])[0] += 1.0;
            factorsByKey.putIfAbsent(key, factors);
            return;
        }
        for (int b = 0; b <= blocks; b++) {
            blockOf[next] = b;
            enumeratePartitions(positions, blockOf, next + 1, Math.max(blocks, b + 1), coefficients, factorsByKey);
        }
    }

    @Override
    public String toString() {
        return "StreamPlan" + streams;
    }
}
