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
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.RunSnapshot;

/**
 * A {@link CheckpointStore} in one JSON file ({@value #FORMAT}, version {@value #FORMAT_VERSION}). Doubles are
 * stored as their exact bits (little-endian, base64), so a resumed run is bit-identical to an uninterrupted one.
 * The file is replaced atomically on every save and carries a SHA-256 checksum of its content, verified on
 * load; a file of another format version is refused in one line.
 *
 * <p>Optimizer-state arrays of {@value #SIDECAR_MIN_LENGTH} doubles or more (a dense quasi-Newton phase's N x N
 * H: 32 MB at N = 2,000) go raw into one binary file per state beside the JSON, {@code
 * <name>.<state>.<sha256 prefix>.bin}; the JSON names it with its length and SHA-256, which load verifies. A save
 * writes the binary file first, then the JSON, then removes the binary files the new JSON does not name, each
 * step atomic: a crash at any point leaves a checkpoint that loads whole.
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

    /** Arrays at least this long are stored in a binary file beside the JSON. */
    static final int SIDECAR_MIN_LENGTH = 1 << 16;

    private static final int CHUNK_BYTES = 1 << 20;
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
        List<String> binaries = new ArrayList<>();
        putState(o, "optimizer", s.optimizer(), binaries);
        putState(o, "schedule", s.schedule(), binaries);
        putState(o, "quasiNewton", s.quasiNewton(), binaries);
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
            if (c.multipliers() != null) {
                n.put("multipliers", encode(c.multipliers()));
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
        removeBinariesExcept(binaries);
    }

    /**
     * Deletes the checkpoint and its binary files, if there are any.
     *
     * @throws java.io.UncheckedIOException naming the file that cannot be deleted
     */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
        removeBinariesExcept(List.of());
    }

    /** The binary files of this checkpoint present in its directory (for tests and clean-up). */
    public List<Path> binaryFiles() {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".";
        List<Path> found = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(prefix) && name.endsWith(".bin");
                    })
                    .sorted()
                    .forEach(found::add);
        } catch (NoSuchFileException e) {
            return found;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** Removes this checkpoint's binary files other than {@code keep}; one that resists stays (it is harmless). */
    private void removeBinariesExcept(List<String> keep) {
        for (Path f : binaryFiles()) {
            if (!keep.contains(f.getFileName().toString())) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // an unreferenced file: the next save tries again
                }
            }
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
                    refined[k] = decode(
                            "conditions[" + conditions.size() + "].refinedPoints",
                            coords.get(k).asText());
                }
            }
            conditions.add(new RunSnapshot.ConditionSnapshot(
                    n.path("samplerState").asLong(),
                    Double.longBitsToDouble(n.path("weight").asLong()),
                    refined,
                    n.has("multipliers")
                            ? decode(
                                    "conditions[" + conditions.size() + "].multipliers",
                                    n.path("multipliers").asText())
                            : null));
        }
        List<HistorySnapshot.Row> rows = new ArrayList<>();
        for (JsonNode r : o.path("history").path("rows")) {
            rows.add(new HistorySnapshot.Row(
                    r.path("step").asInt(),
                    r.path("phase").asText(),
                    decode(
                            "history.rows[" + rows.size() + "].values",
                            r.path("values").asText())));
        }
        List<HistorySnapshot.Switch> switches = new ArrayList<>();
        for (JsonNode w : o.path("history").path("switches")) {
            switches.add(new HistorySnapshot.Switch(
                    w.path("step").asInt(), w.path("label").asText()));
        }
        Recipe recipe = RecipeJson.read(o.path("recipe"), Runtime.getRuntime().availableProcessors());
        int step = o.path("step").asInt(-1);
        int phase = o.path("phase").asInt(-1);
        long phaseStep = o.path("phaseStep").asLong(-1);
        if (step < 0) {
            throw new IllegalArgumentException(this + ": field 'step' is " + o.path("step") + "; expected a step >= 0");
        }
        int phases = recipe.phases().size();
        if (phase < 0 || phase >= phases) {
            throw new IllegalArgumentException(this + ": field 'phase' is " + o.path("phase") + "; the recipe has "
                    + phases + " phases, numbered 0 to " + (phases - 1));
        }
        if (phaseStep < 0) {
            throw new IllegalArgumentException(
                    this + ": field 'phaseStep' is " + o.path("phaseStep") + "; expected a step >= 0");
        }
        return new RunSnapshot(
                o.path("problem").asText(),
                recipe,
                step,
                phase,
                phaseStep,
                Double.longBitsToDouble(o.path("elapsedSeconds").asLong()),
                decode("parameters", o.path("parameters").asText()),
                getState(o, "optimizer"),
                getState(o, "schedule"),
                getState(o, "quasiNewton"),
                conditions,
                new HistorySnapshot(rows, switches));
    }

    private void putState(ObjectNode o, String name, OptimizerState st, List<String> binaries) {
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
        List<double[]> large = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, double[]> e : st.arrays().entrySet()) {
            double[] v = e.getValue();
            if (v.length < SIDECAR_MIN_LENGTH) {
                arrays.put(e.getKey(), encode(v));
            } else {
                arrays.putObject(e.getKey()).put("offset", offset).put("length", v.length);
                offset += v.length;
                large.add(v);
            }
        }
        if (!large.isEmpty()) {
            String sha = sha256(large);
            String binary = file.getFileName() + "." + name + "." + sha.substring(0, 16) + ".bin";
            AtomicFiles.write(file.resolveSibling(binary), out -> writeRaw(large, out));
            n.putObject("binary").put("file", binary).put("doubles", offset).put("sha256", sha);
            binaries.add(binary);
        }
    }

    /** The SHA-256 of the bytes {@link #writeRaw} writes for {@code arrays}. */
    private static String sha256(List<double[]> arrays) {
        MessageDigest digest = sha256();
        try {
            writeRaw(arrays, new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // the null stream does not fail
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void writeRaw(List<double[]> arrays, java.io.OutputStream out) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] v : arrays) {
            for (double x : v) {
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putLong(Double.doubleToRawLongBits(x));
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    /** The doubles of a state's binary file, checked against the length and SHA-256 the JSON gives. */
    private double[] readBinary(JsonNode binary) {
        String name = binary.path("file").asText();
        long doubles = binary.path("doubles").asLong();
        Path path = file.resolveSibling(name);
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || doubles < 1 || doubles > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(this + " is corrupted: a bad binary file entry " + binary);
        }
        double[] all = new double[(int) doubles];
        MessageDigest digest = sha256();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
            if (ch.size() != 8 * doubles) {
                throw new IllegalArgumentException(
                        this + " is corrupted: " + path + " has " + ch.size() + " bytes, expected " + 8 * doubles);
            }
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            int k = 0;
            while (k < all.length) {
                chunk.clear();
                while (chunk.hasRemaining() && ch.read(chunk) >= 0) {
                    // fill the chunk
                }
                chunk.flip();
                digest.update(chunk.array(), 0, chunk.limit());
                while (chunk.remaining() >= 8 && k < all.length) {
                    all[k++] = Double.longBitsToDouble(chunk.getLong());
                }
                if (chunk.limit() == 0) {
                    break;
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(this + " is incomplete: its binary file " + path + " is missing");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (!HexFormat.of()
                .formatHex(digest.digest())
                .equals(binary.path("sha256").asText())) {
            throw new IllegalArgumentException(this + " is corrupted: checksum mismatch in " + path);
        }
        return all;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private OptimizerState getState(JsonNode o, String name) {
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
        double[] binary = n.has("binary") ? readBinary(n.path("binary")) : null;
        Map<String, double[]> arrays = new LinkedHashMap<>();
        n.path("arrays").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isObject()) {
                long offset = v.path("offset").asLong(-1);
                long length = v.path("length").asLong(-1);
                if (binary == null || offset < 0 || length < 0 || offset + length > binary.length) {
                    throw new IllegalArgumentException(this + " is corrupted: array '" + e.getKey() + "' of '" + name
                            + "' lies outside its binary file");
                }
                arrays.put(
                        e.getKey(),
                        offset == 0 && length == binary.length
                                ? binary // the usual case, H alone: no second N x N copy
                                : java.util.Arrays.copyOfRange(binary, (int) offset, (int) (offset + length)));
            } else {
                arrays.put(e.getKey(), decode(name + ".arrays." + e.getKey(), v.asText()));
            }
        });
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

    /**
     * The doubles of a field written by {@link #encode}.
     *
     * @throws IllegalArgumentException naming this file and the field if it is not base64 of whole doubles
     */
    private double[] decode(String field, String s) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(this + ": field '" + field + "' is not base64 (" + e.getMessage() + ")");
        }
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException(this + ": field '" + field + "' holds " + bytes.length
                    + " bytes, not a whole number of 8-byte doubles");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
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
