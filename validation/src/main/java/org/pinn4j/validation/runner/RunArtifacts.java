package org.pinn4j.validation.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;

/**
 * Hook for extra files of a run, such as charts: the runner calls {@link #write} after the model, the
 * history and the metrics exist and before it writes report.md, whose "Charts" section then lists every
 * PNG/SVG file found in the run directory. The default does nothing.
 *
 * <p>The command line uses {@link #discovered()}: implementations registered in
 * {@code META-INF/services/org.pinn4j.validation.runner.RunArtifacts} are picked up without changing it.
 */
public interface RunArtifacts {
    /** Writes extra files of the run into {@code dir}. */
    default void write(Path dir, BenchmarkProblem problem, RunResult result, PinnModel model) {}

    /** The hook that writes nothing. */
    static RunArtifacts none() {
        return new RunArtifacts() {};
    }

    /** Every implementation registered through {@link ServiceLoader}, called in turn; none = no-op. */
    static RunArtifacts discovered() {
        List<RunArtifacts> found = new ArrayList<>();
        ServiceLoader.load(RunArtifacts.class).forEach(found::add);
        return all(found);
    }

    /** Calls each of {@code hooks} in order. */
    static RunArtifacts all(List<RunArtifacts> hooks) {
        List<RunArtifacts> copy = List.copyOf(hooks);
        return new RunArtifacts() {
            @Override
            public void write(Path dir, BenchmarkProblem problem, RunResult result, PinnModel model) {
                for (RunArtifacts h : copy) {
                    h.write(dir, problem, result, model);
                }
            }
        };
    }
}
