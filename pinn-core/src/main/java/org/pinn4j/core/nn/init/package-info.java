/**
 * Weight initialisers: fill the slice of the flat parameter array that holds one layer's weight
 * matrix (row-major {@code [fanOut][fanIn]}) from a seeded {@link java.util.SplittableRandom}.
 * {@link org.pinn4j.core.nn.init.Initializers} builds them by name.
 */
package org.pinn4j.core.nn.init;
