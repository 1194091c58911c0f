package org.pinn4j.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The daemon threads of a dense kernel ({@link DenseInverseHessian}, {@link NormalEquations}): started on first use,
 * stopped by {@link #close} and started again by the next use. Which thread runs a task never changes a result:
 * the kernels give each task a fixed share of the work.
 */
final class WorkerPool implements AutoCloseable {
    private final String name;
    private final String owner;
    private final int threads;
    private ExecutorService pool;

    /** A pool of {@code threads} threads named {@code name}; {@code owner} names the kernel in failures. */
    WorkerPool(String name, String owner, int threads) {
        this.name = name;
        this.owner = owner;
        this.threads = threads;
    }

    /** Runs the tasks on the pool's threads and waits for all of them. */
    void runAll(List<Runnable> tasks) {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        List<Future<?>> done = new ArrayList<>();
        for (Runnable task : tasks) {
            done.add(pool.submit(task));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(owner + ": interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(owner + ": a worker failed", e.getCause());
            }
        }
    }

    /** Stops the threads (they start again on the next use). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
