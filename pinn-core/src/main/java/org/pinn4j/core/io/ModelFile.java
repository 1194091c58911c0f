package org.pinn4j.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.Version;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.TimeWindows;

/**
 * Saves and loads trained models as JSON: architecture, input box, input/output names, parameters,
 * identified coefficients and provenance (seed, recipe, pinn4j and JVM versions, OS), with a SHA-256
 * checksum over the content. Files are written atomically ({@link AtomicFiles}) and verified on load.
 *
 * <p>The file holds nothing that changes between identical runs (no timestamp, no thread count), so the
 * same seed and configuration give a byte-identical file. Doubles are written in their shortest exact
 * form, so a loaded model predicts bit-for-bit what the saved one did.
 *
 * <p>A model trained in time windows ({@link TimeWindows}) is one file of format version
 * {@value #WINDOWED_FORMAT_VERSION}: the last window's network at the top level, as in version 1, and a
 * {@code windows} object with the time input, the boundaries and every window's network, box and parameters;
 * {@link #loadWindows} reads it with a problem per window.
 */
public final class ModelFile {
    /** Value of the "format" field. */
    public static final String FORMAT = "pinn4j-model";
    /** The format version this code writes for a model of one network, and reads. */
    public static final int FORMAT_VERSION = 1;
    /**
     * The format version of a model trained in time windows: version 1 plus a {@code windows} object (input,
     * boundaries, and each window's network, box, parameters and coefficients; the top level holds the last
     * window's), so that a reader of version 1 alone refuses it instead of predicting with the last window only.
     */
    public static final int WINDOWED_FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {}

    /** Writes the model to {@code path} atomically. */
    public static void save(PinnModel model, Path path) {
        save(model, path, null);
    }

