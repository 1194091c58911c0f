package org.pinn4j.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.pinn4j.autodiff.dense.LaneDots;

/**
 * The Gauss-Newton normal equations of a least-squares problem and their damped solves: from a Jacobian stored by
 * columns (m residuals, N variables) it forms A = J^T J and g = J^T r, then solves (A + mu D) delta = -g by a
 * Cholesky factorisation, D the identity or diag(A).
 *
 * <p>Every entry of A is a {@link LaneDots} product of two columns (8 fma chains over the rows, reduced in a fixed
 * order), whichever block or thread computes it, so A is the same bits for any thread count and with or without the
 * Vector API; the threads take rows of 2 x 2 blocks of A's upper triangle ({@link LaneDots#dot2x2}: each loaded
 * element used twice). N (N + 1) m flops for A's upper triangle (the rest mirrored), N^3/3 for each
 * factorisation.
 */
public final class NormalEquations implements AutoCloseable {
    /** Side of the blocks of A computed together. */
    static final int BLOCK = 2;

    private final int n;
    private final int threads;
    private final double[] a;
    private final double[] g;
    private final double[] l;
    private final double[] y;
    private ExecutorService pool;

    /** Equations of {@code n} variables, formed on {@code threads} threads. */
    public NormalEquations(int n, int threads) {
        if (n < 1 || threads < 1) {
            throw new IllegalArgumentException(
                    "normal equations need n >= 1 and threads >= 1; got " + n + ", " + threads);
        }
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("normal equations of " + n + " variables do not fit a Java array");
        }
        this.n = n;
        this.threads = threads;
        this.a = new double[n * n];
        this.l = new double[n * n];
        this.g = new double[n];
        this.y = new double[n];
    }

    /** N. */
    public int dimension() {
        return n;
    }

    /** A = J^T J (row-major, symmetric; read only). */
    public double[] normalMatrix() {
        return a;
    }

    /** g = J^T r (read only). */
    public double[] gradientHalf() {
        return g;
    }

    /** The largest diagonal entry of A. */
    public double maxDiagonal() {
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, a[i * n + i]);
        }
        return max;
    }

    /**
     * Forms A = J^T J and g = J^T r from the Jacobian {@code jt} stored by columns (entry (i, j) at
     * {@code jt[j * m + i]}) and the residuals {@code r[0..m)}.
     */
    public void form(double[] jt, double[] r, int m) {
        if ((long) m * n > jt.length || r.length < m) {
            throw new IllegalArgumentException("Jacobian of " + m + " x " + n + " does not fit arrays of " + jt.length
                    + " and " + r.length + " values");
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            double[] out = new double[4];
            for (int bi = next.getAndIncrement(); bi < blocks; bi = next.getAndIncrement()) {
                int i0 = bi * BLOCK;
                for (int j0 = i0; j0 < n; j0 += BLOCK) {
                    block(jt, m, i0, j0, out);
                }
                for (int i = i0; i < Math.min(n, i0 + BLOCK); i++) {
                    g[i] = LaneDots.dot(jt, i * m, r, 0, m);
                }
            }
        };
        run(work, blocks);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i * n + j] = a[j * n + i];
            }
        }
    }

    /** A[i][j] for i in [i0, i0+2), j in [j0, j0+2), j &gt;= i: lane dot products of the columns. */
    private void block(double[] jt, int m, int i0, int j0, double[] out) {
        if (i0 + BLOCK > n || j0 + BLOCK > n) {
            for (int i = i0; i < Math.min(n, i0 + BLOCK); i++) {
                for (int j = Math.max(i, j0); j < Math.min(n, j0 + BLOCK); j++) {
                    a[i * n + j] = LaneDots.dot(jt, i * m, jt, j * m, m);
                }
            }
            return;
        }
        LaneDots.dot2x2(jt, i0 * m, (i0 + 1) * m, jt, j0 * m, (j0 + 1) * m, m, out);
        a[i0 * n + j0] = out[0];
        a[i0 * n + j0 + 1] = out[1];
        if (j0 > i0) {
            a[(i0 + 1) * n + j0] = out[2];
        }
        a[(i0 + 1) * n + j0 + 1] = out[3];
    }

    /**
     * Solves (A + mu D) delta = -g, D = I or diag(A) ({@code diagonalScaling}), by a Cholesky factorisation
     * (A itself is kept for the next solve with another mu).
     *
     * @return false if A + mu D is not numerically positive definite (delta is then unchanged)
     */
    public boolean solve(double mu, boolean diagonalScaling, double[] delta) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            System.arraycopy(a, row, l, row, i + 1);
            double d = diagonalScaling ? a[row + i] : 1.0;
            l[row + i] += mu * d;
        }
        // row-oriented Cholesky: L[i][j] = (M[i][j] - L[i][0..j).L[j][0..j)) / L[j][j], L[i][i] = sqrt(...)
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            for (int j = 0; j <= i; j++) {
                int rowJ = j * n;
                double sum = l[rowI + j] - prefixDot(l, rowI, rowJ, j);
                if (j < i) {
                    l[rowI + j] = sum / l[rowJ + j];
                } else if (sum > 0 && Double.isFinite(sum)) {
                    l[rowI + i] = Math.sqrt(sum);
                } else {
                    return false;
                }
            }
        }
        // L y = -g, then L^T delta = y
        for (int i = 0; i < n; i++) {
            int row = i * n;
            y[i] = (-g[i] - prefixDot(l, row, y, i)) / l[row + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * delta[k];
            }
            delta[i] = sum / l[i * n + i];
        }
        return true;
    }

    /** The dot product of a[p .. p+len) and a[q .. q+len). */
    private static double prefixDot(double[] a, int p, int q, int len) {
        return LaneDots.dot(a, p, a, q, len);
    }

    /** The dot product of a[p .. p+len) and b[0 .. len). */
    private static double prefixDot(double[] a, int p, double[] b, int len) {
        return LaneDots.dot(a, p, b, 0, len);
    }

    private void run(Runnable work, int tasks) {
        int workers = Math.min(threads, tasks);
        if (workers <= 1) {
            work.run();
            return;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "pinn4j-normal-equations");
                t.setDaemon(true);
                return t;
            });
        }
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            done.add(pool.submit(work));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("normal equations: interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("normal equations: a worker failed", e.getCause());
            }
        }
    }

    /** Stops the worker threads (they start again on the next parallel use). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
