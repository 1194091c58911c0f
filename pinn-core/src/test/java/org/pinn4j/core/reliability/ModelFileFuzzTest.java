package org.pinn4j.core.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Box;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;

/**
 * Fuzzing the model-file reader (seeded). The model: inputs x, t; output u; coefficient k; a 2x6 tanh
 * network behind 2 Fourier features.
 *
 * <p>Byte level (3,000 cases): bit flips, byte replacements, deletions, insertions of bytes and tokens
 * (whitespace, digits, NaN, 1e999, brackets, 5,000 nested brackets, 2,000-digit numbers, a BOM, invalid
 * UTF-8), duplicated and swapped ranges, truncations. Checked: {@link ModelFile#load} either throws
 * {@link ModelFile.ModelFileException} (one line, naming the file) or accepts; an accepted file must have
 * passed its checksum, so it must give the original parameters, coefficients and predictions bit for bit.
 *
 * <p>Structure level (1,500 cases): the JSON tree is edited (fields removed or given other types, widths,
 * activations, bounds, names, parameters, Fourier matrix changed) and the checksum recomputed, so the
 * content checks behind the checksum are reached. Checked: only ModelFileException, one line; an accepted
 * model predicts, at 6 points, what an independent forward pass over the file's own numbers gives
 * (relative 1e-12: the engine's tanh is within 2 ulp of Math.tanh and sums in another order), or refuses
 * with an IllegalArgumentException. Two gaps are printed, not failed: field-check messages that do not name
 * the file, and files with duplicate or empty input names that load but cannot predict.
 *
 * <p>Every case is bounded (10 s, a hang guard; cases take about a millisecond).
 */
class ModelFileFuzzTest {
    private static final long SEED = 0xF022_40DEL;
    private static final double[][] POINTS = {{-1, -0.6, -0.1, 0.2, 0.75, 1}, {0, 0.1, 0.5, 0.3, 0.9, 1}};
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @TempDir
    static Path d;

    static PinnModel original;
    static byte[] bytes;
    static ObjectNode content;
    static ExecutorService guard;
    static int byteAccepted;
    static int byteRejected;
    static int treeAccepted;
    static int treeRejected;
    static int treeCompared;
    /** Known gaps, printed rather than failed (they are in pinn-core's ModelFile / Problem.forModel): messages without the file. */
    static final Set<String> UNNAMED = new TreeSet<>();
    /** Accepted files whose model then refuses to predict (duplicate or empty input names pass the loader). */
    static final Set<String> UNUSABLE = new TreeSet<>();

