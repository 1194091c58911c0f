package org.pinn4j.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.pinn4j.core.sampling.PointSet;

/** Shared checks of sampled points against a geometry's own predicates. */
final class GeometryAssertions {

    /** Sampled boundary points are exact up to rounding of O(1e-16) coordinates; 1e-12 leaves a wide margin. */
    static final double ON_BOUNDARY_TOL = 1e-12;
    /**
     * Step along the normal for the inside/outside test: far above the 1e-12 membership tolerance,
     * below the CSG probe distance (1e-8 of the size) so both classify a point alike.
     */
    static final double STEP = 1e-9;

    private GeometryAssertions() {}

    static void assertInterior(Geometry g, PointSet ps, int expectedAtLeast) {
        assertTrue(ps.size() >= expectedAtLeast, "expected at least " + expectedAtLeast + " points, got " + ps.size());
        assertFalse(ps.hasNormals());
        double[] lo = g.lower();
        double[] hi = g.upper();
        for (int i = 0; i < ps.size(); i++) {
            double[] p = ps.point(i);
            assertTrue(g.contains(p), g + " does not contain sampled interior point " + Arrays.toString(p));
            for (int k = 0; k < p.length; k++) {
                assertTrue(p[k] >= lo[k] && p[k] <= hi[k], "point outside the bounding box: " + Arrays.toString(p));
            }
        }
    }

    /**
     * Every point is on the boundary (to 1e-12), its normal has unit length (to 1e-12, rounding of
     * a normalised vector), matches {@code outwardNormal} (to 1e-12) and points outward:
     * {@code p + STEP n} is outside and {@code p - STEP n} inside.
     */
    static void assertBoundary(Geometry g, PointSet ps, int expectedAtLeast) {
        assertTrue(ps.size() >= expectedAtLeast, "expected at least " + expectedAtLeast + " points, got " + ps.size());
        assertTrue(ps.hasNormals());
        for (int i = 0; i < ps.size(); i++) {
            double[] p = ps.point(i);
            double[] n = ps.normalAt(i);
            String where = g + " at " + Arrays.toString(p) + " normal " + Arrays.toString(n);
            assertTrue(g.onBoundary(p, ON_BOUNDARY_TOL), "not on the boundary: " + where);
            assertEquals(1.0, norm(n), 1e-12, "normal not of unit length: " + where);
            double[] expected = g.outwardNormal(p);
            for (int k = 0; k < n.length; k++) {
                assertEquals(expected[k], n[k], 1e-12, "normal differs from outwardNormal: " + where);
            }
            assertFalse(g.contains(shift(p, n, STEP)), "p + eps n is inside: " + where);
            assertTrue(g.contains(shift(p, n, -STEP)), "p - eps n is outside: " + where);
        }
    }

    static double[] shift(double[] p, double[] n, double eps) {
        double[] q = p.clone();
        for (int k = 0; k < q.length; k++) {
            q[k] += eps * n[k];
        }
        return q;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Number of cell centres of an m x m lattice over [lo, hi] that {@code g} contains. */
    static int latticeCount(Geometry g, int m) {
        double[] lo = g.lower();
        double[] hi = g.upper();
        int count = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double[] p = {lo[0] + (i + 0.5) / m * (hi[0] - lo[0]), lo[1] + (j + 0.5) / m * (hi[1] - lo[1])};
                if (g.contains(p)) {
                    count++;
                }
            }
        }
        return count;
    }
}
