package org.pinn4j.autodiff.dense;

import org.pinn4j.autodiff.VectorSupport;

/**
 * One row of the quasi-Newton rank-two updates of a dense N x N matrix, written element by element as plain
 * multiplications, divisions and additions in a fixed order (no fused multiply-add), so that the Vector API path
 * and the plain-Java path give the same bits: each vector lane performs exactly the scalar expression.
 */
public final class RankTwoRows {
    private RankTwoRows() {}

    /**
     * The self-scaled Broyden row i: {@code h[row + j] = (h[row + j] - (hyi * hy[j]) / yhy + phiYhy * (vi * v[j]))
     * * invTau + rho * (si * s[j])} for j in [0, n).
     */
    public static void selfScaled(
            double[] h,
            int row,
            int n,
            double si,
            double hyi,
            double vi,
            double[] s,
            double[] hy,
            double[] v,
            double yhy,
            double phiYhy,
            double invTau,
            double rho) {
        int j = 0;
        if (VectorSupport.enabled()) {
            j = VectorRankTwoRows.selfScaled(h, row, n, si, hyi, vi, s, hy, v, yhy, phiYhy, invTau, rho);
        }
        for (; j < n; j++) {
            h[row + j] = (h[row + j] - (hyi * hy[j]) / yhy + phiYhy * (vi * v[j])) * invTau + rho * (si * s[j]);
        }
    }

    /** The BFGS row i: {@code h[row + j] = h[row + j] + c * (si * s[j]) - rho * (si * hy[j] + hyi * s[j])}. */
    public static void bfgs(
            double[] h, int row, int n, double si, double hyi, double[] s, double[] hy, double c, double rho) {
        int j = 0;
        if (VectorSupport.enabled()) {
            j = VectorRankTwoRows.bfgs(h, row, n, si, hyi, s, hy, c, rho);
        }
        for (; j < n; j++) {
            h[row + j] = h[row + j] + c * (si * s[j]) - rho * (si * hy[j] + hyi * s[j]);
        }
    }
}
