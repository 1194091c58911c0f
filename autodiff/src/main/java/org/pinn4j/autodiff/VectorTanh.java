package org.pinn4j.autodiff;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link TanhKernel#tanh(double)} on the Vector API, the same operations lane by lane. Loaded only with the module. */
final class VectorTanh {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorTanh() {}

    /** Writes tanh of the leading whole vectors of z[0..n) to out; returns how many points it did. */
    static int tanh(double[] z, double[] out, int n) {
        int bound = S.loopBound(n);
        for (int p = 0; p < bound; p += S.length()) {
            DoubleVector zv = DoubleVector.fromArray(S, z, p);
            DoubleVector a = zv.abs();
            DoubleVector s = a.mul(a);
            DoubleVector num = s.mul(TanhKernel.P0).add(TanhKernel.P1).mul(s).add(TanhKernel.P2);
            DoubleVector den =
                    s.add(TanhKernel.Q0).mul(s).add(TanhKernel.Q1).mul(s).add(TanhKernel.Q2);
            DoubleVector small = a.add(a.mul(s).mul(num.div(den)));
            DoubleVector x = a.lanewise(VectorOperators.MIN, TanhKernel.CLAMP).mul(2.0);
            DoubleVector k = x.mul(TanhKernel.LOG2E).add(TanhKernel.ROUND).sub(TanhKernel.ROUND);
            DoubleVector r = x.sub(k.mul(TanhKernel.LN2_HI)).sub(k.mul(TanhKernel.LN2_LO));
            DoubleVector poly =
                    DoubleVector.broadcast(S, TanhKernel.E13).fma(r, DoubleVector.broadcast(S, TanhKernel.E12));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E11));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E10));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E9));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E8));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E7));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E6));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E5));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E4));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E3));
            poly = poly.fma(r, DoubleVector.broadcast(S, TanhKernel.E2));
            poly = poly.fma(r, DoubleVector.broadcast(S, 1.0));
            poly = poly.fma(r, DoubleVector.broadcast(S, 1.0));
            LongVector scaleBits =
                    ((LongVector) k.add(TanhKernel.BIAS).viewAsIntegralLanes()).lanewise(VectorOperators.LSHL, 52);
            DoubleVector e = poly.mul((DoubleVector) scaleBits.viewAsFloatingLanes());
            DoubleVector large = DoubleVector.broadcast(S, 1.0)
                    .sub(DoubleVector.broadcast(S, 2.0).div(e.add(1.0)));
            VectorMask<Double> useSmall = a.compare(VectorOperators.LT, TanhKernel.SMALL);
            DoubleVector t = large.blend(small, useSmall);
            LongVector magnitude = ((LongVector) t.viewAsIntegralLanes()).and(~TanhKernel.SIGN);
            LongVector sign = ((LongVector) zv.viewAsIntegralLanes()).and(TanhKernel.SIGN);
            ((DoubleVector) magnitude.or(sign).viewAsFloatingLanes()).intoArray(out, p);
        }
        return bound;
    }
}
