package org.pinn4j.problems;

/**
 * An exact or reference solution: the outputs of a problem at given points.
 */
@FunctionalInterface
public interface Reference {
    /**
     * Values at the points ({@code points[input][p]}, raw coordinates in the problem's input order);
     * returns {@code [output][p]}.
     */
    double[][] values(double[][] points);
}
