/**
 * The course exercises: {@link org.pinn4j.problems.catalogue.course.CwruExercise} (Black–Scholes from
 * MSE_data + MSE_PDE in epochs of mini-batches, with the Greeks) and
 * {@link org.pinn4j.problems.catalogue.course.OneNeuron} (the chain rule on one sigmoid neuron).
 */
package org.pinn4j.problems.catalogue.course;
