package org.pinn4j.validation.runner;

import java.util.Optional;

/**
 * The trained model and its reference on the problem's evaluation grid, kept for metrics and charts.
 *
 * @param points     grid points, feature-major {@code [input][p]}
 * @param prediction model outputs {@code [output][p]}
 * @param reference  exact or reference outputs {@code [output][p]}, empty if the problem has none
 */
public record Evaluation(double[][] points, double[][] prediction, Optional<double[][]> reference) {}
