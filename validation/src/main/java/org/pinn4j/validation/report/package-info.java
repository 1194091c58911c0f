/**
 * What users look at after a run: the charts of one run (heat maps of prediction, reference and error,
 * 1-D slices or line comparisons, loss history, identified coefficients, residual histogram; PNG and SVG)
 * and its HTML page. {@link org.pinn4j.validation.report.ChartArtifacts} plugs them into the runner
 * through the {@link org.pinn4j.validation.runner.RunArtifacts} service.
 */
package org.pinn4j.validation.report;
