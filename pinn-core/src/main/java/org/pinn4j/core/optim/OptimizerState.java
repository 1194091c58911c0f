package org.pinn4j.core.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The complete, exportable state of an optimizer or a learning-rate schedule, for checkpoints.
 *
 * <p>{@code kind} names the method (e.g. {@code "adam"}); {@code counters} hold step counts and
 * similar integers; {@code scalars} hold hyperparameters (checked on import) and scalar state;
 * {@code arrays} hold per-parameter state such as moment estimates. All maps keep insertion order;
 * arrays are deep-copied on construction and on {@link #array(String)}, so a state is an immutable
 * snapshot. Serialising it (e.g. with Jackson) is the checkpoint writer's job.
 *
 * @param kind method name
 * @param counters integer state by name
 * @param scalars hyperparameters and scalar state by name
 * @param arrays array state by name
 */
public record OptimizerState(
        String kind, Map<String, Long> counters, Map<String, Double> scalars, Map<String, double[]> arrays) {

    /** Validates and deep-copies the components. */
    public OptimizerState {
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("OptimizerState: kind must be a non-empty name");
        }
        counters = copyBoxed(kind, "counters", counters);
        scalars = copyBoxed(kind, "scalars", scalars);
        Map<String, double[]> a = new LinkedHashMap<>();
        if (arrays != null) {
            for (Map.Entry<String, double[]> e : arrays.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException(
                            "OptimizerState(" + kind + "): array entries need a non-null name and array");
                }
                a.put(e.getKey(), e.getValue().clone());
            }
        }
        arrays = Collections.unmodifiableMap(a);
    }

    private static <T> Map<String, T> copyBoxed(String kind, String what, Map<String, T> in) {
        Map<String, T> out = new LinkedHashMap<>();
        if (in != null) {
            for (Map.Entry<String, T> e : in.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException(
                            "OptimizerState(" + kind + "): " + what + " entries need a non-null name and value");
                }
                out.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Returns a deep copy of the array state (the arrays inside this record are never exposed). */
    @Override
    public Map<String, double[]> arrays() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            copy.put(e.getKey(), e.getValue().clone());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Returns the named counter, failing with a clear message if it is absent. */
    public long counter(String name) {
        Long v = counters.get(name);
        if (v == null) {
            throw new IllegalArgumentException(
                    "OptimizerState(" + kind + "): missing counter '" + name + "', present: " + counters.keySet());
        }
        return v;
    }

    /** Returns the named scalar, failing with a clear message if it is absent. */
    public double scalar(String name) {
        Double v = scalars.get(name);
        if (v == null) {
            throw new IllegalArgumentException(
                    "OptimizerState(" + kind + "): missing scalar '" + name + "', present: " + scalars.keySet());
        }
        return v;
    }

    /** Returns a copy of the named array, failing with a clear message if it is absent. */
    public double[] array(String name) {
        double[] v = arrays.get(name);
        if (v == null) {
            throw new IllegalArgumentException(
                    "OptimizerState(" + kind + "): missing array '" + name + "', present: " + arrays.keySet());
        }
        return v.clone();
    }

    /**
     * Fails unless this state is of the given kind and its hyperparameters equal the given ones
     * exactly (a checkpoint must be resumed with the settings it was written with).
     */
    public void requireCompatible(String expectedKind, Map<String, Double> hyperparameters) {
        if (!kind.equals(expectedKind)) {
            throw new IllegalArgumentException(
                    "OptimizerState: cannot import state of kind '" + kind + "' into '" + expectedKind + "'");
        }
        for (Map.Entry<String, Double> e : hyperparameters.entrySet()) {
            double saved = scalar(e.getKey());
            if (Double.compare(saved, e.getValue()) != 0) {
                throw new IllegalArgumentException("OptimizerState(" + kind + "): state was exported with " + e.getKey()
                        + "=" + saved + " but this instance has " + e.getKey() + "=" + e.getValue());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerState other)) {
            return false;
        }
        if (!kind.equals(other.kind)
                || !counters.equals(other.counters)
                || !scalars.equals(other.scalars)
                || !arrays.keySet().equals(other.arrays.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), other.arrays.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(kind, counters, scalars);
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            h = 31 * h + e.getKey().hashCode() + java.util.Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OptimizerState[kind=")
                .append(kind)
                .append(", counters=")
                .append(counters)
                .append(", scalars=")
                .append(scalars)
                .append(", arrays={");
        String sep = "";
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            sb.append(sep)
                    .append(e.getKey())
                    .append(": double[")
                    .append(e.getValue().length)
                    .append(']');
            sep = ", ";
        }
        return sb.append("}]").toString();
    }
}
