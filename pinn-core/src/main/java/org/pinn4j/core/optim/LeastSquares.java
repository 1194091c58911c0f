package org.pinn4j.core.optim;

/**
 * A sum of squares f(x) = |r(x)|^2 of residuals r: R^N -&gt; R^m with their Jacobian, the problem
 * {@link LevenbergMarquardt} solves. Its gradient is 2 J^T r.
 */
public interface LeastSquares {
    /** N, the number of variables. */
    int dimension();

    /** m, the number of residuals (constant during one run; a restart may change it). */
    int residualCount();

    /** The residuals at {@code x} into {@code r[0..m)}; returns |r|^2. Must not throw on a non-finite value. */
    double residuals(double[] x, double[] r);

    /**
     * Rows {@code row0 .. row0 + rows - 1} of the Jacobian at {@code x}, stored by columns: d r_(row0 + i) / d x_j at
     * {@code jt[j * rows + i]}. {@link LevenbergMarquardt} asks for blocks of rows in order, so the whole m x N
     * Jacobian is never held.
     */
    void jacobian(double[] x, int row0, int rows, double[] jt);
}
