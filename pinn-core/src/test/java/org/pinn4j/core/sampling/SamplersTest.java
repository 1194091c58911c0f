package org.pinn4j.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplersTest {

    // Determinism and equality with Commons Math are bit-exact claims, so those comparisons use
    // assertArrayEquals on double[] without tolerance (JUnit compares the bit patterns).

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "lhs", "sobol", "halton"})
    void countsBoundsAndDeterminism(String name) {
        Sampler a = Samplers.create(name, 42);
        Sampler b = Samplers.create(name, 42);
        double[][] u = a.sample(257, 3);
        assertEquals(3, u.length);
        for (double[] row : u) {
            assertEquals(257, row.length);
            for (double v : row) {
                assertTrue(v >= 0 && v < 1, name + " produced " + v + " outside [0,1)");
            }
        }
        assertTrue(Arrays.deepEquals(u, b.sample(257, 3)), name + ": same seed must give identical points");
        assertFalse(Arrays.deepEquals(u, a.sample(257, 3)), name + ": a second call must give new points");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "lhs", "sobol", "halton", "grid"})
    void restoreReplaysTheSameDraws(String name) {
        Sampler s = Samplers.create(name, 7);
        s.sample(100, 2);
        long state = s.state();
        double[][] first = s.sample(50, 2);
        double[][] second = s.sample(30, 4);
        Sampler fresh = Samplers.create(name, 7);
        fresh.restore(state);
        assertTrue(Arrays.deepEquals(first, fresh.sample(50, 2)));
        assertTrue(Arrays.deepEquals(second, fresh.sample(30, 4)));
        s.restore(state);
        assertTrue(Arrays.deepEquals(first, s.sample(50, 2)));
    }

    @Test
    void differentSeedsGiveDifferentRandomPoints() {
        assertFalse(Arrays.deepEquals(new UniformSampler(1).sample(10, 2), new UniformSampler(2).sample(10, 2)));
        assertFalse(Arrays.deepEquals(
                new LatinHypercubeSampler(1).sample(10, 2), new LatinHypercubeSampler(2).sample(10, 2)));
    }

    @Test
    void uniformPrefixProperty() {
        double[][] big = new UniformSampler(3).sample(20, 3);
        double[][] small = new UniformSampler(3).sample(5, 3);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(small[k], Arrays.copyOf(big[k], 5));
        }
    }

    @Test
    void latinHypercubeHasOnePointPerStratumPerAxis() {
        LatinHypercubeSampler s = new LatinHypercubeSampler(11);
        for (int n : new int[] {1, 2, 7, 1000}) {
            double[][] u = s.sample(n, 4);
            for (int k = 0; k < 4; k++) {
                boolean[] seen = new boolean[n];
                for (double v : u[k]) {
                    int stratum = (int) Math.floor(v * n);
                    assertTrue(stratum >= 0 && stratum < n);
                    assertFalse(seen[stratum], "stratum " + stratum + " of axis " + k + " hit twice for n=" + n);
                    seen[stratum] = true;
                }
            }
        }
    }

    @Test
    void sobolEqualsCommonsMathSkippingTheOrigin() {
        SobolSequenceGenerator gen = new SobolSequenceGenerator(5);
        assertArrayEquals(new double[5], gen.nextVector()); // index 0 is the origin: skipped by default
        SobolSampler s = new SobolSampler();
        double[][] u = s.sample(300, 5);
        for (int i = 0; i < 300; i++) {
            assertArrayEquals(gen.nextVector(), column(u, i));
        }
        assertEquals(301, s.state());
        // Later calls continue the sequence, also with a smaller dimension (leading coordinates).
        double[][] w = s.sample(10, 2);
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(Arrays.copyOf(gen.nextVector(), 2), column(w, i));
        }
    }

    @Test
    void sobolWithoutSkipStartsAtTheOrigin() {
        SobolSequenceGenerator gen = new SobolSequenceGenerator(2);
        double[][] u = new SobolSampler(false).sample(64, 2);
        for (int i = 0; i < 64; i++) {
            assertArrayEquals(gen.nextVector(), column(u, i));
        }
    }

    @Test
    void haltonEqualsCommonsMathSkippingTheOrigin() {
        HaltonSequenceGenerator gen = new HaltonSequenceGenerator(7);
        assertArrayEquals(new double[7], gen.nextVector());
        HaltonSampler s = new HaltonSampler();
        double[][] u = s.sample(500, 7);
        for (int i = 0; i < 500; i++) {
            assertArrayEquals(gen.nextVector(), column(u, i));
        }
        assertEquals(501, s.state());
    }

    @Test
    void sequencePointsDoNotDependOnCallHistory() {
        // A sampler that first served 6-d points must give the same 2-d points as a fresh one at that index.
        SobolSampler used = new SobolSampler();
        used.sample(40, 6);
        SobolSampler fresh = new SobolSampler();
        fresh.restore(41);
        assertTrue(Arrays.deepEquals(fresh.sample(25, 2), used.sample(25, 2)));
    }

    @Test
    void gridRoundsUpToAFullLattice() {
        // ceil(n^(1/d)) computed exactly, including perfect powers where Math.pow rounds down.
        assertEquals(4, GridSampler.pointsPerAxis(10, 2));
        assertEquals(4, GridSampler.pointsPerAxis(16, 2));
        assertEquals(5, GridSampler.pointsPerAxis(17, 2));
        assertEquals(10, GridSampler.pointsPerAxis(1000, 3));
        assertEquals(5, GridSampler.pointsPerAxis(125, 3));
        assertEquals(17, GridSampler.pointsPerAxis(4913, 3));
        assertEquals(2, GridSampler.pointsPerAxis(1024, 10));
        assertEquals(3, GridSampler.pointsPerAxis(1025, 10));
        assertEquals(1, GridSampler.pointsPerAxis(1, 5));
        assertEquals(0, GridSampler.pointsPerAxis(0, 2));

        GridSampler g = new GridSampler();
        double[][] u = g.sample(10, 2);
        assertEquals(16, u[0].length);
        Set<String> cells = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            int ix = (int) Math.round(u[0][i] * 4 - 0.5);
            int iy = (int) Math.round(u[1][i] * 4 - 0.5);
            // Cell centres (j + 0.5) / 4 are exact binary fractions.
            assertEquals((ix + 0.5) / 4, u[0][i], 0.0);
            assertEquals((iy + 0.5) / 4, u[1][i], 0.0);
            cells.add(ix + "," + iy);
        }
        assertEquals(16, cells.size());
        assertTrue(Arrays.deepEquals(u, g.sample(10, 2)));
        assertFalse(g.advances());
    }

    @Test
    void factoryNamesAndErrors() {
        assertInstanceOf(UniformSampler.class, Samplers.create("uniform", 1));
        assertInstanceOf(GridSampler.class, Samplers.create("grid", 1));
        assertInstanceOf(LatinHypercubeSampler.class, Samplers.create("lhs", 1));
        assertInstanceOf(SobolSampler.class, Samplers.create(" Sobol ", 1));
        assertInstanceOf(HaltonSampler.class, Samplers.create("HALTON", 1));
        for (String name : Samplers.names()) {
            assertEquals(name, Samplers.create(name, 0).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Samplers.create("random", 1));
        assertTrue(e.getMessage().contains("unknown sampler 'random'"), e.getMessage());
        assertTrue(e.getMessage().contains("uniform, grid, lhs, sobol, halton"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new UniformSampler(1).sample(-1, 2));
        assertTrue(e.getMessage().contains("number of points -1 must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SobolSampler().sample(3, 0));
        assertTrue(e.getMessage().contains("dimension 0 must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HaltonSampler().sample(3, 41));
        assertTrue(e.getMessage().contains("exceeds the 40 dimensions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LatinHypercubeSampler(1).restore(-2));
        assertTrue(e.getMessage().contains("state -2 must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GridSampler().restore(3));
        assertTrue(e.getMessage().contains("stateless"), e.getMessage());
    }

    private static double[] column(double[][] u, int i) {
        double[] c = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            c[k] = u[k][i];
        }
        return c;
    }
}
