package org.pinn4j.core.optim;

import java.util.concurrent.atomic.AtomicInteger;
import org.pinn4j.autodiff.dense.LaneDots;

/**
 * The Gauss-Newton normal equations of a least-squares problem and their damped solves: from a Jacobian stored by
 * columns (m residuals, N variables) it forms A = J^T J and g = J^T r, then solves (A + mu D) delta = -g by a
 * Cholesky factorisation, D the identity or diag(A).
 *
 * <p>Every entry of A (and of g) is the sum, in row order, of {@link LaneDots} products of its two columns over
 * chunks of {@value #CHUNK} rows, whichever tile or thread computes it, so A is the same bits for any thread count
 * and with or without the Vector API. The threads take pairs of tiles of 16 columns of A's upper triangle; for each
 * chunk a pair's 32 column segments (128 KB) stay in cache while its 2 x 2 blocks ({@link LaneDots#dot2x2}) use
 * them. N (N + 1) m flops for A's upper triangle (the rest mirrored), N^3/3 for each factorisation.
 */
public final class NormalEquations implements AutoCloseable {
    /** Columns per tile: the products of two tiles' columns are computed together, chunk by chunk. */
    static final int TILE = 16;

    /**
     * Rows per chunk: an entry of A is the sum, chunk after chunk in row order, of the lane dot products of its two
     * columns over each chunk; a constant, so the bits depend neither on the threads nor on the machine.
     */
    public static final int CHUNK = 512;

    /** Multiply-adds of a Cholesky column below which it is computed on the calling thread alone. */
    private static final long PARALLEL_COLUMN_WORK = 1 << 15;

