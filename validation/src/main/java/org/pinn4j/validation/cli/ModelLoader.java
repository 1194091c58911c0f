package org.pinn4j.validation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.reference.References;

/**
 * Loads a model file for prediction. A model trained with an output transform (hard constraints) needs
 * its problem definition: when the file names a catalogue problem, that problem is built and attached;
 * every other model is loaded plain, so a model of a user's own problem that happens to share a catalogue
 * name still loads. All errors are {@link ModelFile.ModelFileException}s with one-line messages.
 */
final class ModelLoader {
    private ModelLoader() {}

    static PinnModel load(Path file, ProblemSource problems) {
        Optional<BenchmarkProblem> catalogued = transformedCatalogueProblem(file, problems);
        if (catalogued.isEmpty()) {
            return ModelFile.load(file);
        }
        BenchmarkProblem bp = catalogued.get();
        Problem problem = bp.problem(References.contextFor(bp, 0L, 0.0, true));
        return ModelFile.load(file, problem);
    }

    /** The catalogue problem named by a file whose model has an output transform; empty on any doubt. */
    private static Optional<BenchmarkProblem> transformedCatalogueProblem(Path file, ProblemSource problems) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (Exception e) {
            // unreadable or not JSON: ModelFile.load gives the one-line message
            return Optional.empty();
        }
        if (root == null || !root.path("outputTransform").asBoolean(false)) {
            return Optional.empty();
        }
        String name = root.path("problem").asText("");
        return problems.all().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
