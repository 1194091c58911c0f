package org.pinn4j.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinn4j.core.geometry.GeometryAssertions.assertBoundary;
import static org.pinn4j.core.geometry.GeometryAssertions.assertInterior;

import org.junit.jupiter.api.Test;
import org.pinn4j.core.sampling.GridSampler;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.SobolSampler;
import org.pinn4j.core.sampling.UniformSampler;

class CsgTest {

    @Test
    void lShapeAsDifferenceHasAreaThreeQuartersOfItsBox() {
        Csg l = Geometries.lShapeCsg();
        // Even lattice avoiding x=0 and y=0: exactly 3/4 of the centres are inside.
        assertEquals(3 * 200 * 200 / 4, GeometryAssertions.latticeCount(l, 200));
    }

    @Test
    void lShapeDifferenceAgreesWithThePolygon() {
        Csg csg = Geometries.lShapeCsg();
        Polygon poly = Geometries.lShape();
        // Odd lattice: includes the lines x=0 and y=0 where boundary handling matters.
        int m = 101;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double[] p = {-1 + 2 * (i + 0.5) / m, -1 + 2 * (j + 0.5) / m};
                assertEquals(poly.contains(p), csg.contains(p), "at " + p[0] + ", " + p[1]);
                assertEquals(poly.onBoundary(p, 1e-12), csg.onBoundary(p, 1e-12), "at " + p[0] + ", " + p[1]);
            }
        }
        double[][] tricky = {{0, 0.5}, {0.5, 0}, {0, 0}, {1, 0}, {1, 0.5}, {0.5, 1}, {0.5, 0.5}, {-1, 1}, {1, 1}};
        for (double[] p : tricky) {
            assertEquals(poly.contains(p), csg.contains(p), "contains at " + p[0] + ", " + p[1]);
        }
        assertFalse(csg.contains(new double[] {1, 0.5}), "subtracted square's edge inside A is not in the L");
        assertTrue(csg.contains(new double[] {0, 0.5}), "re-entrant edge belongs to the closed L");
    }

    @Test
    void lShapeDifferenceBoundaryHasPolygonNormalsAndFlipsTheSubtractedPart() {
        Csg csg = Geometries.lShapeCsg();
        Polygon poly = Geometries.lShape();
        int n = 4000;
        PointSet b = csg.sampleBoundary(n, new UniformSampler(21));
        assertBoundary(csg, b, n);
        int[] counts = new int[6];
        for (int i = 0; i < n; i++) {
            double[] p = b.point(i);
            assertTrue(poly.onBoundary(p, 1e-12));
            int e = PolygonTest.lEdge(p);
            counts[e]++;
            // Axis-aligned normals are exact +-1/0; the subtracted square's edges x=0 and y=0 carry
            // its normals (-1,0) and (0,-1) flipped to (1,0) and (0,1).
            assertArrayEquals(PolygonTest.L_NORMALS[e], b.normalAt(i), 0.0);
        }
        // Uniform over the boundary of length 8: binomial counts within 5 standard deviations.
        for (int e = 0; e < 6; e++) {
            double p = PolygonTest.L_EDGE_LENGTHS[e] / 8;
            assertEquals(n * p, counts[e], 5 * Math.sqrt(n * p * (1 - p)), "edge " + e);
        }
        assertTrue(counts[2] > 0 && counts[3] > 0, "the flipped part was sampled");
    }

    @Test
    void plateWithHoleHasNormalsIntoTheHole() {
        Disk hole = new Disk(0.5, 0.5, 0.25);
        Geometry plate = new Rectangle(0, 0, 1, 1).difference(hole);
        PointSet b = plate.sampleBoundary(1000, new SobolSampler());
        assertBoundary(plate, b, 1000);
        int onHole = 0;
        for (int i = 0; i < b.size(); i++) {
            double[] p = b.point(i);
            if (hole.onBoundary(p, 1e-12)) {
                onHole++;
                // Flipped radial normal -(p - c) / r; rounding of p - c relative to r: 1e-14.
                assertEquals(-(p[0] - 0.5) / 0.25, b.normal(0)[i], 1e-14);
                assertEquals(-(p[1] - 0.5) / 0.25, b.normal(1)[i], 1e-14);
            }
        }
        // Hole circumference pi/2 of total 4 + pi/2, a Sobol sequence split by the first coordinate:
        // equidistributed to within a few percent for 1000 points.
        double expected = 1000 * (Math.PI / 2) / (4 + Math.PI / 2);
        assertEquals(expected, onHole, 0.05 * expected);
        assertInterior(plate, plate.sampleInterior(500, new SobolSampler()), 500);
    }

    @Test
    void unionAndIntersectionOfDisks() {
        Disk d1 = new Disk(0, 0, 1);
        Disk d2 = new Disk(1, 0, 1);
        Geometry union = d1.union(d2);
        Geometry lens = d1.intersection(d2);
        PointSet ub = union.sampleBoundary(1500, new UniformSampler(5));
        assertBoundary(union, ub, 1500);
        PointSet lb = lens.sampleBoundary(1500, new UniformSampler(6));
        assertBoundary(lens, lb, 1500);
        for (int i = 0; i < 1500; i++) {
            double[] p = ub.point(i);
            // On the union's boundary a point is on one circle and not strictly inside the other.
            assertTrue(Math.hypot(p[0], p[1]) >= 1 - 1e-12 && Math.hypot(p[0] - 1, p[1]) >= 1 - 1e-12);
            double[] q = lb.point(i);
            assertTrue(Math.hypot(q[0], q[1]) <= 1 + 1e-12 && Math.hypot(q[0] - 1, q[1]) <= 1 + 1e-12);
        }
        assertInterior(union, union.sampleInterior(800, new UniformSampler(7)), 800);
        assertInterior(lens, lens.sampleInterior(800, new GridSampler()), 800);
        // Lattice counts equal an independent membership rule on the same lattice.
        int m = 300;
        int expected = 0;
        double[] lo = union.lower();
        double[] hi = union.upper();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double x = lo[0] + (i + 0.5) / m * (hi[0] - lo[0]);
                double y = lo[1] + (j + 0.5) / m * (hi[1] - lo[1]);
                if (x * x + y * y <= 1 || (x - 1) * (x - 1) + y * y <= 1) {
                    expected++;
                }
            }
        }
        assertEquals(expected, GeometryAssertions.latticeCount(union, m));
    }

    @Test
    void nestedCsg() {
        // (L-shape) union (disk centred in the removed quadrant, overlapping the L).
        Geometry g = Geometries.lShapeCsg().union(new Disk(0.5, 0.5, 0.6));
        assertBoundary(g, g.sampleBoundary(1000, new UniformSampler(8)), 1000);
        assertInterior(g, g.sampleInterior(1000, new UniformSampler(9)), 1000);
        assertTrue(g.contains(new double[] {0.5, 0.5}));
        assertFalse(g.contains(new double[] {0.95, 0.95}));
    }

    @Test
    void emptyIntersectionFailsClearly() {
        // Bounding boxes overlap ([0.9,1]^2) but the disks do not (centre distance 2.69 > 2).
        Geometry empty = new Disk(0, 0, 1).intersection(new Disk(1.9, 1.9, 1));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> empty.sampleInterior(10, new UniformSampler(1)));
        assertTrue(e.getMessage().contains("empty or has (near) zero volume"), e.getMessage());
        assertTrue(e.getMessage().startsWith("intersection(Disk("), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> empty.sampleInterior(10, new GridSampler()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> empty.sampleBoundary(10, new SobolSampler()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        // Boxes that only touch: no positive-width overlap, rejected when the intersection is built.
        IllegalArgumentException a = assertThrows(
                IllegalArgumentException.class,
                () -> Csg.intersection(new Rectangle(0, 0, 1, 1), new Rectangle(1, 0, 2, 1)));
        assertTrue(a.getMessage().contains("intersection is empty"), a.getMessage());
    }

    @Test
    void csgSamplingIsDeterministic() {
        Csg l = Geometries.lShapeCsg();
        assertEquals(l.sampleInterior(300, new UniformSampler(4)), l.sampleInterior(300, new UniformSampler(4)));
        assertEquals(l.sampleBoundary(300, new SobolSampler()), l.sampleBoundary(300, new SobolSampler()));
    }

    @Test
    void normalOffTheBoundaryIsRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Geometries.lShapeCsg().outwardNormal(new double[] {-0.5, -0.5}));
        assertTrue(e.getMessage().contains("is not on the boundary"), e.getMessage());
    }
}
