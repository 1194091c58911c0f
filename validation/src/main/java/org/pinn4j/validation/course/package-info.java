/**
 * Charts of the course exercises ({@code cwru-exercise}, {@code one-neuron}): derived quantities such as
 * the Greeks against their closed forms, the loss terms per epoch, price slices and the one-neuron fit.
 * Plugged into every run through the {@link org.pinn4j.validation.runner.RunArtifacts} service hook.
 */
package org.pinn4j.validation.course;
