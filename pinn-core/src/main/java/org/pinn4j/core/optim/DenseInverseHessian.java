package org.pinn4j.core.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.pinn4j.autodiff.dense.RankTwoRows;

/**
 * The dense N x N inverse-Hessian estimate H of {@link DenseQuasiNewton} and its N x N work: the product with
 * a vector, the BFGS and self-scaled Broyden rank-two updates and the Cholesky test. The updates run along whole
 * rows (contiguous memory, on the Vector API when present: {@link RankTwoRows}) with every entry written as an expression symmetric in i and j under IEEE rounding
 * (products and sums of commuting pairs, e.g. {@code s_i hy_j + hy_i s_j}), so H stays exactly symmetric without
 * a mirroring pass. The work is split over a fixed number of threads in contiguous row blocks;
 * each row is computed whole by one thread in the same order whatever the split, so the result is bit-identical
 * for any thread count. Public so that benchmarks can time one iteration's N x N work apart from the gradient.
 * Not thread-safe; {@link #close()} stops the threads.
 */
public final class DenseInverseHessian implements AutoCloseable {
    /** Rows below which the work stays on the calling thread. */
    private static final int PARALLEL_MIN_ROWS = 256;

    private final int n;
    /** Row-major. */
    private final double[] h;

    private final int threads;
    private final WorkerPool pool;

    /**
     * The identity of dimension {@code n}, its work split over {@code threads} threads (started on first use).
     *
     * @throws IllegalArgumentException if n &lt; 1, n^2 does not fit an array, or threads &lt; 1
     */
    public DenseInverseHessian(int n, int threads) {
        this(n, threads, null);
    }

    /** A copy of the row-major {@code values} (length n^2), or the identity if null. */
    DenseInverseHessian(int n, int threads, double[] values) {
        if (n < 1 || (long) n * n > Integer.MAX_VALUE - 8 || threads < 1) {
            throw new IllegalArgumentException(
                    "inverse Hessian: need 1 <= n with n^2 an array length and threads >= 1; got " + n + ", "
                            + threads);
        }
        this.n = n;
        this.threads = threads;
        this.pool = new WorkerPool("pinn4j-quasi-newton", "quasi-Newton", threads);
        if (values == null) {
            h = new double[n * n];
            reset();
        } else {
            if (values.length != n * n) {
                throw new IllegalArgumentException(
                        "inverse Hessian: " + values.length + " values for a " + n + " x " + n + " matrix");
            }
            h = values.clone();
        }
    }

    /** The dimension N. */
    public int dimension() {
        return n;
    }

    /** A copy of H, row-major. */
    public double[] values() {
        return h.clone();
    }

    /** H &lt;- I. */
    public void reset() {
        Arrays.fill(h, 0.0);
        for (int i = 0; i < n; i++) {
            h[i * n + i] = 1.0;
        }
    }

    /** H &lt;- c H. */
    public void scale(double c) {
        for (int i = 0; i < h.length; i++) {
            h[i] *= c;
        }
    }

    /** out = H v (each entry a dot product in four interleaved sums). */
    public void multiply(double[] v, double[] out) {
        forRows(i -> out[i] = rowDot(h, i * n, v, n));
    }

    /** The dot product of a[p .. p+len) and b[0 .. len), in four interleaved sums. */
    private static double rowDot(double[] a, int p, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[p + k] * b[k];
            s1 += a[p + k + 1] * b[k + 1];
            s2 += a[p + k + 2] * b[k + 2];
            s3 += a[p + k + 3] * b[k + 3];
        }
        for (; k < len; k++) {
            s0 += a[p + k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The BFGS update written out: H &lt;- H - rho (s hy^T + hy s^T) + c s s^T, which is (I - rho s y^T) H (I - rho
     * y s^T) + rho s s^T for {@code hy = H y} and {@code c = rho^2 y.Hy + rho}.
     */
    public void bfgsUpdate(double[] s, double[] hy, double rho, double c) {
        forRows(i -> RankTwoRows.bfgs(h, i * n, n, s[i], hy[i], s, hy, c, rho));
    }

    /**
     * The self-scaled Broyden update: H &lt;- (H - hy hy^T / yhy + phi yhy v v^T) / tau + rho s s^T, given
     * {@code hy = H y}, {@code yhy = y.Hy}, {@code v = rho s - hy / yhy} and the scalars of {@link
     * DenseQuasiNewton}.
     */
    public void selfScaledUpdate(double[] s, double[] hy, double yhy, double[] v, double phi, double tau, double rho) {
        double invTau = 1.0 / tau;
        double phiYhy = phi * yhy;
        forRows(i -> RankTwoRows.selfScaled(h, i * n, n, s[i], hy[i], v[i], s, hy, v, yhy, phiYhy, invTau, rho));
    }

    /**
     * The Cholesky test: whether H = L L^T with a positive diagonal (N^3/3 flops, one thread). L's strict lower
     * part is built in H's lower triangle (H's values are read from the upper one), then the lower triangle is
     * mirrored back, so H is as it was.
     */
    public boolean positiveDefinite() {
        double[] diagonal = new double[n];
        boolean ok = true;
        factor:
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            for (int j = 0; j <= i; j++) {
                int rowJ = j * n;
                double sum = h[rowJ + i] - prefixDot(h, rowI, rowJ, j);
                if (j < i) {
                    h[rowI + j] = sum / diagonal[j];
                } else if (sum > 0 && Double.isFinite(sum)) {
                    diagonal[i] = Math.sqrt(sum);
                } else {
                    ok = false;
                    break factor;
                }
            }
        }
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                h[i * n + j] = h[j * n + i];
            }
        }
        return ok;
    }

    /** The dot product of a[p .. p+len) and a[q .. q+len), in four interleaved sums. */
    private static double prefixDot(double[] a, int p, int q, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[p + k] * a[q + k];
            s1 += a[p + k + 1] * a[q + k + 1];
            s2 += a[p + k + 2] * a[q + k + 2];
            s3 += a[p + k + 3] * a[q + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[p + k] * a[q + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Runs {@code body} for every row index, split over the threads in equal contiguous blocks. */
    private void forRows(IntConsumer body) {
        if (threads == 1 || n < PARALLEL_MIN_ROWS) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        int parts = threads;
        int[] start = new int[parts + 1];
        for (int k = 1; k < parts; k++) {
            start[k] = (int) ((long) n * k / parts);
        }
        start[parts] = n;
        List<Runnable> tasks = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            int from = start[k];
            int to = start[k + 1];
            tasks.add(() -> {
                for (int i = from; i < to; i++) {
                    body.accept(i);
                }
            });
        }
        pool.runAll(tasks);
    }

    /** Stops the worker threads (they start again on the next parallel use). */
    @Override
    public void close() {
        pool.close();
    }
}
