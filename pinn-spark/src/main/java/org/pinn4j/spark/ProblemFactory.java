package org.pinn4j.spark;

import java.io.Serializable;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;

/**
 * Makes the problem a sweep trains, on whichever machine runs a task: it travels to the executors serialized, so a
 * lambda must capture serializable values only.
 */
@FunctionalInterface
public interface ProblemFactory extends Serializable {
    /** A problem to train (a new instance or a shared immutable one). */
    BenchmarkProblem create();

    /** The catalogue entry {@code name} (see {@code pinn list}). */
    static ProblemFactory catalogue(String name) {
        Catalogue.get(name); // an unknown name is refused here, on the driver, naming the known ones
        return () -> Catalogue.get(name);
    }
}
