package org.pinn4j.core.train;

/**
 * Where a run's checkpoints go and come back from. The trainer saves a {@link RunSnapshot} through it every
 * few steps ({@link Trainer#checkpointEvery}) and {@link Trainer#resume} loads one; {@code
 * org.pinn4j.core.io.CheckpointFile} keeps them in a file. Its {@code toString} names the store in messages
 * (for a file, "checkpoint &lt;path&gt;").
 */
public interface CheckpointStore {
    /** Saves {@code snapshot}, replacing the one saved before, so that a crash leaves one or the other whole. */
    void save(RunSnapshot snapshot);

    /**
     * The last snapshot saved.
     *
     * @throws IllegalArgumentException if there is none, or it is damaged or of a format this version cannot
     *     read
     */
    RunSnapshot load();
}
