package org.pinn4j.core.expr;

import org.pinn4j.core.expr.Node.Kind;

/**
 * A pointwise quantity in a residual or condition: a network output or one of its derivatives, an
 * input coordinate, a coefficient, a data column, a source term, or any arithmetic combination of them.
 * Immutable; building a field only records the expression, which is compiled once and then evaluated
 * on batches of points.
 *
 * <p>Example (Burgers): {@code u.d("t").plus(u.times(u.d("x"))).minus(u.d("x", "x").times(nu))}.
 */
public final class Field {
    final Node node;

    Field(Node node) {
        this.node = node;
    }

    private Graph g() {
        return node.graph;
    }

    private Node other(Field f) {
        if (f == null) {
            throw new IllegalArgumentException("operand is null in an expression with " + node);
        }
        if (f.node.graph != node.graph) {
            throw new IllegalArgumentException(
                    "fields " + node + " and " + f.node + " come from different problems' scopes");
        }
        return f.node;
    }

    /**
     * Partial derivative with respect to the named inputs, in order: {@code u.d("x", "x")} is u_xx.
     * Works on any field (product and chain rules are applied symbolically).
     *
     * @throws IllegalArgumentException naming the declared inputs if a name is unknown
     */
    public Field d(String... variables) {
        if (variables == null || variables.length == 0) {
            throw new IllegalArgumentException(
                    "d() needs at least one input name, e.g. u.d(\"x\"); inputs are " + g().inputNames());
        }
        Node n = node;
        for (String v : variables) {
            if (v == null) {
                throw new IllegalArgumentException("d() got a null input name; inputs are " + g().inputNames());
            }
            n = g().derivative(n, g().inputIndex(v));
        }
        return new Field(n);
    }

    /** this + other. */
    public Field plus(Field other) {
        return new Field(g().add(node, other(other)));
    }

    /** this + c. */
    public Field plus(double c) {
        return new Field(g().add(node, g().constant(c)));
    }

    /** this - other. */
    public Field minus(Field other) {
        return new Field(g().sub(node, other(other)));
    }

    /** this - c. */
    public Field minus(double c) {
        return new Field(g().sub(node, g().constant(c)));
    }

    /** this * other. */
    public Field times(Field other) {
        return new Field(g().mul(node, other(other)));
    }

    /** this * c. */
    public Field times(double c) {
        return new Field(g().mul(g().constant(c), node));
    }

    /** this / other. */
    public Field div(Field other) {
        return new Field(g().div(node, other(other)));
    }

    /** this / c. */
    public Field div(double c) {
        return new Field(g().div(node, g().constant(c)));
    }

    /** -this. */
    public Field neg() {
        return new Field(g().neg(node));
    }

    /** this^exponent for a constant exponent. */
    public Field pow(double exponent) {
        return new Field(g().pow(node, exponent));
    }

    /** this * this. */
    public Field square() {
        return new Field(g().mul(node, node));
    }

    /** Square root. */
    public Field sqrt() {
        return new Field(g().unary(Kind.SQRT, node));
    }

    /** Sine. */
    public Field sin() {
        return new Field(g().unary(Kind.SIN, node));
    }

    /** Cosine. */
    public Field cos() {
        return new Field(g().unary(Kind.COS, node));
    }

    /** Exponential. */
    public Field exp() {
        return new Field(g().unary(Kind.EXP, node));
    }

    /** Natural logarithm. */
    public Field log() {
        return new Field(g().unary(Kind.LOG, node));
    }

    /** Hyperbolic tangent. */
    public Field tanh() {
        return new Field(g().unary(Kind.TANH, node));
    }

    /** Logistic sigmoid. */
    public Field sigmoid() {
        return new Field(g().unary(Kind.SIGMOID, node));
    }

    /** Absolute value (not differentiable with respect to inputs). */
    public Field abs() {
        return new Field(g().unary(Kind.ABS, node));
    }

    /** The expression in readable form. */
    @Override
    public String toString() {
        return node.toString();
    }
}
