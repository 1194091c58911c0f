package org.pinn4j.core.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.geometry.Geometry;

/**
 * A physics-informed learning problem: named inputs and outputs, the domain, trainable coefficients
 * (inverse problems), an optional output transform (hard constraints), and the conditions whose
 * weighted losses are minimised. Immutable; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * double nu = 0.01 / Math.PI;
 * Problem burgers = Problem.builder("burgers")
 *     .inputs("x", "t").outputs("u")
 *     .domain(new Box(new double[] {-1, 0}, new double[] {1, 1}))
 *     .condition(Conditions.pde("pde", s -> {
 *         Field u = s.output("u");
 *         return u.d("t").plus(u.times(u.d("x"))).minus(u.d("x", "x").times(nu));
 *     }))
 *     .condition(Conditions.initial("ic", "u", p -> -Math.sin(Math.PI * p[0])))
 *     .condition(Conditions.dirichlet("bc", Region.boundary("x = +-1", p -> Math.abs(p[0]) == 1), "u", p -> 0))
 *     .build();
 * }</pre>
 */
public final class Problem {
    /** Column-name marker expanded to "n_" + input for every input (outward normals). */
    public static final String NORMALS = "<normals>";

    /** Output transform: the user-visible output from the raw network output, e.g. u = x (1 - x) N. */
    @FunctionalInterface
    public interface OutputTransform {
        /** The transformed output {@code output}, given the raw network output {@code network}. */
        Field apply(Scope scope, String output, Field network);
    }

    private final String name;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Geometry domain;
    private final Map<String, Double> coefficients;
    private final Map<String, Double> coefficientScales;
    private final OutputTransform transform;
    private final List<Condition> conditions;

