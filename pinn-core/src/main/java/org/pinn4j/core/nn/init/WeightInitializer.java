package org.pinn4j.core.nn.init;

import java.util.SplittableRandom;

/**
 * Fills one weight matrix, stored row-major as {@code [fanOut][fanIn]} in a slice of a flat
 * parameter array. The same generator state gives the same weights, bit for bit.
 */
public interface WeightInitializer {

    /**
     * Writes {@code fanOut * fanIn} values to {@code target[offset ..]}, entry
     * {@code (row r, column c)} at {@code offset + r * fanIn + c}; the rest of the array is untouched.
     *
     * @param target the flat parameter array
     * @param offset index of the first weight
     * @param fanIn number of inputs (columns), >= 1
     * @param fanOut number of outputs (rows), >= 1
     * @param rng the generator to draw from (advanced by this call)
     * @throws IllegalArgumentException for a null array or generator, non-positive fans, or a
     *     slice that does not fit
     */
    void initialize(double[] target, int offset, int fanIn, int fanOut, SplittableRandom rng);

    /** The name this initialiser is known by, e.g. {@code "xavier-normal"}. */
    String name();
}
