package org.pinn4j.validation.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.problems.ProblemContext;

/** The run settings (width, depth, points, lr, steps) change exactly what they name, and bad values are refused. */
class RunSettingsTest {
    @TempDir
    Path tmp;

    private static RunSettings settings(Map<String, Double> values) {
        return RunSettings.of(values);
    }

    @Test
    void networkAndPhasesChangeAsNamedTheRestIsKept() {
        BenchmarkProblem burgers = Catalogue.get("burgers");
        Recipe base = burgers.recipe(false);
        Recipe changed = settings(Map.of("width", 16.0, "depth", 3.0, "lr", 1e-3, "steps", 700.0))
                .applyTo("burgers", base);
        assertArrayEquals(new int[] {16, 16, 16}, changed.network().hiddenWidths());
        assertEquals(base.network().activation(), changed.network().activation());
        assertEquals(
                base.phases().get(0).withLearningRate(1e-3), changed.phases().get(0));
        assertEquals(Phase.adam(2000, 1e-3), changed.phases().get(0));
        assertEquals(700, changed.phases().get(1).length());
        assertEquals(base.phases().get(1).withLength(700), changed.phases().get(1), "restarts and method kept");
        assertEquals(base.seed(), changed.seed());

        // one of width and depth keeps the other from the recipe
        assertArrayEquals(
                new int[] {20, 20},
                settings(Map.of("depth", 2.0))
                        .applyTo("burgers", base)
                        .network()
                        .hiddenWidths());
        assertArrayEquals(
                new int[] {9, 9, 9, 9},
                settings(Map.of("width", 9.0))
                        .applyTo("burgers", base)
                        .network()
                        .hiddenWidths());
        assertEquals(
                base, settings(Map.of("nu", 0.01)).applyTo("burgers", base), "a problem parameter is not a setting");
    }

    @Test
    void pointsSetTheResidualConditionOnly() {
        BenchmarkProblem kdv = Catalogue.get("kdv");
        Problem problem = kdv.problem(ProblemContext.defaults());
        Problem changed = settings(Map.of("points", 1234.0)).applyTo(kdv, problem);
        List<Condition> before = problem.conditions();
        List<Condition> after = changed.conditions();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            int want = before.get(i).name().equals("pde") ? 1234 : before.get(i).points();
            assertEquals(want, after.get(i).points(), before.get(i).name());
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> settings(Map.of("points", 10.0))
                        .applyTo(
                                Catalogue.get("lorenz-inverse"),
                                Catalogue.get("lorenz-inverse")
                                        .problem(org.pinn4j.validation.reference.References.contextFor(
                                                Catalogue.get("lorenz-inverse"), 0L, 0.0, true))));
        assertTrue(e.getMessage().contains("no residual condition named 'pde'"), e.getMessage());
    }

    @Test
    void theSeedDrawsTheSamePointsWhateverTheNetworkAndPhases() {
        // a sweep compares configurations on the same collocation points (DeepXDE #680): the network's
        // initialisation draws from its own split of the seed's generator, so it does not move the points
        BenchmarkProblem kdv = Catalogue.get("kdv");
        Problem problem = kdv.problem(ProblemContext.defaults());
        Recipe base = kdv.recipe(true).withSeed(7);
        org.pinn4j.core.sampling.PointSet reference = new org.pinn4j.core.train.Trainer(problem, base).pointsOf("pde");
        for (Map<String, Double> s :
                List.of(Map.of("width", 40.0), Map.of("depth", 1.0, "width", 3.0), Map.of("lr", 0.1, "steps", 3.0))) {
            org.pinn4j.core.sampling.PointSet other =
                    new org.pinn4j.core.train.Trainer(problem, settings(s).applyTo("kdv", base)).pointsOf("pde");
            for (int k = 0; k < reference.dimension(); k++) {
                assertArrayEquals(reference.coordinate(k), other.coordinate(k), s.toString());
            }
        }
    }

    @Test
    void badValuesAreRefusedInOneLine() {
        for (Map<String, Double> bad : List.of(
                Map.of("width", 2.5),
                Map.of("width", 0.0),
                Map.of("depth", 65.0),
                Map.of("points", -3.0),
                Map.of("lr", 0.0),
                Map.of("steps", 1.5))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSettings.of(bad));
            String name = bad.keySet().iterator().next();
            assertTrue(e.getMessage().startsWith("--param " + name + " = "), e.getMessage());
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
        }
        Recipe startsQuasiNewton = Recipe.of(NetworkConfig.mlp(2, 8), Phase.lbfgs(10));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> settings(Map.of("lr", 1e-3)).applyTo("p", startsQuasiNewton));
        assertTrue(e.getMessage().startsWith("--param lr: the first phase of p's recipe"), e.getMessage());
    }

    @Test
    void problemParametersAndSettingsAreSplitByName() {
        Map<String, Double> given = new java.util.LinkedHashMap<>();
        given.put("nu", 0.01);
        given.put("width", 30.0);
        given.put("steps", 10.0);
        assertEquals(Map.of("nu", 0.01), RunSettings.problemParameters(given));
        assertEquals(Map.of("width", 30.0, "steps", 10.0), RunSettings.of(given).values());
        // one order whatever the order given (model.json records them in it, and a sweep's task on another JVM
        // must write pinn run's bytes)
        Map<String, Double> reversed = new java.util.LinkedHashMap<>();
        reversed.put("steps", 10.0);
        reversed.put("lr", 0.1);
        reversed.put("width", 30.0);
        assertEquals(
                List.of("width", "lr", "steps"),
                List.copyOf(RunSettings.of(reversed).values().keySet()));
        assertTrue(RunSettings.isSetting("lr"));
        assertTrue(!RunSettings.isSetting("nu"));
    }

    @Test
    void aRunTrainsWithTheSettingsAndItsModelFileRecordsThem() {
        Path dir = tmp.resolve("run");
        Map<String, Double> given = Map.of("width", 6.0, "depth", 1.0, "steps", 40.0, "lr", 1e-2, "points", 50.0);
        RunResult r = new Runner(RunArtifacts.none())
                .run(
                        TestProblems.cheapPoisson("poisson-cheap", 400),
                        RunOptions.defaults().withOut(dir).withParameters(given));
        assertEquals(40, r.steps(), "the last (here the only) phase's length");
        assertArrayEquals(new int[] {6}, r.recipe().network().hiddenWidths());
        assertEquals(Phase.adam(40, 1e-2), r.recipe().phases().get(0));
        ModelFile.Header header = ModelFile.header(dir.resolve(Runner.MODEL_FILE));
        assertEquals(given, header.catalogue().orElseThrow().settings());
        assertEquals(Map.of(), header.catalogue().orElseThrow().parameters());
        assertEquals(r.recipe(), ModelFile.load(dir.resolve(Runner.MODEL_FILE)).recipe());
    }
}
