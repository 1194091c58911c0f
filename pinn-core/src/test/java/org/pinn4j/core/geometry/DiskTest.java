package org.pinn4j.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinn4j.core.geometry.GeometryAssertions.assertBoundary;
import static org.pinn4j.core.geometry.GeometryAssertions.assertInterior;

import org.junit.jupiter.api.Test;
import org.pinn4j.core.sampling.GridSampler;
import org.pinn4j.core.sampling.HaltonSampler;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.SobolSampler;
import org.pinn4j.core.sampling.UniformSampler;

class DiskTest {

    private final Disk disk = new Disk(0.3, -0.2, 0.7);

    @Test
    void boundaryNormalsAreRadial() {
        PointSet b = disk.sampleBoundary(512, new SobolSampler());
        assertBoundary(disk, b, 512);
        for (int i = 0; i < b.size(); i++) {
            double[] p = b.point(i);
            double[] n = b.normalAt(i);
            // (p - c) / r recomputed from the rounded point: error a few ulps of |c| / r, below 1e-14.
            assertEquals((p[0] - 0.3) / 0.7, n[0], 1e-14);
            assertEquals((p[1] + 0.2) / 0.7, n[1], 1e-14);
        }
    }

    @Test
    void interiorPointsAreInsideForEverySampler() {
        assertInterior(disk, disk.sampleInterior(400, new UniformSampler(1)), 400);
        assertInterior(disk, disk.sampleInterior(400, new HaltonSampler()), 400);
        PointSet g = disk.sampleInterior(400, new GridSampler());
        assertInterior(disk, g, 400);
    }

    @Test
    void latticeAreaFractionApproachesPiOverFour() {
        // Only cells cut by the circle can be misclassified; there are at most 4m + 4 of them in an
        // m x m lattice, so |count / m^2 - pi/4| <= (4m + 4) / m^2 (an analytic bound, not a fit).
        int m = 1000;
        double fraction = GeometryAssertions.latticeCount(disk, m) / (double) (m * m);
        assertEquals(Math.PI / 4, fraction, (4.0 * m + 4) / ((double) m * m));
    }

    @Test
    void normalAtTheCentreIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> disk.outwardNormal(new double[] {0.3, -0.2}));
        assertTrue(e.getMessage().contains("centre"), e.getMessage());
    }
}
