package org.pinn4j.autodiff.taylor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneKernels} on the Vector API, register-blocked: 4 x 4 weights at a time for the gradient
 * accumulation, 4 rows x 4 vectors of points (then 2) for the dense maps, whose inputs are taken in panels of
 * {@link #KC} so that the rows a panel reads stay in L1. Loaded only when the
 * {@code jdk.incubator.vector} module is present. Each accumulator sees exactly the operations of
 * {@link ScalarLaneKernels}, in the same order.
 */
final class VectorLaneKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector: 8 with AVX-512, 4 with AVX2; at most 512 bits, so it divides {@link LaneKernels#LANES}. */
    private static final int V = S.length();

    private VectorLaneKernels() {}

    static String describe() {
        return "vector (" + V + " doubles)";
    }

    static void accumulate(
            double[][][] a,
            int in,
            double[][][] zbar,
            int out,
            int streams,
            int tile,
            double[][] gw,
            double[][] gb,
            boolean fresh) {
        final int lanes = LaneKernels.LANES;
        final int full = tile - tile % lanes;
        accumulateBias(zbar, out, tile, gb);
        if (fresh) {
            LaneKernels.clear(gw);
        }
        // Weights are taken in groups of 4 outputs x IC inputs whose accumulators (16 KB) stay in L1 while every
        // stream passes over them; inside a group, streams outermost: the vector accumulators live through one loop
        // only (HotSpot 17 keeps them in registers there; carried through two nested loops they are boxed). Each
        // accumulator still sees stream after stream, points in increasing order.
        for (int o0 = 0; o0 < out; o0 += 4) {
            int o1 = Math.min(out, o0 + 4);
            for (int i0 = 0; i0 < in; i0 += IC) {
                int i1 = Math.min(in, i0 + IC);
                int s = 0;
                if (full == tile && o1 - o0 == 4) {
                    // no partial tail: each 4 x 4 block runs through all streams in one loop, its accumulators
                    // loaded and stored once
                    int i = i0;
                    for (; i + 3 < i1; i += 4) {
                        block4x4AllStreams(a, in, zbar, o0, i, streams, full, gw);
                    }
                    for (; s < streams; s++) {
                        for (int ii = i; ii < i1; ii++) {
                            for (int o = o0; o < o1; o++) {
                                single(a, in, zbar, o, ii, s, full, gw);
                            }
                        }
                    }
                }
                for (; s < streams; s++) {
                    if (o1 - o0 == 4) {
                        int i = i0;
                        for (; i + 3 < i1; i += 4) {
                            block4x4(a, in, zbar, o0, i, s, full, gw);
                        }
                        for (; i < i1; i++) {
                            for (int o = o0; o < o1; o++) {
                                single(a, in, zbar, o, i, s, full, gw);
                            }
                        }
                    } else {
                        for (int o = o0; o < o1; o++) {
                            for (int i = i0; i < i1; i++) {
                                single(a, in, zbar, o, i, s, full, gw);
                            }
                        }
                    }
                    if (full < tile) {
                        for (int o = o0; o < o1; o++) {
                            double[] zs = zbar[o][s];
                            for (int i = i0; i < i1; i++) {
                                double[] g = gw[o * in + i];
                                double[] as = a[i][s];
                                for (int p = full; p < tile; p++) {
                                    g[p - full] = Math.fma(zs[p], as[p], g[p - full]);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** gb[o][q] += zbar[o][0][p] over the tile's points p = q (mod LANES), in increasing order. */
    static void accumulateBias(double[][][] zbar, int out, int tile, double[][] gb) {
        final int lanes = LaneKernels.LANES;
        final int full = tile - tile % lanes;
        for (int o = 0; o < out; o++) {
            double[] z0 = zbar[o][0];
            double[] b = gb[o];
            for (int l0 = 0; l0 < lanes; l0 += V) {
                DoubleVector c = DoubleVector.fromArray(S, b, l0);
                for (int p = l0; p < full; p += lanes) {
                    c = c.add(DoubleVector.fromArray(S, z0, p));
                }
                c.intoArray(b, l0);
            }
            for (int p = full; p < tile; p++) {
                b[p - full] += z0[p];
            }
        }
    }

    private static void single(
            double[][][] a, int in, double[][][] zbar, int o, int i, int s, int full, double[][] gw) {
        final int lanes = LaneKernels.LANES;
        double[] g = gw[o * in + i];
        double[] zs = zbar[o][s];
        double[] as = a[i][s];
        for (int l0 = 0; l0 < lanes; l0 += V) {
            DoubleVector c = DoubleVector.fromArray(S, g, l0);
            for (int p = l0; p < full; p += lanes) {
                c = DoubleVector.fromArray(S, zs, p).fma(DoubleVector.fromArray(S, as, p), c);
            }
            c.intoArray(g, l0);
        }
    }

    /**
     * Copies a tile's inputs and adjoints into packed rows: input row r at {@code r * stride + offset}, adjoint row
     * o at {@code (in + o) * stride + offset}, each its streams x tile values stream after stream.
     */
    static void pack(
            double[][][] a,
            int in,
            double[][][] zbar,
            int out,
            int streams,
            int tile,
            double[] packed,
            int stride,
            int offset) {
        for (int r = 0; r < in + out; r++) {
            double[][] x = r < in ? a[r] : zbar[r - in];
            int at = r * stride + offset;
            for (int s = 0; s < streams; s++) {
                System.arraycopy(x[s], 0, packed, at + s * tile, tile);
            }
        }
    }

    /**
     * The weight-gradient pass over packed rows (input row i at {@code i * stride}, adjoint row o at
     * {@code (in + o) * stride}, {@code length} values each, a multiple of LANES): every weight's 8 lanes continue
     * their chains along the row, from 0.0 when {@code fresh}, else from gw. With {@code grad} null the lanes are
     * stored back into gw; otherwise they are summed as {@link LaneKernels#sumLanes} does and added into
     * {@code grad[wOff + o * in + i]}, and gw is not written ({@code sums}: scratch of 16 x LANES doubles).
     */
    static void packedPass(
            double[] packed,
            int stride,
            int length,
            int in,
            int out,
            double[][] gw,
            boolean fresh,
            double[] grad,
            int wOff,
            double[] sums) {
        int zOff = in * stride;
        for (int o0 = 0; o0 < out; o0 += 4) {
            int o1 = Math.min(out, o0 + 4);
            for (int i0 = 0; i0 < in; i0 += IC) {
                int i1 = Math.min(in, i0 + IC);
                int i = i0;
                if (o1 - o0 == 4) {
                    for (; i + 3 < i1; i += 4) {
                        packedBlock4x4(packed, zOff, stride, length, in, o0, i, gw, fresh, grad, wOff, sums);
                    }
                }
                for (; i < i1; i++) {
                    for (int o = o0; o < o1; o++) {
                        packedSingle(packed, zOff, stride, length, in, o, i, gw, fresh, grad, wOff, sums);
                    }
                }
            }
        }
    }

    /** An accumulator's start: 0.0 when it is fresh, else lanes l0.. of {@code g}. */
    private static DoubleVector start(double[] g, boolean fresh, int l0) {
        return fresh ? DoubleVector.zero(S) : DoubleVector.fromArray(S, g, l0);
    }

    private static void packedSingle(
            double[] packed,
            int zOff,
            int stride,
            int length,
            int in,
            int o,
            int i,
            double[][] gw,
            boolean fresh,
            double[] grad,
            int wOff,
            double[] sums) {
        final int lanes = LaneKernels.LANES;
        double[] g = gw[o * in + i];
        double[] into = grad == null ? g : sums;
        int z = zOff + o * stride;
        int x = i * stride;
        for (int l0 = 0; l0 < lanes; l0 += V) {
            DoubleVector c = start(g, fresh, l0);
            for (int t = l0; t < length; t += lanes) {
                c = DoubleVector.fromArray(S, packed, z + t).fma(DoubleVector.fromArray(S, packed, x + t), c);
            }
            c.intoArray(into, l0);
        }
        if (grad != null) {
            grad[wOff + o * in + i] += LaneKernels.sumLanes(sums, 0);
        }
    }

    /**
     * A 4 x 4 block of weights through the packed rows; with {@code fresh} its chains start from 0.0; with
     * {@code grad} their lanes are summed into it instead of stored (see {@link #packedPass}).
     */
    private static void packedBlock4x4(
            double[] packed,
            int zOff,
            int stride,
            int length,
            int in,
            int o,
            int i,
            double[][] gw,
            boolean fresh,
            double[] grad,
            int wOff,
            double[] sums) {
        final int lanes = LaneKernels.LANES;
        double[] g00 = gw[o * in + i], g01 = gw[o * in + i + 1], g02 = gw[o * in + i + 2], g03 = gw[o * in + i + 3];
        int r1 = (o + 1) * in, r2 = (o + 2) * in, r3 = (o + 3) * in;
        double[] g10 = gw[r1 + i], g11 = gw[r1 + i + 1], g12 = gw[r1 + i + 2], g13 = gw[r1 + i + 3];
        double[] g20 = gw[r2 + i], g21 = gw[r2 + i + 1], g22 = gw[r2 + i + 2], g23 = gw[r2 + i + 3];
        double[] g30 = gw[r3 + i], g31 = gw[r3 + i + 1], g32 = gw[r3 + i + 2], g33 = gw[r3 + i + 3];
        int z0o = zOff + o * stride, z1o = z0o + stride, z2o = z1o + stride, z3o = z2o + stride;
        int a0o = i * stride, a1o = a0o + stride, a2o = a1o + stride, a3o = a2o + stride;
        for (int l0 = 0; l0 < lanes; l0 += V) {
            DoubleVector c00 = start(g00, fresh, l0), c01 = start(g01, fresh, l0);
            DoubleVector c02 = start(g02, fresh, l0), c03 = start(g03, fresh, l0);
            DoubleVector c10 = start(g10, fresh, l0), c11 = start(g11, fresh, l0);
            DoubleVector c12 = start(g12, fresh, l0), c13 = start(g13, fresh, l0);
            DoubleVector c20 = start(g20, fresh, l0), c21 = start(g21, fresh, l0);
            DoubleVector c22 = start(g22, fresh, l0), c23 = start(g23, fresh, l0);
            DoubleVector c30 = start(g30, fresh, l0), c31 = start(g31, fresh, l0);
            DoubleVector c32 = start(g32, fresh, l0), c33 = start(g33, fresh, l0);
            for (int t = l0; t < length; t += lanes) {
                DoubleVector z0 = DoubleVector.fromArray(S, packed, z0o + t);
                DoubleVector z1 = DoubleVector.fromArray(S, packed, z1o + t);
                DoubleVector z2 = DoubleVector.fromArray(S, packed, z2o + t);
                DoubleVector z3 = DoubleVector.fromArray(S, packed, z3o + t);
                DoubleVector a0 = DoubleVector.fromArray(S, packed, a0o + t);
                DoubleVector a1 = DoubleVector.fromArray(S, packed, a1o + t);
                DoubleVector a2 = DoubleVector.fromArray(S, packed, a2o + t);
                DoubleVector a3 = DoubleVector.fromArray(S, packed, a3o + t);
                c00 = z0.fma(a0, c00);
                c01 = z0.fma(a1, c01);
                c02 = z0.fma(a2, c02);
                c03 = z0.fma(a3, c03);
                c10 = z1.fma(a0, c10);
                c11 = z1.fma(a1, c11);
                c12 = z1.fma(a2, c12);
                c13 = z1.fma(a3, c13);
                c20 = z2.fma(a0, c20);
                c21 = z2.fma(a1, c21);
                c22 = z2.fma(a2, c22);
                c23 = z2.fma(a3, c23);
                c30 = z3.fma(a0, c30);
                c31 = z3.fma(a1, c31);
                c32 = z3.fma(a2, c32);
                c33 = z3.fma(a3, c33);
            }
            if (grad == null) {
                c00.intoArray(g00, l0);
                c01.intoArray(g01, l0);
                c02.intoArray(g02, l0);
                c03.intoArray(g03, l0);
                c10.intoArray(g10, l0);
                c11.intoArray(g11, l0);
                c12.intoArray(g12, l0);
                c13.intoArray(g13, l0);
                c20.intoArray(g20, l0);
                c21.intoArray(g21, l0);
                c22.intoArray(g22, l0);
                c23.intoArray(g23, l0);
                c30.intoArray(g30, l0);
                c31.intoArray(g31, l0);
                c32.intoArray(g32, l0);
                c33.intoArray(g33, l0);
            } else {
                c00.intoArray(sums, l0);
                c01.intoArray(sums, lanes + l0);
                c02.intoArray(sums, 2 * lanes + l0);
                c03.intoArray(sums, 3 * lanes + l0);
                c10.intoArray(sums, 4 * lanes + l0);
                c11.intoArray(sums, 5 * lanes + l0);
                c12.intoArray(sums, 6 * lanes + l0);
                c13.intoArray(sums, 7 * lanes + l0);
                c20.intoArray(sums, 8 * lanes + l0);
                c21.intoArray(sums, 9 * lanes + l0);
                c22.intoArray(sums, 10 * lanes + l0);
                c23.intoArray(sums, 11 * lanes + l0);
                c30.intoArray(sums, 12 * lanes + l0);
                c31.intoArray(sums, 13 * lanes + l0);
                c32.intoArray(sums, 14 * lanes + l0);
                c33.intoArray(sums, 15 * lanes + l0);
            }
        }
        if (grad != null) {
            for (int k = 0; k < 16; k++) {
                grad[wOff + (o + k / 4) * in + i + k % 4] += LaneKernels.sumLanes(sums, k * lanes);
            }
        }
    }

    /**
     * {@link #block4x4} over all streams, stream after stream, for a tile without a partial tail (full == tile):
     * one loop whose array references change at each stream's end, so the accumulators stay in registers.
     */
    private static void block4x4AllStreams(
            double[][][] a, int in, double[][][] zbar, int o, int i, int streams, int full, double[][] gw) {
        final int lanes = LaneKernels.LANES;
        double[] g00 = gw[o * in + i], g01 = gw[o * in + i + 1], g02 = gw[o * in + i + 2], g03 = gw[o * in + i + 3];
        int r1 = (o + 1) * in, r2 = (o + 2) * in, r3 = (o + 3) * in;
        double[] g10 = gw[r1 + i], g11 = gw[r1 + i + 1], g12 = gw[r1 + i + 2], g13 = gw[r1 + i + 3];
        double[] g20 = gw[r2 + i], g21 = gw[r2 + i + 1], g22 = gw[r2 + i + 2], g23 = gw[r2 + i + 3];
        double[] g30 = gw[r3 + i], g31 = gw[r3 + i + 1], g32 = gw[r3 + i + 2], g33 = gw[r3 + i + 3];
        double[][] z0s = zbar[o], z1s = zbar[o + 1], z2s = zbar[o + 2], z3s = zbar[o + 3];
        double[][] a0s = a[i], a1s = a[i + 1], a2s = a[i + 2], a3s = a[i + 3];
        int steps = full / lanes;
        int total = streams * steps;
        for (int l0 = 0; l0 < lanes; l0 += V) {
            DoubleVector c00 = DoubleVector.fromArray(S, g00, l0), c01 = DoubleVector.fromArray(S, g01, l0);
            DoubleVector c02 = DoubleVector.fromArray(S, g02, l0), c03 = DoubleVector.fromArray(S, g03, l0);
            DoubleVector c10 = DoubleVector.fromArray(S, g10, l0), c11 = DoubleVector.fromArray(S, g11, l0);
            DoubleVector c12 = DoubleVector.fromArray(S, g12, l0), c13 = DoubleVector.fromArray(S, g13, l0);
            DoubleVector c20 = DoubleVector.fromArray(S, g20, l0), c21 = DoubleVector.fromArray(S, g21, l0);
            DoubleVector c22 = DoubleVector.fromArray(S, g22, l0), c23 = DoubleVector.fromArray(S, g23, l0);
            DoubleVector c30 = DoubleVector.fromArray(S, g30, l0), c31 = DoubleVector.fromArray(S, g31, l0);
            DoubleVector c32 = DoubleVector.fromArray(S, g32, l0), c33 = DoubleVector.fromArray(S, g33, l0);
            double[] zs0 = z0s[0], zs1 = z1s[0], zs2 = z2s[0], zs3 = z3s[0];
            double[] as0 = a0s[0], as1 = a1s[0], as2 = a2s[0], as3 = a3s[0];
            int s = 0;
            int p = l0;
            for (int t = 0; t < total; t++) {
                DoubleVector z0 = DoubleVector.fromArray(S, zs0, p), z1 = DoubleVector.fromArray(S, zs1, p);
                DoubleVector z2 = DoubleVector.fromArray(S, zs2, p), z3 = DoubleVector.fromArray(S, zs3, p);
                DoubleVector a0 = DoubleVector.fromArray(S, as0, p), a1 = DoubleVector.fromArray(S, as1, p);
                DoubleVector a2 = DoubleVector.fromArray(S, as2, p), a3 = DoubleVector.fromArray(S, as3, p);
                c00 = z0.fma(a0, c00);
                c01 = z0.fma(a1, c01);
                c02 = z0.fma(a2, c02);
                c03 = z0.fma(a3, c03);
                c10 = z1.fma(a0, c10);
                c11 = z1.fma(a1, c11);
                c12 = z1.fma(a2, c12);
                c13 = z1.fma(a3, c13);
                c20 = z2.fma(a0, c20);
                c21 = z2.fma(a1, c21);
                c22 = z2.fma(a2, c22);
                c23 = z2.fma(a3, c23);
                c30 = z3.fma(a0, c30);
                c31 = z3.fma(a1, c31);
                c32 = z3.fma(a2, c32);
                c33 = z3.fma(a3, c33);
                p += lanes;
                if (p >= full && ++s < streams) {
                    p = l0;
                    zs0 = z0s[s];
                    zs1 = z1s[s];
                    zs2 = z2s[s];
                    zs3 = z3s[s];
                    as0 = a0s[s];
                    as1 = a1s[s];
                    as2 = a2s[s];
                    as3 = a3s[s];
                }
            }
            c00.intoArray(g00, l0);
            c01.intoArray(g01, l0);
            c02.intoArray(g02, l0);
            c03.intoArray(g03, l0);
            c10.intoArray(g10, l0);
            c11.intoArray(g11, l0);
            c12.intoArray(g12, l0);
            c13.intoArray(g13, l0);
            c20.intoArray(g20, l0);
            c21.intoArray(g21, l0);
            c22.intoArray(g22, l0);
            c23.intoArray(g23, l0);
            c30.intoArray(g30, l0);
            c31.intoArray(g31, l0);
            c32.intoArray(g32, l0);
            c33.intoArray(g33, l0);
        }
    }

    private static void block4x4(
            double[][][] a, int in, double[][][] zbar, int o, int i, int s, int full, double[][] gw) {
        final int lanes = LaneKernels.LANES;
        double[] g00 = gw[o * in + i], g01 = gw[o * in + i + 1], g02 = gw[o * in + i + 2], g03 = gw[o * in + i + 3];
        int r1 = (o + 1) * in, r2 = (o + 2) * in, r3 = (o + 3) * in;
        double[] g10 = gw[r1 + i], g11 = gw[r1 + i + 1], g12 = gw[r1 + i + 2], g13 = gw[r1 + i + 3];
        double[] g20 = gw[r2 + i], g21 = gw[r2 + i + 1], g22 = gw[r2 + i + 2], g23 = gw[r2 + i + 3];
        double[] g30 = gw[r3 + i], g31 = gw[r3 + i + 1], g32 = gw[r3 + i + 2], g33 = gw[r3 + i + 3];
        double[] zs0 = zbar[o][s], zs1 = zbar[o + 1][s], zs2 = zbar[o + 2][s], zs3 = zbar[o + 3][s];
        double[] as0 = a[i][s], as1 = a[i + 1][s], as2 = a[i + 2][s], as3 = a[i + 3][s];
        for (int l0 = 0; l0 < lanes; l0 += V) {
            DoubleVector c00 = DoubleVector.fromArray(S, g00, l0), c01 = DoubleVector.fromArray(S, g01, l0);
            DoubleVector c02 = DoubleVector.fromArray(S, g02, l0), c03 = DoubleVector.fromArray(S, g03, l0);
            DoubleVector c10 = DoubleVector.fromArray(S, g10, l0), c11 = DoubleVector.fromArray(S, g11, l0);
            DoubleVector c12 = DoubleVector.fromArray(S, g12, l0), c13 = DoubleVector.fromArray(S, g13, l0);
            DoubleVector c20 = DoubleVector.fromArray(S, g20, l0), c21 = DoubleVector.fromArray(S, g21, l0);
            DoubleVector c22 = DoubleVector.fromArray(S, g22, l0), c23 = DoubleVector.fromArray(S, g23, l0);
            DoubleVector c30 = DoubleVector.fromArray(S, g30, l0), c31 = DoubleVector.fromArray(S, g31, l0);
            DoubleVector c32 = DoubleVector.fromArray(S, g32, l0), c33 = DoubleVector.fromArray(S, g33, l0);
            for (int p = l0; p < full; p += lanes) {
                DoubleVector z0 = DoubleVector.fromArray(S, zs0, p), z1 = DoubleVector.fromArray(S, zs1, p);
                DoubleVector z2 = DoubleVector.fromArray(S, zs2, p), z3 = DoubleVector.fromArray(S, zs3, p);
                DoubleVector a0 = DoubleVector.fromArray(S, as0, p), a1 = DoubleVector.fromArray(S, as1, p);
                DoubleVector a2 = DoubleVector.fromArray(S, as2, p), a3 = DoubleVector.fromArray(S, as3, p);
                c00 = z0.fma(a0, c00);
                c01 = z0.fma(a1, c01);
                c02 = z0.fma(a2, c02);
                c03 = z0.fma(a3, c03);
                c10 = z1.fma(a0, c10);
                c11 = z1.fma(a1, c11);
                c12 = z1.fma(a2, c12);
                c13 = z1.fma(a3, c13);
                c20 = z2.fma(a0, c20);
                c21 = z2.fma(a1, c21);
                c22 = z2.fma(a2, c22);
                c23 = z2.fma(a3, c23);
                c30 = z3.fma(a0, c30);
                c31 = z3.fma(a1, c31);
                c32 = z3.fma(a2, c32);
                c33 = z3.fma(a3, c33);
            }
            c00.intoArray(g00, l0);
            c01.intoArray(g01, l0);
            c02.intoArray(g02, l0);
            c03.intoArray(g03, l0);
            c10.intoArray(g10, l0);
            c11.intoArray(g11, l0);
            c12.intoArray(g12, l0);
            c13.intoArray(g13, l0);
            c20.intoArray(g20, l0);
            c21.intoArray(g21, l0);
            c22.intoArray(g22, l0);
            c23.intoArray(g23, l0);
            c30.intoArray(g30, l0);
            c31.intoArray(g31, l0);
            c32.intoArray(g32, l0);
            c33.intoArray(g33, l0);
        }
    }

    /**
     * Inputs per panel of the dense map: the k loop runs over at most this many input rows before the partial
     * sums go back to y, so that the rows it reads (KC x tile doubles per stream, 16 KB at tile 64) stay in L1
     * while every block of output rows reuses them. Storing and reloading a partial sum does not change it, so
     * every chain keeps its order.
     */
    static final int KC = 32;

    /** Inputs per group of the weight-gradient accumulation (4 x IC accumulators of LANES doubles: 16 KB). */
    static final int IC = 64;

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
            double[] start = s == 0 ? init : null;
            for (int k0 = 0; k0 < inner || k0 == 0; k0 += KC) {
                panel(w, wOff, rowStride, colStride, start, bOff, x, k0, Math.min(inner, k0 + KC), y, rows, s, tile);
            }
        }
    }

    /**
     * y[j][s][p] continued over k in [k0, k1): started from init[bOff + j] (or 0 when init is null) when k0 == 0,
     * from y itself otherwise.
     */
    private static void panel(
            double[] w,
            int wOff,
            int rowStride,
            int colStride,
            double[] init,
            int bOff,
            double[][][] x,
            int k0,
            int k1,
            double[][][] y,
            int rows,
            int s,
            int tile) {
        final int twoV = 2 * V;
        final int fourV = 4 * V;
        final boolean carry = k0 > 0;
        int j = 0;
        for (; j + 3 < rows; j += 4) {
            double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            if (!carry && init != null) {
                b0 = init[bOff + j];
                b1 = init[bOff + j + 1];
                b2 = init[bOff + j + 2];
                b3 = init[bOff + j + 3];
            }
            double[] y0 = y[j][s], y1 = y[j + 1][s], y2 = y[j + 2][s], y3 = y[j + 3][s];
            int r0 = wOff + j * rowStride, r1 = r0 + rowStride, r2 = r1 + rowStride, r3 = r2 + rowStride;
            int p = 0;
            for (; p + fourV <= tile; p += fourV) {
                DoubleVector c0, d0, e0, f0, c1, d1, e1, f1, c2, d2, e2, f2, c3, d3, e3, f3;
                if (carry) {
                    c0 = DoubleVector.fromArray(S, y0, p);
                    d0 = DoubleVector.fromArray(S, y0, p + V);
                    e0 = DoubleVector.fromArray(S, y0, p + twoV);
                    f0 = DoubleVector.fromArray(S, y0, p + 3 * V);
                    c1 = DoubleVector.fromArray(S, y1, p);
                    d1 = DoubleVector.fromArray(S, y1, p + V);
                    e1 = DoubleVector.fromArray(S, y1, p + twoV);
                    f1 = DoubleVector.fromArray(S, y1, p + 3 * V);
                    c2 = DoubleVector.fromArray(S, y2, p);
                    d2 = DoubleVector.fromArray(S, y2, p + V);
                    e2 = DoubleVector.fromArray(S, y2, p + twoV);
                    f2 = DoubleVector.fromArray(S, y2, p + 3 * V);
                    c3 = DoubleVector.fromArray(S, y3, p);
                    d3 = DoubleVector.fromArray(S, y3, p + V);
                    e3 = DoubleVector.fromArray(S, y3, p + twoV);
                    f3 = DoubleVector.fromArray(S, y3, p + 3 * V);
                } else {
                    c0 = d0 = e0 = f0 = DoubleVector.broadcast(S, b0);
                    c1 = d1 = e1 = f1 = DoubleVector.broadcast(S, b1);
                    c2 = d2 = e2 = f2 = DoubleVector.broadcast(S, b2);
                    c3 = d3 = e3 = f3 = DoubleVector.broadcast(S, b3);
                }
                for (int k = k0; k < k1; k++) {
                    double[] xk = x[k][s];
                    DoubleVector u = DoubleVector.fromArray(S, xk, p);
                    DoubleVector v = DoubleVector.fromArray(S, xk, p + V);
                    DoubleVector q = DoubleVector.fromArray(S, xk, p + twoV);
                    DoubleVector t = DoubleVector.fromArray(S, xk, p + 3 * V);
                    int kc = k * colStride;
                    DoubleVector w0 = DoubleVector.broadcast(S, w[r0 + kc]);
                    c0 = w0.fma(u, c0);
                    d0 = w0.fma(v, d0);
                    e0 = w0.fma(q, e0);
                    f0 = w0.fma(t, f0);
                    DoubleVector w1 = DoubleVector.broadcast(S, w[r1 + kc]);
                    c1 = w1.fma(u, c1);
                    d1 = w1.fma(v, d1);
                    e1 = w1.fma(q, e1);
                    f1 = w1.fma(t, f1);
                    DoubleVector w2 = DoubleVector.broadcast(S, w[r2 + kc]);
                    c2 = w2.fma(u, c2);
                    d2 = w2.fma(v, d2);
                    e2 = w2.fma(q, e2);
                    f2 = w2.fma(t, f2);
                    DoubleVector w3 = DoubleVector.broadcast(S, w[r3 + kc]);
                    c3 = w3.fma(u, c3);
                    d3 = w3.fma(v, d3);
                    e3 = w3.fma(q, e3);
                    f3 = w3.fma(t, f3);
                }
                c0.intoArray(y0, p);
                d0.intoArray(y0, p + V);
                e0.intoArray(y0, p + twoV);
                f0.intoArray(y0, p + 3 * V);
                c1.intoArray(y1, p);
                d1.intoArray(y1, p + V);
                e1.intoArray(y1, p + twoV);
                f1.intoArray(y1, p + 3 * V);
                c2.intoArray(y2, p);
                d2.intoArray(y2, p + V);
                e2.intoArray(y2, p + twoV);
                f2.intoArray(y2, p + 3 * V);
                c3.intoArray(y3, p);
                d3.intoArray(y3, p + V);
                e3.intoArray(y3, p + twoV);
                f3.intoArray(y3, p + 3 * V);
            }
            for (; p + twoV <= tile; p += twoV) {
                DoubleVector c0, d0, c1, d1, c2, d2, c3, d3;
                if (carry) {
                    c0 = DoubleVector.fromArray(S, y0, p);
                    d0 = DoubleVector.fromArray(S, y0, p + V);
                    c1 = DoubleVector.fromArray(S, y1, p);
                    d1 = DoubleVector.fromArray(S, y1, p + V);
                    c2 = DoubleVector.fromArray(S, y2, p);
                    d2 = DoubleVector.fromArray(S, y2, p + V);
                    c3 = DoubleVector.fromArray(S, y3, p);
                    d3 = DoubleVector.fromArray(S, y3, p + V);
                } else {
                    c0 = d0 = DoubleVector.broadcast(S, b0);
                    c1 = d1 = DoubleVector.broadcast(S, b1);
                    c2 = d2 = DoubleVector.broadcast(S, b2);
                    c3 = d3 = DoubleVector.broadcast(S, b3);
                }
                for (int k = k0; k < k1; k++) {
                    double[] xk = x[k][s];
                    DoubleVector u = DoubleVector.fromArray(S, xk, p);
                    DoubleVector v = DoubleVector.fromArray(S, xk, p + V);
                    int kc = k * colStride;
                    DoubleVector w0 = DoubleVector.broadcast(S, w[r0 + kc]);
                    DoubleVector w1 = DoubleVector.broadcast(S, w[r1 + kc]);
                    DoubleVector w2 = DoubleVector.broadcast(S, w[r2 + kc]);
                    DoubleVector w3 = DoubleVector.broadcast(S, w[r3 + kc]);
                    c0 = w0.fma(u, c0);
                    d0 = w0.fma(v, d0);
                    c1 = w1.fma(u, c1);
                    d1 = w1.fma(v, d1);
                    c2 = w2.fma(u, c2);
                    d2 = w2.fma(v, d2);
                    c3 = w3.fma(u, c3);
                    d3 = w3.fma(v, d3);
                }
                c0.intoArray(y0, p);
                d0.intoArray(y0, p + V);
                c1.intoArray(y1, p);
                d1.intoArray(y1, p + V);
                c2.intoArray(y2, p);
                d2.intoArray(y2, p + V);
                c3.intoArray(y3, p);
                d3.intoArray(y3, p + V);
            }
            for (; p < tile; p++) {
                double c0 = carry ? y0[p] : b0, c1 = carry ? y1[p] : b1;
                double c2 = carry ? y2[p] : b2, c3 = carry ? y3[p] : b3;
                for (int k = k0; k < k1; k++) {
                    double xv = x[k][s][p];
                    int kc = k * colStride;
                    c0 = Math.fma(w[r0 + kc], xv, c0);
                    c1 = Math.fma(w[r1 + kc], xv, c1);
                    c2 = Math.fma(w[r2 + kc], xv, c2);
                    c3 = Math.fma(w[r3 + kc], xv, c3);
                }
                y0[p] = c0;
                y1[p] = c1;
                y2[p] = c2;
                y3[p] = c3;
            }
        }
        for (; j < rows; j++) {
            double b0 = !carry && init != null ? init[bOff + j] : 0.0;
            double[] y0 = y[j][s];
            int r0 = wOff + j * rowStride;
            int p = 0;
            for (; p + V <= tile; p += V) {
                DoubleVector c0 = carry ? DoubleVector.fromArray(S, y0, p) : DoubleVector.broadcast(S, b0);
                for (int k = k0; k < k1; k++) {
                    c0 = DoubleVector.broadcast(S, w[r0 + k * colStride])
                            .fma(DoubleVector.fromArray(S, x[k][s], p), c0);
                }
                c0.intoArray(y0, p);
            }
            for (; p < tile; p++) {
                double c0 = carry ? y0[p] : b0;
                for (int k = k0; k < k1; k++) {
                    c0 = Math.fma(w[r0 + k * colStride], x[k][s][p], c0);
                }
                y0[p] = c0;
            }
        }
    }
}