    private Problem(Builder b) {
        this.name = b.name;
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.domain = b.domain;
        this.coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(b.coefficients));
        this.coefficientScales = Collections.unmodifiableMap(new LinkedHashMap<>(b.coefficientScales));
        this.transform = b.transform;
        this.conditions = List.copyOf(b.conditions);
    }

    /**
     * A problem without conditions that only names inputs, outputs, the input box and coefficients: what a
     * model file describes when it is loaded without its original problem definition. It can predict but
     * not train.
     */
    public static Problem forModel(
            String name,
            List<String> inputs,
            List<String> outputs,
            double[] lower,
            double[] upper,
            Map<String, Double> coefficients) {
        Builder b = new Builder(name);
        b.inputs.addAll(inputs);
        b.outputs.addAll(outputs);
        b.domain = new org.pinn4j.core.geometry.Box(lower, upper);
        b.coefficients.putAll(coefficients);
        Scope.create(inputs, outputs, new ArrayList<>(coefficients.keySet()), List.of()); // checks the names
        return new Problem(b);
    }

    /** Starts a problem definition. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Problem name. */
    public String name() {
        return name;
    }

    /** Input names in network order. */
    public List<String> inputs() {
        return inputs;
    }

    /** Output names in network order. */
    public List<String> outputs() {
        return outputs;
    }

    /** The domain (its bounding box scales the network inputs to [-1, 1]). */
    public Geometry domain() {
        return domain;
    }

    /** Trainable coefficients and their initial values, in declaration order. */
    public Map<String, Double> coefficients() {
        return coefficients;
    }

    /**
     * The scale of coefficient {@code name} (1 unless declared with
     * {@link Builder#coefficient(String, double, double)}): the optimizer works on value / scale.
     */
    public double coefficientScale(String name) {
        return coefficientScales.getOrDefault(name, 1.0);
    }

    /** Scales of all coefficients, in declaration order. */
    public double[] coefficientScales() {
        return coefficients.keySet().stream()
                .mapToDouble(this::coefficientScale)
                .toArray();
    }

    /** Names of the trainable coefficients. */
    public List<String> coefficientNames() {
        return new ArrayList<>(coefficients.keySet());
    }

    /** The output transform, or null. */
    public OutputTransform outputTransform() {
        return transform;
    }

    /** The conditions, in order. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** A copy with other conditions (e.g. a recipe's point counts). */
    public Problem withConditions(List<Condition> replaced) {
        Builder b = new Builder(name);
        b.inputs.addAll(inputs);
        b.outputs.addAll(outputs);
        b.domain = domain;
        b.coefficients.putAll(coefficients);
        b.coefficientScales.putAll(coefficientScales);
        b.transform = transform;
        b.conditions.addAll(replaced);
        return b.build();
    }

    /** Column names of a condition with the normals marker expanded. */
    public List<String> columnNames(Condition c) {
        List<String> cols = new ArrayList<>();
        for (String n : c.columnNames()) {
            if (NORMALS.equals(n)) {
                for (String in : inputs) {
                    cols.add("n_" + in);
                }
            } else {
                cols.add(n);
            }
        }
        return cols;
    }

    /** A fresh scope for compiling expressions with the given data columns; the output transform is applied. */
    public Scope newScope(List<String> columns) {
        Scope s = Scope.create(inputs, outputs, coefficientNames(), columns).withCoefficientScales(coefficientScales());
        if (transform != null) {
            for (String o : outputs) {
                Field t = transform.apply(s, o, s.networkOutput(o));
                if (t == null) {
                    throw new IllegalArgumentException("output transform returned null for output '" + o + "'");
                }
                s.defineOutput(o, t);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return name + inputs + " -> " + outputs;
    }

    /** Builder of a {@link Problem}. */
    public static final class Builder {
        private final String name;
        private final List<String> inputs = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private Geometry domain;
        private final Map<String, Double> coefficients = new LinkedHashMap<>();
        private final Map<String, Double> coefficientScales = new LinkedHashMap<>();
        private OutputTransform transform;
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a problem needs a non-empty name");
            }
            this.name = name;
        }

        /** Input names, in the order of the domain's coordinates. */
        public Builder inputs(String... names) {
            if (names == null) {
                throw new IllegalArgumentException(
                        "problem '" + name + "': input names are missing, e.g. inputs(\"x\", \"t\")");
            }
            inputs.clear();
            Collections.addAll(inputs, names);
            return this;
        }

        /** Output names. */
        public Builder outputs(String... names) {
            if (names == null) {
                throw new IllegalArgumentException(
                        "problem '" + name + "': output names are missing, e.g. outputs(\"u\")");
            }
            outputs.clear();
            Collections.addAll(outputs, names);
            return this;
        }

        /** The domain. */
        public Builder domain(Geometry g) {
            this.domain = g;
            return this;
        }

        /**
         * Declares a trainable coefficient of typical size {@code scale}: the optimizer works on
         * value / scale, so a small coefficient (e.g. a viscosity of 3e-3) moves in steps proportional to
         * its size instead of the learning rate's absolute size. Residuals, reports and model files see the
         * value itself.
         */
        public Builder coefficient(String coefficient, double initial, double scale) {
            if (!Double.isFinite(scale) || scale <= 0) {
                throw new IllegalArgumentException("coefficient '" + coefficient + "' scale " + scale
                        + " must be a finite number > 0, e.g. 0.01 for a coefficient of order 1e-2");
            }
            coefficient(coefficient, initial);
            coefficientScales.put(coefficient, scale);
            return this;
        }

        /** Declares a trainable coefficient with its initial value. */
        public Builder coefficient(String coefficient, double initial) {
            if (!Double.isFinite(initial)) {
                throw new IllegalArgumentException(
                        "coefficient '" + coefficient + "' initial value " + initial + " is not finite");
            }
            if (coefficients.put(coefficient, initial) != null) {
                throw new IllegalArgumentException("coefficient '" + coefficient + "' is declared twice");
            }
            return this;
        }

        /** Output transform (hard constraints). */
        public Builder outputTransform(OutputTransform t) {
            this.transform = t;
            return this;
        }

        /** Adds a condition (loss term). */
        public Builder condition(Condition c) {
            if (c == null) {
                throw new IllegalArgumentException("problem '" + name + "': condition is null");
            }
            for (Condition existing : conditions) {
                if (existing.name().equals(c.name())) {
                    throw new IllegalArgumentException(
                            "two conditions are named '" + c.name() + "'; names must be unique");
                }
            }
            conditions.add(c);
            return this;
        }

        /**
         * Checks names, the domain's dimension and every condition's expressions (compiled once here, so a
         * residual that names an undeclared variable fails now, with its name).
         */
        public Problem build() {
            if (inputs.isEmpty() || outputs.isEmpty()) {
                throw new IllegalArgumentException(
                        "problem '" + name + "' needs inputs and outputs, e.g. inputs(\"x\", \"t\").outputs(\"u\")");
            }
            if (domain == null) {
                throw new IllegalArgumentException("problem '" + name + "' has no domain; call domain(geometry)");
            }
            if (domain.dimension() != inputs.size()) {
                throw new IllegalArgumentException("problem '" + name + "': domain has dimension " + domain.dimension()
                        + " but " + inputs.size() + " inputs " + inputs + " are declared");
            }
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException(
                        "problem '" + name + "' has no conditions; add at least a residual or data");
            }
            Problem p = new Problem(this);
            for (Condition c : p.conditions) {
                try {
                    c.expressions(p.newScope(p.columnNames(c)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("condition '" + c.name() + "': " + e.getMessage(), e);
                }
            }
            return p;
        }
    }
}
