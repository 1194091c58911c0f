package org.pinn4j.core.train;

import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.core.sampling.PointSet;

/**
 * A term of the training loss, one per condition, evaluated on the condition's current points through its
 * {@link BoundProgram}. The kinds are closed: pointwise terms ({@link PointTerm}) and periodic pairs
 * ({@link PeriodicTerm}); a new kind (windowed, say) is a new permitted class, and the trainer calls only these
 * methods, never asks which kind it holds. Per-point weights (residual-based attention) are a state of a pointwise
 * term, set by {@link TrainingConditions} for the phases that use them.
 */
sealed interface LossTerm permits PointTerm, PeriodicTerm {
    /**
     * Makes {@code points} the term's points, with their data columns for a pointwise term (null for a
     * periodic one, which makes its two sides from the points itself).
     */
    void setPoints(PointSet points, double[][] columns);

    /** Number of points (or point pairs) currently set. */
    int count();

    /**
     * Mean loss over the current points (unweighted); when {@code grad} is not null, adds {@code weight} times
     * its gradient into it. The weight is folded into the adjoint seed, so the gradient's bits do not depend on
     * a separate scaling.
     */
    double evaluate(BatchEvaluator evaluator, double[] params, double[] grad, double weight);

    /**
     * Per point, the sum of squares of the term's expressions at the current points (the residual-based
     * refinement score).
     *
     * @throws IllegalStateException for a term without per-point expressions (a periodic pair)
     */
    double[] pointScores(BatchEvaluator evaluator, double[] params);

    /**
     * Number of residual components of the term at its current points: the length of its block of the residual
     * vector whose squared norm is the term's weighted loss (see {@link #residuals}).
     */
    int residualCount();

    /**
     * The term's block of the training loss as a sum of squares: components {@code sqrt(weight / count)} times
     * each per-point residual, so that their squared norm is {@code weight} times the term's mean loss, written
     * to {@code r[row0 ..]}; with {@code jt} not null also their exact Jacobian (rows {@code row0 ..} of a
     * Jacobian stored by columns, {@code jt[column * rows + row]}, one column per parameter).
     *
     * @throws IllegalStateException if the term's point loss is not a sum of squares (MAE, Huber,
     *     cross-entropies)
     */
    void residuals(
            BatchEvaluator evaluator, double[] params, double weight, double[] r, double[] jt, int rows, int row0);

    /**
     * Rows {@code from .. to - 1} of the term's block of the Jacobian (see {@link #residuals}) into rows {@code row0
     * ..} of {@code jt} (stored by columns with {@code rows} rows): the same entries, computed for those rows only,
     * so that a Jacobian can be formed block by block.
     *
     * @throws IllegalStateException if the term's point loss is not a sum of squares
     */
    void jacobianRows(
            BatchEvaluator evaluator,
            double[] params,
            double weight,
            int from,
            int to,
            double[] jt,
            int rows,
            int row0);
}