    private final int n;
    private final int threads;
    private final double[] a;
    private final double[] g;
    private final double[] l;
    private final double[] y;
    private final WorkerPool pool;

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
        this.pool = new WorkerPool("pinn4j-normal-equations", "normal equations", threads);
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
        begin();
        accumulate(jt, m, r, 0);
        finish();
    }

    /** Starts forming A and g block by block ({@link #accumulate}, then {@link #finish}). */
    public void begin() {
        java.util.Arrays.fill(a, 0.0);
        java.util.Arrays.fill(g, 0.0);
    }

    /**
     * Adds rows {@code row0 .. row0 + m - 1} of the Jacobian, given by columns in {@code jt} (entry (row0 + i, j) at
     * {@code jt[j * m + i]}), with the residuals {@code r[row0 ..)}, to A's upper triangle and g. Blocks come in row
     * order and start on a multiple of {@value #CHUNK} rows, so the sums are those of {@link #form} on the whole
     * Jacobian, bit for bit.
     *
     * @throws IllegalArgumentException if the block does not start on a chunk boundary or does not fit the arrays
     */
    public void accumulate(double[] jt, int m, double[] r, int row0) {
        if (row0 % CHUNK != 0) {
            throw new IllegalArgumentException(
                    "a Jacobian block must start on a multiple of " + CHUNK + " rows; got " + row0);
        }
        if ((long) m * n > jt.length || r.length < row0 + m) {
            throw new IllegalArgumentException("Jacobian of " + m + " x " + n + " does not fit arrays of " + jt.length
                    + " and " + r.length + " values");
        }
        int tiles = (n + TILE - 1) / TILE;
        int pairs = tiles * (tiles + 1) / 2;
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            double[] out = new double[4];
            for (int t = next.getAndIncrement(); t < pairs + tiles; t = next.getAndIncrement()) {
                if (t >= pairs) {
                    gradientTile(jt, r, row0, m, t - pairs);
                    continue;
                }
                // pair t = (ti, tj), ti <= tj, row by row of the upper triangle of tiles
                int ti = 0;
                int first = 0;
                while (first + tiles - ti <= t) {
                    first += tiles - ti;
                    ti++;
                }
                int tj = ti + (t - first);
                for (int c = 0; c < m; c += CHUNK) {
                    tilePair(jt, m, ti * TILE, tj * TILE, c, Math.min(CHUNK, m - c), out);
                }
            }
        };
        run(work, pairs + tiles);
    }

    /** Completes A from its upper triangle after the last {@link #accumulate}. */
    public void finish() {
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i * n + j] = a[j * n + i];
            }
        }
    }

    /**
     * Adds rows [c, c + len) of the products of columns [i0, i0 + TILE) with columns [j0, j0 + TILE) (upper triangle
     * only) to A: 2 x 2 blocks of {@link LaneDots}, single products at an odd edge. The columns' segments of one
     * chunk of one tile pair stay in cache while every block of the pair uses them.
     */
    private void tilePair(double[] jt, int m, int i0, int j0, int c, int len, double[] out) {
        int iEnd = Math.min(n, i0 + TILE);
        int jEnd = Math.min(n, j0 + TILE);
        for (int i = i0; i < iEnd; i += 2) {
            for (int j = Math.max(j0, i0 == j0 ? i : j0); j < jEnd; j += 2) {
                if (i + 1 < iEnd && j + 1 < jEnd) {
                    LaneDots.dot2x2(jt, i * m + c, (i + 1) * m + c, jt, j * m + c, (j + 1) * m + c, len, out);
                    a[i * n + j] += out[0];
                    a[i * n + j + 1] += out[1];
                    if (j > i) {
                        a[(i + 1) * n + j] += out[2];
                    }
                    a[(i + 1) * n + j + 1] += out[3];
                } else {
                    for (int ii = i; ii < Math.min(iEnd, i + 2); ii++) {
                        for (int jj = Math.max(j, ii); jj < Math.min(jEnd, j + 2); jj++) {
                            a[ii * n + jj] += LaneDots.dot(jt, ii * m + c, jt, jj * m + c, len);
                        }
                    }
                }
            }
        }
    }

    /** g[i] for the columns of tile {@code ti}, chunk by chunk like A. */
    private void gradientTile(double[] jt, double[] r, int row0, int m, int ti) {
        for (int i = ti * TILE; i < Math.min(n, (ti + 1) * TILE); i++) {
            for (int c = 0; c < m; c += CHUNK) {
                g[i] += LaneDots.dot(jt, i * m + c, r, row0 + c, Math.min(CHUNK, m - c));
            }
        }
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
        // Cholesky column by column: L[j][j] = sqrt(M[j][j] - |L[j][0..j)|^2), then for every row i > j (split over
        // the threads when the column is worth it) L[i][j] = (M[i][j] - L[i][0..j).L[j][0..j)) / L[j][j]; each entry
        // is the same expression whichever thread computes it
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double d = l[rowJ + j] - prefixDot(l, rowJ, rowJ, j);
            if (!(d > 0 && Double.isFinite(d))) {
                return false;
            }
            l[rowJ + j] = Math.sqrt(d);
            int first = j + 1;
            if (threads == 1 || (long) (n - first) * j < PARALLEL_COLUMN_WORK) {
                column(j, first, n);
            } else {
                int col = j;
                java.util.List<Runnable> parts = new java.util.ArrayList<>();
                for (int k = 0; k < threads; k++) {
                    int from = first + (int) ((long) (n - first) * k / threads);
                    int to = first + (int) ((long) (n - first) * (k + 1) / threads);
                    parts.add(() -> column(col, from, to));
                }
                pool.runAll(parts);
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

    /** L[i][j] for rows i in [from, to) of column j, once L[j][j] and the columns before j are known. */
    private void column(int j, int from, int to) {
        int rowJ = j * n;
        double ljj = l[rowJ + j];
        for (int i = from; i < to; i++) {
            int rowI = i * n;
            l[rowI + j] = (l[rowI + j] - prefixDot(l, rowI, rowJ, j)) / ljj;
        }
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
        pool.runAll(java.util.Collections.nCopies(workers, work));
    }

    /** Stops the worker threads (they start again on the next parallel use). */
    @Override
    public void close() {
        pool.close();
    }
}
