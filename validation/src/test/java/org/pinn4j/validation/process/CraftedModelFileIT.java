package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted model files, signed again so that the checksum passes (it detects damage, not deliberate edits),
 * are refused by {@code pinn predict} (a real process) in one line that names the file and the field,
 * exit 2: an infinite weight, an input box of [-1e308, 1e308] (which mapped every input to -1), an empty box,
 * widths whose parameter count overflows an int, a non-finite coefficient.
 */
class CraftedModelFileIT {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @TempDir
    static Path d;

    static Path model;
    static Path points;

    @BeforeAll
    static void setUp() throws Exception {
        model = PinnProcess.quickModel(d, "poisson-1d", "run");
        points = d.resolve("points.csv");
        Files.writeString(points, "x\n0.5\n");
        assertEquals(0, predict(model).code());
    }

    @Test
    void infiniteWeight() throws Exception {
        // 1E+999 is valid JSON and reads as an infinite double
        assertRefused(
                craft("inf.json", o -> ((ArrayNode) o.get("parameters")).set(3, F.numberNode(new BigDecimal("1e999")))),
                "field 'parameters' has Infinity at index 3; expected a finite number");
    }

    @Test
    void hugeOrEmptyInputBox() throws Exception {
        assertRefused(
                craft("huge-box.json", o -> {
                    ((ArrayNode) o.get("lower")).set(0, F.numberNode(-1e308));
                    ((ArrayNode) o.get("upper")).set(0, F.numberNode(1e308));
                }),
                "fields 'lower' and 'upper' give input 'x' the box [-1.0E308, 1.0E308]; expected lower < upper");
        assertRefused(
                craft(
                        "empty-box.json",
                        o -> ((ArrayNode) o.get("upper")).set(0, o.get("lower").get(0))),
                "fields 'lower' and 'upper' give input 'x' the box [-1.0, -1.0]; expected lower < upper");
    }

    @Test
    void widthsWhoseParameterCountOverflows() throws Exception {
        assertRefused(
                craft("wide.json", o -> {
                    ObjectNode net = (ObjectNode) o.get("network");
                    ArrayNode w = net.putArray("widths");
                    w.add(1).add(70000).add(70000).add(1);
                    ArrayNode a = net.putArray("activations");
                    a.add("tanh").add("tanh");
                }),
                "field 'network.widths' [1, 70000, 70000, 1] needs more parameters than an array can hold");
    }

    @Test
    void nonFiniteCoefficient() throws Exception {
        assertRefused(
                craft("coef.json", o -> ((ObjectNode) o.get("coefficients")).put("k", new BigDecimal("-1e999"))),
                "field 'coefficients' has -Infinity for 'k'; expected a finite number");
    }

    private static Path craft(String name, Consumer<ObjectNode> edit) throws Exception {
        return ModelFiles.resigned(model, d.resolve(name), edit);
    }

    private static PinnProcess.Result predict(Path file) throws Exception {
        return PinnProcess.run(d, "predict", "--model", file.toString(), "--input", points.toString());
    }

    private static void assertRefused(Path file, String expected) throws Exception {
        PinnProcess.Result r = predict(file);
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(r.err().startsWith("pinn predict: model file " + file + ": "), r.toString());
        assertTrue(r.err().contains(expected), r.toString());
    }
}
