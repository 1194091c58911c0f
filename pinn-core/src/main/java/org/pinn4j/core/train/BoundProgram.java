package org.pinn4j.core.train;

import java.util.Arrays;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.autodiff.taylor.TaylorNetwork;
import org.pinn4j.autodiff.taylor.Tile;
import org.pinn4j.autodiff.taylor.TileLoss;
import org.pinn4j.core.expr.Program;

/**
 * A compiled program on points: the {@link Program} bound to a {@link TaylorNetwork} planned for exactly the
 * derivatives it reads, evaluated through one reused tile kernel. Every pass over points (a loss term's
 * loss and gradient, a periodic term's four passes, refinement scores, validation errors, predictions) is a
 * {@link TileJob} run by that one kernel, so a {@link BatchEvaluator}, which keeps per-thread scratch for
 * each kernel it has seen, holds one entry per bound program however many passes are run. This is the only
 * class that binds a program to a network.
 *
 * <p>Not thread-safe between runs: one training loop (or one call) uses it at a time; within a run the
 * evaluator's threads share it.
 */
public final class BoundProgram {
    /** Data columns of a program that reads none. */
    static final double[][] NO_COLUMNS = new double[0][];

    private final Program program;
    private final TaylorNetwork network;
    private final int coefficientOffset;
    private final Kernel kernel = new Kernel();

    /**
     * Binds {@code program} to a new network of shape {@code spec} with {@code tileSize} points per tile; the
     * trainable coefficients start at {@code coefficientOffset} in the parameter vector.
     */
    public BoundProgram(Program program, NetworkSpec spec, int tileSize, int coefficientOffset) {
        this.program = program;
        this.network = new TaylorNetwork(spec, program.plan(), tileSize);
        program.bind(network.plan());
        this.coefficientOffset = coefficientOffset;
    }

    /** The compiled expressions. */
    public Program program() {
        return program;
    }

    /** The network planned for this program. */
    public TaylorNetwork network() {
        return network;
    }

    /** Number of expressions (roots) of the program. */
    public int roots() {
        return program.roots();
    }

    /** What a pass does with one tile once the program has run forward on it; returns the tile's loss. */
    @FunctionalInterface
    public interface TileJob {
        /** Uses the values in {@code s} (and may seed adjoints and call {@link #backward}); the tile's loss. */
        double apply(Tile tile, Scratch s);
    }

    /**
     * Runs the program forward on every tile of the first {@code count} points (feature-major) with their data
     * {@code columns}, then {@code job} on it; returns the sum of the job's results. With {@code grad}, the
     * job seeds adjoints and calls {@link #backward}, and the reverse sweep adds the gradient into {@code grad}.
     */
    public double run(
            BatchEvaluator evaluator,
            double[][] points,
            int count,
            double[][] columns,
            double[] params,
            double[] grad,
            TileJob job) {
        kernel.job = job;
        kernel.columns = columns;
        return grad == null
                ? evaluator.loss(network, points, count, kernel, params)
                : evaluator.lossAndGradient(network, points, count, kernel, params, grad);
    }

    /** The values of expression {@code root} at the first {@code count} points, into {@code out[0..count)}. */
    public void values(
            BatchEvaluator evaluator,
            double[][] points,
            int count,
            double[][] columns,
            double[] params,
            int root,
            double[] out) {
        run(evaluator, points, count, columns, params, null, (tile, s) -> {
            System.arraycopy(s.program.values, program.valueOffset(s.program, root), out, tile.start(), tile.size());
            return 0;
        });
    }

    /** The values of every expression at the first {@code count} points, {@code [root][point]}. */
    public double[][] values(BatchEvaluator evaluator, double[][] points, int count, double[] params) {
        double[][] out = new double[program.roots()][count];
        run(evaluator, points, count, NO_COLUMNS, params, null, (tile, s) -> {
            for (int r = 0; r < out.length; r++) {
                System.arraycopy(
                        s.program.values, program.valueOffset(s.program, r), out[r], tile.start(), tile.size());
            }
            return 0;
        });
        return out;
    }

