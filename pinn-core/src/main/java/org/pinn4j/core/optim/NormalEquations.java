package org.pinn4j.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Gauss-Newton normal equations of a least-squares problem and their damped solves: from a Jacobian stored by
 * columns (m residuals, N variables) it forms A = J^T J and g = J^T r, then solves (A + mu D) delta = -g by a
 * Cholesky factorisation, D the identity or diag(A).
 *
 * <p>Every entry of A is one fused-multiply-add chain over the m rows in order, whichever block or thread computes
 * it, so A is the same bits for any thread count; the threads take 4 x 4 blocks of A's upper triangle (16 chains
 * over the same 8 columns at a time). N^2 m flops for A (half of them mirrored), N^3/3 for each factorisation.
 */
public final class NormalEquations implements AutoCloseable {
    /** Side of the blocks of A computed together. */
    static final int BLOCK = 4;

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
            for (int bi = next.getAndIncrement(); bi < blocks; bi = next.getAndIncrement()) {
                int i0 = bi * BLOCK;
                for (int j0 = i0; j0 < n; j0 += BLOCK) {
                    block(jt, m, i0, j0);
                }
                for (int i = i0; i < Math.min(n, i0 + BLOCK); i++) {
                    g[i] = dot(jt, i * m, r, 0, m);
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

    /** A[i][j] for i in [i0, i0+4), j in [j0, j0+4), j &gt;= i, as fma chains over the rows. */
    private void block(double[] jt, int m, int i0, int j0) {
        if (i0 + BLOCK > n || j0 + BLOCK > n) {
            for (int i = i0; i < Math.min(n, i0 + BLOCK); i++) {
                for (int j = Math.max(i, j0); j < Math.min(n, j0 + BLOCK); j++) {
                    a[i * n + j] = dot(jt, i * m, jt, j * m, m);
                }
            }
            return;
        }
        int p0 = i0 * m;
        int p1 = p0 + m;
        int p2 = p1 + m;
        int p3 = p2 + m;
        int q0 = j0 * m;
        int q1 = q0 + m;
        int q2 = q1 + m;
        int q3 = q2 + m;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
        double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int k = 0; k < m; k++) {
            double x0 = jt[p0 + k];
            double x1 = jt[p1 + k];
            double x2 = jt[p2 + k];
            double x3 = jt[p3 + k];
            double y0 = jt[q0 + k];
            double y1 = jt[q1 + k];
            double y2 = jt[q2 + k];
            double y3 = jt[q3 + k];
            s00 = Math.fma(x0, y0, s00);
            s01 = Math.fma(x0, y1, s01);
            s02 = Math.fma(x0, y2, s02);
            s03 = Math.fma(x0, y3, s03);
            s10 = Math.fma(x1, y0, s10);
            s11 = Math.fma(x1, y1, s11);
            s12 = Math.fma(x1, y2, s12);
            s13 = Math.fma(x1, y3, s13);
            s20 = Math.fma(x2, y0, s20);
            s21 = Math.fma(x2, y1, s21);
            s22 = Math.fma(x2, y2, s22);
            s23 = Math.fma(x2, y3, s23);
            s30 = Math.fma(x3, y0, s30);
            s31 = Math.fma(x3, y1, s31);
            s32 = Math.fma(x3, y2, s32);
            s33 = Math.fma(x3, y3, s33);
        }
        double[][] s = {{s00, s01, s02, s03}, {s10, s11, s12, s13}, {s20, s21, s22, s23}, {s30, s31, s32, s33}};
        for (int i = 0; i < BLOCK; i++) {
            for (int j = 0; j < BLOCK; j++) {
                if (j0 + j >= i0 + i) {
                    a[(i0 + i) * n + j0 + j] = s[i][j];
                }
            }
        }
    }

    /** One fma chain over k in order: the same bits as an entry of a block. */
    private static double dot(double[] x, int p, double[] y, int q, int len) {
        double s = 0;
        for (int k = 0; k < len; k++) {
            s = Math.fma(x[p + k], y[q + k], s);
        }
        return s;
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

    /** The dot product of a[p .. p+len) and a[q .. q+len), in four interleaved sums. */
    private static double prefixDot(double[] a, int p, int q, int len) {
        return prefixDot(a, p, a, q, len);
    }

    private static double prefixDot(double[] a, int p, double[] b, int len) {
        return prefixDot(a, p, b, 0, len);
    }

    private static double prefixDot(double[] a, int p, double[] b, int q, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[p + k] * b[q + k];
            s1 += a[p + k + 1] * b[q + k + 1];
            s2 += a[p + k + 2] * b[q + k + 2];
            s3 += a[p + k + 3] * b[q + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[p + k] * b[q + k];
        }
        return (s0 + s1) + (s2 + s3);
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
