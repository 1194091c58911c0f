package org.pinn4j.core.geometry;

/** Ready-made domains used by the benchmark problems. */
public final class Geometries {

    private Geometries() {}

    /**
     * The L-shaped domain {@code [-1,1]^2 \ (0,1]^2} as a polygon (area 3, re-entrant corner at the origin).
     *
     * @return the polygon with vertices (-1,-1), (1,-1), (1,0), (0,0), (0,1), (-1,1)
     */
    public static Polygon lShape() {
        return new Polygon(new double[] {-1, 1, 1, 0, 0, -1}, new double[] {-1, -1, 0, 0, 1, 1});
    }

    /**
     * The same L-shaped domain as a CSG difference of two squares.
     *
     * @return {@code [-1,1]^2} minus {@code [0,1]^2}
     */
    public static Csg lShapeCsg() {
        return Csg.difference(new Rectangle(-1, -1, 1, 1), new Rectangle(0, 0, 1, 1));
    }
}
