package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Field2DTest {

    private static final double[] X = {0.0, 0.5, 1.0};
    private static final double[] Y = {0.0, 0.25, 0.5, 1.0};

    @Test
    void yMajorInputIsTransposedToXMajor() {
        double[][] zYX = new double[Y.length][X.length];
        for (int iy = 0; iy < Y.length; iy++) {
            for (int ix = 0; ix < X.length; ix++) {
                zYX[iy][ix] = 10 * ix + iy;
            }
        }
        Field2D f = Field2D.ofYMajor(X, Y, zYX);
        assertEquals(3, f.nx());
        assertEquals(4, f.ny());
        for (int ix = 0; ix < X.length; ix++) {
            for (int iy = 0; iy < Y.length; iy++) {
                assertEquals(10 * ix + iy, f.z()[ix][iy], 0.0);
            }
        }
    }

    @Test
    void rejectsWrongShapesWithMessagesNamingTheLayout() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Field2D(X, Y, new double[Y.length][X.length]));
        assertTrue(e.getMessage().contains("z[ix][iy]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Field2D.ofYMajor(X, Y, new double[X.length][Y.length]));
        assertTrue(e.getMessage().contains("zYX[iy][ix]"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> new Field2D(new double[] {0, 1, 1}, Y, new double[3][4]));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Field2D(new double[] {0}, Y, new double[1][4]));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Field2D(null, Y, null));
        assertTrue(e.getMessage().contains("x must not be null"), e.getMessage());
        double[][] ragged = new double[3][];
        ragged[0] = new double[4];
        ragged[1] = new double[3];
        ragged[2] = new double[4];
        e = assertThrows(IllegalArgumentException.class, () -> new Field2D(X, Y, ragged));
        assertTrue(e.getMessage().contains("z[1]"), e.getMessage());
    }

    @Test
    void slicesAndRanges() {
        double[][] z = {{1, 2, 3, 4}, {5, Double.NaN, 7, 8}, {9, 10, 11, -12}};
        Field2D f = new Field2D(X, Y, z);
        assertArrayEquals(new double[] {-12, 11}, f.finiteRange(), 0.0);
        assertEquals(2, f.nearestYIndex(0.6));
        assertEquals(3, f.nearestYIndex(5.0));
        // 0.125 is equally far from 0 and 0.25: the lower index wins.
        assertEquals(0, f.nearestYIndex(0.125));
        assertArrayEquals(new double[] {3, 7, 11}, f.valuesAtYIndex(2), 0.0);
        assertThrows(IllegalArgumentException.class, () -> f.valuesAtYIndex(4));
    }
}
