package org.pinn4j.validation.runner;

import java.util.Optional;
import org.pinn4j.problems.BenchmarkProblem;

/**
 * One row of a catalogue validation: the problem and either its run or why it failed.
 *
 * @param problem the catalogue problem
 * @param result  the run, empty if it threw
 * @param failure one line saying why it failed (empty if it ran; a diverged run has its result and this message)
 */
public record ValidationEntry(BenchmarkProblem problem, Optional<RunResult> result, String failure) {
    /** True if the run completed without divergence (and was not stopped by a signal). */
    public boolean ok() {
        return result.isPresent() && result.get().ok() && !result.get().interrupted();
    }

    /** "better", "worse", "-" or "failed". */
    public String verdict() {
        return result.map(RunResult::verdict).orElse("failed");
    }
}
