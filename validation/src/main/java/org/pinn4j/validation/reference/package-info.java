/**
 * Reference solutions for the benchmark catalogue: closed forms ({@link org.pinn4j.validation.reference.Analytic},
 * {@link org.pinn4j.validation.reference.BurgersHopfCole}, {@link org.pinn4j.validation.reference.BlackScholes})
 * and numerical solvers ({@link org.pinn4j.validation.reference.AllenCahnSpectral},
 * {@link org.pinn4j.validation.reference.PoissonFd}, {@link org.pinn4j.validation.reference.OdeReference}).
 * Everything takes plain doubles, arrays and functional interfaces; nothing here depends on the rest of pinn4j.
 */
package org.pinn4j.validation.reference;
