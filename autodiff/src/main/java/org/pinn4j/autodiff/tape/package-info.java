/**
 * Tensor reverse-mode automatic differentiation with higher-order support.
 *
 * <p>{@link org.pinn4j.autodiff.tape.Tensor} records operations on dense matrices;
 * {@link org.pinn4j.autodiff.tape.Autograd} differentiates them. Backward rules are built from
 * differentiable tensor operations, so gradients can be differentiated again (Hessian-vector
 * products, u_xx and u_xxx of a network); a no-recording fast path serves the first-order case.
 * {@link org.pinn4j.autodiff.tape.TapeMlp} evaluates an MLP from the project's flat parameter layout.
 *
 * <p>This path favours readability and correctness over speed: it is the general API for arbitrary
 * user expressions and the independent cross-check for the fast Taylor-mode engine.
 */
package org.pinn4j.autodiff.tape;