    @BeforeAll
    static void setUp() throws Exception {
        Problem heat = Problem.builder("heat")
                .inputs("x", "t")
                .outputs("u")
                .domain(new Box(new double[] {-1, 0}, new double[] {1, 1}))
                .coefficient("k", 0.5)
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x").times(s.coefficient("k")));
                        })
                        .withPoints(16))
                .build();
        Recipe recipe = Recipe.of(NetworkConfig.mlp(2, 6).fourierFeatures(2, 1.0), Phase.adam(3, 1e-2))
                .withSeed(3);
        PinnModel trained = Trainer.train(heat, recipe).model();
        Path f = d.resolve("model.json");
        ModelFile.save(trained, f);
        original = ModelFile.load(f);
        bytes = Files.readAllBytes(f);
        content = (ObjectNode) PLAIN.readTree(bytes);
        content.remove("checksum");
        // the independent forward pass reproduces the untouched model, so it can judge the edited ones
        assertClose(original.predict(POINTS), forward(content, POINTS), "independent forward pass of the original");
        guard = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void tearDown() {
        guard.shutdownNow();
        System.out.println("model-file fuzz: byte level " + (byteAccepted + byteRejected) + " cases (" + byteAccepted
                + " accepted, all "
                + "bit-identical to the original; " + byteRejected + " rejected); structure level "
                + (treeAccepted + treeRejected)
                + " re-signed cases (" + treeAccepted + " accepted, " + treeCompared
                + " compared with an independent forward pass; "
                + treeRejected + " rejected)");
        UNNAMED.forEach(m -> System.out.println("  message without the file name: " + m));
        UNUSABLE.forEach(m -> System.out.println("  accepted, but predict refuses: " + m));
    }

    @Test
    void byteMutationsAreRejectedOrChangeNothing() throws Exception {
        SplittableRandom rng = new SplittableRandom(SEED);
        for (int k = 0; k < 3000; k++) {
            List<Byte> b = new ArrayList<>();
            for (byte x : bytes) {
                b.add(x);
            }
            int n = 1 + rng.nextInt(3);
            for (int j = 0; j < n; j++) {
                mutate(b, rng);
            }
            byte[] m = new byte[b.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = b.get(i);
            }
            Object r = load("byte case " + k, m);
            if (r instanceof PinnModel loaded) {
                // exact: the checksum passed, so the content is the original's
                assertArrayEquals(original.parameters(), loaded.parameters(), 0.0, "byte case " + k);
                assertEquals(original.coefficients(), loaded.coefficients(), "byte case " + k);
                double[][] a = original.predict(POINTS);
                double[][] c = loaded.predict(POINTS);
                assertArrayEquals(a[0], c[0], 0.0, "byte case " + k);
                byteAccepted++;
            } else {
                byteRejected++;
            }
        }
        assertTrue(byteAccepted > 0, "some harmless mutations (whitespace) are accepted");
    }

    @Test
    void resignedStructureMutationsAreRejectedOrPredictWhatTheFileSays() throws Exception {
        SplittableRandom rng = new SplittableRandom(SEED + 1);
        for (int k = 0; k < 1500; k++) {
            ObjectNode o = content.deepCopy();
            boolean extreme = false;
            int n = 1 + rng.nextInt(2);
            for (int j = 0; j < n; j++) {
                extreme |= edit(o, rng);
            }
            o.put("checksum", checksum(o));
            String name = "structure case " + k;
            Object r = load(name, PRETTY.writeValueAsBytes(o));
            if (r instanceof PinnModel loaded) {
                treeAccepted++;
                double[][] got;
                try {
                    got = loaded.predict(POINTS);
                } catch (IllegalArgumentException e) {
                    UNUSABLE.add(e.getMessage());
                    continue;
                }
                assertEquals(loaded.problem().outputs().size(), got.length, name);
                if (!extreme && comparable(o)) {
                    o.remove("checksum");
                    assertClose(got, forward(o, POINTS), name + ": " + o);
                    treeCompared++;
                }
            } else {
                treeRejected++;
            }
        }
        assertTrue(treeAccepted > 0 && treeRejected > 0, "both outcomes are exercised");
    }

    /** Loads {@code m} from a file within the guard time: the model, or the ModelFileException. */
    private static Object load(String name, byte[] m) throws Exception {
        Path f = d.resolve("fuzz.json");
        Files.write(f, m);
        Future<Object> fut = guard.submit(() -> {
            try {
                return ModelFile.load(f);
            } catch (ModelFile.ModelFileException e) {
                return e;
            } catch (Throwable t) {
                return new AssertionError(name + ": undocumented " + t + " for " + preview(m), t);
            }
        });
        Object r;
        try {
            r = fut.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fut.cancel(true);
            throw new AssertionError(name + ": load did not return within 10 s for " + preview(m));
        }
        if (r instanceof AssertionError a) {
            throw a;
        }
        if (r instanceof ModelFile.ModelFileException e) {
            String msg = e.getMessage();
            assertTrue(msg != null && !msg.isBlank(), name);
            assertFalse(msg.contains("\n") || msg.contains("\r"), name + ": message is not one line: " + msg);
            if (!msg.contains(f.toString())) {
                // the reader's own promise; the field checks behind the checksum do not keep it yet (see UNNAMED)
                assertTrue(name.startsWith("structure"), name + ": message does not name the file: " + msg);
                UNNAMED.add(msg.replaceAll("-?\\d+", "N"));
            }
        }
        return r;
    }

    private static void mutate(List<Byte> b, SplittableRandom rng) {
        int at = rng.nextInt(b.size() + 1);
        int i = Math.min(at, b.size() - 1);
        switch (rng.nextInt(9)) {
            case 0 -> b.set(i, (byte) (b.get(i) ^ (1 << rng.nextInt(8))));
            case 1 -> b.set(i, (byte) rng.nextInt(256));
            case 2 -> b.subList(i, Math.min(b.size(), i + 1 + rng.nextInt(8))).clear();
            case 3 -> b.add(at, (byte) rng.nextInt(256));
            case 4 -> {
                String[] tokens = {
                    " ",
                    "\n",
                    "\t",
                    "  \r\n",
                    "0",
                    "-",
                    "e5",
                    "NaN",
                    "1e999",
                    "\"",
                    "{",
                    "}",
                    "[",
                    "]",
                    ",",
                    ":",
                    "null",
                    "\uFEFF",
                    "true",
                    "[".repeat(5000),
                    "9".repeat(2000),
                    "\\u0000",
                    "é"
                };
                byte[] t = tokens[rng.nextInt(tokens.length)].getBytes(StandardCharsets.UTF_8);
                for (int j = t.length - 1; j >= 0; j--) {
                    b.add(at, t[j]);
                }
            }
            case 5 -> {
                int len = rng.nextInt(1, 40);
                List<Byte> copy = new ArrayList<>(b.subList(i, Math.min(b.size(), i + len)));
                b.addAll(rng.nextInt(b.size() + 1), copy);
            }
            case 6 -> b.subList(at, b.size()).clear();
            case 7 -> {
                int j = rng.nextInt(b.size());
                Byte t = b.get(i);
                b.set(i, b.get(j));
                b.set(j, t);
            }
            default ->
                b.add(at, (byte)
                        (rng.nextBoolean() ? ' ' : '\n')); // harmless: must be accepted unchanged if outside strings
        }
    }

    /** Edits the tree; returns true if the edit puts extreme numbers in (no value comparison then). */
    private static boolean edit(ObjectNode o, SplittableRandom rng) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode net = o.get("network") instanceof ObjectNode n ? n : null;
        switch (rng.nextInt(16)) {
            case 0 -> {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                o.remove(names.get(rng.nextInt(names.size())));
            }
            case 1 -> {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                o.set(names.get(rng.nextInt(names.size())), randomValue(rng));
            }
            case 2 -> {
                if (net != null) {
                    List<String> names = new ArrayList<>();
                    net.fieldNames().forEachRemaining(names::add);
                    String field = names.get(rng.nextInt(names.size()));
                    if (rng.nextBoolean()) {
                        net.remove(field);
                    } else {
                        net.set(field, randomValue(rng));
                    }
                }
            }
            case 3 -> editArray(o.get("parameters"), rng, f.numberNode(rng.nextDouble(-3, 3)));
            case 4 -> {
                JsonNode p = o.get("parameters");
                if (p instanceof ArrayNode a && a.size() > 0) {
                    a.set(rng.nextInt(a.size()), f.numberNode(rng.nextBoolean() ? 1e308 : -1e300));
                }
                return true;
            }
            case 5 ->
                editArray(
                        net == null ? null : net.get("widths"),
                        rng,
                        f.numberNode(new int[] {0, -1, 1, 7, Integer.MAX_VALUE}[rng.nextInt(5)]));
            case 6 ->
                editArray(
                        net == null ? null : net.get("activations"),
                        rng,
                        f.textNode(new String[] {"relu", "sin", "bogus", "", "TANH", "gelu"}[rng.nextInt(6)]));
            case 7 ->
                editArray(
                        o.get(rng.nextBoolean() ? "lower" : "upper"),
                        rng,
                        f.numberNode(new double[] {-1, 0, 1, 2, 1e308, -1e308}[rng.nextInt(6)]));
            case 8 ->
                editArray(
                        o.get(rng.nextBoolean() ? "inputs" : "outputs"),
                        rng,
                        f.textNode(new String[] {"x", "t", "u", "", "y"}[rng.nextInt(5)]));
            case 9 -> {
                JsonNode c = o.get("coefficients");
                if (c instanceof ObjectNode co) {
                    switch (rng.nextInt(3)) {
                        case 0 -> co.remove("k");
                        case 1 -> co.put("k2", 1.0);
                        default -> co.put("k", rng.nextDouble(-2, 2));
                    }
                }
            }
            case 10 -> {
                JsonNode fo = net == null ? null : net.get("fourier");
                if (fo instanceof ObjectNode fn) {
                    if (rng.nextBoolean()) {
                        fn.put("features", new int[] {0, 1, 3, -2}[rng.nextInt(4)]);
                    } else {
                        editArray(fn.get("matrix"), rng, f.numberNode(rng.nextDouble(-2, 2)));
                    }
                }
            }
            case 11 -> o.put("outputTransform", true);
            case 12 -> o.put("formatVersion", rng.nextInt(-1, 4));
            case 13 -> o.put("problem", rng.nextBoolean() ? "" : "other");
            case 14 -> {
                JsonNode p = o.get("parameters");
                if (p instanceof ArrayNode a && a.size() > 0) {
                    a.remove(rng.nextInt(a.size()));
                }
            }
            default -> editArray(o.get("parameters"), rng, f.textNode("0.5"));
        }
        return false;
    }

    /** Replaces, removes or appends an element of an array node (no-op for other nodes). */
    private static void editArray(JsonNode node, SplittableRandom rng, JsonNode value) {
        if (!(node instanceof ArrayNode a)) {
            return;
        }
        int op = a.size() == 0 ? 2 : rng.nextInt(3);
        switch (op) {
            case 0 -> a.set(rng.nextInt(a.size()), value);
            case 1 -> a.remove(rng.nextInt(a.size()));
            default -> a.add(value);
        }
    }

    private static JsonNode randomValue(SplittableRandom rng) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (rng.nextInt(7)) {
            case 0 -> f.textNode("abc");
            case 1 -> f.numberNode(rng.nextInt(-3, 4));
            case 2 -> f.booleanNode(true);
            case 3 -> f.nullNode();
            case 4 -> f.arrayNode();
            case 5 -> f.objectNode();
            default -> f.arrayNode().add("a").add("b");
        };
    }

    /** True if the independent forward pass can evaluate this content (known activations, consistent arrays). */
    private static boolean comparable(ObjectNode o) {
        for (JsonNode a : o.path("network").path("activations")) {
            if (!List.of("tanh", "sin", "relu").contains(a.asText())) {
                return false;
            }
        }
        return o.path("coefficients").isObject();
    }

    /**
     * Plain forward pass over the numbers in the file: inputs scaled to [-1, 1], optional Fourier features
     * [sin(B xi), cos(B xi)], hidden layers with their activation, linear output layer.
     */
    static double[][] forward(JsonNode o, double[][] x) {
        int d = o.path("inputs").size();
        JsonNode net = o.path("network");
        int[] widths = new int[net.path("widths").size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = net.path("widths").get(i).asInt();
        }
        double[] params = new double[o.path("parameters").size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = o.path("parameters").get(i).asDouble();
        }
        JsonNode fourier = net.path("fourier");
        int m = fourier.isMissingNode() ? 0 : fourier.path("features").asInt();
        int n = x[0].length;
        double[][] out = new double[widths[widths.length - 1]][n];
        for (int p = 0; p < n; p++) {
            double[] xi = new double[d];
            for (int i = 0; i < d; i++) {
                double lo = o.path("lower").get(i).asDouble();
                double hi = o.path("upper").get(i).asDouble();
                xi[i] = 2.0 / (hi - lo) * (x[i][p] - lo) - 1.0;
            }
            double[] a = xi;
            if (m > 0) {
                a = new double[2 * m];
                for (int j = 0; j < m; j++) {
                    double z = 0;
                    for (int i = 0; i < d; i++) {
                        z += fourier.path("matrix").get(j * d + i).asDouble() * xi[i];
                    }
                    a[j] = Math.sin(z);
                    a[m + j] = Math.cos(z);
                }
            }
            int off = 0;
            for (int l = 0; l < widths.length - 1; l++) {
                int in = a.length;
                int w = widths[l + 1];
                double[] z = new double[w];
                for (int k = 0; k < w; k++) {
                    double s = params[off + w * in + k];
                    for (int i = 0; i < in; i++) {
                        s += params[off + k * in + i] * a[i];
                    }
                    z[k] = s;
                }
                off += w * in + w;
                if (l < widths.length - 2) {
                    String act = net.path("activations").get(l).asText();
                    for (int k = 0; k < w; k++) {
                        z[k] = switch (act) {
                            case "tanh" -> Math.tanh(z[k]);
                            case "sin" -> Math.sin(z[k]);
                            default -> Math.max(0, z[k]);
                        };
                    }
                }
                a = z;
            }
            for (int k = 0; k < out.length; k++) {
                out[k][p] = a[k];
            }
        }
        return out;
    }

    private static void assertClose(double[][] got, double[][] want, String what) {
        assertEquals(want.length, got.length, what);
        for (int k = 0; k < want.length; k++) {
            for (int p = 0; p < want[k].length; p++) {
                double tol = 1e-12 * Math.max(1.0, Math.abs(want[k][p]));
                assertEquals(want[k][p], got[k][p], tol, what + " output " + k + " point " + p);
            }
        }
    }

    /** The file format's checksum: SHA-256 of the compact JSON of everything but the checksum. */
    private static String checksum(ObjectNode o) throws Exception {
        ObjectNode c = o.deepCopy();
        c.remove("checksum");
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PLAIN.writeValueAsBytes(c)));
    }

    private static String preview(byte[] m) {
        String s = new String(m, StandardCharsets.UTF_8);
        return "'" + (s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s) + "'";
    }
}
