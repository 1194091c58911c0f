package org.pinn4j.validation.runner;

import java.util.List;
import java.util.Optional;

/**
 * The trained model and its reference on the problem's evaluation grid, kept for metrics and charts.
 *
 * @param points     grid points, feature-major {@code [input][p]}
 * @param outputs    the measured outputs, in row order ({@code BenchmarkProblem.measuredOutputs})
 * @param prediction model outputs {@code [output][p]}, one row per measured output
 * @param reference  exact or reference outputs {@code [output][p]}, empty if the problem has none
 */
public record Evaluation(
        double[][] points, List<String> outputs, double[][] prediction, Optional<double[][]> reference) {
    /** Keeps an unmodifiable copy of the output names. */
    public Evaluation {
        outputs = List.copyOf(outputs);
    }
}
