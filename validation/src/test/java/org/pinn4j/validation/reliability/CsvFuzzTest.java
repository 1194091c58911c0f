package org.pinn4j.validation.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.catalogue.Poisson1d;
import org.pinn4j.validation.cli.PinnCli;

/**
 * Fuzzing the point-file reader of {@code pinn predict} (seeded, 4,000 cases): random mutations of a valid
 * CSV (characters deleted, duplicated, replaced; tokens such as NaN, Infinity, 1e999, quotes, BOMs, CRs,
 * 100,000-digit numbers inserted; lines duplicated, swapped, truncated), random bytes (also invalid UTF-8),
 * and random strings over the CSV alphabet.
 *
 * <p>What is checked, for every case: the reader either returns a table or throws its documented
 * {@link IllegalArgumentException} whose message names the file and says what was expected; any other
 * throwable fails. An accepted table holds only finite inputs, each equal to {@link Double#parseDouble} of
 * its cell in the x column, one per row. Each case is bounded (10 s, a hang guard: cases take
 * microseconds). Every 25th case also goes through the command line: exit 0 with one predicted value per
 * row, equal to the model's own prediction, or exit 2 with one line on stderr; never exit 1 (internal error).
 */
class CsvFuzzTest {
    private static final long SEED = 0x5EED_C5F0L;
    private static final String VALID =
            "id,x,label\n" + "p1,0.5,\"a, quoted\"\n" + "p2,-0.25,b\n" + "p3,1e-3,\"say \"\"hi\"\"\"\n" + "p4,+.75,d\n";
    private static final String[] TOKENS = {
        "NaN",
        "Infinity",
        "-Infinity",
        "1e999",
        "-1e999",
        "1e-999",
        "0x1p3",
        "\"",
        "\"\"",
        "\uFEFF",
        ",",
        ",,",
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        " ",
        "\t",
        "\0",
        "x",
        "X",
        "e",
        "E+",
        "-",
        ".",
        "1,2",
        "é",
        "\uD83D\uDE00",
        "\\",
        "9".repeat(1000),
        "9".repeat(100_000) + "x",
        "1e2147483648",
        "0." + "0".repeat(400) + "1",
        "\"x\"",
        "id",
        "label"
    };

    @TempDir
    static Path d;

    static Path model;
    static PinnModel loaded;
    static Method read;
    static Method header;
    static Method rows;
    static Method points;
    static ExecutorService guard;
    static int accepted;
    static int rejected;
    static int cliRuns;

    @BeforeAll
    static void setUp() throws Exception {
        model = d.resolve("model.json");
        ModelFile.save(
                new Trainer(
                                new Poisson1d().problem(ProblemContext.defaults()),
                                Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(1, 1e-3)))
                        .train()
                        .model(),
                model);
        loaded = ModelFile.load(model);
        // the reader is package-private in the cli package: reached by reflection, exactly as predict calls it
        Class<?> csv = Class.forName("org.pinn4j.validation.cli.PointsCsv");
        read = csv.getDeclaredMethod("read", Path.class, List.class);
        read.setAccessible(true);
        Class<?> table = Class.forName("org.pinn4j.validation.cli.PointsCsv$Table");
        header = table.getDeclaredMethod("header");
        rows = table.getDeclaredMethod("rows");
        points = table.getDeclaredMethod("points");
        for (Method m : new Method[] {header, rows, points}) {
            m.setAccessible(true);
        }
        guard = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void tearDown() {
        guard.shutdownNow();
        System.out.println("CSV fuzz: " + (accepted + rejected) + " cases, " + accepted + " accepted, " + rejected
                + " rejected with IllegalArgumentException, " + cliRuns + " also through `pinn predict`");
    }

    @Test
    void mutationsOfAValidCsv() throws Exception {
        SplittableRandom rng = new SplittableRandom(SEED);
        for (int k = 0; k < 2000; k++) {
            StringBuilder s = new StringBuilder(VALID);
            int n = 1 + rng.nextInt(4);
            for (int j = 0; j < n; j++) {
                mutate(s, rng);
            }
            check("mutation " + k, s.toString().getBytes(StandardCharsets.UTF_8), k);
        }
    }

