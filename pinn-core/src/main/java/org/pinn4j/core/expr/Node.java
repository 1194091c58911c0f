package org.pinn4j.core.expr;

import java.util.Arrays;
import java.util.Objects;
import org.pinn4j.autodiff.taylor.MultiIndex;

/**
 * One node of a pointwise expression DAG. Nodes are hash-consed by {@link Graph}, so equal
 * sub-expressions are computed once. Package-private: users see {@link Field}.
 */
final class Node {
    enum Kind {
        CONSTANT,
        INPUT,
        NET_OUTPUT,
        COEFFICIENT,
        COLUMN,
        SOURCE,
        ADD,
        SUB,
        MUL,
        DIV,
        NEG,
        POW,
        SIN,
        COS,
        EXP,
        LOG,
        TANH,
        SQRT,
        ABS,
        SIGMOID
    }

    final Kind kind;
    final Node a;
    final Node b;
    /** CONSTANT value or POW exponent. */
    final double number;
    /** INPUT / COLUMN / COEFFICIENT / NET_OUTPUT output index / SOURCE id. */
    final int index;
    /** NET_OUTPUT derivative. */
    final MultiIndex derivative;
    /** SOURCE function (with optional gradient). */
    final Source source;

    final Graph graph;
    int id = -1;
    private final int hash;

    Node(Graph graph, Kind kind, Node a, Node b, double number, int index, MultiIndex derivative, Source source) {
        this.graph = graph;
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.number = number;
        this.index = index;
        this.derivative = derivative;
        this.source = source;
        this.hash = Objects.hash(
                kind,
                a == null ? -1 : a.id,
                b == null ? -1 : b.id,
                Double.doubleToLongBits(number),
                index,
                derivative,
                source == null ? 0 : System.identityHashCode(source));
    }

    boolean isConstant() {
        return kind == Kind.CONSTANT;
    }

    boolean isConstant(double v) {
        return kind == Kind.CONSTANT && number == v;
    }

    /** True if the node's value depends on trainable quantities (network outputs or coefficients). */
    boolean trainable() {
        switch (kind) {
            case NET_OUTPUT:
            case COEFFICIENT:
                return true;
            case CONSTANT:
            case INPUT:
            case COLUMN:
            case SOURCE:
                return false;
            default:
                return a.trainable() || (b != null && b.trainable());
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Node)) {
            return false;
        }
        Node n = (Node) o;
        return kind == n.kind
                && a == n.a
                && b == n.b
                && Double.doubleToLongBits(number) == Double.doubleToLongBits(n.number)
                && index == n.index
                && Objects.equals(derivative, n.derivative)
                && source == n.source;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        switch (kind) {
            case CONSTANT:
                return Double.toString(number);
            case INPUT:
                return graph.inputName(index);
            case NET_OUTPUT: {
                String name = graph.outputName(index);
                return derivative.order() == 0 ? name : name + "_" + derivative.label(graph.inputNames());
            }
            case COEFFICIENT:
                return graph.coefficientName(index);
            case COLUMN:
                return graph.columnName(index);
            case SOURCE:
                return source.name();
            case ADD:
                return "(" + a + " + " + b + ")";
            case SUB:
                return "(" + a + " - " + b + ")";
            case MUL:
                return a + "*" + b;
            case DIV:
                return a + "/" + b;
            case NEG:
                return "-" + a;
            case POW:
                return a + "^" + number;
            default:
                return kind.name().toLowerCase() + "(" + a + ")";
        }
    }

    /** A user-supplied pointwise function of the raw input coordinates, with an optional gradient. */
    static final class Source {
        private final String name;
        final java.util.function.ToDoubleFunction<double[]> value;
        final java.util.function.ToDoubleFunction<double[]>[] gradient;

        Source(
                String name,
                java.util.function.ToDoubleFunction<double[]> value,
                java.util.function.ToDoubleFunction<double[]>[] gradient) {
            this.name = name;
            this.value = value;
            this.gradient = gradient;
        }

        String name() {
            return name;
        }

        @Override
        public String toString() {
            return name + (gradient == null ? "" : " with gradient " + Arrays.toString(gradient));
        }
    }
}
