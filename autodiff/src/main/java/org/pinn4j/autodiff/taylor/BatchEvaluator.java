package org.pinn4j.autodiff.taylor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link TileLoss} over a whole batch of points on a fixed number of threads, with results that
 * are bit-identical for any thread count.
 *
 * <p>The batch is cut into chunks of {@link #chunkSize()} points, a constant that does not depend on the
 * thread count. Each chunk is evaluated tile by tile by one thread into its own partial loss and partial
 * gradient; the partials are then added in chunk order. Which thread ran which chunk therefore cannot
 * change a single bit of the result.
 *
 * <p>Workspaces, loss scratch and partial buffers are allocated on first use and reused, so steady-state
 * steps do not allocate. Not thread-safe: one evaluator serves one training loop. Close it to stop its
 * threads.
 */
public final class BatchEvaluator implements AutoCloseable {
    /** Default points per chunk: 256 keeps 2 threads busy from 1,000 points on (1,024 left one idle there); at 10,000 points the extra chunks cost nothing measurable. */
    public static final int DEFAULT_CHUNK = 256;

    private final int threads;
    private final int chunk;
    private final ExecutorService pool;
    private final Map<TaylorNetwork, TaylorNetwork.Workspace[]> workspaces = new IdentityHashMap<>();
    private final Map<TileLoss<?>, Object[]> scratches = new IdentityHashMap<>();
    private double[][] partialGradients = new double[0][];
    private double[] partialLosses = new double[0];

    /** Evaluator with {@code threads} worker threads and the default chunk size. */
    public BatchEvaluator(int threads) {
        this(threads, DEFAULT_CHUNK);
    }

    /**
     * Evaluator with {@code threads} worker threads and {@code chunkSize} points per chunk.
     *
     * @throws IllegalArgumentException if threads or chunkSize is &lt; 1
     */
    public BatchEvaluator(int threads, int chunkSize) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1; got " + threads);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be >= 1; got " + chunkSize);
        }
        this.threads = threads;
        this.chunk = chunkSize;
        AtomicInteger ids = new AtomicInteger();
        this.pool = threads == 1
                ? null
                : Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "pinn4j-worker-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Number of worker threads. */
    public int threads() {
        return threads;
    }

    /** Points per chunk. */
    public int chunkSize() {
        return chunk;
    }

    /**
     * How many distinct losses this evaluator keeps per-thread scratch for (one entry per {@link TileLoss}
     * instance it has run). Constant in a training loop whose terms reuse their losses; growing means a
     * caller makes a new loss per call.
     */
    public int cachedLosses() {
        return scratches.size();
    }

    /**
     * Sum of the loss over all {@code count} points of {@code points} (feature-major), and its gradient
     * with respect to {@code params} added into {@code grad} (network parameters through the reverse
     * sweep, extra parameters by the loss itself).
     */
    public <S> double lossAndGradient(
            TaylorNetwork net, double[][] points, int count, TileLoss<S> loss, double[] params, double[] grad) {
        return run(net, points, count, loss, params, grad);
    }

    /** Sum of the loss over all points, without gradient. */
    public <S> double loss(TaylorNetwork net, double[][] points, int count, TileLoss<S> loss, double[] params) {
        return run(net, points, count, loss, params, null);
    }

    private <S> double run(
            TaylorNetwork net, double[][] points, int count, TileLoss<S> loss, double[] params, double[] grad) {
        checkPoints(net, points, count);
        if (params.length < net.spec().parameterCount()) {
            throw new IllegalArgumentException("parameter vector has " + params.length + " values; the network needs "
                    + net.spec().parameterCount());
        }
        if (count == 0) {
            return 0.0;
        }
        int chunks = (count + chunk - 1) / chunk;
        ensurePartials(chunks, grad == null ? 0 : grad.length);
        TaylorNetwork.Workspace[] ws = workspaces.computeIfAbsent(net, k -> new TaylorNetwork.Workspace[threads]);
        Object[] sc = scratches.computeIfAbsent(loss, k -> new Object[threads]);
        int workers = Math.min(threads, chunks);
        if (workers == 1) {
            work(0, new AtomicInteger(), chunks, net, points, count, loss, params, grad, ws, sc);
        } else {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                final int worker = w;
                futures.add(
                        pool.submit(() -> work(worker, next, chunks, net, points, count, loss, params, grad, ws, sc)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while evaluating a batch", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        }
        double total = 0;
        for (int c = 0; c < chunks; c++) {
            total += partialLosses[c];
        }
        if (grad != null) {
            for (int c = 0; c < chunks; c++) {
                double[] pg = partialGradients[c];
                for (int j = 0; j < grad.length; j++) {
                    grad[j] += pg[j];
                }
            }
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private <S> void work(
            int worker,
            AtomicInteger next,
            int chunks,
            TaylorNetwork net,
            double[][] points,
            int count,
            TileLoss<S> loss,
            double[] params,
            double[] grad,
            TaylorNetwork.Workspace[] ws,
            Object[] sc) {
        if (ws[worker] == null) {
            ws[worker] = net.newWorkspace();
        }
        if (sc[worker] == null) {
            sc[worker] = loss.newScratch(net.tileSize());
        }
        TaylorNetwork.Workspace w = ws[worker];
        S scratch = (S) sc[worker];
        int tile = net.tileSize();
        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
            double[] pg = grad == null ? null : partialGradients[c];
            if (pg != null) {
                Arrays.fill(pg, 0.0);
            }
            w.setGradient(pg);
            double sum = 0;
            int end = Math.min(count, (c + 1) * chunk);
            for (int start = c * chunk; start < end; start += tile) {
                int n = Math.min(tile, end - start);
                net.forward(params, points, start, n, w);
                if (pg != null) {
                    w.clearOutputAdjoints();
                }
                sum += loss.evaluate(w, scratch);
                if (pg != null) {
                    net.backward(params, w);
                }
            }
            if (pg != null) {
                net.flushGradient(w, pg);
            }
            partialLosses[c] = sum;
        }
    }

    private void ensurePartials(int chunks, int gradLength) {
        if (partialLosses.length < chunks) {
            partialLosses = new double[chunks];
        }
        if (gradLength > 0) {
            if (partialGradients.length < chunks
                    || (partialGradients.length > 0 && partialGradients[0].length != gradLength)) {
                double[][] fresh = new double[Math.max(chunks, partialGradients.length)][];
                for (int c = 0; c < fresh.length; c++) {
                    fresh[c] = c < partialGradients.length && partialGradients[c].length == gradLength
                            ? partialGradients[c]
                            : new double[gradLength];
                }
                partialGradients = fresh;
            }
        }
    }

    private static void checkPoints(TaylorNetwork net, double[][] points, int count) {
        int d = net.spec().inputs();
        if (points == null || points.length != d) {
            throw new IllegalArgumentException("points must be feature-major with " + d + " coordinate arrays; got "
                    + (points == null ? "null" : points.length));
        }
        for (int i = 0; i < d; i++) {
            if (points[i] == null || points[i].length < count) {
                throw new IllegalArgumentException("coordinate array " + i + " has "
                        + (points[i] == null ? 0 : points[i].length) + " values; expected at least " + count);
            }
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
