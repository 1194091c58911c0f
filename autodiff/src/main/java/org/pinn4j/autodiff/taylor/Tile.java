package org.pinn4j.autodiff.taylor;

/**
 * A view of one tile of points during a Taylor-mode pass, handed to a {@link TileLoss}.
 *
 * <p>All per-point arrays are flat with a row stride of {@link #stride()} and {@link #size()} valid
 * entries per row: input i of point p is {@code inputs()[inputOffset(i) + p]}; stream s of output j is
 * {@code outputs()[outputOffset(j, s)] + p}. The loss writes d(loss)/d(output stream) at the same
 * positions of {@link #outputAdjoints()} (zeroed before each call).
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

    /** Network output streams. */
    double[] outputs();

    /** Offset of output j, stream s in {@link #outputs()} and {@link #outputAdjoints()}. */
    int outputOffset(int output, int stream);

    /** Adjoint buffer the loss fills; same layout as {@link #outputs()}. */
    double[] outputAdjoints();

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
