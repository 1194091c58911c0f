package org.pinn4j.autodiff.taylor;

/**
 * A view of one tile of points during a Taylor-mode pass, handed to a {@link TileLoss}.
 *
 * <p>Input i of point p is {@code inputs()[inputOffset(i) + p]}; stream s of output j at point p is
 * {@code output(j, s)[p]}. The loss writes d(loss)/d(output stream) to {@code outputAdjoint(j, s)[p]}
 * (zeroed before each call). Only the first {@link #size()} points are valid.
 */
public interface Tile {
    /** Index of the tile's first point in the whole batch. */
    int start();

    /** Number of valid points in this tile. */
    int size();

    /** Row stride of the flat arrays (the tile capacity). */
    int stride();

    /** Raw (unscaled) input coordinates of the tile's points. */
    double[] inputs();

    /** Offset of input i's row in {@link #inputs()}. */
    int inputOffset(int i);

    /** Stream s of output j, one value per point. */
    double[] output(int j, int s);

    /** Adjoint of stream s of output j, which the loss fills. */
    double[] outputAdjoint(int j, int s);

    /** The stream plan of this pass. */
    StreamPlan plan();

    /** Full parameter vector (network parameters first, then any extra trainable values). */
    double[] parameters();

    /**
     * Partial gradient the loss may add to for extra parameters (same indexing as
     * {@link #parameters()}), or null when only the loss value is wanted.
     */
    double[] gradient();
}
