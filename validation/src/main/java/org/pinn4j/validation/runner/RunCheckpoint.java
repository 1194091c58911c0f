package org.pinn4j.validation.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.CheckpointStore;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.RunSnapshot;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.problems.BenchmarkProblem;

/**
 * The checkpoint of a run directory ({@code pinn run --checkpoint-every N}, {@code --resume DIR}): the
 * trainer's checkpoint {@value #CHECKPOINT_FILE} (full training state, written atomically with a checksum by
 * {@link Trainer#checkpointEvery}) and {@value #RUN_FILE}, the run options the trainer's checkpoint does not
 * hold (problem, budget, noise, seed, interval). A resume with other options is refused with one line
 * instead of silently continuing another run; the thread count may change.
 */
public final class RunCheckpoint {
    /** The trainer's checkpoint in a run directory. */
    public static final String CHECKPOINT_FILE = "checkpoint.json";
    /** The run options recorded next to it. */
    public static final String RUN_FILE = "checkpoint-run.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunCheckpoint() {}

    /** The options a checkpoint must agree on (besides the recipe, which the trainer checks itself). */
    record Settings(String problem, String recipe, double noise, long seed, int every, Map<String, Double> parameters) {
        boolean sameRun(Settings o) {
            return problem.equals(o.problem)
                    && recipe.equals(o.recipe)
                    && Double.compare(noise, o.noise) == 0
                    && seed == o.seed
                    && parameters.equals(o.parameters);
        }

        String describe() {
            return "'" + problem + "' (recipe " + recipe + ", seed " + seed + ", noise " + noise
                    + (parameters.isEmpty() ? "" : ", parameters " + parameters) + ")";
        }
    }

