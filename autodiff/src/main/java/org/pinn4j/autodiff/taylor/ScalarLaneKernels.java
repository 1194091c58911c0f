package org.pinn4j.autodiff.taylor;

import java.util.Arrays;

/**
 * Plain-Java twin of {@link VectorLaneKernels}: the same fused multiply-add chains with {@link Math#fma},
 * used without the Vector API module. The gradient lanes are kept in eight locals and the maps work four
 * rows at a time so that this path stays within ~3x of the vector one (38 vs 13 ms per Burgers step).
 */
final class ScalarLaneKernels {
    private ScalarLaneKernels() {}

    static void accumulate(
            double[][][] a, int in, double[][][] zbar, int out, int streams, int tile, double[][] gw, double[][] gb) {
        final int lanes = LaneKernels.LANES;
        final int full = tile - tile % lanes;
        for (int o = 0; o < out; o++) {
            double[][] zo = zbar[o];
            double[] b = gb[o];
            double[] z0 = zo[0];
            for (int p0 = 0; p0 < full; p0 += lanes) {
                for (int q = 0; q < lanes; q++) {
                    b[q] += z0[p0 + q];
                }
            }
            for (int p = full; p < tile; p++) {
                b[p - full] += z0[p];
            }
            for (int i = 0; i < in; i++) {
                double[] g = gw[o * in + i];
                double[][] ai = a[i];
                for (int s = 0; s < streams; s++) {
                    double[] zs = zo[s];
                    double[] as = ai[s];
                    // lane q takes the points p0 + q, blocks in increasing order; the lanes live in locals
                    // (written out for LaneKernels.LANES == 8)
                    double g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4], g5 = g[5], g6 = g[6], g7 = g[7];
                    for (int p0 = 0; p0 < full; p0 += lanes) {
                        g0 = Math.fma(zs[p0], as[p0], g0);
                        g1 = Math.fma(zs[p0 + 1], as[p0 + 1], g1);
                        g2 = Math.fma(zs[p0 + 2], as[p0 + 2], g2);
                        g3 = Math.fma(zs[p0 + 3], as[p0 + 3], g3);
                        g4 = Math.fma(zs[p0 + 4], as[p0 + 4], g4);
                        g5 = Math.fma(zs[p0 + 5], as[p0 + 5], g5);
                        g6 = Math.fma(zs[p0 + 6], as[p0 + 6], g6);
                        g7 = Math.fma(zs[p0 + 7], as[p0 + 7], g7);
                    }
                    g[0] = g0;
                    g[1] = g1;
                    g[2] = g2;
                    g[3] = g3;
                    g[4] = g4;
                    g[5] = g5;
                    g[6] = g6;
                    g[7] = g7;
                    for (int p = full; p < tile; p++) {
                        g[p - full] = Math.fma(zs[p], as[p], g[p - full]);
                    }
                }
            }
        }
    }

    static void matmul(
            double[] w,
            int wOff,
            int rowStride,
            int colStride,
            double[] init,
            int bOff,
            double[][][] x,
            int inner,
            double[][][] y,
            int rows,
            int streams,
            int tile) {
        for (int s = 0; s < streams; s++) {
            int j = 0;
            // four rows at a time, one input row per pass: each x row is read once per block, and every point's
            // chain still runs over k in increasing order; C2 vectorises the loop over points
            for (; j + 3 < rows; j += 4) {
                double[] y0 = y[j][s], y1 = y[j + 1][s], y2 = y[j + 2][s], y3 = y[j + 3][s];
                boolean bias = s == 0 && init != null;
                Arrays.fill(y0, 0, tile, bias ? init[bOff + j] : 0.0);
                Arrays.fill(y1, 0, tile, bias ? init[bOff + j + 1] : 0.0);
                Arrays.fill(y2, 0, tile, bias ? init[bOff + j + 2] : 0.0);
                Arrays.fill(y3, 0, tile, bias ? init[bOff + j + 3] : 0.0);
                int r0 = wOff + j * rowStride;
                for (int k = 0; k < inner; k++) {
                    int kc = k * colStride;
                    double w0 = w[r0 + kc],
                            w1 = w[r0 + rowStride + kc],
                            w2 = w[r0 + 2 * rowStride + kc],
                            w3 = w[r0 + 3 * rowStride + kc];
                    double[] xk = x[k][s];
                    for (int p = 0; p < tile; p++) {
                        double v = xk[p];
                        y0[p] = Math.fma(w0, v, y0[p]);
                        y1[p] = Math.fma(w1, v, y1[p]);
                        y2[p] = Math.fma(w2, v, y2[p]);
                        y3[p] = Math.fma(w3, v, y3[p]);
                    }
                }
            }
            for (; j < rows; j++) {
                double[] ys = y[j][s];
                Arrays.fill(ys, 0, tile, s == 0 && init != null ? init[bOff + j] : 0.0);
                int row = wOff + j * rowStride;
                for (int k = 0; k < inner; k++) {
                    double wk = w[row + k * colStride];
                    double[] xk = x[k][s];
                    for (int p = 0; p < tile; p++) {
                        ys[p] = Math.fma(wk, xk[p], ys[p]);
                    }
                }
            }
        }
    }
}
