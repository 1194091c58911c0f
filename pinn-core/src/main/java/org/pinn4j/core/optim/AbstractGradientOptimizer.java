package org.pinn4j.core.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared bookkeeping for first-order optimizers: argument checks, lazy allocation of the named
 * per-parameter buffers, the step counter and state export/import.
 */
abstract class AbstractGradientOptimizer implements GradientOptimizer {

    private final String name;
    private final String[] bufferNames;
    /** Per-parameter state buffers, in the order of {@code bufferNames}; null before the first step. */
    protected double[][] buffers;
    /** Steps taken; incremented before {@link #update} so the first update sees 1. */
    protected long steps;

    private int dimension = -1;

    AbstractGradientOptimizer(String name, String... bufferNames) {
        this.name = name;
        this.bufferNames = bufferNames.clone();
    }

    /** Hyperparameters by name, recorded in the exported state and checked on import. */
    abstract Map<String, Double> hyperparameters();

    /** Performs the update of step number {@link #steps} (1-based) with buffers allocated. */
    abstract void update(double[] params, double[] grad, double learningRate);

    /** Builds an insertion-ordered map from alternating names and values. */
    static Map<String, Double> ordered(Object... namesAndValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], (Double) namesAndValues[i + 1]);
        }
        return m;
    }

    static double requireFinite(String owner, String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be finite, got " + value);
        }
        return value;
    }

    static double requireInOpenUnit(String owner, String what, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be in (0, 1), got " + value);
        }
        return value;
    }

    static double requireInHalfOpenUnit(String owner, String what, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be in [0, 1), got " + value);
        }
        return value;
    }

    static double requirePositive(String owner, String what, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be finite and > 0, got " + value);
        }
        return value;
    }

    static double requireNonNegative(String owner, String what, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    @Override
    public final void step(double[] params, double[] grad, double learningRate) {
        if (params == null || grad == null) {
            throw new IllegalArgumentException(name + ": params and grad must be non-null arrays (params "
                    + (params == null ? "null" : "ok") + ", grad " + (grad == null ? "null" : "ok") + ")");
        }
        if (params.length != grad.length) {
            throw new IllegalArgumentException(
                    name + ": grad length " + grad.length + " must equal params length " + params.length);
        }
        if (!(learningRate >= 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(name + ": learning rate must be finite and >= 0, got " + learningRate);
        }
        if (dimension < 0) {
            allocate(params.length);
        } else if (params.length != dimension) {
            throw new IllegalArgumentException(name + ": params length " + params.length + " differs from " + dimension
                    + " used in earlier steps (call reset() to start over with another size)");
        }
        steps++;
        update(params, grad, learningRate);
    }

    private void allocate(int n) {
        dimension = n;
        buffers = new double[bufferNames.length][n];
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long stepCount() {
        return steps;
    }

    @Override
    public final void reset() {
        steps = 0;
        dimension = -1;
        buffers = null;
    }

    @Override
    public final OptimizerState exportState() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("steps", steps);
        counters.put("dimension", (long) dimension);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        if (buffers != null) {
            for (int i = 0; i < bufferNames.length; i++) {
                arrays.put(bufferNames[i], buffers[i]);
            }
        }
        return new OptimizerState(name, counters, hyperparameters(), arrays);
    }

    @Override
    public final void importState(OptimizerState state) {
        if (state == null) {
            throw new IllegalArgumentException(name + ": state to import must not be null");
        }
        state.requireCompatible(name, hyperparameters());
        long savedSteps = state.counter("steps");
        long savedDim = state.counter("dimension");
        if (savedSteps < 0 || savedDim < -1 || savedDim > Integer.MAX_VALUE || (savedDim == -1 && savedSteps != 0)) {
            throw new IllegalArgumentException(
                    name + ": state has invalid steps " + savedSteps + " or dimension " + savedDim);
        }
        double[][] restored = null;
        if (savedDim >= 0) {
            restored = new double[bufferNames.length][];
            for (int i = 0; i < bufferNames.length; i++) {
                double[] a = state.array(bufferNames[i]);
                if (a.length != savedDim) {
                    throw new IllegalArgumentException(name + ": state array '" + bufferNames[i] + "' has length "
                            + a.length + ", expected dimension " + savedDim);
                }
                restored[i] = a;
            }
        }
        steps = savedSteps;
        dimension = (int) savedDim;
        buffers = restored;
    }

    @Override
    public String toString() {
        return name + hyperparameters();
    }
}