    /**
     * The checkpoint file of the run directory {@code dir}.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory holding {@value #CHECKPOINT_FILE}
     */
    public static Path locate(Path dir) {
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("resume directory " + dir
                    + " does not exist; expected the directory of a run started with " + "--checkpoint-every N");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    "resume directory " + dir + " is a file; expected the directory of a run started with "
                            + "--checkpoint-every N (it holds " + CHECKPOINT_FILE + ")");
        }
        Path file = dir.resolve(CHECKPOINT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("resume directory " + dir + " has no " + CHECKPOINT_FILE
                    + "; expected a run started with " + "--checkpoint-every N that reached its first checkpoint");
        }
        return file;
    }

    /**
     * The trainer of a run: a fresh one, or one resumed from {@code o.resume()}; with a checkpoint interval
     * (given, or on resume the interrupted run's) it checkpoints into {@code dir}.
     */
    static Trainer trainer(
            String name,
            Problem problem,
            Recipe recipe,
            Map<String, Double> parameters,
            RunOptions o,
            Path dir,
            TrainingListener[] listeners) {
        Settings wanted = new Settings(name, o.recipe(), o.noise(), recipe.seed(), o.checkpointEvery(), parameters);
        int every = o.checkpointEvery();
        Trainer trainer;
        if (o.resume().isPresent()) {
            Path from = o.resume().get();
            Path file = locate(from);
            Settings saved = readSettings(from.resolve(RUN_FILE));
            if (saved != null && !saved.sameRun(wanted)) {
                throw new IllegalArgumentException("checkpoint " + file + " was made for " + saved.describe()
                        + "; this run is " + wanted.describe()
                        + "; resume with the same problem and options (only --threads may differ)");
            }
            if (every == 0 && saved != null) {
                every = saved.every();
            }
            trainer = Trainer.resume(problem, recipe, new CheckpointFile(file), listeners);
        } else {
            deleteStale(dir); // Runner.run refused the directory already if it holds an unfinished run
            trainer = new Trainer(problem, recipe, listeners);
        }
        Settings settings = new Settings(name, wanted.recipe(), wanted.noise(), wanted.seed(), every, parameters);
        CheckpointFile checkpoint = new CheckpointFile(dir.resolve(CHECKPOINT_FILE));
        if (every > 0) {
            writeSettings(dir.resolve(RUN_FILE), settings);
            trainer.checkpointEvery(every, checkpoint);
        } else {
            // a run stopped on request (a signal) is saved all the same, with its options
            trainer.checkpointOnStop(new CheckpointStore() {
                @Override
                public void save(RunSnapshot snapshot) {
                    writeSettings(dir.resolve(RUN_FILE), settings);
                    checkpoint.save(snapshot);
                }

                @Override
                public RunSnapshot load() {
                    return checkpoint.load();
                }

                @Override
                public String toString() {
                    return checkpoint.toString();
                }
            });
        }
        trainer.stopWhen(o.stopRequest());
        return trainer;
    }

    /**
     * Refuses to start a fresh run (no {@code --resume}, no {@code --fresh}) in {@code dir} while it holds an
     * unfinished run's checkpoint, which the fresh run would replace.
     *
     * @throws IllegalArgumentException naming the directory, the checkpoint's step and the two ways on
     */
    public static void refuseUnfinished(Path dir, RunOptions o) {
        Path file = dir.resolve(CHECKPOINT_FILE);
        if (o.fresh() || !Files.exists(file)) {
            return;
        }
        if (o.resume().isPresent()
                && locate(o.resume().get())
                        .toAbsolutePath()
                        .normalize()
                        .equals(file.toAbsolutePath().normalize())) {
            return;
        }
        int step = step(file);
        throw new IllegalArgumentException(dir + " holds an unfinished run" + (step >= 0 ? " from step " + step : "")
                + "; use --resume " + dir + " to continue it or --fresh to start over");
    }

    /**
     * Removes the checkpoint of a run that has ended (its outputs are written): there is nothing to resume. Not
     * called for a run stopped on request, whose checkpoint {@code --resume} continues.
     */
    public static void finished(Path dir) {
        deleteStale(dir);
    }

    /** The step recorded in a checkpoint file (for messages), or -1 if it cannot be read. */
    public static int step(Path checkpoint) {
        try {
            return JSON.readTree(checkpoint.toFile()).path("step").asInt(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A fresh run must not leave an older run's checkpoint behind for a later --resume to pick up. */
    private static void deleteStale(Path dir) {
        new CheckpointFile(dir.resolve(CHECKPOINT_FILE)).delete();
        for (String f : new String[] {RUN_FILE}) {
            try {
                Files.deleteIfExists(dir.resolve(f));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot remove the old " + dir.resolve(f) + ": " + OutputDirs.describe(e, dir.resolve(f)), e);
            }
        }
    }

    private static void writeSettings(Path file, Settings s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("problem", s.problem());
        o.put("recipe", s.recipe());
        o.put("noise", s.noise());
        o.put("seed", s.seed());
        o.put("checkpointEvery", s.every());
        if (!s.parameters().isEmpty()) {
            ObjectNode p = o.putObject("parameters");
            s.parameters().forEach(p::put);
        }
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The recorded settings, or null when the file is absent (a checkpoint made through the Java API). */
    private static Settings readSettings(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + " is damaged (not valid JSON); expected the run options written with the checkpoint");
        }
        // files written before named recipes hold "budget": quick or full
        String budget = n == null ? "" : n.path("budget").asText("").toLowerCase(Locale.ROOT);
        String recipe = n == null
                ? ""
                : n.path("recipe").isTextual()
                        ? n.path("recipe").asText()
                        : budget.equals("quick")
                                ? BenchmarkProblem.QUICK_RECIPE
                                : budget.equals("full") ? BenchmarkProblem.DEFAULT_RECIPE : "";
        if (n == null
                || !n.path("problem").isTextual()
                || recipe.isEmpty()
                || !n.path("noise").isNumber()
                || !n.path("seed").isIntegralNumber()
                || !n.path("checkpointEvery").isIntegralNumber()) {
            throw new IllegalArgumentException(
                    file + " is damaged (fields problem, recipe, noise, seed, checkpointEvery expected)");
        }
        // files written before parameters hold none: the problem's defaults
        Map<String, Double> parameters = new java.util.TreeMap<>();
        n.path("parameters")
                .fields()
                .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asDouble()));
        return new Settings(
                n.path("problem").asText(),
                recipe,
                n.path("noise").asDouble(),
                n.path("seed").asLong(),
                Math.max(0, n.path("checkpointEvery").asInt()),
                parameters);
    }
}
