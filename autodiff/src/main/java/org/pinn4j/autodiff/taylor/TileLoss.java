package org.pinn4j.autodiff.taylor;

/**
 * A loss that is a sum of per-point contributions, evaluated tile by tile on the network's output
 * streams. Implementations are stateless apart from the per-thread scratch they create, so one
 * instance can serve several threads.
 *
 * @param <S> per-thread scratch (buffers sized for one tile)
 */
public interface TileLoss<S> {
    /** Creates the scratch one thread uses for tiles of capacity {@code tileSize}. */
    S newScratch(int tileSize);

    /**
     * Returns the sum of this tile's loss contributions. When {@code tile.gradient() != null}, also
     * writes d(loss)/d(output stream) into {@code tile.outputAdjoint(j, s)} and adds the gradient with
     * respect to any extra parameters into {@code tile.gradient()}.
     */
    double evaluate(Tile tile, S scratch);
}
