package org.pinn4j.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pinn4j.core.optim.OptimizerState;
import org.pinn4j.core.train.CheckpointStore;
import org.pinn4j.core.train.HistorySnapshot;
import org.pinn4j.core.train.RunSnapshot;

/**
 * A {@link CheckpointStore} in one JSON file ({@value #FORMAT}, version {@value #FORMAT_VERSION}). Doubles are
 * stored as their exact bits (little-endian, base64), so a resumed run is bit-identical to an uninterrupted one.
 * The file is replaced atomically on every save and carries a SHA-256 checksum of its content, verified on
 * load; a file of another format version is refused in one line.
 *
 * <pre>{@code
 * CheckpointFile file = new CheckpointFile(Path.of("run/checkpoint.json"));
 * new Trainer(problem, recipe).checkpointEvery(100, file).train();   // interrupted ...
 * Trainer.resume(problem, recipe, file).train();                     // ... and continued
 * }</pre>
 */
public final class CheckpointFile implements CheckpointStore {
    /** The value of the file's {@code "format"} field. */
    public static final String FORMAT = "pinn4j-checkpoint";
    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** The checkpoint file at {@code file} (it need not exist before the first save). */
    public CheckpointFile(Path file) {
        this.file = file;
    }

    /** The file's path. */
    public Path path() {
        return file;
    }

    /** "checkpoint &lt;path&gt;", as messages name it. */
    @Override
    public String toString() {
        return "checkpoint " + file;
    }

