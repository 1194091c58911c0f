package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.MultiIndex;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.problem.Problem;

/**
 * A trained network with its problem: predicts the outputs (after the output transform) and any
 * expression of them, e.g. a derivative, on new points. Immutable and safe to use from several threads
 * (each call uses its own buffers).
 */
public final class PinnModel {
    private final Problem problem;
    private final NetworkSpec spec;
    private final double[] parameters;
    private final Recipe recipe;

    /** A model of {@code problem} with network {@code spec} and parameters (network then coefficients). */
    public PinnModel(Problem problem, NetworkSpec spec, double[] parameters, Recipe recipe) {
        if (parameters.length != spec.parameterCount() + problem.coefficients().size()) {
            throw new IllegalArgumentException(
                    "model has " + parameters.length + " parameters; the network and coefficients need "
                            + (spec.parameterCount() + problem.coefficients().size()));
        }
        this.problem = problem;
        this.spec = spec;
        this.parameters = parameters.clone();
        this.recipe = recipe;
    }

    /** The problem. */
    public Problem problem() {
        return problem;
    }

    /** The network shape and input scaling. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The recipe it was trained with (null for a model file written before recipes were recorded). */
    public Recipe recipe() {
        return recipe;
    }

    /** Copy of all parameters (network, then coefficients). */
    public double[] parameters() {
        return parameters.clone();
    }

    /** Identified coefficients by name. */
    public Map<String, Double> coefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> names = problem.coefficientNames();
        for (int k = 0; k < names.size(); k++) {
            m.put(names.get(k), parameters[spec.parameterCount() + k] * problem.coefficientScale(names.get(k)));
        }
        return m;
    }

    /**
     * Every output at the given points (feature-major, {@code points[i][p]}); returns {@code [output][point]}.
     */
    public double[][] predict(double[][] points) {
        List<String> outs = problem.outputs();
        return evaluate(points, s -> {
            List<Field> f = new ArrayList<>();
            for (String o : outs) {
                f.add(s.output(o));
            }
            return f;
        });
    }

    /**
     * Any expressions of the model at the given points (e.g. {@code s -> List.of(s.output("V").d("S"))} for
     * a Greek); returns {@code [expression][point]}.
     */
    public double[][] evaluate(double[][] points, java.util.function.Function<Scope, List<Field>> expressions) {
        int d = spec.inputs();
        if (points == null || points.length != d) {
            throw new IllegalArgumentException("points must have " + d + " coordinate arrays (" + problem.inputs()
                    + "); got " + (points == null ? "none" : points.length));
        }
        for (int i = 0; i < d; i++) {
            if (points[i] == null) {
                throw new IllegalArgumentException("points: coordinate array " + i + " ("
                        + problem.inputs().get(i) + ") is missing; expected double[" + d + "][n]");
            }
        }
        int n = points[0].length;
        for (int i = 1; i < d; i++) {
            if (points[i].length != n) {
                throw new IllegalArgumentException(
                        "coordinate arrays have different lengths: " + n + " and " + points[i].length);
            }
        }
        Scope scope = problem.newScope(List.of());
        BoundProgram bound =
                new BoundProgram(Program.compile(expressions.apply(scope)), spec, 64, spec.parameterCount());
        try (BatchEvaluator evaluator = new BatchEvaluator(1)) {
            return bound.values(evaluator, points, n, parameters);
        }
    }

    /** Raw network output derivative streams (no transform) for tests and diagnostics. */
    public double[] networkDerivative(double[][] points, int output, MultiIndex derivative) {
        String name = problem.outputs().get(output);
        String[] vars = new String[derivative.order()];
        int[] pos = derivative.positions();
        for (int k = 0; k < pos.length; k++) {
            vars[k] = problem.inputs().get(pos[k]);
        }
        return evaluate(
                points,
                s -> List.of(
                        vars.length == 0
                                ? s.networkOutput(name)
                                : s.networkOutput(name).d(vars)))[0];
    }

    @Override
    public String toString() {
        return "PinnModel(" + problem.name() + ", " + spec + ", "
                + Arrays.toString(problem.coefficientNames().toArray()) + ")";
    }
}
