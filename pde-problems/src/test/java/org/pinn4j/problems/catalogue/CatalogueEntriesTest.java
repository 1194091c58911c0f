package org.pinn4j.problems.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;

/**
 * Catalogue entries without training: hard constraints and domain masks hold for any network
 * parameters, evaluation grids lie in the domains, inverse problems ask for their reference, and the
 * noise model has the stated spread.
 */
class CatalogueEntriesTest {
    /** A model of the problem with random (untrained) network parameters drawn from the seed. */
    static PinnModel untrained(String name, long seed) {
        BenchmarkProblem bp = Catalogue.get(name);
        Problem p = bp.problem(ProblemContext.defaults());
        NetworkConfig net = NetworkConfig.mlp(2, 8);
        for (NetworkConfig.InputMap m : bp.recipe(false).network().inputMaps()) {
            net = net.inputMap(m); // the default recipe's input layer on a small network
        }
        SplittableRandom rng = new SplittableRandom(seed);
        NetworkSpec spec = net.spec(
                p.inputs(), p.outputs().size(), p.domain().lower(), p.domain().upper(), rng);
        double[] w = net.initialParameters(spec, rng);
        for (int i = 0; i < w.length; i++) {
            w[i] += 0.5 * (rng.nextDouble() - 0.5); // nonzero biases too, so nothing vanishes by accident
        }
        return new PinnModel(
                p, spec, Arrays.copyOf(w, w.length + p.coefficients().size()), null);
    }

    static double[][] column(double[]... points) {
        double[][] c = new double[points[0].length][points.length];
        for (int k = 0; k < points.length; k++) {
            for (int i = 0; i < points[k].length; i++) {
                c[i][k] = points[k][i];
            }
        }
        return c;
    }

    static double u(PinnModel m, double... p) {
        return m.predict(column(p))[0][0];
    }

