package org.pinn4j.autodiff.taylor;

/** Plain-Java reference of {@link LaneKernels}: the same fused multiply-add chains, one lane at a time. */
final class ScalarLaneKernels {
    private ScalarLaneKernels() {
    }

    static void accumulate(double[][][] a, int in, double[][][] zbar, int out, int streams, int tile, double[][] gw,
            double[][] gb) {
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
                    // lane q takes the points p0 + q, blocks in increasing order
                    for (int p0 = 0; p0 < full; p0 += lanes) {
                        for (int q = 0; q < lanes; q++) {
                            g[q] = Math.fma(zs[p0 + q], as[p0 + q], g[q]);
                        }
                    }
                    for (int p = full; p < tile; p++) {
                        g[p - full] = Math.fma(zs[p], as[p], g[p - full]);
                    }
                }
            }
        }
    }

    static void matmul(double[] w, int wOff, int rowStride, int colStride, double[] init, int bOff, double[][][] x,
            int inner, double[][][] y, int rows, int streams, int tile) {
        for (int j = 0; j < rows; j++) {
            int row = wOff + j * rowStride;
            for (int s = 0; s < streams; s++) {
                double[] ys = y[j][s];
                java.util.Arrays.fill(ys, 0, tile, s == 0 && init != null ? init[bOff + j] : 0.0);
                // one input row at a time, each point's chain in increasing k: the loop over points vectorises
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
