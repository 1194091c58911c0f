package org.pinn4j.core.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pinn4j.autodiff.taylor.MultiIndex;
import org.pinn4j.core.expr.Node.Kind;

/**
 * Owner of an expression DAG: names of inputs, outputs, coefficients and data columns, the
 * hash-consing table, and the symbolic rules (simplification and differentiation with respect to
 * inputs). Nodes are created children-first, so creation order is a topological order.
 */
final class Graph {
    private final List<String> inputs;
    private final List<String> outputs;
    private final List<String> coefficients;
    private final List<String> columns;
    private final Map<Node, Node> table = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    /** Per output: the user-visible expression (transform of the raw network output, or the raw output). */
    private final Node[] outputExpressions;

    Graph(List<String> inputs, List<String> outputs, List<String> coefficients, List<String> columns) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.coefficients = List.copyOf(coefficients);
        this.columns = List.copyOf(columns);
        this.outputExpressions = new Node[outputs.size()];
    }

    List<String> inputNames() {
        return inputs;
    }

    List<String> outputNames() {
        return outputs;
    }

    String inputName(int i) {
        return inputs.get(i);
    }

    String outputName(int j) {
        return outputs.get(j);
    }

    String coefficientName(int k) {
        return coefficients.get(k);
    }

    String columnName(int k) {
        return columns.get(k);
    }

    int inputCount() {
        return inputs.size();
    }

    List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    void setOutputExpression(int j, Node expression) {
        outputExpressions[j] = expression;
    }

    Node outputExpression(int j) {
        return outputExpressions[j] != null ? outputExpressions[j] : netOutput(j, MultiIndex.value(inputs.size()));
    }

    int indexOf(List<String> names, String name, String what) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(
                    "unknown " + what + " '" + name + "'; declared " + what + "s are " + names);
        }
        return i;
    }

    int inputIndex(String name) {
        return indexOf(inputs, name, "input");
    }

    int outputIndex(String name) {
        return indexOf(outputs, name, "output");
    }

    int coefficientIndex(String name) {
        return indexOf(coefficients, name, "coefficient");
    }

    int columnIndex(String name) {
        return indexOf(columns, name, "data column");
    }

    private Node intern(
            Kind kind, Node a, Node b, double number, int index, MultiIndex derivative, Node.Source source) {
        Node fresh = new Node(this, kind, a, b, number, index, derivative, source);
        Node existing = table.get(fresh);
        if (existing != null) {
            return existing;
        }
        fresh.id = nodes.size();
        nodes.add(fresh);
        table.put(fresh, fresh);
        return fresh;
    }

    // ------------------------------------------------------------------ leaves

    Node constant(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("constant " + v + " in an expression; expected a finite number");
        }
        return intern(Kind.CONSTANT, null, null, v == 0.0 ? 0.0 : v, -1, null, null);
    }

    Node input(int i) {
        return intern(Kind.INPUT, null, null, 0, i, null, null);
    }

    Node netOutput(int j, MultiIndex derivative) {
        return intern(Kind.NET_OUTPUT, null, null, 0, j, derivative, null);
    }

    Node coefficient(int k) {
        return intern(Kind.COEFFICIENT, null, null, 0, k, null, null);
    }

    Node column(int k) {
        return intern(Kind.COLUMN, null, null, 0, k, null, null);
    }

    Node source(Node.Source s) {
        return intern(Kind.SOURCE, null, null, 0, -1, null, s);
    }

    // ------------------------------------------------------------------ operations with simplification

    Node add(Node a, Node b) {
        if (a.isConstant(0)) return b;
        if (b.isConstant(0)) return a;
        if (a.isConstant() && b.isConstant()) return constant(a.number + b.number);
        return intern(Kind.ADD, a, b, 0, -1, null, null);
    }

    Node sub(Node a, Node b) {
        if (b.isConstant(0)) return a;
        if (a.isConstant(0)) return neg(b);
        if (a.isConstant() && b.isConstant()) return constant(a.number - b.number);
        if (a == b) return constant(0);
        return intern(Kind.SUB, a, b, 0, -1, null, null);
    }

    Node mul(Node a, Node b) {
        if (a.isConstant(0) || b.isConstant(0)) return constant(0);
        if (a.isConstant(1)) return b;
        if (b.isConstant(1)) return a;
        if (a.isConstant(-1)) return neg(b);
        if (b.isConstant(-1)) return neg(a);
        if (a.isConstant() && b.isConstant()) return constant(a.number * b.number);
        if (b.isConstant()) return intern(Kind.MUL, b, a, 0, -1, null, null); // constants first
        return intern(Kind.MUL, a, b, 0, -1, null, null);
    }

    Node div(Node a, Node b) {
        if (b.isConstant(0)) {
            throw new IllegalArgumentException("division by the constant 0 in expression " + a + " / 0");
        }
        if (a.isConstant(0)) return constant(0);
        if (b.isConstant(1)) return a;
        if (a.isConstant() && b.isConstant()) return constant(a.number / b.number);
        if (b.isConstant()) return mul(constant(1.0 / b.number), a);
        return intern(Kind.DIV, a, b, 0, -1, null, null);
    }

    Node neg(Node a) {
        if (a.isConstant()) return constant(-a.number);
        if (a.kind == Kind.NEG) return a.a;
        return intern(Kind.NEG, a, null, 0, -1, null, null);
    }

    Node pow(Node a, double exponent) {
        if (exponent == 0) return constant(1);
        if (exponent == 1) return a;
        if (a.isConstant()) return constant(Math.pow(a.number, exponent));
        return intern(Kind.POW, a, null, exponent, -1, null, null);
    }

    Node unary(Kind kind, Node a) {
        if (a.isConstant()) {
            return constant(applyUnary(kind, a.number));
        }
        return intern(kind, a, null, 0, -1, null, null);
    }

    static double applyUnary(Kind kind, double v) {
        switch (kind) {
            case SIN:
                return Math.sin(v);
            case COS:
                return Math.cos(v);
            case EXP:
                return Math.exp(v);
            case LOG:
                return Math.log(v);
            case TANH:
                return Math.tanh(v);
            case SQRT:
                return Math.sqrt(v);
            case ABS:
                return Math.abs(v);
            case SIGMOID:
                return 1.0 / (1.0 + Math.exp(-v));
            default:
                throw new IllegalArgumentException("not a unary function: " + kind);
        }
    }

    // ------------------------------------------------------------------ symbolic differentiation

    /** d node / d input i, symbolically; network outputs gain a derivative order. */
    Node derivative(Node n, int i) {
        switch (n.kind) {
            case CONSTANT:
            case COEFFICIENT:
            case COLUMN:
                return constant(0);
            case INPUT:
                return constant(n.index == i ? 1 : 0);
            case NET_OUTPUT:
                return netOutput(n.index, n.derivative.plus(i));
            case SOURCE: {
                if (n.source.gradient == null) {
                    throw new IllegalArgumentException(
                            "source '" + n.source.name() + "' is differentiated with respect to "
                                    + inputs.get(i)
                                    + " but was declared without a gradient; declare it with Scope.source(name, "
                                    + "value, gradient...)");
                }
                Node.Source g = n.source.gradient[i] == null
                        ? null
                        : new Node.Source("d" + n.source.name() + "/d" + inputs.get(i), n.source.gradient[i], null);
                return g == null ? constant(0) : source(g);
            }
            case ADD:
                return add(derivative(n.a, i), derivative(n.b, i));
            case SUB:
                return sub(derivative(n.a, i), derivative(n.b, i));
            case MUL:
                return add(mul(derivative(n.a, i), n.b), mul(n.a, derivative(n.b, i)));
            case DIV: {
                // (a/b)' = a'/b - a b' / b^2
                Node da = derivative(n.a, i);
                Node db = derivative(n.b, i);
                return sub(div(da, n.b), div(mul(n.a, db), mul(n.b, n.b)));
            }
            case NEG:
                return neg(derivative(n.a, i));
            case POW:
                return mul(mul(constant(n.number), pow(n.a, n.number - 1)), derivative(n.a, i));
            case SIN:
                return mul(unary(Kind.COS, n.a), derivative(n.a, i));
            case COS:
                return neg(mul(unary(Kind.SIN, n.a), derivative(n.a, i)));
            case EXP:
                return mul(n, derivative(n.a, i));
            case LOG:
                return div(derivative(n.a, i), n.a);
            case TANH:
                return mul(sub(constant(1), mul(n, n)), derivative(n.a, i));
            case SQRT:
                return div(derivative(n.a, i), mul(constant(2), n));
            case SIGMOID:
                return mul(mul(n, sub(constant(1), n)), derivative(n.a, i));
            case ABS:
                throw new IllegalArgumentException(
                        "abs(" + n.a + ") is not differentiable at 0; differentiate its argument instead");
            default:
                throw new AssertionError(n.kind);
        }
    }
}
