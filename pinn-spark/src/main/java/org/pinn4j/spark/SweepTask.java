package org.pinn4j.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training of a sweep: what {@code pinn run <problem> --recipe R --seed S --threads T --param NAME=V ...} would
 * train, into {@code tasks/<id>} of the sweep's output directory.
 *
 * @param id            the task's directory name, made from its values ("width-20_nu-0.01_seed-0"), so a sweep run
 *                      again on the same output finds its finished tasks even if the grid changed around them
 * @param problem       the problem's name
 * @param factory       makes the problem on the executor
 * @param recipe        the problem's named recipe
 * @param parameters    the swept values: problem parameters and run settings, in the grid's order
 * @param seed          the seed
 * @param threads       the trainer's threads (the sweep's threads per task)
 * @param checkpointEvery steps between checkpoints of the task's training (0 = none)
 */
public record SweepTask(
        String id,
        String problem,
        ProblemFactory factory,
        String recipe,
        Map<String, Double> parameters,
        long seed,
        int threads,
        int checkpointEvery)
        implements Serializable {
    /** Copies the parameters in order. */
    public SweepTask {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
