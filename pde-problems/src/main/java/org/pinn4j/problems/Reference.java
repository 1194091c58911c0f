package org.pinn4j.problems;

/**
 * An exact or reference solution: the outputs of a problem at given points.
 */
@FunctionalInterface
public interface Reference {
    /**
     * Values at the points ({@code points[input][p]}, raw coordinates in the problem's input order);
     * returns {@code [output][p]}, one row per measured output ({@link BenchmarkProblem#measuredOutputs}: all
     * outputs unless the entry says otherwise).
     */
    double[][] values(double[][] points);
}
