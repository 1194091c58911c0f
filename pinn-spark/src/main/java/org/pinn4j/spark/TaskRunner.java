package org.pinn4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.validation.runner.RunArtifacts;
import org.pinn4j.validation.runner.RunCheckpoint;
import org.pinn4j.validation.runner.RunOptions;
import org.pinn4j.validation.runner.RunResult;
import org.pinn4j.validation.runner.Runner;

/**
 * Runs one task where Spark put it: the training {@code pinn run} would do with the task's settings, into
 * {@code OUT/tasks/<id>} (model.json, history.csv, report.md; no charts), then the task's row into
 * {@value #ROW_FILE} there. A task whose row says it finished is not trained again; one whose directory holds a
 * checkpoint continues from it. Nothing a task does ends the sweep: any error becomes a {@link SweepRow#FAILED} row.
 */
public final class TaskRunner {
    /** The row of a task, written when it ends. */
    public static final String ROW_FILE = "row.json";
    /** The folder of the task directories in a sweep's output. */
    public static final String TASKS = "tasks";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile java.util.function.BooleanSupplier stopRequest = () -> false;

    private TaskRunner() {}

    /**
     * Makes the tasks that run in this JVM (the local master's) stop at the end of their current step once {@code
     * request} is true, each saving its checkpoint and an {@link SweepRow#INTERRUPTED} row, so that the sweep run
     * again continues them; tasks not started by then are not started.
     */
    public static void stopWhen(java.util.function.BooleanSupplier request) {
        stopRequest = request == null ? () -> false : request;
    }

    /** The directory of {@code task} under the sweep's output {@code out}. */
    public static Path directory(Path out, SweepTask task) {
        return out.resolve(TASKS).resolve(task.id());
    }

    /** The row {@code task} saved under {@code out}, if it has one (a finished or failed earlier run). */
    public static Optional<SweepRow> savedRow(Path out, SweepTask task) {
        Path file = directory(out, task).resolve(ROW_FILE);
        return Files.exists(file) ? Optional.ofNullable(read(file, task)) : Optional.empty();
    }

    /** When {@code task}'s row was written under {@code out}, in milliseconds since the epoch (0 if it has none). */
    public static long rowWrittenAt(Path out, SweepTask task) {
        try {
            return Files.getLastModifiedTime(directory(out, task).resolve(ROW_FILE))
                    .toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Trains {@code task} under {@code out} (an absolute path every executor can reach) and returns its row. */
    public static SweepRow run(SweepTask task, String out) {
        Path dir = directory(Path.of(out), task);
        Path rowFile = dir.resolve(ROW_FILE);
        if (Files.exists(rowFile)) {
            SweepRow saved = read(rowFile, task);
            if (saved != null && saved.finished()) {
                return saved;
            }
        }
        if (stopRequest.getAsBoolean()) {
            return row(task, Double.NaN, Double.NaN, 0, SweepRow.INTERRUPTED, "not started: the sweep was stopped");
        }
        return train(task, dir, rowFile);
    }

    private static SweepRow train(SweepTask task, Path dir, Path rowFile) {
        SweepRow row;
        try {
            Files.createDirectories(dir);
            RunOptions o = options(task, dir).withStopWhen(() -> stopRequest.getAsBoolean());
            if (Files.exists(dir.resolve(RunCheckpoint.CHECKPOINT_FILE))) {
                o = o.withResume(dir);
            }
            RunResult r = new Runner(RunArtifacts.none()).run(task.factory().create(), o);
            String status = r.interrupted() ? SweepRow.INTERRUPTED : r.ok() ? SweepRow.OK : SweepRow.DIVERGED;
            row = row(
                    task,
                    r.relL2(),
                    r.errors().maxAbs(),
                    r.seconds(),
                    status,
                    r.interrupted()
                            ? "stopped after step " + r.steps() + "; its checkpoint continues it when the sweep runs"
                                    + " again"
                            : r.ok() ? "" : oneLine(r.training().message()));
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            row = row(task, Double.NaN, Double.NaN, 0, SweepRow.FAILED, oneLine(describe(e)));
        }
        try {
            AtomicFiles.writeString(rowFile, write(row));
        } catch (RuntimeException e) {
            // the row still reaches the driver; only a later run would not know the task ended
            row = row(
                    task,
                    row.relL2(),
                    row.maxAbsError(),
                    row.seconds(),
                    row.status(),
                    oneLine((row.message().isEmpty() ? "" : row.message() + "; ") + "its row could not be saved: "
                            + describe(e)));
        }
        return row;
    }

    /** The options of {@code pinn run} with the task's settings, into {@code dir}. */
    static RunOptions options(SweepTask task, Path dir) {
        return RunOptions.defaults()
                .withOut(dir)
                .withRecipe(task.recipe())
                .withSeed(task.seed())
                .withThreads(task.threads())
                .withParameters(task.parameters())
                .withCheckpointEvery(task.checkpointEvery());
    }

    private static SweepRow row(
            SweepTask t, double relL2, double maxAbs, double seconds, String status, String message) {
        return new SweepRow(
                t.id(), t.problem(), t.recipe(), t.parameters(), t.seed(), relL2, maxAbs, seconds, status, message);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** {@code s} on one line: line breaks and tabs become spaces. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    static String write(SweepRow r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("task", r.task());
        o.put("problem", r.problem());
        o.put("recipe", r.recipe());
        ObjectNode p = o.putObject("parameters");
        r.parameters().forEach(p::put);
        o.put("seed", r.seed());
        putNumber(o, "relL2", r.relL2());
        putNumber(o, "maxAbsError", r.maxAbsError());
        o.put("seconds", r.seconds());
        o.put("status", r.status());
        o.put("message", r.message());
        return o.toPrettyString() + "\n";
    }

    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    /** The saved row of {@code task}, or null if the file cannot be read or belongs to another task. */
    static SweepRow read(Path file, SweepTask task) {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            Map<String, Double> parameters = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("parameters").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                parameters.put(e.getKey(), e.getValue().asDouble());
            }
            SweepRow r = new SweepRow(
                    n.path("task").asText(),
                    n.path("problem").asText(),
                    n.path("recipe").asText(),
                    parameters,
                    n.path("seed").asLong(),
                    number(n, "relL2"),
                    number(n, "maxAbsError"),
                    n.path("seconds").asDouble(),
                    n.path("status").asText(),
                    n.path("message").asText());
            boolean same = r.task().equals(task.id())
                    && r.problem().equals(task.problem())
                    && r.recipe().equals(task.recipe())
                    && r.parameters().equals(task.parameters())
                    && r.seed() == task.seed();
            return same ? r : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged row: the task is trained again
        }
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
