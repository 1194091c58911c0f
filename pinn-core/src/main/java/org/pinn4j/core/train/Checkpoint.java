package org.pinn4j.core.train;

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
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.optim.OptimizerState;

/**
 * Everything needed to continue a training run exactly where it stopped: position (phase, step),
 * parameters, optimizer / schedule / L-BFGS state, each condition's sampler state before its last draw,
 * and the history so far. Doubles are stored as their exact bits, so a resumed run is bit-identical to
 * an uninterrupted one. Written atomically with a SHA-256 checksum, verified on read.
 */
final class Checkpoint {
    static final String FORMAT = "pinn4j-checkpoint";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    String problem;
    String configuration;
    int step;
    int phase;
    long phaseStep;
    double elapsedSeconds;
    double[] parameters;
    OptimizerState optimizer;
    OptimizerState schedule;
    OptimizerState lbfgs;
    long[] samplerStates;
    double[] weights;
    /** Explicit points (feature-major) of conditions grown by refinement; their sampler state is the current one. */
    Map<Integer, double[][]> refinedPoints = new LinkedHashMap<>();

    HistoryState history;

    /** The history's recorded rows. */
    static final class HistoryState {
        List<Integer> steps = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> switchSteps = new ArrayList<>();
        List<String> switchLabels = new ArrayList<>();
    }

    void write(Path file) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("formatVersion", FORMAT_VERSION);
        o.put("problem", problem);
        o.put("configuration", configuration);
        o.put("step", step);
        o.put("phase", phase);
        o.put("phaseStep", phaseStep);
        o.put("elapsedSeconds", bits(elapsedSeconds));
        o.put("parameters", encode(parameters));
        putState(o, "optimizer", optimizer);
        putState(o, "schedule", schedule);
        putState(o, "lbfgs", lbfgs);
        ArrayNode s = o.putArray("samplerStates");
        for (long v : samplerStates) {
            s.add(v);
        }
        o.put("weights", encode(weights));
        ObjectNode refined = o.putObject("refinedPoints");
        refinedPoints.forEach((i, pts) -> {
            ArrayNode coords = refined.putArray(Integer.toString(i));
            for (double[] c : pts) {
                coords.add(encode(c));
            }
        });
        ObjectNode h = o.putObject("history");
        ArrayNode rows = h.putArray("rows");
        for (int k = 0; k < history.steps.size(); k++) {
            ObjectNode r = rows.addObject();
            r.put("step", history.steps.get(k));
            r.put("phase", history.phases.get(k));
            r.put("values", encode(history.rows.get(k)));
        }
        ArrayNode sw = h.putArray("switches");
        for (int k = 0; k < history.switchSteps.size(); k++) {
            sw.addObject().put("step", history.switchSteps.get(k)).put("label", history.switchLabels.get(k));
        }
        try {
            o.put("checksum", checksum(o));
            AtomicFiles.write(file, JSON.writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise checkpoint: " + e.getOriginalMessage(), e);
        }
    }

    static Checkpoint read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("checkpoint " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("checkpoint " + file + " is truncated or not valid JSON");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (root == null
                || !root.isObject()
                || !FORMAT.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException(file + " is not a pinn4j checkpoint");
        }
        if (root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException("checkpoint " + file + " has format version "
                    + root.path("formatVersion").asText() + "; expected " + FORMAT_VERSION);
        }
        ObjectNode o = ((ObjectNode) root).deepCopy();
        JsonNode stored = o.remove("checksum");
        if (stored == null || !stored.asText().equals(checksum(o))) {
            throw new IllegalArgumentException("checkpoint " + file + " is corrupted: checksum mismatch");
        }
        Checkpoint c = new Checkpoint();
        c.problem = o.path("problem").asText();
        c.configuration = o.path("configuration").asText();
        c.step = o.path("step").asInt();
        c.phase = o.path("phase").asInt();
        c.phaseStep = o.path("phaseStep").asLong();
        c.elapsedSeconds = Double.longBitsToDouble(o.path("elapsedSeconds").asLong());
        c.parameters = decode(o.path("parameters").asText());
        c.optimizer = getState(o, "optimizer");
        c.schedule = getState(o, "schedule");
        c.lbfgs = getState(o, "lbfgs");
        JsonNode s = o.path("samplerStates");
        c.samplerStates = new long[s.size()];
        for (int k = 0; k < c.samplerStates.length; k++) {
            c.samplerStates[k] = s.get(k).asLong();
        }
        c.weights = decode(o.path("weights").asText());
        o.path("refinedPoints").fields().forEachRemaining(e -> {
            double[][] pts = new double[e.getValue().size()][];
            for (int k = 0; k < pts.length; k++) {
                pts[k] = decode(e.getValue().get(k).asText());
            }
            c.refinedPoints.put(Integer.parseInt(e.getKey()), pts);
        });
        c.history = new HistoryState();
        for (JsonNode r : o.path("history").path("rows")) {
            c.history.steps.add(r.path("step").asInt());
            c.history.phases.add(r.path("phase").asText());
            c.history.rows.add(decode(r.path("values").asText()));
        }
        for (JsonNode w : o.path("history").path("switches")) {
            c.history.switchSteps.add(w.path("step").asInt());
            c.history.switchLabels.add(w.path("label").asText());
        }
        return c;
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
    static String encode(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putLong(Double.doubleToRawLongBits(x));
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static double[] decode(String s) {
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
            throw new IllegalStateException("cannot compute checkpoint checksum", e);
        }
    }
}