    /**
     * The residuals {@code scale * e_r(p)} of every expression r at the first {@code count} points and, when
     * {@code jt} is not null, their exact Jacobian with respect to all parameters (network parameters, then the
     * trainable coefficients): one reverse sweep per expression and tile, seeded with {@code scale} at every
     * point, whose per-point derivatives are written instead of summed. The row of (expression r, point p) is
     * {@code row0 + r * count + p}; {@code residuals[row]} and {@code jt[column * rows + row]} (the Jacobian by
     * columns, {@code params.length} columns) are replaced, or added to with {@code add}. Rows of different
     * tiles are disjoint, so the result does not depend on the thread count.
     */
    public void residualsAndJacobian(
            BatchEvaluator evaluator,
            double[][] points,
            int count,
            double[][] columns,
            double[] params,
            double scale,
            double[] residuals,
            double[] jt,
            int rows,
            int row0,
            boolean add) {
        residualsAndJacobian(
                evaluator, points, count, columns, params, scale, 0, program.roots(), residuals, jt, rows, row0, add);
    }

    /**
     * {@link #residualsAndJacobian} for expressions {@code firstRoot .. lastRoot - 1} only, the row of (expression r,
     * point p) at {@code row0 + (r - firstRoot) * count + p}; {@code residuals} may be null (the Jacobian only).
     */
    public void residualsAndJacobian(
            BatchEvaluator evaluator,
            double[][] points,
            int count,
            double[][] columns,
            double[] params,
            double scale,
            int firstRoot,
            int lastRoot,
            double[] residuals,
            double[] jt,
            int rows,
            int row0,
            boolean add) {
        int coefficients = params.length - coefficientOffset;
        int outputs = network.spec().outputs();
        int streams = network.plan().size();
        run(evaluator, points, count, columns, params, null, (tile, s) -> {
            int n = tile.size();
            for (int r = firstRoot; r < lastRoot; r++) {
                int row = row0 + (r - firstRoot) * count + tile.start();
                if (residuals != null) {
                    int v = program.valueOffset(s.program, r);
                    for (int p = 0; p < n; p++) {
                        residuals[row + p] = (add ? residuals[row + p] : 0.0) + scale * s.program.values[v + p];
                    }
                }
                if (jt == null) {
                    continue;
                }
                for (int j = 0; j < outputs; j++) {
                    for (int st = 0; st < streams; st++) {
                        Arrays.fill(tile.outputAdjoint(j, st), 0.0);
                    }
                }
                program.clearAdjoints(s.program, n);
                int a = program.adjointOffset(s.program, r);
                for (int p = 0; p < n; p++) {
                    s.program.adjoints[a + p] += scale;
                }
                program.backward(tile, coefficientOffset, s.program);
                network.jacobianRows(params, tile, jt, rows, row, add);
                for (int k = 0; k < coefficients; k++) {
                    int off = program.coefficientAdjointOffset(s.program, k);
                    int col = (coefficientOffset + k) * rows + row;
                    for (int p = 0; p < n; p++) {
                        double d = off < 0 ? 0.0 : s.program.adjoints[off + p];
                        jt[col + p] = (add ? jt[col + p] : 0.0) + d;
                    }
                }
            }
            return 0;
        });
    }

    /** In a job: offset of expression {@code root}'s values (and adjoints) in the scratch rows. */
    public int valueOffset(Scratch s, int root) {
        return program.valueOffset(s.program, root);
    }

    /** In a job: offset of expression {@code root}'s adjoints in the scratch rows. */
    public int adjointOffset(Scratch s, int root) {
        return program.adjointOffset(s.program, root);
    }

    /** In a job: clears the adjoints of the tile's {@code n} points before seeding. */
    public void clearAdjoints(Scratch s, int n) {
        program.clearAdjoints(s.program, n);
    }

    /** In a job: the reverse pass from the seeded adjoints to the network outputs and the coefficients. */
    public void backward(Tile tile, Scratch s) {
        program.backward(tile, coefficientOffset, s.program);
    }

    /** Per-thread buffers: the program's node values and adjoints, and one slot per expression. */
    public static final class Scratch {
        /** The program's node values and adjoints. */
        public final Program.Scratch program;

        final double[] r;
        final double[] dr;
        final double[] target;
        final int[] valueOffsets;
        final int[] adjointOffsets;

        Scratch(Program.Scratch program, int roots) {
            this.program = program;
            this.r = new double[roots];
            this.dr = new double[roots];
            this.target = new double[roots];
            this.valueOffsets = new int[roots];
            this.adjointOffsets = new int[roots];
        }
    }

    /** The one tile loss of this program: the forward pass, then the current job. */
    private final class Kernel implements TileLoss<Scratch> {
        private TileJob job;
        private double[][] columns;

        @Override
        public Scratch newScratch(int tileSize) {
            return new Scratch(program.newScratch(tileSize), program.roots());
        }

        @Override
        public double evaluate(Tile tile, Scratch s) {
            program.forward(tile, columns, coefficientOffset, s.program);
            return job.apply(tile, s);
        }
    }
}