    @Test
    void hardConstraintsHoldForAnyParameters() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (long seed = 1; seed <= 3; seed++) {
            PinnModel heat = untrained("heat-1d", seed);
            PinnModel wave = untrained("wave-1d", seed);
            PinnModel poisson = untrained("poisson-2d", seed);
            PinnModel helmholtz = untrained("helmholtz-2d", seed);
            PinnModel osc = untrained("oscillator", seed);
            PinnModel ac = untrained("allen-cahn", seed);
            for (int k = 0; k < 10; k++) {
                double a = rnd.nextDouble();
                double b = rnd.nextDouble();
                // exact to rounding of the transform's arithmetic (sin(pi) ~ 1.2e-16 times O(1) factors)
                assertEquals(Math.sin(Math.PI * a), u(heat, a, 0), 1e-15, "heat initial value");
                assertEquals(0.0, u(heat, 0, b), 1e-15, "heat at x = 0");
                assertEquals(0.0, u(heat, 1, b), 1e-15, "heat at x = 1");
                assertEquals(
                        Math.sin(Math.PI * a) + 0.5 * Math.sin(4 * Math.PI * a),
                        u(wave, a, 0),
                        1e-15,
                        "wave initial value");
                assertEquals(0.0, u(wave, 1, b), 1e-14, "wave at x = 1");
                // wave's u_t(x, 0) = 0 is a soft condition ("ic_rate"), so it is not checked here
                assertEquals(0.0, u(poisson, a, 0), 1e-15, "poisson-2d at y = 0");
                assertEquals(0.0, u(poisson, 1, b), 1e-15, "poisson-2d at x = 1");
                assertEquals(0.0, u(helmholtz, -1, 2 * b - 1), 1e-15, "helmholtz at x = -1");
                assertEquals(0.0, u(helmholtz, 2 * a - 1, 1), 1e-15, "helmholtz at y = 1");
                // allen-cahn's network is periodic in x: u and u_x agree at x = -1 and 1 to rounding
                assertEquals(u(ac, -1, b), u(ac, 1, b), 1e-13, "allen-cahn u periodic");
                double[][] ux = ac.evaluate(
                        org.pinn4j.core.sampling.PointSet.rows(new double[] {-1, b}, new double[] {1, b}),
                        s -> java.util.List.of(s.output("u").d("x")));
                assertEquals(ux[0][0], ux[0][1], 1e-12, "allen-cahn u_x periodic");
            }
            assertEquals(1.0, u(osc, 0), 0.0, "oscillator x(0)");
            assertEquals(
                    0.0,
                    osc.evaluate(
                                    new double[][] {{0}},
                                    s -> java.util.List.of(s.output("x").d("t")))[0][0],
                    0.0,
                    "oscillator x'(0)");
        }
    }

    @Test
    void domainMasksZeroTheOutputOutsideOnly() {
        PinnModel l = untrained("poisson-lshape", 4);
        PinnModel d = untrained("poisson-disk", 4);
        // outside: exactly 0 (the reference's convention); inside: the network's (nonzero) value
        assertEquals(0.0, u(l, 0.5, 0.5), 0.0);
        assertEquals(0.0, u(d, 0.9, 0.9), 0.0);
        assertNotEquals(0.0, u(l, -0.5, 0.5));
        assertNotEquals(0.0, u(l, 0.0, 0.5), "the re-entrant edge belongs to the domain");
        assertNotEquals(0.0, u(d, 0.5, 0.5));
        // the mask has zero derivatives: u_xx + u_yy inside equals the raw network's, as if there were no mask
        double[][] p = column(new double[] {-0.3, -0.4});
        double masked = l.evaluate(
                        p,
                        s -> java.util.List.of(
                                s.output("u").d("x", "x").plus(s.output("u").d("y", "y"))))[0][0];
        double raw = l.evaluate(
                        p,
                        s -> java.util.List.of(s.networkOutput("u")
                                .d("x", "x")
                                .plus(s.networkOutput("u").d("y", "y"))))[0][0];
        assertEquals(raw, masked, 0.0);
    }

    @Test
    void evaluationGridsLieInTheDomainsBoundingBoxes() {
        for (BenchmarkProblem bp : Catalogue.all()) {
            if (bp.trueCoefficients().size() > 0) {
                continue; // inverse problems need their reference to build; their grids are checked below
            }
            Problem p = bp.problem(ProblemContext.defaults());
            EvaluationGrid g = bp.evaluationGrid();
            double[] lo = p.domain().lower();
            double[] hi = p.domain().upper();
            for (int i = 0; i < lo.length; i++) {
                double[] axis = g.axes()[i];
                // grids are made with linspace over the box (or a subset such as Raissi's t in [0, 0.99]): exact ends
                assertTrue(axis[0] >= lo[i] && axis[axis.length - 1] <= hi[i], bp.name() + " axis " + i);
            }
        }
        assertEquals(0.0, new BurgersInverse().evaluationGrid().axes()[1][0], 0.0);
        assertEquals(3.0, new LorenzInverse().evaluationGrid().axes()[0][600], 0.0);
    }

    @Test
    void inverseProblemsNeedTheirReference() {
        for (String name : new String[] {"burgers-inverse", "lorenz-inverse"}) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> Catalogue.get(name).problem(ProblemContext.defaults()));
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void relativeNoiseHasTheStatedSpreadAndIsSeeded() {
        int n = 20000;
        double[][] a = new double[1][n];
        for (int k = 0; k < n; k++) {
            a[0][k] = Math.sin(k * 0.01); // std ~ 1/sqrt(2)
        }
        double[][] b = {a[0].clone()};
        double[][] c = {a[0].clone()};
        Support.addRelativeNoise(b, 0.05, new SplittableRandom(3));
        Support.addRelativeNoise(c, 0.05, new SplittableRandom(3));
        assertTrue(Arrays.equals(b[0], c[0]), "same seed, same noise");
        double[] diff = new double[n];
        for (int k = 0; k < n; k++) {
            diff[k] = b[0][k] - a[0][k];
        }
        // noise sd = 0.05 std(a); the sample sd of 20000 draws is within 3/sqrt(2n) = 1.5% of it (3 sigma)
        assertEquals(0.05 * std(a[0]), std(diff), 0.05 * std(a[0]) * 0.015);
        assertThrows(IllegalArgumentException.class, () -> Support.addRelativeNoise(b, -0.1, new SplittableRandom(1)));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalogue.get("burger"));
        assertTrue(e.getMessage().contains("burgers-inverse") && e.getMessage().contains("allen-cahn"), e.getMessage());
    }

    static double std(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
