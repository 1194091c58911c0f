package org.pinn4j.core.train;

import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.autodiff.taylor.TaylorNetwork;
import org.pinn4j.autodiff.taylor.Tile;
import org.pinn4j.autodiff.taylor.TileLoss;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.loss.PointLoss;

/**
 * One loss term evaluated pointwise on a set of points: mean over points of a {@link PointLoss} of
 * compiled expressions (a PDE residual, a boundary condition, a data misfit). Owns the
 * {@link TaylorNetwork} planned for exactly the derivatives its expressions read.
 *
 * <p>The current points and columns are set with {@link #setPoints}; evaluation is then parallel over
 * tiles through a {@link BatchEvaluator}. Not thread-safe between evaluations.
 */
public final class PointTerm implements TileLoss<PointTerm.Scratch> {
    private final String name;
    private final double weight;
    private final Program program;
    private final TaylorNetwork network;
    private final PointLoss loss;
    private final int coefficientOffset;
    private final int[] targetColumns;
    private double[][] points;
    private double[][] columns;
    private int count;
    private double adjointScale;

    /**
     * @param targetColumns indices of the target columns for cross-entropy losses (empty otherwise)
     */
    public PointTerm(
            String name,
            double weight,
            Program program,
            NetworkSpec spec,
            int tileSize,
            PointLoss loss,
            int coefficientOffset,
            int[] targetColumns) {
        this.name = name;
        this.weight = weight;
        this.program = program;
        this.network = new TaylorNetwork(spec, program.plan(), tileSize);
        program.bind(network.plan());
        this.loss = loss;
        this.coefficientOffset = coefficientOffset;
        this.targetColumns = targetColumns.clone();
        if (loss.needsTargets() && targetColumns.length != program.roots()) {
            throw new IllegalArgumentException("term '" + name + "': " + loss
                    + " needs one target column per expression (" + program.roots() + "); got " + targetColumns.length);
        }
    }

    /** Term name as shown in the loss history. */
    public String name() {
        return name;
    }

    /** Weight of this term in the total loss. */
    public double weight() {
        return weight;
    }

    /** The engine instance planned for this term. */
    public TaylorNetwork network() {
        return network;
    }

    /** The compiled expressions. */
    public Program program() {
        return program;
    }

    /** Number of points currently set. */
    public int count() {
        return count;
    }

    /** Sets the points (feature-major) and their data columns for the next evaluations. */
    public void setPoints(double[][] points, double[][] columns, int count) {
        this.points = points;
        this.columns = columns;
        this.count = count;
    }

    /**
     * Mean loss of this term over its points (unweighted). When grad is not null, adds
     * weight * d(mean loss)/d(params) into it.
     */
    public double evaluate(BatchEvaluator evaluator, double[] params, double[] grad, double weightOverride) {
        if (count == 0) {
            return 0.0;
        }
        adjointScale = weightOverride / count;
        double sum = grad == null
                ? evaluator.loss(network, points, count, this, params)
                : evaluator.lossAndGradient(network, points, count, this, params, grad);
        return sum / count;
    }

    /** Per point, the sum of squares of all expressions on the current points (the refinement score). */
    public double[] pointScores(BatchEvaluator evaluator, double[] params) {
        double[] out = new double[count];
        TileLoss<Scratch> capture = new TileLoss<>() {
            @Override
            public Scratch newScratch(int tileSize) {
                return PointTerm.this.newScratch(tileSize);
            }

            @Override
            public double evaluate(Tile tile, Scratch s) {
                program.forward(tile, columns, coefficientOffset, s.program);
                for (int r = 0; r < program.roots(); r++) {
                    int off = program.valueOffset(s.program, r);
                    for (int p = 0; p < tile.size(); p++) {
                        double v = s.program.values[off + p];
                        out[tile.start() + p] += v * v;
                    }
                }
                return 0;
            }
        };
        evaluator.loss(network, points, count, capture, params);
        return out;
    }

    /** Per-point loss values r (root 0 of the expressions) on the current points, for residual maps and refinement. */
    public double[] pointValues(BatchEvaluator evaluator, double[] params) {
        double[] out = new double[count];
        TileLoss<Scratch> capture = new TileLoss<>() {
            @Override
            public Scratch newScratch(int tileSize) {
                return PointTerm.this.newScratch(tileSize);
            }

            @Override
            public double evaluate(Tile tile, Scratch s) {
                program.forward(tile, columns, coefficientOffset, s.program);
                int off = program.valueOffset(s.program, 0);
                System.arraycopy(s.program.values, off, out, tile.start(), tile.size());
                return 0;
            }
        };
        evaluator.loss(network, points, count, capture, params);
        return out;
    }

    @Override
    public Scratch newScratch(int tileSize) {
        return new Scratch(program.newScratch(tileSize), program.roots());
    }

    @Override
    public double evaluate(Tile tile, Scratch s) {
        program.forward(tile, columns, coefficientOffset, s.program);
        int k = program.roots();
        int n = tile.size();
        boolean withGradient = tile.gradient() != null;
        if (withGradient) {
            program.clearAdjoints(s.program, n);
        }
        double[] values = s.program.values;
        double[] adj = s.program.adjoints;
        int[] vOff = s.valueOffsets;
        int[] aOff = s.adjointOffsets;
        for (int r = 0; r < k; r++) {
            vOff[r] = program.valueOffset(s.program, r);
            aOff[r] = program.adjointOffset(s.program, r);
        }
        double sum = 0;
        for (int p = 0; p < n; p++) {
            for (int r = 0; r < k; r++) {
                s.r[r] = values[vOff[r] + p];
                if (targetColumns.length > 0) {
                    s.target[r] = columns[targetColumns[r]][tile.start() + p];
                }
            }
            sum += loss.evaluate(s.r, s.target, k, withGradient ? s.dr : null);
            if (withGradient) {
                for (int r = 0; r < k; r++) {
                    adj[aOff[r] + p] += adjointScale * s.dr[r];
                }
            }
        }
        if (withGradient) {
            program.backward(tile, coefficientOffset, s.program);
        }
        return sum;
    }

    /** Per-thread buffers of a term. */
    public static final class Scratch {
        final Program.Scratch program;
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
}
