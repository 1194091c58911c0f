package org.pinn4j.core.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.loss.PointLoss;
import org.pinn4j.core.sampling.PointSet;

/**
 * Factories for the usual conditions. Functions g of a point receive the raw coordinates in input
 * order. Normal derivatives use the outward normals of boundary regions (columns "n_" + input name).
 */
public final class Conditions {
    /** Default points per sampling of a PDE residual. */
    public static final int DEFAULT_RESIDUAL_POINTS = 1000;
    /** Default points per sampling of a boundary or initial condition. */
    public static final int DEFAULT_BOUNDARY_POINTS = 100;

    private Conditions() {}

    /** A PDE residual r = 0 on the interior of the domain. */
    public static Condition pde(String name, Function<Scope, Field> residual) {
        return pointwise(name, Region.interior(), DEFAULT_RESIDUAL_POINTS, s -> List.of(residual.apply(s)));
    }

    /** Several residuals (a system) on the interior, one loss term summing their squares. */
    public static Condition system(String name, Function<Scope, List<Field>> residuals) {
        return pointwise(name, Region.interior(), DEFAULT_RESIDUAL_POINTS, residuals);
    }

    /** u = g on a region: residual u - g. */
    public static Condition dirichlet(String name, Region region, String output, ToDoubleFunction<double[]> g) {
        return pointwise(
                name,
                region,
                DEFAULT_BOUNDARY_POINTS,
                s -> List.of(s.output(output).minus(s.source(name + ".g", g))));
    }

