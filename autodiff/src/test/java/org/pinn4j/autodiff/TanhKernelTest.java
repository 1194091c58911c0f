package org.pinn4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vectorised tanh against its scalar reference (bit for bit) and against Math.tanh (ulps). */
class TanhKernelTest {

    @Test
    void vectorAndScalarTanhGiveTheSameBitsIncludingSpecialValues() {
        assertTrue(VectorSupport.enabled(), "the test JVM runs with --add-modules jdk.incubator.vector");
        SplittableRandom rng = new SplittableRandom(5);
        double[] special = {
            0.0,
            -0.0,
            0.625,
            -0.625,
            Math.nextDown(0.625),
            19.1,
            22.0,
            22.5,
            40.0,
            -40.0,
            1e-300,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            0.34657359027997264,
            1e-8
        };
        int n = 4099; // not a multiple of any vector length: the scalar tail is covered too
        double[] z = new double[n];
        double[] out = new double[n];
        // repeated so that the JIT compiles (and intrinsifies) the vector loop while we compare
        for (int round = 0; round < 400; round++) {
            for (int p = 0; p < n; p++) {
                z[p] = p < special.length
                        ? special[p]
                        : Math.copySign(Math.pow(10, rng.nextDouble(-12, 1.7)), rng.nextDouble() - 0.5);
            }
            TanhKernel.tanh(z, out, n);
            for (int p = 0; p < n; p++) {
                assertEquals(
                        Double.doubleToRawLongBits(TanhKernel.tanh(z[p])),
                        Double.doubleToRawLongBits(out[p]),
                        "tanh(" + z[p] + "): vector " + out[p] + ", scalar " + TanhKernel.tanh(z[p]));
            }
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(TanhKernel.tanh(-0.0)));
        assertEquals(1.0, TanhKernel.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, TanhKernel.tanh(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.0, TanhKernel.tanh(Double.MAX_VALUE), 0.0);
    }

    /** Random arguments of every magnitude: within 2 ulp of Math.tanh (the engine's stated bound). */
    @Test
    void withinTwoUlpOfMathTanhOnRandomArguments() {
        SplittableRandom rng = new SplittableRandom(6);
        double worst = 0;
        for (int k = 0; k < 2_000_000; k++) {
            double z = Math.copySign(Math.pow(10, rng.nextDouble(-10, 1.5)), rng.nextDouble() - 0.5);
            double exact = Math.tanh(z);
            worst = Math.max(worst, Math.abs(TanhKernel.tanh(z) - exact) / Math.ulp(exact));
        }
        System.out.println("TANH worst error vs Math.tanh: " + worst + " ulp");
        assertTrue(worst <= 2.0, "worst " + worst + " ulp");
    }
}
