/**
 * Sweeps of trainings on Apache Spark: a {@link org.pinn4j.spark.Sweep} (problem, recipes, a grid of parameter and
 * setting values, seeds) runs as one Spark task per training through {@link org.pinn4j.spark.SparkSweep}, each task
 * the training {@code pinn run} would do ({@link org.pinn4j.spark.TaskRunner}), its small {@link
 * org.pinn4j.spark.SweepRow} collected on the driver. No other module depends on this one.
 */
package org.pinn4j.spark;