    /**
     * The same value condition on several outputs at once, e.g. no slip {@code dirichlet("walls",
     * Region.boundary(), Map.of("u", p -> 0, "v", p -> 0))}: one residual per output, in alphabetical order of the
     * output names (whatever the map's order), one loss term.
     *
     * @throws IllegalArgumentException if no output is given
     */
    public static Condition dirichlet(String name, Region region, Map<String, ToDoubleFunction<double[]>> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(
                    "condition '" + name + "' has no outputs; expected a map output name -> value, e.g. u -> 0");
        }
        Map<String, ToDoubleFunction<double[]>> sorted = new java.util.TreeMap<>(values);
        return pointwise(name, region, DEFAULT_BOUNDARY_POINTS, s -> {
            List<Field> r = new ArrayList<>();
            for (Map.Entry<String, ToDoubleFunction<double[]>> e : sorted.entrySet()) {
                r.add(s.output(e.getKey()).minus(s.source(name + ".g." + e.getKey(), e.getValue())));
            }
            return r;
        });
    }

    /**
     * Any expression of the outputs and their derivatives equal to {@code g} on a region: residual expression -
     * g, e.g. u''(1) = 0 as {@code operator("free-end", Region.boundary("x = 1", p -> p[0] == 1), s ->
     * s.output("u").d("x", "x"), p -> 0)}.
     */
    public static Condition operator(
            String name, Region region, Function<Scope, Field> expression, ToDoubleFunction<double[]> g) {
        return pointwise(
                name,
                region,
                DEFAULT_BOUNDARY_POINTS,
                s -> List.of(expression.apply(s).minus(s.source(name + ".g", g))));
    }

    /** du/dn = g on a boundary region: residual sum_i n_i u_{x_i} - g. */
    public static Condition neumann(String name, Region region, String output, ToDoubleFunction<double[]> g) {
        return withNormals(
                name, region, s -> List.of(normalDerivative(s, output).minus(s.source(name + ".g", g))));
    }

    /** a u + b du/dn = g on a boundary region. */
    public static Condition robin(
            String name, Region region, String output, double a, double b, ToDoubleFunction<double[]> g) {
        return withNormals(
                name,
                region,
                s -> List.of(s.output(output)
                        .times(a)
                        .plus(normalDerivative(s, output).times(b))
                        .minus(s.source(name + ".g", g))));
    }

    /** u(x, t0) = g(x) on the initial slice (time is the last input). */
    public static Condition initial(String name, String output, ToDoubleFunction<double[]> g) {
        return pointwise(
                name,
                Region.initial(),
                DEFAULT_BOUNDARY_POINTS,
                s -> List.of(s.output(output).minus(s.source(name + ".g", g))));
    }

    /** u_t(x, t0) = g(x) on the initial slice. */
    public static Condition initialRate(String name, String output, String timeInput, ToDoubleFunction<double[]> g) {
        return pointwise(
                name,
                Region.initial(),
                DEFAULT_BOUNDARY_POINTS,
                s -> List.of(s.output(output).d(timeInput).minus(s.source(name + ".g", g))));
    }

    /**
     * Periodicity along {@code input}: the expression at points with that input at the domain's lower
     * bound equals the expression at the same points moved to the upper bound.
     */
    public static Condition periodic(String name, String input, Function<Scope, Field> expression) {
        return Condition.pointwise(name, Region.interior(), DEFAULT_BOUNDARY_POINTS, s -> {
                    s.input(input); // validates the name at compile time
                    return List.of(expression.apply(s));
                })
                .withPeriodicInput(input);
    }

    /** Measured values of one output at fixed points: residual u - value. */
    public static Condition data(String name, PointSet points, String output, double[] values) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(output, values);
        return data(name, points, m);
    }

    /** Measured values of several outputs at fixed points: one residual per output. */
    public static Condition data(String name, PointSet points, Map<String, double[]> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("data condition '" + name + "' has no values");
        }
        List<String> cols = new ArrayList<>();
        double[][] arrays = new double[values.size()][];
        int k = 0;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = e.getValue();
            if (v == null || v.length != points.size()) {
                throw new IllegalArgumentException(
                        "data condition '" + name + "': " + (v == null ? 0 : v.length) + " values for output '"
                                + e.getKey() + "' but " + points.size() + " points; expected one value per point");
            }
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException("data condition '" + name + "': value " + v[i] + " for output '"
                            + e.getKey() + "' at point " + i + " is not finite");
                }
            }
            cols.add("data_" + e.getKey());
            arrays[k++] = v.clone();
        }
        List<String> outs = new ArrayList<>(values.keySet());
        return Condition.pointwise(name, Region.points(points), points.size(), s -> {
                    List<Field> r = new ArrayList<>();
                    for (String o : outs) {
                        r.add(s.output(o).minus(s.column("data_" + o)));
                    }
                    return r;
                })
                .withColumns(cols, p -> arrays);
    }

    /**
     * Labels for classification-style data: the outputs (probabilities for binary cross-entropy, logits
     * for categorical cross-entropy) compared with per-point targets.
     */
    public static Condition classification(
            String name, PointSet points, List<String> outputs, double[][] targets, PointLoss loss) {
        if (!loss.needsTargets()) {
            throw new IllegalArgumentException("classification condition '" + name + "' needs bce or cce; got " + loss);
        }
        if (targets.length != outputs.size()) {
            throw new IllegalArgumentException("classification condition '" + name + "': " + targets.length
                    + " target arrays for " + outputs.size() + " outputs");
        }
        List<String> cols = new ArrayList<>();
        for (int k = 0; k < targets.length; k++) {
            if (targets[k].length != points.size()) {
                throw new IllegalArgumentException("classification condition '" + name + "': target " + k + " has "
                        + targets[k].length + " values for " + points.size() + " points");
            }
            cols.add("target_" + outputs.get(k));
        }
        double[][] arrays = targets.clone();
        return Condition.pointwise(name, Region.points(points), points.size(), s -> {
                    List<Field> r = new ArrayList<>();
                    for (String o : outputs) {
                        r.add(s.output(o));
                    }
                    return r;
                })
                .withColumns(cols, p -> arrays)
                .withTargets(cols)
                .withLoss(loss);
    }

    /** Any expressions on any region, with optional extra per-point columns. */
    public static Condition custom(
            String name,
            Region region,
            int points,
            Function<Scope, List<Field>> expressions,
            List<String> columnNames,
            Condition.Columns columns) {
        return Condition.pointwise(name, region, points, expressions).withColumns(columnNames, columns);
    }

    private static Condition pointwise(
            String name, Region region, int points, Function<Scope, List<Field>> expressions) {
        return Condition.pointwise(name, region, points, expressions);
    }

    /** Conditions that read the outward normals get columns "n_" + input (filled when the points are sampled). */
    private static Condition withNormals(String name, Region region, Function<Scope, List<Field>> expressions) {
        return Condition.pointwise(name, region, DEFAULT_BOUNDARY_POINTS, expressions)
                .withColumns(Collections.singletonList(Problem.NORMALS), p -> normals(name, p));
    }

    private static double[][] normals(String name, PointSet p) {
        if (!p.hasNormals()) {
            throw new IllegalArgumentException("condition '" + name
                    + "' uses normal derivatives but its region has no normals; " + "use a boundary region");
        }
        return p.normalsToArray();
    }

    /** sum_i n_i du/dx_i with n_i the outward normal columns. */
    static Field normalDerivative(Scope s, String output) {
        Field u = s.output(output);
        Field sum = null;
        for (String in : s.inputs()) {
            Field term = s.column("n_" + in).times(u.d(in));
            sum = sum == null ? term : sum.plus(term);
        }
        return sum;
    }
}
