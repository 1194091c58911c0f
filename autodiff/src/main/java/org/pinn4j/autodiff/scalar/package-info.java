/**
 * Scalar forward-mode automatic differentiation.
 *
 * <p>Two tools, chosen for two jobs:
 * <ul>
 *   <li>{@link org.pinn4j.autodiff.scalar.Dual}: our own immutable dual number (value plus one
 *       tangent). First-order directional derivatives are the common cheap case; a two-field
 *       object costs almost nothing, while a general jet would carry index tables and arrays.</li>
 *   <li>{@link org.pinn4j.autodiff.scalar.Jets}: truncated Taylor jets of arbitrary order in any
 *       number of variables. These are Commons Math's
 *       {@link org.apache.commons.math3.analysis.differentiation.DerivativeStructure}, which is
 *       well tested and already implements the multivariate Faà di Bruno composition rules; we do
 *       not rewrite it. {@code Jets} only adds convenience constructors, a checked derivative
 *       accessor and the activations {@code DerivativeStructure} lacks (sigmoid, softplus, SiLU,
 *       exact GELU, ReLU, erf), built from its own primitives.</li>
 * </ul>
 */
package org.pinn4j.autodiff.scalar;
