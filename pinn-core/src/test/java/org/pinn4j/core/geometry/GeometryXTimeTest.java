package org.pinn4j.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinn4j.core.geometry.GeometryAssertions.assertBoundary;
import static org.pinn4j.core.geometry.GeometryAssertions.assertInterior;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.sampling.GridSampler;
import org.pinn4j.core.sampling.LatinHypercubeSampler;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.SobolSampler;
import org.pinn4j.core.sampling.UniformSampler;

class GeometryXTimeTest {

    @Test
    void initialSliceHasTimeExactlyT0() {
        GeometryXTime st = new GeometryXTime(new Disk(0, 0, 1), 0.25, 2.0);
        PointSet init = st.sampleInitial(300, new SobolSampler());
        assertEquals(300, init.size());
        assertEquals(3, init.dimension());
        for (int i = 0; i < init.size(); i++) {
            double[] p = init.point(i);
            assertEquals(0.25, p[2], 0.0); // copied, not computed
            assertTrue(st.onInitial(p, 0.0));
            assertTrue(st.contains(p));
        }
    }

    @Test
    void lateralBoundaryOfDiskTimesTime() {
        GeometryXTime st = new GeometryXTime(new Disk(0, 0, 1), 0.25, 2.0);
        PointSet b = st.sampleBoundary(800, new LatinHypercubeSampler(3));
        assertBoundary(st, b, 800);
        for (int i = 0; i < b.size(); i++) {
            assertEquals(0.0, b.normal(2)[i], 0.0); // lateral normals have no time component
            double t = b.coordinate(2)[i];
            assertTrue(t >= 0.25 && t <= 2.0);
        }
        assertInterior(st, st.sampleInterior(500, new UniformSampler(4)), 500);
    }

    @Test
    void intervalTimesTimeOnALattice() {
        GeometryXTime st = new GeometryXTime(new Interval(-1, 1), 0, 1);
        PointSet b = st.sampleBoundary(100, new GridSampler());
        assertBoundary(st, b, 100);
        double[] timesAtLeft = new double[50];
        int left = 0;
        for (int i = 0; i < b.size(); i++) {
            if (b.coordinate(0)[i] == -1) {
                assertArrayEquals(new double[] {-1, 0}, b.normalAt(i), 0.0);
                timesAtLeft[left++] = b.coordinate(1)[i];
            } else {
                assertArrayEquals(new double[] {1, 0}, b.normalAt(i), 0.0);
            }
        }
        assertEquals(50, left);
        // Each end gets 50 distinct, evenly spaced times (2i + 1) / 100 (doubling a lattice value
        // is exact; 1e-15 covers the rounding of (i + 0.5) / 100).
        Arrays.sort(timesAtLeft);
        for (int i = 0; i < 50; i++) {
            assertEquals((2 * i + 1) / 100.0, timesAtLeft[i], 1e-15);
        }
    }

    @Test
    void lShapeTimesTime() {
        GeometryXTime st = new GeometryXTime(Geometries.lShapeCsg(), new TimeDomain(0, 3));
        assertBoundary(st, st.sampleBoundary(600, new UniformSampler(12)), 600);
        assertInterior(st, st.sampleInterior(600, new SobolSampler()), 600);
        assertArrayEquals(new double[] {-1, -1, 0}, st.lower(), 0.0);
        assertArrayEquals(new double[] {1, 1, 3}, st.upper(), 0.0);
    }
}
