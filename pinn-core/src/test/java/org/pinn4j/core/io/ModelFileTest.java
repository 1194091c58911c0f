package org.pinn4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Box;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;

class ModelFileTest {
    static Problem problem;
    static Problem transformed;
    static PinnModel model;
    static PinnModel transformedModel;
    static final double[][] POINTS = {{-0.9, -0.1, 0.3, 0.77}, {0.0, 0.25, 0.5, 1.0}};

    static Problem.Builder base(String name) {
        return Problem.builder(name)
                .inputs("x", "t")
                .outputs("u")
                .domain(new Box(new double[] {-1, 0}, new double[] {1, 1}))
                .coefficient("k", 0.5)
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x").times(s.coefficient("k")));
                        })
                        .withPoints(32));
    }

    @BeforeAll
    static void train() {
        problem = base("heat").build();
        Recipe recipe = Recipe.of(NetworkConfig.mlp(2, 8).fourierFeatures(3, 1.0), Phase.adam(5, 1e-2))
                .withSeed(9);
        model = Trainer.train(problem, recipe).model();
        transformed = base("heat-hard")
                .outputTransform((s, o, n) -> s.input("t").times(n).plus(1))
                .build();
        transformedModel = Trainer.train(transformed, recipe).model();
    }

    @Test
    void roundTripPredictsBitForBitAndKeepsCoefficients(@TempDir Path dir) {
        Path f = dir.resolve("model.json");
        ModelFile.save(model, f);
        PinnModel loaded = ModelFile.load(f);
        assertArrayEquals(model.parameters(), loaded.parameters(), 0.0);
        assertEquals(model.coefficients(), loaded.coefficients());
        double[][] a = model.predict(POINTS);
        double[][] b = loaded.predict(POINTS);
        assertArrayEquals(a[0], b[0], 0.0, "predictions must be identical after a round trip");
    }

    @Test
    void periodicInputsRoundTripAndRepeatInX(@TempDir Path dir) {
        Recipe recipe = Recipe.of(NetworkConfig.mlp(2, 8).periodic("x", 2.0, 2), Phase.adam(5, 1e-2))
                .withSeed(3);
        PinnModel periodic = Trainer.train(problem, recipe).model();
        assertEquals(5, periodic.spec().firstLayerInputs(), "cos and sin of two harmonics of x, then t");
        Path f = dir.resolve("model.json");
        ModelFile.save(periodic, f);
        PinnModel loaded = ModelFile.load(f);
        assertArrayEquals(periodic.predict(POINTS)[0], loaded.predict(POINTS)[0], 0.0);
        double[][] shifted = {new double[4], POINTS[1]};
        for (int p = 0; p < 4; p++) {
            shifted[0][p] = POINTS[0][p] + 2.0;
        }
        // sin/cos arguments differ by 2 pi k up to the rounding of x + 2 (~4e-16): the outputs agree to ~1e-14
        assertArrayEquals(loaded.predict(POINTS)[0], loaded.predict(shifted)[0], 1e-13);
        Recipe back = RecipeJson.read(RecipeJson.write(recipe), 1);
        assertEquals(recipe.network().inputMaps(), back.network().inputMaps());
        assertEquals(recipe.network().toString(), back.network().toString());
    }

    /** A polar map and sines of t: recorded in the model file and the recipe, predictions bit for bit. */
    @Test
    void polarAndSineMapsRoundTrip(@TempDir Path dir) {
        Problem polar = Problem.builder("polar")
                .inputs("r", "theta", "t")
                .outputs("u")
                .domain(new Box(new double[] {0.5, 0, 0}, new double[] {1, 2 * Math.PI, 1}))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("theta", "theta"));
                        })
                        .withPoints(16))
                .build();
        Recipe recipe = Recipe.of(
                        NetworkConfig.mlp(1, 6)
                                .inputMap(new NetworkConfig.Polar("r", "theta"))
                                .inputMap(new NetworkConfig.Sines("t", 2, Math.PI)),
                        Phase.adam(3, 1e-2))
                .withSeed(4);
        PinnModel m = Trainer.train(polar, recipe).model();
        assertEquals(4, m.spec().firstLayerInputs(), "r cos theta, r sin theta, sin(pi t), sin(2 pi t)");
        Path f = dir.resolve("model.json");
        ModelFile.save(m, f);
        PinnModel loaded = ModelFile.load(f);
        double[][] pts = {{0.6, 0.9}, {1.0, 5.0}, {0.2, 0.7}};
        assertArrayEquals(m.predict(pts)[0], loaded.predict(pts)[0], 0.0);
        Recipe back = RecipeJson.read(RecipeJson.write(recipe), 1);
        assertEquals(recipe.network().inputMaps(), back.network().inputMaps());
    }

    @Test
    void periodicInputMustBeAnInputOfTheProblem() {
        Recipe recipe = Recipe.of(NetworkConfig.mlp(1, 4).periodic("y", 1.0, 1), Phase.adam(1, 1e-2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(problem, recipe));
        assertTrue(e.getMessage().contains("'y' is not one of the problem's inputs [x, t]"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> NetworkConfig.mlp(1, 4).periodic("x", 1.0, 1).inputMap(new NetworkConfig.Polar("t", "x")));
        assertThrows(
                IllegalArgumentException.class,
                () -> NetworkConfig.mlp(1, 4).periodic("x", 1.0, 1).periodic("x", 2.0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> NetworkConfig.mlp(1, 4).fourierFeatures(2, 1.0).periodic("x", 1.0, 1));
    }

    @Test
    void savingTwiceGivesIdenticalBytes(@TempDir Path dir) throws Exception {
        ModelFile.save(model, dir.resolve("a.json"));
        ModelFile.save(ModelFile.load(dir.resolve("a.json"), problem), dir.resolve("b.json"));
        String a = Files.readString(dir.resolve("a.json"));
        String b = Files.readString(dir.resolve("b.json"));
        // provenance of a loaded model has no recipe, so compare everything before the provenance block
        assertEquals(a.substring(0, a.indexOf("\"provenance\"")), b.substring(0, b.indexOf("\"provenance\"")));
    }

    @Test
    void transformedModelNeedsItsProblem(@TempDir Path dir) {
        Path f = dir.resolve("model.json");
        ModelFile.save(transformedModel, f);
        ModelFile.ModelFileException e = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("output transform"), e.getMessage());
        PinnModel loaded = ModelFile.load(f, transformed);
        assertArrayEquals(transformedModel.predict(POINTS)[0], loaded.predict(POINTS)[0], 0.0);
    }

    @Test
    void badFilesGiveOneClearLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("model.json");
        ModelFile.save(model, f);
        String good = Files.readString(f);

        Files.writeString(dir.resolve("truncated.json"), good.substring(0, good.length() / 2));
        assertMessage(dir.resolve("truncated.json"), "is truncated or not valid JSON");

        Files.writeString(
                dir.resolve("edited.json"), good.replaceFirst("\"parameters\" : \\[ ", "\"parameters\" : [ 1.0, "));
        assertMessage(dir.resolve("edited.json"), "is corrupted: checksum mismatch");

        Files.writeString(dir.resolve("future.json"), good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"));
        assertMessage(dir.resolve("future.json"), "has format version 7; this pinn4j");

        Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
        assertMessage(dir.resolve("other.json"), "is not a pinn4j model file");

        Files.write(dir.resolve("empty.json"), new byte[0]);
        assertMessage(dir.resolve("empty.json"), "is empty");

        assertMessage(dir, "is a directory");
        assertMessage(dir.resolve("missing.json"), "does not exist");
        assertTrue(good.getBytes(StandardCharsets.UTF_8).length > 0);
    }

    private static void assertMessage(Path f, String expected) {
        ModelFile.ModelFileException e = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains(expected), "message for " + f.getFileName() + ": " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
