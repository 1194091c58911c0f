/**
 * The benchmark runner: trains a catalogue problem with its recipe, measures the result against its
 * exact or reference solution, and writes the run directory (model file, loss history, report). Also
 * the timing benchmark behind {@code pinn bench} and the catalogue-wide report behind {@code pinn validate}.
 * Charts are added through the {@link org.pinn4j.validation.runner.RunArtifacts} hook.
 */
package org.pinn4j.validation.runner;
