/**
 * Headless chart builders for PINN results, in the XChart style (builder, then styler, then
 * encoder): {@link org.pinn4j.plots.LineComparisonChart} (1-D prediction vs reference and its
 * absolute error), {@link org.pinn4j.plots.HeatMapChart} (2-D fields with a colour bar),
 * {@link org.pinn4j.plots.LossHistoryChart}, {@link org.pinn4j.plots.CoefficientChart},
 * {@link org.pinn4j.plots.ResidualHistogramChart}, and {@link org.pinn4j.plots.ChartFiles} to
 * write PNG and SVG atomically.
 *
 * <p>The module depends on XChart and VectorGraphics2D only: charts take plain arrays and the
 * small records defined here, never types of other pinn4j modules. Every builder returns an
 * XChart chart object, so callers (and tests) can inspect or restyle it before saving.
 *
 * <p>Rendering is headless: unless the application has set {@code java.awt.headless}
 * itself, building a chart sets it to {@code true} (this only takes effect if AWT has not been
 * initialised yet).
 */
package org.pinn4j.plots;
