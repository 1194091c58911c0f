package org.pinn4j.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinn4j.core.geometry.GeometryAssertions.assertBoundary;
import static org.pinn4j.core.geometry.GeometryAssertions.assertInterior;

import org.junit.jupiter.api.Test;
import org.pinn4j.core.sampling.GridSampler;
import org.pinn4j.core.sampling.LatinHypercubeSampler;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.SobolSampler;
import org.pinn4j.core.sampling.UniformSampler;

class BoxTest {

    @Test
    void intervalBoundaryIsTheTwoEndPointsWithNormalsMinusAndPlusOne() {
        Interval iv = new Interval(-0.5, 2.0);
        PointSet b = iv.sampleBoundary(1000, new GridSampler());
        assertBoundary(iv, b, 1000);
        int atA = 0;
        for (int i = 0; i < b.size(); i++) {
            double x = b.coordinate(0)[i];
            double n = b.normal(0)[i];
            // End points are copied, not computed: exact.
            if (x == -0.5) {
                assertEquals(-1.0, n, 0.0);
                atA++;
            } else {
                assertEquals(2.0, x, 0.0);
                assertEquals(1.0, n, 0.0);
            }
        }
        // A 1-d lattice of 1000 cell centres has exactly 500 below 1/2: the ends are equally weighted.
        assertEquals(500, atA);
        assertInterior(iv, iv.sampleInterior(300, new SobolSampler()), 300);
    }

    @Test
    void rectangleBoundaryIsProportionalToEdgeLength() {
        // Perimeter 6: edges x=0 and x=2 of length 1, y=0 and y=1 of length 2. A 1-d lattice of 600
        // centres (i + 0.5) / 600 maps to arc length (i + 0.5) / 100, so each unit of length gets exactly 100.
        Rectangle r = new Rectangle(0, 0, 2, 1);
        PointSet b = r.sampleBoundary(600, new GridSampler());
        assertBoundary(r, b, 600);
        int left = 0;
        int right = 0;
        int bottom = 0;
        int top = 0;
        for (int i = 0; i < b.size(); i++) {
            double nx = b.normal(0)[i];
            double ny = b.normal(1)[i];
            if (nx == -1) {
                left++;
            } else if (nx == 1) {
                right++;
            } else if (ny == -1) {
                bottom++;
            } else if (ny == 1) {
                top++;
            }
        }
        assertArrayEquals(new int[] {100, 100, 200, 200}, new int[] {left, right, bottom, top});
    }

    @Test
    void boxInThreeDimensions() {
        Box box = new Box(new double[] {0, 0, 0}, new double[] {1, 2, 3});
        assertEquals(6.0, box.volume(), 0.0); // product of exact integers
        assertInterior(box, box.sampleInterior(500, new LatinHypercubeSampler(3)), 500);
        int n = 20000;
        PointSet b = box.sampleBoundary(n, new UniformSampler(4));
        assertBoundary(box, b, n);
        // Face areas: x-faces 6, y-faces 3, z-faces 2 each, total 22. Counts are binomial; 5 standard
        // deviations bound a fixed-seed draw with overwhelming margin.
        int[] perAxis = new int[3];
        for (int i = 0; i < n; i++) {
            double[] nr = b.normalAt(i);
            for (int k = 0; k < 3; k++) {
                if (nr[k] != 0) {
                    perAxis[k]++;
                }
            }
        }
        double[] p = {12.0 / 22, 6.0 / 22, 4.0 / 22};
        for (int k = 0; k < 3; k++) {
            double sigma = Math.sqrt(n * p[k] * (1 - p[k]));
            assertEquals(n * p[k], perAxis[k], 5 * sigma, "points on faces normal to axis " + k);
        }
    }

    @Test
    void containsAndOnBoundaryWithTolerance() {
        Rectangle r = new Rectangle(0, 0, 2, 1);
        assertTrue(r.contains(new double[] {2, 0.5}));
        assertFalse(r.contains(new double[] {2 + 1e-9, 0.5}));
        assertTrue(r.onBoundary(new double[] {2 - 1e-7, 0.5}, 1e-6));
        assertFalse(r.onBoundary(new double[] {1, 0.5}, 1e-6));
        assertArrayEquals(new double[] {0, 1}, r.outwardNormal(new double[] {1, 0.9}));
        assertArrayEquals(new double[] {-1, 0}, r.outwardNormal(new double[] {-3, 0.5}));
    }
}
