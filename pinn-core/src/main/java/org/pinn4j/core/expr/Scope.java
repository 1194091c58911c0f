package org.pinn4j.core.expr;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.pinn4j.autodiff.taylor.MultiIndex;

/**
 * What a residual or condition can refer to: inputs by name, (transformed) network outputs by name,
 * trainable coefficients, constants, per-point data columns and source terms given as Java functions.
 * Handed to user code once, when a problem is compiled.
 */
public final class Scope {
    final Graph graph;
    private double[] coefficientScales;

    Scope(Graph graph) {
        this.graph = graph;
    }

    /**
     * Declares the scales of the coefficients (in declaration order): {@link #coefficient(String)} then
     * stands for scale times the trained parameter. Returns this scope.
     */
    public Scope withCoefficientScales(double[] scales) {
        this.coefficientScales = scales.clone();
        return this;
    }

    /**
     * A fresh scope (its own expression graph) over the given names.
     *
     * @throws IllegalArgumentException on duplicate or empty names
     */
    public static Scope create(
            List<String> inputs, List<String> outputs, List<String> coefficients, List<String> columns) {
        checkNames("input", inputs, true);
        checkNames("output", outputs, true);
        checkNames("coefficient", coefficients, false);
        checkNames("data column", columns, false);
        return new Scope(new Graph(inputs, outputs, coefficients, columns));
    }

    private static void checkNames(String what, List<String> names, boolean nonEmpty) {
        if (nonEmpty && names.isEmpty()) {
            throw new IllegalArgumentException("at least one " + what + " name is needed");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException(what + " names must be non-empty; got " + names);
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what + " name '" + n + "' is declared twice in " + names);
            }
        }
    }

    /**
     * Replaces what {@link #output(String)} returns for {@code output} by {@code expression} (an output
     * transform such as a hard boundary constraint, built from {@link #networkOutput(String)}).
     */
    public void defineOutput(String output, Field expression) {
        if (expression.node.graph != graph) {
            throw new IllegalArgumentException("output transform for '" + output + "' was built in another scope");
        }
        graph.setOutputExpression(graph.outputIndex(output), expression.node);
    }

    /** Names of the outputs. */
    public List<String> outputs() {
        return graph.outputNames();
    }

    /** Names of the inputs, in network order. */
    public List<String> inputs() {
        return graph.inputNames();
    }

    /** The input coordinate {@code name} (raw, unscaled). */
    public Field input(String name) {
        return new Field(graph.input(graph.inputIndex(name)));
    }

    /** The network output {@code name}, after the problem's output transform if any. */
    public Field output(String name) {
        return new Field(graph.outputExpression(graph.outputIndex(name)));
    }

    /** The raw network output {@code name} (before any output transform). */
    public Field networkOutput(String name) {
        return new Field(graph.netOutput(graph.outputIndex(name), MultiIndex.value(graph.inputCount())));
    }

    /** The trainable coefficient {@code name} (declared on the problem). */
    public Field coefficient(String name) {
        int k = graph.coefficientIndex(name);
        Field parameter = new Field(graph.coefficient(k));
        return coefficientScales == null || coefficientScales[k] == 1.0
                ? parameter
                : parameter.times(coefficientScales[k]);
    }

    /** A constant. */
    public Field constant(double value) {
        return new Field(graph.constant(value));
    }

    /** The per-point data column {@code name} of the point set the expression is evaluated on. */
    public Field column(String name) {
        return new Field(graph.column(graph.columnIndex(name)));
    }

    /**
     * A source term f(point) evaluated on the raw coordinates (in input order). It cannot be
     * differentiated; use {@link #source(String, ToDoubleFunction, ToDoubleFunction[])} if the expression
     * needs its derivatives.
     */
    public Field source(String name, ToDoubleFunction<double[]> value) {
        return new Field(graph.source(new Node.Source(checkName(name), checkFunction(name, value), null)));
    }

    /**
     * A differentiable source term: {@code gradient[i]} is its derivative with respect to input i (null
     * means zero).
     */
    @SafeVarargs
    public final Field source(String name, ToDoubleFunction<double[]> value, ToDoubleFunction<double[]>... gradient) {
        if (gradient.length != graph.inputCount()) {
            throw new IllegalArgumentException("source '" + name + "' gradient has " + gradient.length
                    + " components; expected " + graph.inputCount() + " (one per input " + graph.inputNames() + ")");
        }
        return new Field(graph.source(new Node.Source(checkName(name), checkFunction(name, value), gradient.clone())));
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("source term needs a non-empty name");
        }
        return name;
    }

    private static ToDoubleFunction<double[]> checkFunction(String name, ToDoubleFunction<double[]> f) {
        if (f == null) {
            throw new IllegalArgumentException("source term '" + name + "' has no function");
        }
        return f;
    }
}
