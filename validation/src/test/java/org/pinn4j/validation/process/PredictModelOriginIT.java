package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.validation.reference.References;

/**
 * {@code pinn predict} (a real process) and the origin of a model with an output transform: a catalogue
 * model, which records its entry and version, predicts through that entry's transform; a user's own model
 * that merely shares the catalogue name {@code heat-1d} (its transform is u = 100 + N) is refused in one
 * line, exit 2, where it used to get the catalogue's transform and u near 1 instead of near 100; so are
 * a model from another entry version and one naming an entry this pinn4j does not have.
 */
class PredictModelOriginIT {
    @TempDir
    static Path d;

    static Path catalogueModel;
    static Path userModel;
    static Problem userProblem;
    static Path points;

    @BeforeAll
    static void setUp() throws Exception {
        catalogueModel = PinnProcess.quickModel(d, "heat-1d", "cat");

        userProblem = Problem.builder("heat-1d")
                .inputs("x", "t")
                .outputs("u")
                .domain(new Box(new double[] {0, 0}, new double[] {1, 1}))
                .outputTransform((s, o, n) -> n.plus(100))
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x"));
                        })
                        .withPoints(16))
                .build();
        PinnModel user = Trainer.train(userProblem, Recipe.of(NetworkConfig.mlp(2, 6), Phase.adam(3, 1e-3)))
                .model();
        userModel = d.resolve("user.json");
        ModelFile.save(user, userModel);

        points = d.resolve("points.csv");
        Files.writeString(points, "x,t\n0.25,0.5\n0.5,1\n");
    }

    @Test
    void catalogueModelRecordsItsEntryAndPredictsThroughItsTransform() throws Exception {
        ModelFile.Header h = ModelFile.header(catalogueModel);
        assertTrue(h.outputTransform());
        assertEquals(new ModelFile.CatalogueEntry("heat-1d", 1), h.catalogue().orElseThrow());

        PinnProcess.Result r =
                PinnProcess.run(d, "predict", "--model", catalogueModel.toString(), "--input", points.toString());
        assertEquals(0, r.code(), r.toString());
        BenchmarkProblem entry = Catalogue.get("heat-1d");
        PinnModel m = ModelFile.load(catalogueModel, entry.problem(References.contextFor(entry, 0L, 0.0, true)));
        double[][] u =
                m.predict(org.pinn4j.core.sampling.PointSet.rows(new double[] {0.25, 0.5}, new double[] {0.5, 1}));
        // Double.toString round-trips, so the printed predictions are the model's own bits
        assertEquals(
                List.of("x,t,u", "0.25,0.5," + u[0][0], "0.5,1," + u[0][1]),
                r.out().lines().toList());
    }

    @Test
    void userModelSharingACatalogueNameIsRefusedNotGivenTheCatalogueTransform() throws Exception {
        // the model itself predicts about 100 (the network's output is small after 3 steps)
        double u = ModelFile.load(userModel, userProblem).predict(new double[][] {{0.25}, {0.5}})[0][0];
        assertEquals(100, u, 5);

        PinnProcess.Result r =
                PinnProcess.run(d, "predict", "--model", userModel.toString(), "--input", points.toString());
        assertRefused(r, "records no catalogue entry that made it");
    }

    @Test
    void anotherEntryVersionOrAnUnknownEntryIsRefused() throws Exception {
        Path other = resigned(catalogueModel, "other-version.json", "heat-1d", 99);
        assertRefused(
                PinnProcess.run(d, "predict", "--model", other.toString(), "--input", points.toString()),
                "by catalogue entry 'heat-1d' version 99; this pinn4j has version 1");
        Path unknown = resigned(catalogueModel, "unknown.json", "no-such-entry", 1);
        assertRefused(
                PinnProcess.run(d, "predict", "--model", unknown.toString(), "--input", points.toString()),
                "by catalogue entry 'no-such-entry', which this pinn4j does not have");
    }

    private static void assertRefused(PinnProcess.Result r, String expected) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(r.err().startsWith("pinn predict: model file "), r.toString());
        assertTrue(r.err().contains(expected), r.toString());
    }

    /** A copy of {@code from} whose catalogue record is changed and whose checksum is recomputed. */
    private static Path resigned(Path from, String name, String entry, int version) throws Exception {
        return ModelFiles.resigned(from, d.resolve(name), o -> {
            ObjectNode c = (ObjectNode) o.get("catalogue");
            c.put("entry", entry);
            c.put("version", version);
        });
    }
}
