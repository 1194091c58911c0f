package org.pinn4j.core.geometry;

/** An axis-aligned rectangle {@code [xMin, xMax] x [yMin, yMax]}. */
public class Rectangle extends Box {

    /**
     * @param xMin left edge
     * @param yMin bottom edge
     * @param xMax right edge, {@code > xMin}
     * @param yMax top edge, {@code > yMin}
     */
    public Rectangle(double xMin, double yMin, double xMax, double yMax) {
        super("Rectangle", new double[] {xMin, yMin}, new double[] {xMax, yMax});
    }

    /**
     * @param lower lower-left corner {@code {xMin, yMin}}
     * @param upper upper-right corner {@code {xMax, yMax}}
     */
    public Rectangle(double[] lower, double[] upper) {
        super("Rectangle", twoD("lower", lower), twoD("upper", upper));
    }

    private static double[] twoD(String what, double[] v) {
        if (v == null || v.length != 2) {
            throw new IllegalArgumentException("Rectangle: " + what + " corner must have 2 coordinates {x, y}, got "
                    + (v == null ? "null" : v.length));
        }
        return v;
    }
}
