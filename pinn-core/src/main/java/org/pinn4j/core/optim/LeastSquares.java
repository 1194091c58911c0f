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

    /**
     * The residuals at {@code x} into {@code r[0..m)} and, when {@code jt} is not null, the Jacobian stored by
     * columns: d r_i / d x_j at {@code jt[j * m + i]}. Returns |r|^2. Must not throw on a non-finite value.
     */
    double residuals(double[] x, double[] r, double[] jt);
}