    /**
     * Writes the model to {@code path} atomically, recording the catalogue entry that produced it, so that a
     * tool can rebuild its output transform from that entry (and must refuse a model that records none).
     *
     * @param entry the producing catalogue entry, or null for a model of the caller's own problem
     */
    public static void save(PinnModel model, Path path, CatalogueEntry entry) {
        ObjectNode content = toJson(model, entry);
        if (model.windowInput().isPresent()) {
            content.put("formatVersion", WINDOWED_FORMAT_VERSION);
            ObjectNode windows = content.putObject("windows");
            windows.put("input", model.windowInput().get());
            ArrayNode boundaries = windows.putArray("boundaries");
            for (double b : model.windowBoundaries()) {
                boundaries.add(b);
            }
            ArrayNode pieces = windows.putArray("pieces");
            for (PinnModel piece : model.pieces()) {
                ObjectNode one = toJson(piece, null);
                for (String shared : PIECE_SHARED_FIELDS) {
                    one.remove(shared);
                }
                pieces.add(one);
            }
        }
        content.put("checksum", checksum(content));
        try {
            AtomicFiles.write(path, (JSON.writeValueAsString(content) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise model: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Loads a model without its problem definition: it can predict its outputs, but a model trained with
     * an output transform needs {@link #load(Path, Problem)}.
     */
    public static PinnModel load(Path path) {
        return load(path, null);
    }

    /**
     * Loads a model and attaches {@code problem} (its names must match), which restores output transforms.
     *
     * @throws ModelFileException with one clear line naming the file and what is wrong (missing,
     *     a directory, not JSON or truncated, not a model file, another format version, checksum mismatch,
     *     inconsistent content)
     */
    public static PinnModel load(Path path, Problem problem) {
        return load(path, problem, null);
    }

    /**
     * Loads a model trained in time windows whose output transform depends on the window (a hard initial state
     * taken from the window before): window k is attached to {@code problems.window(b_k, b_k+1, model of window
     * k - 1)}.
     *
     * @throws ModelFileException as {@link #load(Path, Problem)}, and for a file that holds one network
     */
    public static PinnModel loadWindows(Path path, TimeWindows.WindowProblem problems) {
        if (problems == null) {
            throw new IllegalArgumentException("ModelFile.load: the window problems must be non-null");
        }
        return load(path, null, problems);
    }

    private static PinnModel load(Path path, Problem problem, TimeWindows.WindowProblem problems) {
        ObjectNode content = verified(path);
        try {
            if (content.has("windows")) {
                return windowedFromJson(content, problem, problems, path);
            }
            if (problems != null) {
                throw new ModelFileException("model file " + path + " holds one network, not time windows; load it"
                        + " with ModelFile.load(path, problem)");
            }
            return fromJson(content, problem, path);
        } catch (ModelFileException e) {
            String m = e.getMessage();
            throw m.startsWith("model file ") ? e : new ModelFileException("model file " + path + ": " + m, e);
        } catch (RuntimeException e) {
            throw new ModelFileException("model file " + path + " is inconsistent: " + e.getMessage(), e);
        }
    }

    /**
     * What a model file says about where it came from, after the same checks as {@link #load(Path)} up to
     * and including the checksum (its numbers are not checked here).
     *
     * @throws ModelFileException as {@link #load(Path, Problem)} does for a missing, unreadable or damaged file
     */
    public static Header header(Path path) {
        ObjectNode content = verified(path);
        JsonNode c = content.path("catalogue");
        Optional<CatalogueEntry> entry = Optional.empty();
        if (c.isObject()) {
            try {
                entry = Optional.of(new CatalogueEntry(
                        c.path("entry").asText(""),
                        c.path("version").asInt(0),
                        numbers(c, "parameters", "parameter"),
                        numbers(c, "settings", "setting")));
            } catch (IllegalArgumentException e) {
                throw new ModelFileException("model file " + path + ": field 'catalogue': " + e.getMessage(), e);
            }
        }
        return new Header(
                content.path("problem").asText(""),
                content.path("outputTransform").asBoolean(false),
                entry);
    }

    /** The object {@code field} of {@code c} as finite numbers by name; a missing field is an empty map. */
    private static java.util.Map<String, Double> numbers(JsonNode c, String field, String what) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        JsonNode p = c.path(field);
        if (!p.isMissingNode() && !p.isObject()) {
            throw new IllegalArgumentException("'" + field + "' must be an object of numbers");
        }
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
                throw new IllegalArgumentException(
                        what + " '" + e.getKey() + "' must be a finite number; got " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    /** The file's content without its checksum, once format, version and checksum have been checked. */
    private static ObjectNode verified(Path path) {
        JsonNode root = read(path);
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new ModelFileException(path + " is not a pinn4j model file (no \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION && version != WINDOWED_FORMAT_VERSION) {
            throw new ModelFileException("model file " + path + " has format version " + version + "; this pinn4j ("
                    + Version.get() + ") reads versions " + FORMAT_VERSION + " and " + WINDOWED_FORMAT_VERSION);
        }
        if ((version == WINDOWED_FORMAT_VERSION) != root.has("windows")) {
            throw new ModelFileException("model file " + path + " has format version " + version
                    + (root.has("windows") ? " but holds time windows" : " but holds no time windows"));
        }
        ObjectNode content = ((ObjectNode) root).deepCopy();
        JsonNode stored = content.remove("checksum");
        if (stored == null || !stored.asText().equals(checksum(content))) {
            throw new ModelFileException(
                    "model file " + path + " is corrupted: checksum mismatch (edited or damaged after saving)");
        }
        return content;
    }

    private static JsonNode read(Path path) {
        if (Files.isDirectory(path)) {
            throw new ModelFileException(
                    path + " is a directory; expected a model file such as " + path.resolve("model.json"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("model file " + path + " does not exist");
        } catch (IOException e) {
            throw new ModelFileException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new ModelFileException("model file " + path + " is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ModelFileException("model file " + path + " is truncated or not valid JSON" + where);
        } catch (IOException e) {
            throw new ModelFileException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode toJson(PinnModel model, CatalogueEntry entry) {
        NetworkSpec spec = model.spec();
        Problem problem = model.problem();
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("formatVersion", FORMAT_VERSION);
        o.put("problem", problem.name());
        strings(o.putArray("inputs"), problem.inputs());
        strings(o.putArray("outputs"), problem.outputs());
        ArrayNode lower = o.putArray("lower");
        ArrayNode upper = o.putArray("upper");
        for (int i = 0; i < spec.inputs(); i++) {
            lower.add(spec.lower(i));
            upper.add(spec.upper(i));
        }
        ObjectNode net = o.putObject("network");
        ArrayNode widths = net.putArray("widths");
        for (int w : spec.widths()) {
            widths.add(w);
        }
        ArrayNode acts = net.putArray("activations");
        for (int l = 0; l < spec.layers() - 1; l++) {
            acts.add(spec.activation(l).label());
        }
        if (spec.fourierFeatures() > 0) {
            ObjectNode f = net.putObject("fourier");
            f.put("features", spec.fourierFeatures());
            ArrayNode b = f.putArray("matrix");
            for (int j = 0; j < spec.fourierFeatures(); j++) {
                for (int i = 0; i < spec.inputs(); i++) {
                    b.add(spec.fourierMatrix(j, i));
                }
            }
        }
        if (spec.declaredFeatures() > 0) {
            ArrayNode features = net.putArray("features");
            for (int j = 0; j < spec.declaredFeatures(); j++) {
                ArrayNode product = features.addArray();
                for (NetworkSpec.InputFactor factor : spec.feature(j)) {
                    product.addObject()
                            .put("input", factor.input())
                            .put("kind", factor.kind().name().toLowerCase(java.util.Locale.ROOT))
                            .put("omega", factor.omega());
                }
            }
        }
        o.put("outputTransform", problem.outputTransform() != null);
        if (entry != null) {
            ObjectNode c = o.putObject("catalogue");
            c.put("entry", entry.name());
            c.put("version", entry.version());
            if (!entry.parameters().isEmpty()) {
                ObjectNode p = c.putObject("parameters");
                entry.parameters().forEach(p::put);
            }
            if (!entry.settings().isEmpty()) {
                ObjectNode p = c.putObject("settings");
                entry.settings().forEach(p::put);
            }
        }
        ObjectNode coefs = o.putObject("coefficients");
        model.coefficients().forEach(coefs::put);
        ArrayNode params = o.putArray("parameters");
        double[] p = model.parameters();
        for (int k = 0; k < spec.parameterCount(); k++) {
            params.add(p[k]);
        }
        ObjectNode prov = o.putObject("provenance");
        prov.put("pinn4j", Version.get());
        prov.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        prov.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Recipe r = model.recipe();
        if (r != null) {
            prov.put("seed", r.seed());
            prov.put("sampler", r.sampler());
            prov.put("tileSize", r.tileSize());
            prov.put("network", r.network().toString());
            ArrayNode phases = prov.putArray("phases");
            r.phases().forEach(ph -> phases.add(ph.toString()));
            prov.set("recipe", RecipeJson.write(r));
        }
        return o;
    }

    private static PinnModel fromJson(ObjectNode o, Problem problem, Path path) {
        List<String> inputs = strings(o, "inputs");
        List<String> outputs = strings(o, "outputs");
        double[] lower = doubles(o, "lower");
        double[] upper = doubles(o, "upper");
        checkBox(inputs, lower, upper);
        JsonNode net = o.path("network");
        int[] widths = new int[net.path("widths").size()];
        for (int i = 0; i < widths.length; i++) {
            JsonNode w = net.path("widths").get(i);
            if (!w.canConvertToInt() || !w.isIntegralNumber() || w.asInt() < 1) {
                throw new ModelFileException("field 'network.widths' has " + w + " at index " + i
                        + "; expected a whole number of neurons >= 1");
            }
            widths[i] = w.asInt();
        }
        JsonNode fourierNode = net.path("fourier");
        checkSize(
                widths,
                fourierNode.isMissingNode() ? 0 : fourierNode.path("features").asLong(),
                net.path("features").size());
        Activation[] acts = new Activation[net.path("activations").size()];
        for (int i = 0; i < acts.length; i++) {
            acts[i] = Activation.byName(net.path("activations").get(i).asText());
        }
        if (widths.length < 2 || widths[0] != inputs.size() || widths[widths.length - 1] != outputs.size()) {
            throw new ModelFileException("model file " + path + ": network widths do not match " + inputs.size()
                    + " inputs and " + outputs.size() + " outputs");
        }
        NetworkSpec spec = NetworkSpec.mlp(widths, acts, lower, upper);
        JsonNode fourier = net.path("fourier");
        if (!fourier.isMissingNode()) {
            int m = fourier.path("features").asInt();
            spec = spec.withFourierFeatures(doubles(fourier, "matrix"), m);
        }
        if (net.has("features")) {
            spec = withDeclaredFeatures(spec, net.path("features"));
        }
        Map<String, Double> coefs = new LinkedHashMap<>();
        o.path("coefficients").fields().forEachRemaining(e -> {
            double v = e.getValue().asDouble();
            if (!e.getValue().isNumber() || !Double.isFinite(v)) {
                throw new ModelFileException("field 'coefficients' has "
                        + (e.getValue().isNumber()
                                ? Double.toString(v)
                                : e.getValue().toString()) + " for '" + e.getKey()
                        + "'; expected a finite number");
            }
            coefs.put(e.getKey(), v);
        });
        double[] params = doubles(o, "parameters");
        if (params.length != spec.parameterCount()) {
            throw new ModelFileException("model file " + path + " has " + params.length
                    + " parameters; its network needs " + spec.parameterCount());
        }
        boolean transformed = o.path("outputTransform").asBoolean(false);
        Problem p = problem;
        if (p == null) {
            if (transformed) {
                throw new ModelFileException(
                        "model file " + path + " was trained with an output transform; load it with its "
                                + "problem definition (ModelFile.load(path, problem))");
            }
            p = Problem.forModel(o.path("problem").asText("model"), inputs, outputs, lower, upper, coefs);
        } else if (!p.inputs().equals(inputs)
                || !p.outputs().equals(outputs)
                || !p.coefficientNames().equals(new ArrayList<>(coefs.keySet()))) {
            throw new ModelFileException("model file " + path + " has inputs " + inputs + ", outputs " + outputs
                    + ", coefficients "
                    + coefs.keySet() + " but problem '" + p.name() + "' has " + p.inputs() + ", " + p.outputs() + ", "
                    + p.coefficientNames());
        }
        double[] all = new double[params.length + coefs.size()];
        System.arraycopy(params, 0, all, 0, params.length);
        int k = params.length;
        for (Map.Entry<String, Double> e : coefs.entrySet()) {
            // the file holds coefficient values; the model holds value / scale (exact to the last bit when
            // the scale is a power of two or 1, otherwise within one ulp)
            all[k++] = e.getValue() / p.coefficientScale(e.getKey());
        }
        return new PinnModel(p, spec, all, recipe(o, path));
    }

    /** Fields of a window's piece that the file's top level holds for all pieces. */
    private static final List<String> PIECE_SHARED_FIELDS =
            List.of("format", "formatVersion", "problem", "inputs", "outputs", "outputTransform", "provenance");

    /**
     * A windowed model: each piece read as a model of one network with the top level's shared fields, attached to
     * {@code problem} (all pieces) or to {@code problems.window(...)} (piece by piece), or to a plain problem when
     * both are null.
     */
    private static PinnModel windowedFromJson(
            ObjectNode o, Problem problem, TimeWindows.WindowProblem problems, Path path) {
        JsonNode w = o.path("windows");
        String input = w.path("input").asText("");
        double[] boundaries = doubles(w, "boundaries");
        JsonNode pieceNodes = w.path("pieces");
        if (!pieceNodes.isArray() || pieceNodes.size() < 1 || boundaries.length != pieceNodes.size() + 1) {
            throw new ModelFileException("model file " + path + ": field 'windows' needs n >= 1 pieces and n + 1"
                    + " boundaries; got " + pieceNodes.size() + " and " + boundaries.length);
        }
        List<PinnModel> pieces = new ArrayList<>();
        for (int k = 0; k < pieceNodes.size(); k++) {
            if (!pieceNodes.get(k).isObject()) {
                throw new ModelFileException("model file " + path + ": windows.pieces[" + k + "] is not an object");
            }
            ObjectNode piece = ((ObjectNode) pieceNodes.get(k)).deepCopy();
            for (String shared : PIECE_SHARED_FIELDS) {
                if (o.has(shared) && !shared.equals("provenance")) {
                    piece.set(shared, o.get(shared));
                }
            }
            Problem attached = problems == null
                    ? problem
                    : problems.window(boundaries[k], boundaries[k + 1], k == 0 ? null : pieces.get(k - 1));
            PinnModel read = fromJson(piece, attached, path);
            if (k == pieceNodes.size() - 1) {
                // the recipe the file records is the last window's
                read = new PinnModel(read.problem(), read.spec(), read.parameters(), recipe(o, path));
            }
            pieces.add(read);
        }
        try {
            return PinnModel.windowed(input, boundaries, pieces);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("model file " + path + ": field 'windows': " + e.getMessage(), e);
        }
    }

    /** The recipe recorded in the provenance, or null in a file written before recipes were recorded. */
    private static Recipe recipe(ObjectNode o, Path path) {
        JsonNode r = o.path("provenance").path("recipe");
        if (!r.isObject()) {
            return null;
        }
        try {
            return RecipeJson.read(r, Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("model file " + path + ": field 'provenance.recipe': " + e.getMessage());
        }
    }

    /**
     * Each input's box [lower, upper] must have lower &lt; upper and a finite width whose inverse is finite:
     * the model maps it onto [-1, 1], and a box such as [-1e308, 1e308] would map every input to -1.
     */
    private static void checkBox(List<String> inputs, double[] lower, double[] upper) {
        if (lower.length != inputs.size() || upper.length != inputs.size()) {
            throw new ModelFileException("fields 'lower' and 'upper' have " + lower.length + " and " + upper.length
                    + " values for " + inputs.size() + " inputs");
        }
        for (int i = 0; i < lower.length; i++) {
            double width = upper[i] - lower[i];
            if (!(width > 0) || !Double.isFinite(width) || !Double.isFinite(2 / width)) {
                throw new ModelFileException("fields 'lower' and 'upper' give input '" + inputs.get(i) + "' the box ["
                        + lower[i] + ", " + upper[i] + "]; expected lower < upper with a finite, nonzero width");
            }
        }
    }

    /** The parameter count of these widths (and Fourier features) must fit in an int, counted without overflow. */
    /** The declared input features of {@code node} (an array of products of factors) on {@code spec}. */
    private static NetworkSpec withDeclaredFeatures(NetworkSpec spec, JsonNode node) {
        if (!node.isArray()) {
            throw new ModelFileException("field 'network.features' is not an array of features");
        }
        NetworkSpec.InputFactor[][] features = new NetworkSpec.InputFactor[node.size()][];
        try {
            for (int j = 0; j < features.length; j++) {
                JsonNode product = node.get(j);
                if (!product.isArray()) {
                    throw new IllegalArgumentException("feature " + j + " is not an array of factors");
                }
                features[j] = new NetworkSpec.InputFactor[product.size()];
                for (int k = 0; k < product.size(); k++) {
                    JsonNode f = product.get(k);
                    if (!f.path("input").isIntegralNumber() || !f.path("omega").isNumber()) {
                        throw new IllegalArgumentException(
                                "feature " + j + " factor " + k + " needs a whole 'input' and a number 'omega'");
                    }
                    features[j][k] = new NetworkSpec.InputFactor(
                            f.path("input").asInt(),
                            NetworkSpec.InputFactor.Kind.valueOf(
                                    f.path("kind").asText().toUpperCase(java.util.Locale.ROOT)),
                            f.path("omega").asDouble());
                }
            }
            return spec.withFeatures(features);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(
                    "field 'network.features' is not valid: " + e.getMessage() + " (kinds: scaled, raw, sin, cos)");
        }
    }

    private static void checkSize(int[] widths, long fourierFeatures, int declaredFeatures) {
        if (fourierFeatures < 0 || fourierFeatures > Integer.MAX_VALUE / 2) {
            throw new ModelFileException("field 'network.fourier.features' is " + fourierFeatures
                    + "; expected a whole number from 1 to " + Integer.MAX_VALUE / 2);
        }
        long count = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            long fanIn = l == 0 ? Math.max(Math.max(widths[0], 2 * fourierFeatures), declaredFeatures) : widths[l];
            count += fanIn * widths[l + 1] + widths[l + 1];
            if (count > Integer.MAX_VALUE - 8) {
                throw new ModelFileException("field 'network.widths' " + java.util.Arrays.toString(widths)
                        + " needs more parameters than an array can hold (over " + Integer.MAX_VALUE + ")");
            }
        }
    }

    private static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }

    private static List<String> strings(JsonNode o, String field) {
        JsonNode a = o.path(field);
        if (!a.isArray() || a.size() == 0) {
            throw new ModelFileException("field '" + field + "' is missing or empty");
        }
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double[] doubles(JsonNode o, String field) {
        JsonNode a = o.path(field);
        if (!a.isArray()) {
            throw new ModelFileException("field '" + field + "' is missing");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new ModelFileException("field '" + field + "' has a non-number at index " + i);
            }
            out[i] = a.get(i).asDouble();
            if (!Double.isFinite(out[i])) {
                throw new ModelFileException(
                        "field '" + field + "' has " + out[i] + " at index " + i + "; expected a finite number");
            }
        }
        return out;
    }

    private static String checksum(ObjectNode content) {
        try {
            byte[] canonical = new ObjectMapper().writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute model checksum", e);
        }
    }

    /**
     * Where a model came from, as its file records it.
     *
     * @param problem the problem's name
     * @param outputTransform whether the model was trained with an output transform (hard constraints), which
     *     the file does not hold: such a model predicts only with its problem definition
     * @param catalogue the catalogue entry that produced it, if it records one
     */
    public record Header(String problem, boolean outputTransform, Optional<CatalogueEntry> catalogue) {}

    /**
     * The catalogue entry (name, definition version and parameter values) that produced a model, as recorded in
     * its file.
     *
     * @param name the entry's name, e.g. "burgers"
     * @param version the entry's definition version (at least 1)
     * @param parameters the values of the entry's declared parameters it was trained with (empty: it declares
     *     none, or the file predates parameters and they had their defaults)
     * @param settings training settings given in the same way (network width, collocation points, ...: what a sweep
     *     varies), recorded for the reader; empty when none was given
     */
    public record CatalogueEntry(
            String name,
            int version,
            java.util.Map<String, Double> parameters,
            java.util.Map<String, Double> settings) {
        /** Checks the name is not blank and the version at least 1; copies the parameters and settings in order. */
        public CatalogueEntry {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("catalogue entry name must not be blank");
            }
            if (version < 1) {
                throw new IllegalArgumentException("catalogue entry version must be >= 1; got " + version);
            }
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
            settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        }

        /** An entry with parameters and no settings. */
        public CatalogueEntry(String name, int version, java.util.Map<String, Double> parameters) {
            this(name, version, parameters, java.util.Map.of());
        }

        /** An entry without parameters. */
        public CatalogueEntry(String name, int version) {
            this(name, version, java.util.Map.of());
        }
    }

    /** A model file that cannot be used; the message is one line naming the file and the problem. */
    public static final class ModelFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ModelFileException(String message) {
            super(message);
        }

        ModelFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
