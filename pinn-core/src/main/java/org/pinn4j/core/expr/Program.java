package org.pinn4j.core.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pinn4j.autodiff.taylor.MultiIndex;
import org.pinn4j.autodiff.taylor.StreamPlan;
import org.pinn4j.autodiff.taylor.Tile;
import org.pinn4j.core.expr.Node.Kind;

/**
 * A compiled set of pointwise expressions (the roots), evaluated tile by tile on the network's output
 * streams, with a reverse pass giving the adjoints of the output streams and the gradient of trainable
 * coefficients. Compiling lists the derivatives the expressions need, from which the engine's
 * {@link StreamPlan} is made: no user bookkeeping.
 *
 * <p>A program is immutable once bound to a plan; per-thread buffers live in {@link Scratch}.
 */
public final class Program {
    private final Graph graph;
    private final Node[] order;
    private final int[] slot;
    private final Node[] roots;
    private final boolean[] needsAdjoint;
    private int[] stream;
    private StreamPlan plan;

    private Program(Graph graph, Node[] roots) {
        this.graph = graph;
        this.roots = roots;
        boolean[] reach = new boolean[graph.nodes().size()];
        for (Node r : roots) {
            mark(r, reach);
        }
        List<Node> ordered = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (reach[n.id]) {
                ordered.add(n);
            }
        }
        order = ordered.toArray(new Node[0]);
        slot = new int[graph.nodes().size()];
        Arrays.fill(slot, -1);
        needsAdjoint = new boolean[order.length];
        for (int k = 0; k < order.length; k++) {
            slot[order[k].id] = k;
            needsAdjoint[k] = order[k].trainable();
        }
    }

    private static void mark(Node n, boolean[] reach) {
        if (n == null || reach[n.id]) {
            return;
        }
        reach[n.id] = true;
        mark(n.a, reach);
        mark(n.b, reach);
    }

    /** Compiles the given fields (all from one scope) into a program. */
    public static Program compile(List<Field> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("nothing to compile: no expressions given");
        }
        Graph g = roots.get(0).node.graph;
        Node[] r = new Node[roots.size()];
        for (int i = 0; i < r.length; i++) {
            if (roots.get(i) == null) {
                throw new IllegalArgumentException("expression " + i + " is null");
            }
            if (roots.get(i).node.graph != g) {
                throw new IllegalArgumentException("expressions of one program must come from one scope");
            }
            r[i] = roots.get(i).node;
        }
        return new Program(g, r);
    }

    /** Number of root expressions. */
    public int roots() {
        return roots.length;
    }

    /** Readable form of root k. */
    public String describe(int k) {
        return roots[k].toString();
    }

    /** Network-output derivatives the expressions read (the value is always included). */
    public Set<MultiIndex> derivatives() {
        Set<MultiIndex> out = new LinkedHashSet<>();
        out.add(MultiIndex.value(graph.inputCount()));
        for (Node n : order) {
            if (n.kind == Kind.NET_OUTPUT) {
                out.add(n.derivative);
            }
        }
        return out;
    }

    /** The stream plan this program needs. */
    public StreamPlan plan() {
        return StreamPlan.of(graph.inputCount(), derivatives());
    }

    /** True if any root depends on trainable coefficients. */
    public boolean usesCoefficients() {
        for (Node n : order) {
            if (n.kind == Kind.COEFFICIENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * Binds the program to the plan the network runs with (must contain {@link #derivatives()}); returns
     * this program.
     */
    public Program bind(StreamPlan plan) {
        int[] s = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            s[k] = order[k].kind == Kind.NET_OUTPUT ? plan.indexOf(order[k].derivative) : -1;
        }
        this.stream = s;
        this.plan = plan;
        return this;
    }

    /** Allocates per-thread buffers for tiles of {@code tileSize} points. */
    public Scratch newScratch(int tileSize) {
        return new Scratch(order.length, tileSize, graph.inputCount());
    }

    /**
     * Evaluates all nodes for the tile's points. {@code columns[k][i]} is data column k of point i of
     * the whole batch; coefficient k is {@code tile.parameters()[coefficientOffset + k]}.
     */
    public void forward(Tile tile, double[][] columns, int coefficientOffset, Scratch s) {
        if (plan == null) {
            throw new IllegalStateException("program not bound to a stream plan; call bind(plan) first");
        }
        int n = tile.size();
        int t = s.tile;
        double[] v = s.values;
        for (int k = 0; k < order.length; k++) {
            Node node = order[k];
            int o = k * t;
            switch (node.kind) {
                case CONSTANT:
                    Arrays.fill(v, o, o + n, node.number);
                    break;
                case INPUT:
                    System.arraycopy(tile.inputs(), tile.inputOffset(node.index), v, o, n);
                    break;
                case NET_OUTPUT:
                    System.arraycopy(tile.output(node.index, stream[k]), 0, v, o, n);
                    break;
                case COEFFICIENT:
                    Arrays.fill(v, o, o + n, tile.parameters()[coefficientOffset + node.index]);
                    break;
                case COLUMN:
                    System.arraycopy(columns[node.index], tile.start(), v, o, n);
                    break;
                case SOURCE: {
                    double[] in = tile.inputs();
                    int d = s.point.length;
                    for (int p = 0; p < n; p++) {
                        for (int i = 0; i < d; i++) {
                            s.point[i] = in[tile.inputOffset(i) + p];
                        }
                        v[o + p] = node.source.value.applyAsDouble(s.point);
                    }
                    break;
                }
                default:
                    evaluateOperation(node, v, o, n, t);
            }
        }
    }

    private void evaluateOperation(Node node, double[] v, int o, int n, int t) {
        int a = slot[node.a.id] * t;
        int b = node.b == null ? -1 : slot[node.b.id] * t;
        switch (node.kind) {
            case ADD:
                for (int p = 0; p < n; p++) v[o + p] = v[a + p] + v[b + p];
                break;
            case SUB:
                for (int p = 0; p < n; p++) v[o + p] = v[a + p] - v[b + p];
                break;
            case MUL:
                for (int p = 0; p < n; p++) v[o + p] = v[a + p] * v[b + p];
                break;
            case DIV:
                for (int p = 0; p < n; p++) v[o + p] = v[a + p] / v[b + p];
                break;
            case NEG:
                for (int p = 0; p < n; p++) v[o + p] = -v[a + p];
                break;
            case POW: {
                double c = node.number;
                if (c == 2) {
                    for (int p = 0; p < n; p++) v[o + p] = v[a + p] * v[a + p];
                } else if (c == 3) {
                    for (int p = 0; p < n; p++) v[o + p] = v[a + p] * v[a + p] * v[a + p];
                } else {
                    for (int p = 0; p < n; p++) v[o + p] = Math.pow(v[a + p], c);
                }
                break;
            }
            default:
                for (int p = 0; p < n; p++) v[o + p] = Graph.applyUnary(node.kind, v[a + p]);
        }
    }

    /** Values of root k: {@code values()[valueOffset(k) + p]}. */
    public int valueOffset(Scratch s, int k) {
        return slot[roots[k].id] * s.tile;
    }

    /** Zeroes the adjoint rows of the current tile; call before writing root adjoints. */
    public void clearAdjoints(Scratch s, int n) {
        for (int k = 0; k < order.length; k++) {
            if (needsAdjoint[k]) {
                Arrays.fill(s.adjoints, k * s.tile, k * s.tile + n, 0.0);
            }
        }
    }

    /** Adjoint row of root k (add d(loss)/d(root value) here before {@link #backward}). */
    public int adjointOffset(Scratch s, int k) {
        return slot[roots[k].id] * s.tile;
    }

    /**
     * Offset of trainable coefficient {@code k}'s adjoint row (per point, after {@link #backward}: d(seeded
     * quantity)/d(coefficient) at each point, before the sum over points), or -1 if no root reads it.
     */
    public int coefficientAdjointOffset(Scratch s, int k) {
        for (int i = 0; i < order.length; i++) {
            if (order[i].kind == Kind.COEFFICIENT && order[i].index == k) {
                return i * s.tile;
            }
        }
        return -1;
    }

    /**
     * Reverse pass: from the roots' adjoints to the tile's output-stream adjoints (added) and the
     * coefficients' gradient (added into {@code tile.gradient()} at {@code coefficientOffset + k}).
     */
    public void backward(Tile tile, int coefficientOffset, Scratch s) {
        int n = tile.size();
        int t = s.tile;
        double[] v = s.values;
        double[] g = s.adjoints;
        for (int k = order.length - 1; k >= 0; k--) {
            if (!needsAdjoint[k]) {
                continue;
            }
            Node node = order[k];
            int o = k * t;
            switch (node.kind) {
                case NET_OUTPUT: {
                    double[] adj = tile.outputAdjoint(node.index, stream[k]);
                    for (int p = 0; p < n; p++) adj[p] += g[o + p];
                    break;
                }
                case COEFFICIENT: {
                    double sum = 0;
                    for (int p = 0; p < n; p++) sum += g[o + p];
                    if (tile.gradient() != null) {
                        tile.gradient()[coefficientOffset + node.index] += sum;
                    }
                    break;
                }
                default:
                    backwardOperation(node, v, g, o, n, t);
            }
        }
    }

    private void backwardOperation(Node node, double[] v, double[] g, int o, int n, int t) {
        int ka = slot[node.a.id];
        int a = ka * t;
        boolean da = needsAdjoint[ka];
        int kb = node.b == null ? -1 : slot[node.b.id];
        int b = kb * t;
        boolean db = kb >= 0 && needsAdjoint[kb];
        switch (node.kind) {
            case ADD:
                if (da) for (int p = 0; p < n; p++) g[a + p] += g[o + p];
                if (db) for (int p = 0; p < n; p++) g[b + p] += g[o + p];
                break;
            case SUB:
                if (da) for (int p = 0; p < n; p++) g[a + p] += g[o + p];
                if (db) for (int p = 0; p < n; p++) g[b + p] -= g[o + p];
                break;
            case MUL:
                if (da) for (int p = 0; p < n; p++) g[a + p] += g[o + p] * v[b + p];
                if (db) for (int p = 0; p < n; p++) g[b + p] += g[o + p] * v[a + p];
                break;
            case DIV:
                if (da) for (int p = 0; p < n; p++) g[a + p] += g[o + p] / v[b + p];
                if (db) for (int p = 0; p < n; p++) g[b + p] -= g[o + p] * v[o + p] / v[b + p];
                break;
            case NEG:
                for (int p = 0; p < n; p++) g[a + p] -= g[o + p];
                break;
            case POW: {
                double c = node.number;
                for (int p = 0; p < n; p++) g[a + p] += g[o + p] * c * Math.pow(v[a + p], c - 1);
                break;
            }
            case SIN:
                for (int p = 0; p < n; p++) g[a + p] += g[o + p] * Math.cos(v[a + p]);
                break;
            case COS:
                for (int p = 0; p < n; p++) g[a + p] -= g[o + p] * Math.sin(v[a + p]);
                break;
            case EXP:
                for (int p = 0; p < n; p++) g[a + p] += g[o + p] * v[o + p];
                break;
            case LOG:
                for (int p = 0; p < n; p++) g[a + p] += g[o + p] / v[a + p];
                break;
            case TANH:
                for (int p = 0; p < n; p++) g[a + p] += g[o + p] * (1 - v[o + p] * v[o + p]);
                break;
            case SQRT:
                for (int p = 0; p < n; p++) g[a + p] += g[o + p] / (2 * v[o + p]);
                break;
            case ABS:
                for (int p = 0; p < n; p++) g[a + p] += g[o + p] * Math.signum(v[a + p]);
                break;
            case SIGMOID:
                for (int p = 0; p < n; p++) g[a + p] += g[o + p] * v[o + p] * (1 - v[o + p]);
                break;
            default:
                throw new AssertionError(node.kind);
        }
    }

    /** Per-thread buffers: one row of tile length per node for values and adjoints. */
    public static final class Scratch {
        final int tile;
        /** Node values, row k at k * tile. */
        public final double[] values;
        /** Node adjoints, same layout. */
        public final double[] adjoints;

        final double[] point;

        Scratch(int nodes, int tile, int inputs) {
            this.tile = tile;
            this.values = new double[nodes * tile];
            this.adjoints = new double[nodes * tile];
            this.point = new double[inputs];
        }
    }
}