    /**
     * Writes {@code s} to the file atomically.
     *
     * @throws AtomicFiles.WriteFailedException if the file cannot be written (the previous one is then kept)
     */
    @Override
    public void save(RunSnapshot s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("formatVersion", FORMAT_VERSION);
        o.put("problem", s.problem());
        o.set("recipe", RecipeJson.write(s.recipe()));
        o.put("step", s.step());
        o.put("phase", s.phase());
        o.put("phaseStep", s.phaseStep());
        o.put("elapsedSeconds", bits(s.elapsedSeconds()));
        o.put("parameters", encode(s.parameters()));
        putState(o, "optimizer", s.optimizer());
        putState(o, "schedule", s.schedule());
        putState(o, "quasiNewton", s.quasiNewton());
        ArrayNode conditions = o.putArray("conditions");
        for (RunSnapshot.ConditionSnapshot c : s.conditions()) {
            ObjectNode n = conditions.addObject();
            n.put("samplerState", c.samplerState());
            n.put("weight", bits(c.weight()));
            if (c.refinedPoints() != null) {
                ArrayNode coords = n.putArray("refinedPoints");
                for (double[] coordinate : c.refinedPoints()) {
                    coords.add(encode(coordinate));
                }
            }
        }
        ObjectNode h = o.putObject("history");
        ArrayNode rows = h.putArray("rows");
        for (HistorySnapshot.Row r : s.history().rows()) {
            rows.addObject().put("step", r.step()).put("phase", r.phase()).put("values", encode(r.values()));
        }
        ArrayNode switches = h.putArray("switches");
        for (HistorySnapshot.Switch w : s.history().switches()) {
            switches.addObject().put("step", w.step()).put("label", w.label());
        }
        try {
            o.put("checksum", checksum(o));
            AtomicFiles.write(file, JSON.writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException if it is missing, unreadable, not a checkpoint, of another format
     *     version, or damaged (its checksum does not match)
     */
    @Override
    public RunSnapshot load() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(this + " does not exist");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(this + " is truncated or not valid JSON");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + this + ": " + e.getMessage(), e);
        }
        if (root == null
                || !root.isObject()
                || !FORMAT.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException(file + " is not a pinn4j checkpoint");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version == 1) {
            throw new IllegalArgumentException(this + " has format version 1, written by an earlier pinn4j; this"
                    + " version reads format version " + FORMAT_VERSION + " only, so that run cannot be resumed:"
                    + " start it again");
        }
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(this + " has format version "
                    + root.path("formatVersion").asText() + "; expected " + FORMAT_VERSION);
        }
        ObjectNode o = ((ObjectNode) root).deepCopy();
        JsonNode stored = o.remove("checksum");
        if (stored == null || !stored.asText().equals(checksum(o))) {
            throw new IllegalArgumentException(this + " is corrupted: checksum mismatch");
        }
        List<RunSnapshot.ConditionSnapshot> conditions = new ArrayList<>();
        for (JsonNode n : o.path("conditions")) {
            double[][] refined = null;
            if (n.has("refinedPoints")) {
                JsonNode coords = n.path("refinedPoints");
                refined = new double[coords.size()][];
                for (int k = 0; k < refined.length; k++) {
                    refined[k] = decode(coords.get(k).asText());
                }
            }
            conditions.add(new RunSnapshot.ConditionSnapshot(
                    n.path("samplerState").asLong(),
                    Double.longBitsToDouble(n.path("weight").asLong()),
                    refined));
        }
        List<HistorySnapshot.Row> rows = new ArrayList<>();
        for (JsonNode r : o.path("history").path("rows")) {
            rows.add(new HistorySnapshot.Row(
                    r.path("step").asInt(),
                    r.path("phase").asText(),
                    decode(r.path("values").asText())));
        }
        List<HistorySnapshot.Switch> switches = new ArrayList<>();
        for (JsonNode w : o.path("history").path("switches")) {
            switches.add(new HistorySnapshot.Switch(
                    w.path("step").asInt(), w.path("label").asText()));
        }
        return new RunSnapshot(
                o.path("problem").asText(),
                RecipeJson.read(o.path("recipe"), Runtime.getRuntime().availableProcessors()),
                o.path("step").asInt(),
                o.path("phase").asInt(),
                o.path("phaseStep").asLong(),
                Double.longBitsToDouble(o.path("elapsedSeconds").asLong()),
                decode(o.path("parameters").asText()),
                getState(o, "optimizer"),
                getState(o, "schedule"),
                getState(o, "quasiNewton"),
                conditions,
                new HistorySnapshot(rows, switches));
    }

    private static void putState(ObjectNode o, String name, OptimizerState st) {
        if (st == null) {
            return;
        }
        ObjectNode n = o.putObject(name);
        n.put("kind", st.kind());
        ObjectNode counters = n.putObject("counters");
        st.counters().forEach(counters::put);
        ObjectNode scalars = n.putObject("scalars");
        st.scalars().forEach((k, v) -> scalars.put(k, bits(v)));
        ObjectNode arrays = n.putObject("arrays");
        st.arrays().forEach((k, v) -> arrays.put(k, encode(v)));
    }

    private static OptimizerState getState(JsonNode o, String name) {
        JsonNode n = o.path(name);
        if (n.isMissingNode()) {
            return null;
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        n.path("counters")
                .fields()
                .forEachRemaining(e -> counters.put(e.getKey(), e.getValue().asLong()));
        Map<String, Double> scalars = new LinkedHashMap<>();
        n.path("scalars")
                .fields()
                .forEachRemaining(e -> scalars.put(
                        e.getKey(), Double.longBitsToDouble(e.getValue().asLong())));
        Map<String, double[]> arrays = new LinkedHashMap<>();
        n.path("arrays")
                .fields()
                .forEachRemaining(
                        e -> arrays.put(e.getKey(), decode(e.getValue().asText())));
        return new OptimizerState(n.path("kind").asText(), counters, scalars, arrays);
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    /** Exact little-endian IEEE bits, base64. */
    private static String encode(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putLong(Double.doubleToRawLongBits(x));
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static double[] decode(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / 8];
        for (int k = 0; k < v.length; k++) {
            v[k] = Double.longBitsToDouble(b.getLong());
        }
        return v;
    }

    private static String checksum(ObjectNode content) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute a checkpoint checksum", e);
        }
    }
}
