package org.pinn4j.core.geometry;

/** A closed interval {@code [a, b]}; its boundary is the two end points with normals -1 at a and +1 at b. */
public class Interval extends Box {

    /**
     * @param a lower end, finite
     * @param b upper end, finite, {@code a < b}
     */
    public Interval(double a, double b) {
        this("Interval", a, b);
    }

    Interval(String name, double a, double b) {
        super(name, new double[] {a}, new double[] {b});
    }

    /** @return the lower end a */
    public double a() {
        return lower()[0];
    }

    /** @return the upper end b */
    public double b() {
        return upper()[0];
    }
}
