package org.pinn4j.validation.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.reference.References;

/**
 * Loads a model file for prediction. A model without an output transform is loaded plain: its network
 * gives its outputs. A model trained with an output transform (hard constraints) predicts only through
 * that transform, which the file does not hold: it is rebuilt from the catalogue entry the file records
 * ({@code "catalogue": {"entry", "version"}}, written by {@code pinn run}) when this pinn4j has that entry at
 * that version. Any other transformed model is refused, never guessed: a user's own model that shares a
 * catalogue name is not given the catalogue's transform. Errors are one line: {@link
 * ModelFile.ModelFileException} for unreadable files, {@link IllegalArgumentException} for a model that
 * cannot be reproduced here.
 */
final class ModelLoader {
    private ModelLoader() {}

    static PinnModel load(Path file, ProblemSource problems) {
        ModelFile.Header header = ModelFile.header(file);
        if (!header.outputTransform()) {
            return ModelFile.load(file);
        }
        BenchmarkProblem bp = transformSource(file, header, problems);
        // the entry's parameters (e.g. burgers' nu) as the model was trained with them
        Problem problem = bp.problem(References.contextFor(
                bp, 0L, 0.0, true, header.catalogue().get().parameters()));
        return ModelFile.load(file, problem);
    }

    /** The catalogue entry whose output transform this transformed model was trained with, or a refusal. */
    private static BenchmarkProblem transformSource(Path file, ModelFile.Header header, ProblemSource problems) {
        String prefix = "model file " + file + " was trained with an output transform (hard constraints)";
        String own = "; pinn predict cannot rebuild it, so predict from Java with ModelFile.load(file, problem)";
        if (header.catalogue().isEmpty()) {
            throw new IllegalArgumentException(prefix + " and records no catalogue entry that made it" + own
                    + " (a catalogue model written before pinn4j recorded entries: run it again with pinn run)");
        }
        String name = header.catalogue().get().name();
        int version = header.catalogue().get().version();
        Optional<BenchmarkProblem> found =
                problems.all().stream().filter(p -> p.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    prefix + " by catalogue entry '" + name + "', which this pinn4j does not have" + own);
        }
        if (found.get().version() != version) {
            throw new IllegalArgumentException(prefix + " by catalogue entry '" + name + "' version " + version
                    + "; this pinn4j has version " + found.get().version()
                    + ", whose transform may differ: run pinn run " + name + " again");
        }
        return found.get();
    }
}
