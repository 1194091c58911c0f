/**
 * Optimizers over one flat {@code double[]} of parameters.
 *
 * <ul>
 *   <li>First-order methods ({@link org.pinn4j.core.optim.GradientOptimizer}): the caller computes
 *       the gradient (full batch or the current mini-batch) and asks for one update with a learning
 *       rate; see {@link org.pinn4j.core.optim.Optimizers} for the catalogue and names.</li>
 *   <li>Learning-rate schedules ({@link org.pinn4j.core.optim.LearningRateSchedule}), built by
 *       {@link org.pinn4j.core.optim.Schedules}.</li>
 *   <li>{@link org.pinn4j.core.optim.Lbfgs}: quasi-Newton minimisation of an
 *       {@link org.pinn4j.core.optim.Objective} with a strong-Wolfe line search.</li>
 * </ul>
 *
 * <p>Every optimizer and schedule exports its complete state as an
 * {@link org.pinn4j.core.optim.OptimizerState}; importing it into a fresh instance with the same
 * hyperparameters continues a run bit-identically. Switching optimizer in the middle of a run is the
 * trainer's business: the objects here are independent of each other.
 */
package org.pinn4j.core.optim;
