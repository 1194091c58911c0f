package org.pinn4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {
    private static final double[] POINTS = {-2.3, -0.7, -0.05, 0.0, 0.31, 1.2, 2.9};

    /**
     * Each derivative order k = 1..6 against a central difference of order k-1 (h = 1e-5: truncation
     * O(h^2) ~ 1e-10 times f^(k+2), rounding ~ 1e-16/h ~ 1e-11 times |f^(k-1)|), so 1e-7 absolute +
     * relative is a safe bound that still catches any wrong coefficient.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativesMatchFiniteDifferencesOfTheOrderBelow(Activation f) {
        int maxOrder = 6;
        double h = 1e-5;
        double[] at = new double[maxOrder + 1];
        double[] plus = new double[maxOrder + 1];
        double[] minus = new double[maxOrder + 1];
        for (double z : POINTS) {
            if (f == Activation.RELU && Math.abs(z) < 1e-3) {
                continue; // kink
            }
            f.derivatives(z, maxOrder, at);
            f.derivatives(z + h, maxOrder, plus);
            f.derivatives(z - h, maxOrder, minus);
            assertEquals(f.value(z), at[0], 1e-15 * (1 + Math.abs(at[0])), f + " value at " + z);
            for (int k = 1; k <= maxOrder; k++) {
                double fd = (plus[k - 1] - minus[k - 1]) / (2 * h);
                assertEquals(fd, at[k], 1e-7 * (1 + Math.abs(fd)), f + " order " + k + " at " + z);
            }
        }
    }

    /** Against Commons Math jets where the function is built from its primitives: agreement to rounding. */
    @Test
    void derivativesMatchDerivativeStructureJets() {
        int order = 5;
        double[] out = new double[order + 1];
        for (double z : POINTS) {
            DerivativeStructure x = new DerivativeStructure(1, order, 0, z);
            DerivativeStructure sig = x.negate().exp().add(1).reciprocal();
            DerivativeStructure[] jets = {
                x.tanh(), x.sin(), x.cos(), sig, x.exp().log1p(), x.multiply(sig)
            };
            Activation[] acts = {
                Activation.TANH,
                Activation.SIN,
                Activation.COS,
                Activation.SIGMOID,
                Activation.SOFTPLUS,
                Activation.SILU
            };
            for (int a = 0; a < acts.length; a++) {
                acts[a].derivatives(z, order, out);
                for (int k = 0; k <= order; k++) {
                    double expected = jets[a].getPartialDerivative(k);
                    // both are closed forms in double precision; 1e-12 relative leaves room for the
                    // different operation orders, far below any coefficient error
                    assertEquals(
                            expected, out[k], 1e-12 * (1 + Math.abs(expected)), acts[a] + " order " + k + " at " + z);
                }
            }
        }
    }

    @Test
    void batchedFormAgreesWithScalarForm() {
        int order = 4;
        double[] z = POINTS.clone();
        double[][] d = new double[order + 1][10];
        double[] one = new double[order + 1];
        for (Activation f : Activation.values()) {
            f.derivatives(z, z.length, order, d);
            for (int p = 0; p < z.length; p++) {
                f.derivatives(z[p], order, one);
                for (int k = 0; k <= order; k++) {
                    // closed forms (tanh orders 1-3) and Horner rows may round differently: 4 ulp of the scale
                    assertEquals(one[k], d[k][p], 4 * Math.ulp(1.0 + Math.abs(one[k])), f + " order " + k);
                }
            }
        }
    }

    /**
     * The fast tanh against Math.tanh on a dense log-spaced sweep of both signs (1e-12 .. 30) and around the
     * branch point 0.625: at most 2 ulp apart (the design's 1e-15 relative bound is 4.5 ulp), NaN propagates.
     */
    @Test
    void fastTanhIsWithinTwoUlpOfMathTanh() {
        double worst = 0;
        for (int k = 0; k <= 200_000; k++) {
            double a = Math.pow(10, -12 + 13.5 * k / 200_000.0);
            for (double z : new double[] {a, -a, 0.625 + (k - 100_000) * 1e-9}) {
                double exact = Math.tanh(z);
                double ulps = Math.abs(Activation.tanh(z) - exact) / Math.ulp(exact);
                worst = Math.max(worst, ulps);
            }
        }
        assertTrue(worst <= 2.0, "worst error " + worst + " ulp");
        assertEquals(0.0, Activation.tanh(0.0), 0.0);
        assertEquals(1.0, Activation.tanh(40.0), 0.0);
        assertEquals(-1.0, Activation.tanh(-40.0), 0.0);
        assertTrue(Double.isNaN(Activation.tanh(Double.NaN)));
    }

    @Test
    void namesRoundTripAndUnknownNamesAreRejectedClearly() {
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.byName(a.label()));
        }
        assertEquals(Activation.SILU, Activation.byName("Swish"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.byName("tanhh"));
        assertEquals(
                "unknown activation 'tanhh'; expected one of tanh, sin, cos, sigmoid, relu, silu (swish), gelu, "
                        + "softplus, identity (linear)",
                e.getMessage());
    }
}
