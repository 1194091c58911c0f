/**
 * Point sets and samplers of the unit hypercube.
 *
 * <p>Points are stored feature-major: n points in d dimensions are a {@code double[d][n]}, one
 * contiguous array per coordinate. {@link org.pinn4j.core.sampling.Sampler}s produce points of
 * {@code [0,1]^d} deterministically from their seed and exportable state;
 * {@link org.pinn4j.core.sampling.Samplers} creates them by name.
 */
package org.pinn4j.core.sampling;
