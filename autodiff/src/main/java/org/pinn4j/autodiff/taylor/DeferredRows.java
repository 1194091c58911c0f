package org.pinn4j.autodiff.taylor;

/**
 * The weight-gradient pass of one large layer put off until the chunk's flush: each tile's inputs and adjoints
 * are packed side by side into rows that run through the chunk's tiles, and one pass over those rows then
 * continues every weight's 8 lanes in registers across all the tiles, summing them into the gradient at the end.
 * The lanes are neither read nor written per tile (the per-tile pass carries them through memory: 4 MB per 256 x
 * 256 layer and tile).
 *
 * <p>Each lane sees the same products in the same order as tile after tile through
 * {@link LaneKernels#accumulate}: tiles in order, in each its streams in plan order and points in increasing
 * order. Used on the Vector API path only, for layers that pack ({@link LaneKernels#packs}) with a tile that is a
 * multiple of {@link LaneKernels#LANES}.
 */
final class DeferredRows {
    /** Tiles kept at most: the 4 tiles of 64 points of a chunk of 256 (more are passed in groups). */
    static final int MAX_TILES = 4;

    /** Doubles one layer's rows may take (32 MB): wider layers keep fewer tiles. */
    static final long MAX_DOUBLES = 4L << 20;

    private final int in;
    private final int out;
    private final int streams;
    private final int tile;
    /** Values one tile adds to each row: streams x tile. */
    private final int segment;
    /** Tiles the rows hold. */
    private final int capacity;
    /** Distance between rows: capacity x segment. */
    private final int stride;

    private final double[] rows;
    private final double[] sums = new double[16 * LaneKernels.LANES];
    private int tiles;

    DeferredRows(int in, int out, int streams, int tile) {
        this.in = in;
        this.out = out;
        this.streams = streams;
        this.tile = tile;
        this.segment = streams * tile;
        long perTile = (long) (in + out) * segment;
        this.capacity = (int) Math.max(1, Math.min(MAX_TILES, MAX_DOUBLES / perTile));
        this.stride = capacity * segment;
        this.rows = new double[Math.toIntExact((long) (in + out) * stride)];
    }

    /** Whether a layer of these sizes defers its weight-gradient pass to the flush on this JVM. */
    static boolean applies(int in, int out, int tile) {
        return org.pinn4j.autodiff.VectorSupport.enabled()
                && LaneKernels.packs(in, out)
                && tile % LaneKernels.LANES == 0;
    }

    /** Tiles the rows hold at most. */
    int capacity() {
        return capacity;
    }

    /**
     * Adds one tile: its bias sums go into gb at once; its inputs {@code a} and adjoints {@code zbar} are packed.
     * When the rows are full, the tiles they hold are first passed into gw's lanes ({@code fresh}: they start from
     * 0.0); returns whether gw now holds accumulated lanes.
     */
    boolean add(double[][][] a, double[][][] zbar, double[][] gw, double[][] gb, boolean fresh) {
        VectorLaneKernels.accumulateBias(zbar, out, tile, gb);
        boolean written = false;
        if (tiles == capacity) {
            VectorLaneKernels.packedPass(rows, stride, tiles * segment, in, out, gw, fresh, null, 0, null);
            tiles = 0;
            written = true;
        }
        VectorLaneKernels.pack(a, in, zbar, out, streams, tile, rows, stride, tiles * segment);
        tiles++;
        return written;
    }

    /**
     * Continues every weight's lanes (from 0.0 when {@code fresh}, else from gw) over the tiles held and adds
     * their sums into {@code grad[wOff + o * in + i]}; the rows are then empty. Without tiles held, nothing is done.
     */
    void flush(double[][] gw, boolean fresh, double[] grad, int wOff) {
        if (tiles == 0) {
            return;
        }
        VectorLaneKernels.packedPass(rows, stride, tiles * segment, in, out, gw, fresh, grad, wOff, sums);
        tiles = 0;
    }

    /** Whether tiles are held. */
    boolean holdsTiles() {
        return tiles > 0;
    }
}
