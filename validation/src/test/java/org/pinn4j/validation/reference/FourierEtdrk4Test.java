package org.pinn4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Test;

/** {@link FourierEtdrk4} against exact solitons, conserved quantities and a finer resolution. */
class FourierEtdrk4Test {
    static double sech(double z) {
        return 1 / Math.cosh(z);
    }

    @Test
    void kdvCarriesASolitonAtItsSpeed() {
        // u_t + u u_x + d^2 u_xxx = 0 has u = 3 c sech^2(sqrt(c) / (2 d) (x - x0 - c t)); d^2 = 0.0025, c = 4: width
        // 0.05, from x0 = -0.25 to 0.25 by t = 0.125, never nearer than 0.75 to x = +-1 (12 sech^2(15) ~ 1e-12)
        double d2 = 0.0025;
        double c = 4;
        double x0 = -0.25;
        double tEnd = 0.125;
        double a = Math.sqrt(c) / (2 * Math.sqrt(d2));
        double[] worst = new double[2];
        double[] steps = {1e-4, 2.5e-5};
        for (int i = 0; i < 2; i++) {
            FourierEtdrk4.Solution s = FourierEtdrk4.kdv(-1, 2, 1, d2, 512, steps[i])
                    .solve(x -> new double[] {3 * c * Math.pow(sech(a * (x - x0)), 2), 0}, tEnd, 6);
            for (int j = 0; j <= 400; j++) {
                double x = -1 + j / 200.0;
                double exact = 3 * c * Math.pow(sech(a * (x - x0 - c * tEnd)), 2);
                worst[i] = Math.max(worst[i], Math.abs(s.value(x, tEnd)[0] - exact));
            }
        }
        // measured 2.5e-6 and 7.8e-9 on an amplitude of 12: a quarter of the step divides the error by 317, the
        // fourth order of ETDRK4 (256); bounds 1e-7 and a factor 100
        assertEquals(0, worst[1], 1e-7, "max error of the soliton at t = 0.125, dt = 2.5e-5");
        assertTrue(worst[0] / worst[1] > 100, "errors " + worst[0] + " and " + worst[1]);
    }

    @Test
    void kdvOfTheCatalogueKeepsMassAndEnergyAndIsResolved() {
        FourierEtdrk4.Solution coarse = FourierEtdrk4.kdv(-1, 2, 1, 0.0025, 512, 1e-4)
                .solve(x -> new double[] {Math.cos(Math.PI * x), 0}, 1, 11);
        FourierEtdrk4.Solution fine = FourierEtdrk4.kdv(-1, 2, 1, 0.0025, 1024, 5e-5)
                .solve(x -> new double[] {Math.cos(Math.PI * x), 0}, 1, 11);
        double[] u0 = coarse.snapshot(0)[0];
        double[] u1 = coarse.snapshot(10)[0];
        double mass0 = 0;
        double mass1 = 0;
        double energy0 = 0;
        double energy1 = 0;
        for (int j = 0; j < u0.length; j++) {
            mass0 += u0[j] / u0.length;
            mass1 += u1[j] / u0.length;
            energy0 += u0[j] * u0[j] / u0.length;
            energy1 += u1[j] * u1[j] / u0.length;
        }
        // mean and mean square are invariants of periodic KdV
        assertEquals(mass0, mass1, 1e-12, "mass");
        assertEquals(energy0, energy1, 1e-9, "energy");
        double worst = 0;
        for (double x = -1; x < 1; x += 1.0 / 256) {
            worst = Math.max(worst, Math.abs(coarse.value(x, 1)[0] - fine.value(x, 1)[0]));
        }
        assertEquals(0, worst, 1e-8, "512 points, dt 1e-4 against 1024 points, dt 5e-5 at t = 1");
    }

