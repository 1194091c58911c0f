package org.pinn4j.core.train;

import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.Tile;
import org.pinn4j.core.loss.PointLoss;
import org.pinn4j.core.sampling.PointSet;

/**
 * One loss term evaluated pointwise on a set of points: mean over points of a {@link PointLoss} of
 * compiled expressions (a PDE residual, a boundary condition, a data misfit), through its {@link BoundProgram}.
 *
 * <p>The current points and columns are set with {@link #setPoints}; evaluation is then parallel over
 * tiles through a {@link BatchEvaluator}. Not thread-safe between evaluations.
 */
public final class PointTerm implements LossTerm {
    private final String name;
    private final double weight;
    private final BoundProgram bound;
    private final PointLoss loss;
    private final int[] targetColumns;
    private final BoundProgram.TileJob lossJob = this::lossOnTile;
    private double[][] points;
    private double[][] columns;
    private int count;
    private double adjointScale;
    private double[] multipliers;
    private double[] residualNorms;

    /**
     * @param targetColumns indices of the target columns for cross-entropy losses (empty otherwise)
     */
    public PointTerm(String name, double weight, BoundProgram bound, PointLoss loss, int[] targetColumns) {
        this.name = name;
        this.weight = weight;
        this.bound = bound;
        this.loss = loss;
        this.targetColumns = targetColumns.clone();
        if (loss.needsTargets() && targetColumns.length != bound.roots()) {
            throw new IllegalArgumentException("term '" + name + "': " + loss
                    + " needs one target column per expression (" + bound.roots() + "); got " + targetColumns.length);
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

    /** The compiled program on its network. */
    public BoundProgram bound() {
        return bound;
    }

    /** Number of points currently set. */
    @Override
    public int count() {
        return count;
    }

    /** Sets the points and their data columns for the next evaluations. */
    @Override
    public void setPoints(PointSet points, double[][] columns) {
        setPoints(points.toArray(), columns, points.size());
    }

    /** Sets the points (feature-major) and their data columns for the next evaluations; clears any multipliers. */
    public void setPoints(double[][] points, double[][] columns, int count) {
        this.points = points;
        this.columns = columns;
        this.count = count;
        this.multipliers = null;
        this.residualNorms = null;
    }

    /**
     * Per-point multipliers lambda for the next evaluations (null: none): the loss becomes the mean over points of
     * the point loss of lambda_p e_k(p), and each evaluation keeps the points' residual norms |e(p)| (see
     * {@link #residualNorms()}). The array is used as it is, not copied; setting new points clears it.
     *
     * @throws IllegalArgumentException if its length is not the point count
     */
    void setMultipliers(double[] multipliers) {
        if (multipliers != null && multipliers.length != count) {
            throw new IllegalArgumentException(
                    "term '" + name + "': " + multipliers.length + " multipliers for " + count + " points");
        }
        this.multipliers = multipliers;
        this.residualNorms = multipliers == null ? null : new double[count];
    }

    /** The unweighted residual norms sqrt(sum_k e_k(p)^2) of the last evaluation with multipliers, per point. */
    double[] residualNorms() {
        return residualNorms;
    }

    /**
     * Mean loss of this term over its points (unweighted). When grad is not null, adds
     * weight * d(mean loss)/d(params) into it.
     */
    @Override
    public double evaluate(BatchEvaluator evaluator, double[] params, double[] grad, double weightOverride) {
        if (count == 0) {
            return 0.0;
        }
        adjointScale = weightOverride / count;
        double sum = bound.run(evaluator, points, count, columns, params, grad, lossJob);
        return sum / count;
    }

    /** Per point, the sum of squares of all expressions on the current points (the refinement score). */
    @Override
    public double[] pointScores(BatchEvaluator evaluator, double[] params) {
        double[] out = new double[count];
        bound.run(evaluator, points, count, columns, params, null, (tile, s) -> {
            for (int r = 0; r < bound.roots(); r++) {
                int off = bound.valueOffset(s, r);
                for (int p = 0; p < tile.size(); p++) {
                    double v = s.program.values[off + p];
                    out[tile.start() + p] += v * v;
                }
            }
            return 0;
        });
        return out;
    }

    /** One residual per expression and point. */
    @Override
    public int residualCount() {
        return count * bound.roots();
    }

    /**
     * sqrt(weight / count) e_k(p) for every expression k and point p (rows {@code row0 + k * count + p}): the
     * mean squared error's residuals.
     */
    @Override
    public void residuals(
            BatchEvaluator evaluator, double[] params, double weight, double[] r, double[] jt, int rows, int row0) {
        requireSumOfSquares();
        if (count == 0) {
            return;
        }
        bound.residualsAndJacobian(
                evaluator, points, count, columns, params, Math.sqrt(weight / count), r, jt, rows, row0, false);
    }

    /** Rows {@code from .. to - 1} (expression k's rows are k * count .. (k + 1) * count - 1) of the Jacobian. */
    @Override
    public void jacobianRows(
            BatchEvaluator evaluator,
            double[] params,
            double weight,
            int from,
            int to,
            double[] jt,
            int rows,
            int row0) {
        requireSumOfSquares();
        double scale = Math.sqrt(weight / count);
        for (int k = 0; k < bound.roots(); k++) {
            int lo = Math.max(from, k * count);
            int hi = Math.min(to, (k + 1) * count);
            if (lo >= hi) {
                continue;
            }
            int first = lo - k * count;
            int n = hi - lo;
            bound.residualsAndJacobian(
                    evaluator,
                    slice(points, first, n),
                    n,
                    slice(columns, first, n),
                    params,
                    scale,
                    k,
                    k + 1,
                    null,
                    jt,
                    rows,
                    row0 + (lo - from),
                    false);
        }
    }

    /** Points {@code first .. first + n - 1} of feature-major arrays (the arrays themselves from the start). */
    static double[][] slice(double[][] a, int first, int n) {
        if (first == 0 || a == null) {
            return a;
        }
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(a[i], first, first + n);
        }
        return out;
    }

    private void requireSumOfSquares() {
        if (loss.kind() != PointLoss.Kind.MSE) {
            throw new IllegalStateException("term '" + name + "' uses the " + loss.kind() + " point loss; only a"
                    + " mean squared error is a sum of squares with residuals (Levenberg-Marquardt needs one)");
        }
    }

    /** Per-point loss values r (root 0 of the expressions) on the current points, for residual maps and refinement. */
    public double[] pointValues(BatchEvaluator evaluator, double[] params) {
        double[] out = new double[count];
        bound.values(evaluator, points, count, columns, params, 0, out);
        return out;
    }

    private double lossOnTile(Tile tile, BoundProgram.Scratch s) {
        int k = bound.roots();
        int n = tile.size();
        boolean withGradient = tile.gradient() != null;
        if (withGradient) {
            bound.clearAdjoints(s, n);
        }
        double[] values = s.program.values;
        double[] adj = s.program.adjoints;
        int[] vOff = s.valueOffsets;
        int[] aOff = s.adjointOffsets;
        for (int r = 0; r < k; r++) {
            vOff[r] = bound.valueOffset(s, r);
            aOff[r] = bound.adjointOffset(s, r);
        }
        double sum = 0;
        double[] lambda = multipliers;
        for (int p = 0; p < n; p++) {
            double m = 1.0;
            if (lambda != null) {
                m = lambda[tile.start() + p];
                double norm = 0;
                for (int r = 0; r < k; r++) {
                    double v = values[vOff[r] + p];
                    norm += v * v;
                }
                residualNorms[tile.start() + p] = Math.sqrt(norm);
            }
            for (int r = 0; r < k; r++) {
                s.r[r] = lambda == null ? values[vOff[r] + p] : m * values[vOff[r] + p];
                if (targetColumns.length > 0) {
                    s.target[r] = columns[targetColumns[r]][tile.start() + p];
                }
            }
            sum += loss.evaluate(s.r, s.target, k, withGradient ? s.dr : null);
            if (withGradient) {
                for (int r = 0; r < k; r++) {
                    adj[aOff[r] + p] += lambda == null ? adjointScale * s.dr[r] : adjointScale * (m * s.dr[r]);
                }
            }
        }
        if (withGradient) {
            bound.backward(tile, s);
        }
        return sum;
    }
}
