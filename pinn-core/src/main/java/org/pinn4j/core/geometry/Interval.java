package org.pinn4j.core.geometry;

import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Sampler;

/**
 * A closed interval {@code [a, b]}; its boundary is the two end points with normals -1 at a and +1 at b.
 * Boundary samples alternate between the ends (a, b, a, b, ...), so even two points cover both ends.
 */
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

    /**
     * The end points in turn, a first, with outward normals; the sampler is not consulted (there is
     * nothing random about two points), so its state does not advance.
     */
    @Override
    public PointSet sampleBoundary(int n, Sampler s) {
        if (n < 0) {
            throw new IllegalArgumentException("Interval.sampleBoundary: point count " + n + " must be >= 0");
        }
        double[][] x = new double[1][n];
        double[][] normal = new double[1][n];
        for (int k = 0; k < n; k++) {
            boolean lowerEnd = k % 2 == 0;
            x[0][k] = lowerEnd ? a() : b();
            normal[0][k] = lowerEnd ? -1.0 : 1.0;
        }
        return new PointSet(x, normal);
    }
}
