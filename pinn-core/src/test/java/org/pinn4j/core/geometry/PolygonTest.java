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
import org.pinn4j.core.sampling.UniformSampler;

class PolygonTest {

    static final double[] LX = {-1, 1, 1, 0, 0, -1};
    static final double[] LY = {-1, -1, 0, 0, 1, 1};

    /**
     * Outward normal of the L-shape at a point on one of its six edges, from the figure: edge index
     * in the order y=-1, x=1, y=0 (x>0), x=0 (y>0), y=1, x=-1.
     */
    static int lEdge(double[] p) {
        double x = p[0];
        double y = p[1];
        double t = 1e-12; // sampled points are exact up to rounding of O(1) coordinates
        if (Math.abs(y + 1) <= t) {
            return 0;
        }
        if (Math.abs(x - 1) <= t && y <= t) {
            return 1;
        }
        if (Math.abs(y) <= t && x >= -t) {
            return 2;
        }
        if (Math.abs(x) <= t && y >= -t) {
            return 3;
        }
        if (Math.abs(y - 1) <= t) {
            return 4;
        }
        if (Math.abs(x + 1) <= t) {
            return 5;
        }
        throw new AssertionError("point not on the L-shape boundary: " + p[0] + ", " + p[1]);
    }

    static final double[][] L_NORMALS = {{0, -1}, {1, 0}, {0, 1}, {1, 0}, {0, 1}, {-1, 0}};
    static final double[] L_EDGE_LENGTHS = {2, 1, 1, 1, 1, 2};

    @Test
    void clockwiseAndCounterClockwiseGiveTheSameOutwardNormals() {
        Polygon ccw = new Polygon(LX, LY);
        Polygon cw = new Polygon(reversed(LX), reversed(LY));
        assertEquals(3.0, ccw.area(), 0.0); // shoelace of integer vertices: exact
        assertEquals(3.0, cw.area(), 0.0);
        assertEquals(8.0, cw.perimeter(), 0.0);
        for (Polygon poly : new Polygon[] {ccw, cw}) {
            PointSet b = poly.sampleBoundary(2000, new UniformSampler(9));
            assertBoundary(poly, b, 2000);
            for (int i = 0; i < b.size(); i++) {
                double[] p = b.point(i);
                double[] expected = L_NORMALS[lEdge(p)];
                // Normals of axis-aligned edges are (dy, -dx) / length with exact integers: exact.
                assertArrayEquals(expected, b.normalAt(i), 0.0);
                assertArrayEquals(expected, ccw.outwardNormal(p), 0.0);
                assertArrayEquals(expected, cw.outwardNormal(p), 0.0);
            }
        }
    }

    @Test
    void boundaryPointsAreProportionalToEdgeLength() {
        // Perimeter 8; a 1-d lattice of 800 centres puts exactly 100 points per unit of arc length,
        // whatever the vertex order.
        for (Polygon poly : new Polygon[] {new Polygon(LX, LY), new Polygon(reversed(LX), reversed(LY))}) {
            PointSet b = poly.sampleBoundary(800, new GridSampler());
            int[] counts = new int[6];
            for (int i = 0; i < b.size(); i++) {
                counts[lEdge(b.point(i))]++;
            }
            for (int e = 0; e < 6; e++) {
                assertEquals(100 * L_EDGE_LENGTHS[e], counts[e], 0.0, "edge " + e);
            }
        }
    }

    @Test
    void pointInPolygonMatchesTheFigure() {
        Polygon l = Geometries.lShape();
        // An even lattice of the box [-1,1]^2 avoids the lines x=0 and y=0: exactly 3/4 of its
        // centres lie in the L (the removed quadrant is one of four equal quadrants).
        assertEquals(3 * 200 * 200 / 4, GeometryAssertions.latticeCount(l, 200));
        assertTrue(l.contains(new double[] {0, 0.5}));
        assertTrue(l.contains(new double[] {0.5, 0}));
        assertTrue(l.contains(new double[] {0, 0}));
        assertTrue(l.contains(new double[] {-1, 1}));
        assertFalse(l.contains(new double[] {0.5, 0.5}));
        assertFalse(l.contains(new double[] {1, 0.5}));
        assertFalse(l.contains(new double[] {-1.1, 0}));
        assertInterior(l, l.sampleInterior(1000, new UniformSampler(2)), 1000);
    }

    @Test
    void closingVertexIsOptional() {
        Polygon closed = new Polygon(new double[] {0, 1, 0, 0}, new double[] {0, 0, 1, 0});
        assertEquals(0.5, closed.area(), 0.0);
        assertEquals(3, closed.vertexX().length);
    }

    @Test
    void invalidPolygonsAreRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Polygon(new double[] {0, 1}, new double[] {0, 1}));
        assertTrue(e.getMessage().contains("expected at least 3"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Polygon(new double[] {0, 1, 1, 0}, new double[] {0, 1, 0, 1}));
        assertTrue(e.getMessage().contains("intersect"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Polygon(new double[] {0, 1, Double.NaN}, new double[] {0, 0, 1}));
        assertTrue(e.getMessage().contains("vertex x[2] is NaN"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> new Polygon(new double[] {0, 1, 2}, new double[] {0, 0, 0}));
        assertTrue(e.getMessage().startsWith("Polygon:"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> new Polygon(new double[] {0, 1, 2}, new double[] {0, 0}));
        assertTrue(e.getMessage().contains("3 x coordinates but 2 y coordinates"), e.getMessage());
    }

    static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
