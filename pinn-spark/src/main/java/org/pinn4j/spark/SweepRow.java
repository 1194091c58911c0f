package org.pinn4j.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one task, small enough to collect on the driver (the model stays in the task's directory).
 *
 * @param task        the task's id (its directory under tasks/)
 * @param problem     the problem's name
 * @param recipe      the recipe's name
 * @param parameters  the swept values, in the grid's order
 * @param seed        the seed
 * @param relL2       relative L2 error on the problem's evaluation grid (NaN if not measured or failed)
 * @param maxAbsError largest absolute error on that grid (NaN if not measured or failed)
 * @param seconds     training time of the task in seconds (as recorded when it ran, for a task found finished)
 * @param status      {@link #OK}, {@link #DIVERGED}, {@link #INTERRUPTED} or {@link #FAILED}
 * @param message     why a task did not end OK, in one line ("" otherwise)
 */
public record SweepRow(
        String task,
        String problem,
        String recipe,
        Map<String, Double> parameters,
        long seed,
        double relL2,
        double maxAbsError,
        double seconds,
        String status,
        String message)
        implements Serializable {
    /** Trained to the end of its recipe. */
    public static final String OK = "ok";
    /** Training diverged; the task's directory holds the last good model. */
    public static final String DIVERGED = "diverged";
    /** Stopped on request before its end; its checkpoint continues it when the sweep runs again. */
    public static final String INTERRUPTED = "interrupted";
    /** The task could not train (a refused value, an error); the message says why. */
    public static final String FAILED = "failed";

    /** Copies the parameters in order. */
    public SweepRow {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** This row with its time set to 0: what two runs of the same sweep must agree on. */
    public SweepRow withoutTime() {
        return new SweepRow(task, problem, recipe, parameters, seed, relL2, maxAbsError, 0, status, message);
    }

    /** Whether the task has ended for good (OK or diverged): a sweep run again skips it. */
    public boolean finished() {
        return OK.equals(status) || DIVERGED.equals(status);
    }
}