    @Test
    void randomBytes() throws Exception {
        SplittableRandom rng = new SplittableRandom(SEED + 1);
        for (int k = 0; k < 1000; k++) {
            byte[] b = new byte[rng.nextInt(200)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) rng.nextInt(256);
            }
            if (k % 2 == 0 && b.length > 2) {
                b[0] = 'x'; // a header that names the input, so more cases reach the rows
                b[1] = '\n';
            }
            check("random bytes " + k, b, k);
        }
    }

    @Test
    void randomStringsOverTheCsvAlphabet() throws Exception {
        SplittableRandom rng = new SplittableRandom(SEED + 2);
        String alphabet = "x,\"\n\r 0123456789.eE+-NaIfinty\t";
        for (int k = 0; k < 1000; k++) {
            StringBuilder s = new StringBuilder(k % 2 == 0 ? "x\n" : "");
            int n = rng.nextInt(60);
            for (int i = 0; i < n; i++) {
                s.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            check("random CSV text " + k, s.toString().getBytes(StandardCharsets.UTF_8), k);
        }
    }

    private static void mutate(StringBuilder s, SplittableRandom rng) {
        int at = s.length() == 0 ? 0 : rng.nextInt(s.length() + 1);
        int op = rng.nextInt(8);
        if (s.length() == 0 && op < 3) {
            op = 3;
        }
        int i = Math.min(at, s.length() - 1);
        switch (op) {
            case 0 -> s.deleteCharAt(i);
            case 1 -> s.insert(i, s.charAt(i));
            case 2 -> s.setCharAt(i, (char) (rng.nextBoolean() ? rng.nextInt(32, 127) : rng.nextInt(0, 0xD800)));
            case 3 -> s.insert(at, TOKENS[rng.nextInt(TOKENS.length)]);
            case 4 -> s.insert(at, Double.toString(Double.longBitsToDouble(rng.nextLong())));
            case 5 -> s.setLength(at);
            case 6 -> {
                String[] lines = s.toString().split("\n", -1);
                int a = rng.nextInt(lines.length);
                int b = rng.nextInt(lines.length);
                String t = lines[a];
                lines[a] = lines[b];
                lines[b] = rng.nextBoolean() ? t : t + "\n" + t;
                s.setLength(0);
                s.append(String.join("\n", lines));
            }
            default -> s.insert(0, "\uFEFF");
        }
    }

    private static void check(String name, byte[] content, int k) throws Exception {
        Path file = d.resolve("fuzz.csv");
        Files.write(file, content);
        Future<Object> f = guard.submit(() -> {
            try {
                return read.invoke(null, file, List.of("x"));
            } catch (InvocationTargetException e) {
                return e.getCause();
            }
        });
        Object result;
        try {
            result = f.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(name + ": the reader did not return within 10 s on " + preview(content));
        }
        if (result instanceof IllegalArgumentException iae) {
            String m = iae.getMessage();
            assertTrue(
                    m != null && (m.startsWith("input CSV " + file) && m.contains("expected")),
                    name + ": unclear message: " + m);
            rejected++;
        } else if (result instanceof Throwable t) {
            throw new AssertionError(name + ": undocumented " + t + " on " + preview(content), t);
        } else {
            checkTable(name, result);
            accepted++;
        }
        if (k % 25 == 0) {
            checkCli(name, file, result instanceof Throwable);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkTable(String name, Object table) throws Exception {
        List<String> head = (List<String>) header.invoke(table);
        List<String[]> cells = (List<String[]>) rows.invoke(table);
        double[][] pts = (double[][]) points.invoke(table);
        int col = head.indexOf("x");
        assertTrue(col >= 0, name);
        assertEquals(1, pts.length, name);
        assertEquals(cells.size(), pts[0].length, name);
        for (int r = 0; r < cells.size(); r++) {
            assertTrue(Double.isFinite(pts[0][r]), name);
            // exact: the reader must take the cell's own value
            assertEquals(Double.parseDouble(cells.get(r)[col]), pts[0][r], 0.0, name);
        }
    }

    private static void checkCli(String name, Path input, boolean rejectedByReader) throws Exception {
        Path output = d.resolve("pred.csv");
        Files.deleteIfExists(output);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PinnCli.execute(
                new String[] {
                    "predict", "--model", model.toString(), "--input", input.toString(), "--output", output.toString()
                },
                new PrintWriter(out),
                new PrintWriter(err));
        cliRuns++;
        String all = name + ": exit " + code + "\n" + out + err;
        if (rejectedByReader) {
            assertEquals(PinnCli.BAD_INPUT, code, all);
            assertEquals(1, err.toString().lines().count(), all);
            return;
        }
        assertEquals(PinnCli.OK, code, all);
        // the predicted column (the last: u, or u_pred if the input had a u) equals the model's prediction at the
        // x values read back from the written file
        @SuppressWarnings("unchecked")
        List<String> head = (List<String>) header.invoke(read.invoke(null, output, List.of("x")));
        Object table = read.invoke(null, output, List.of("x", head.get(head.size() - 1)));
        double[][] pts = (double[][]) points.invoke(table);
        double[][] expected = loaded.predict(new double[][] {pts[0]});
        for (int p = 0; p < pts[0].length; p++) {
            // exact: Double.toString round-trips, and prediction is deterministic
            assertEquals(expected[0][p], pts[1][p], 0.0, all);
        }
    }

    private static String preview(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return "'"
                + (s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s)
                        .replace("\n", "\\n")
                        .replace("\r", "\\r")
                + "'";
    }

    @Test
    void aHundredThousandDigitCellIsRejectedNotHung() throws Exception {
        // regression: the number pattern once backtracked quadratically (minutes for this cell)
        byte[] b = ("x\n" + "9".repeat(100_000) + "x\n").getBytes(StandardCharsets.UTF_8);
        int before = rejected;
        check("long cell", b, 1);
        assertEquals(before + 1, rejected);
    }
}
