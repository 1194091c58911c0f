package org.pinn4j.validation.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.RunArtifacts;
import org.pinn4j.validation.runner.RunResult;

/**
 * The charts and the HTML page of every run: registered in
 * {@code META-INF/services/org.pinn4j.validation.runner.RunArtifacts}, so {@code pinn run} and
 * {@code pinn validate} write them without further setup. Writes the {@link RunFigures} as PNG and SVG
 * and {@link RunPage#FILE} into the run directory.
 *
 * <p>A chart that cannot be drawn does not stop the others: every figure that can be drawn is written,
 * the page lists what is missing and why, and {@link #write} then throws an
 * {@link IllegalStateException} naming the missing charts, which the runner records in report.md.
 */
public final class ChartArtifacts implements RunArtifacts {

    /** The hook (public no-argument constructor for {@link java.util.ServiceLoader}). */
    public ChartArtifacts() {}

    @Override
    public void write(Path dir, BenchmarkProblem problem, RunResult result, PinnModel model) {
        List<String> notes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Figure> written = new ArrayList<>();
        RunData data = null;
        try {
            data = RunData.of(problem, result, model, notes);
        } catch (RuntimeException e) {
            failures.add("no chart: the run's data could not be collected: " + e.getMessage());
        }
        if (data != null) {
            if (data.history().size() == 0) {
                notes.add("no loss chart: no training step was recorded");
            }
            for (RunFigures.Group g : RunFigures.groups()) {
                for (Figure f : RunFigures.tryBuild(g, data, failures)) {
                    Path blocked = blocked(result.dir(), f);
                    if (blocked != null) {
                        failures.add(f.png() + " could not be written: " + blocked + " is a directory");
                        continue;
                    }
                    try {
                        f.write(dir);
                        written.add(f);
                    } catch (AtomicFiles.WriteFailedException e) {
                        throw e; // a full disk fails the whole output set (the runner says which file)
                    } catch (RuntimeException e) {
                        failures.add(f.png() + " could not be written: " + e.getMessage());
                    }
                }
            }
        }
        List<String> pageNotes = new ArrayList<>(notes);
        for (String f : failures) {
            pageNotes.add("Not drawn: " + f);
        }
        AtomicFiles.writeString(dir.resolve(RunPage.FILE), RunPage.html(problem, result, written, pageNotes));
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join("; ", failures));
        }
    }

    /**
     * The place in the run directory {@code runDir} where one of the figure's files must go, if a directory
     * stands there (the file is written elsewhere first and renamed in, which a directory would stop), or null.
     */
    private static Path blocked(Path runDir, Figure f) {
        for (String name : new String[] {f.png(), f.svg()}) {
            Path target = runDir.resolve(name);
            if (java.nio.file.Files.isDirectory(target)) {
                return target;
            }
        }
        return null;
    }
}
