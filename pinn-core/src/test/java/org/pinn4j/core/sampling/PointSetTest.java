package org.pinn4j.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointSetTest {

    // Values are copied, never computed, so every comparison below is exact.

    private static final double[][] XY = {{0, 1, 2}, {10, 11, 12}};
    private static final double[][] N = {{1, 0, -1}, {0, 1, 0}};

    @Test
    void accessorsFollowFeatureMajorLayout() {
        PointSet ps = new PointSet(XY, N);
        assertEquals(3, ps.size());
        assertEquals(2, ps.dimension());
        assertTrue(ps.hasNormals());
        assertArrayEquals(new double[] {10, 11, 12}, ps.coordinate(1));
        assertArrayEquals(new double[] {2, 12}, ps.point(2));
        assertArrayEquals(new double[] {-1, 0}, ps.normalAt(2));
        assertArrayEquals(new double[] {0, 1, 0}, ps.normal(1));
    }

    @Test
    void constructorCopiesItsInput() {
        double[][] x = {{1, 2}};
        PointSet ps = new PointSet(x);
        x[0][0] = 99;
        assertEquals(1.0, ps.coordinate(0)[0]);
    }

    @Test
    void concatAndSubset() {
        PointSet a = new PointSet(XY, N);
        PointSet b = new PointSet(new double[][] {{3}, {13}}, new double[][] {{0}, {-1}});
        PointSet c = a.concat(b);
        assertEquals(4, c.size());
        assertArrayEquals(new double[] {0, 1, 2, 3}, c.coordinate(0));
        assertArrayEquals(new double[] {0, 1, 0, -1}, c.normal(1));
        PointSet s = c.subset(new int[] {3, 0, 3});
        assertArrayEquals(new double[] {3, 0, 3}, s.coordinate(0));
        assertArrayEquals(new double[] {13, 10, 13}, s.coordinate(1));
        assertArrayEquals(new double[] {-1, 0, -1}, s.normal(1));
        assertEquals(new PointSet(XY), a.withoutNormals());
        assertFalse(a.withoutNormals().hasNormals());
    }

    @Test
    void rowsColumnsAndGridDescribeTheSamePoints() {
        // (0.1, 0.2), (0.3, 0.4), (0.5, 0.6): one row per point, one array per coordinate
        PointSet byRows = PointSet.rows(new double[] {0.1, 0.2}, new double[] {0.3, 0.4}, new double[] {0.5, 0.6});
        PointSet byColumns = PointSet.columns(new double[] {0.1, 0.3, 0.5}, new double[] {0.2, 0.4, 0.6});
        assertEquals(byColumns, byRows);
        assertEquals(3, byRows.size());
        assertArrayEquals(new double[] {0.3, 0.4}, byRows.point(1));
        // a 2 x 3 grid, first axis fastest: (0, 5), (1, 5), (0, 6), (1, 6), (0, 7), (1, 7)
        PointSet grid = PointSet.grid(new double[] {0, 1}, new double[] {5, 6, 7});
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 1}, grid.coordinate(0));
        assertArrayEquals(new double[] {5, 5, 6, 6, 7, 7}, grid.coordinate(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PointSet.rows());
        assertEquals("PointSet.rows: no points given; expected one double[] per point", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PointSet.grid(new double[] {0}, new double[0]));
        assertEquals("PointSet.grid: axis 1 has no values", e.getMessage());
    }

    @Test
    void invalidShapesAreRejectedWithClearMessages() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new PointSet(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1 has length 1, expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PointSet(XY, new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("normals has 1 rows, expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PointSet(null));
        assertTrue(e.getMessage().contains("must not be null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PointSet(new double[0][]));
        assertTrue(e.getMessage().contains("d >= 1"), e.getMessage());
        PointSet ps = new PointSet(XY);
        e = assertThrows(IllegalArgumentException.class, () -> ps.subset(new int[] {0, 3}));
        assertTrue(e.getMessage().contains("index 3 at position 1 is outside [0, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ps.point(-1));
        assertTrue(e.getMessage().contains("outside [0, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ps.concat(new PointSet(new double[][] {{1}})));
        assertTrue(e.getMessage().contains("dimension 1, expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ps.concat(new PointSet(XY, N)));
        assertTrue(e.getMessage().contains("has normals but point set 0 has none"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> ps.normal(0));
        assertTrue(s.getMessage().contains("no normals"), s.getMessage());
    }
}
