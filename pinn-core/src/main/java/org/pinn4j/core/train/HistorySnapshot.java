package org.pinn4j.core.train;

import java.util.List;

/**
 * The rows and phase switches of a {@link History}, as a {@link RunSnapshot} holds them.
 *
 * @param rows one per recorded step
 * @param switches where each phase started
 */
public record HistorySnapshot(List<Row> rows, List<Switch> switches) {
    /** Copies both lists. */
    public HistorySnapshot {
        rows = List.copyOf(rows);
        switches = List.copyOf(switches);
    }

    /**
     * One recorded step.
     *
     * @param step the global step
     * @param phase the phase's label
     * @param values rate, total loss, the terms' losses, the coefficients, validation error, seconds
     */
    public record Row(int step, String phase, double[] values) {}

    /**
     * A phase start.
     *
     * @param step the global step the phase starts at
     * @param label the phase's label
     */
    public record Switch(int step, String label) {}
}