    @Test
    void schrodingerCarriesASolitonWithItsPhase() {
        // i h_t + 0.5 h_xx + |h|^2 h = 0 has h = a sech(a x) e^{i a^2 t / 2}; a = 4 decays to 1.6e-8 at x = +-5
        double a = 4;
        FourierEtdrk4 nls = FourierEtdrk4.schrodinger(-5, 10, 256, 1e-4);
        double tEnd = Math.PI / 2;
        FourierEtdrk4.Solution s = nls.solve(x -> new double[] {a * sech(a * x), 0}, tEnd, 5);
        double worst = 0;
        for (double x = -5; x < 5; x += 0.05) {
            double m = a * sech(a * x);
            double[] h = s.value(x, tEnd);
            worst = Math.max(
                    worst, Math.hypot(h[0] - m * Math.cos(a * a * tEnd / 2), h[1] - m * Math.sin(a * a * tEnd / 2)));
        }
        // measured 1.5e-8 (the soliton is 1.6e-8 at x = +-5), bound 1e-7 on an amplitude of 4
        assertEquals(0, worst, 1e-7, "max error of the soliton at t = pi / 2");
    }

    @Test
    void schrodingerOfTheCatalogueKeepsItsMassAndEnergyAndConverges() {
        FourierEtdrk4.Initial h0 = x -> new double[] {2 * sech(x), 0};
        FourierEtdrk4.Solution coarse =
                FourierEtdrk4.schrodinger(-5, 10, 512, 1e-4).solve(h0, Math.PI / 2, 5);
        FourierEtdrk4.Solution fine =
                FourierEtdrk4.schrodinger(-5, 10, 1024, 1e-4).solve(h0, Math.PI / 2, 5);
        double[][] first = coarse.snapshot(0);
        double[][] last = coarse.snapshot(4);
        double mass0 = 0;
        double mass1 = 0;
        for (int j = 0; j < first[0].length; j++) {
            mass0 += first[0][j] * first[0][j] + first[1][j] * first[1][j];
            mass1 += last[0][j] * last[0][j] + last[1][j] * last[1][j];
        }
        assertEquals(mass0, mass1, 1e-9 * mass0, "mass |h|^2");
        // energy: the mean of 0.5 |h_x|^2 - 0.5 |h|^4, h_x from the spectrum of each snapshot
        assertEquals(energy(first), energy(last), 1e-8 * Math.abs(energy(first)), "energy");
        double worst = 0;
        for (double x = -5; x < 5; x += 10.0 / 256) {
            double[] c = coarse.value(x, Math.PI / 2);
            double[] f = fine.value(x, Math.PI / 2);
            worst = Math.max(worst, Math.hypot(c[0] - f[0], c[1] - f[1]));
        }
        // 2 sech(x) is not smooth as a periodic function of period 10 (its slope jumps by 0.054 at x = +-5), so the
        // resolution converges algebraically: max differences 3.7e-5 (256 vs 512 points), 1.5e-5 (512 vs 1024),
        // 4.6e-6 (1024 vs 2048; the catalogue's reference uses 2048); dt 1e-4 vs 5e-5 at 1024 points: 2.0e-6
        assertEquals(0, worst, 3e-5, "512 against 1024 points at t = pi / 2");
    }

    /** The mean over the grid of 0.5 |h_x|^2 - 0.5 |h|^4 for a snapshot on [-5, 5). */
    static double energy(double[][] h) {
        int n = h[0].length;
        double[][] spectrum = {h[0].clone(), h[1].clone()};
        FastFourierTransformer.transformInPlace(spectrum, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int m = 0; m < n; m++) {
            double k = m == n / 2 ? 0 : 2 * Math.PI * (m <= n / 2 ? m : m - n) / 10;
            double re = spectrum[0][m];
            spectrum[0][m] = -k * spectrum[1][m]; // i k (re + i im)
            spectrum[1][m] = k * re;
        }
        FastFourierTransformer.transformInPlace(spectrum, DftNormalization.STANDARD, TransformType.INVERSE);
        double e = 0;
        for (int j = 0; j < n; j++) {
            double dx2 = spectrum[0][j] * spectrum[0][j] + spectrum[1][j] * spectrum[1][j];
            double m2 = h[0][j] * h[0][j] + h[1][j] * h[1][j];
            e += (0.5 * dx2 - 0.5 * m2 * m2) / n;
        }
        return e;
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FourierEtdrk4.kdv(-1, 2, 1, 0.0025, 500, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> FourierEtdrk4.schrodinger(-5, 0, 256, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> FourierEtdrk4.schrodinger(-5, 10, 256, 0));
    }
}
