package org.pinn4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.TestProblems;

/** {@code pinn run --init-from FILE}: training continues from a saved model; another shape is one line, exit 2. */
class InitFromCliTest {
    @TempDir
    Path tmp;

    final BenchmarkProblem small = TestProblems.cheapPoisson("poisson-small", 20); // 2 x 20
    final BenchmarkProblem narrow = TestProblems.cheapPoissonQuasiNewton("poisson-narrow", 20, 5); // 2 x 10

    @Test
    void aRunContinuesFromTheSavedModel() throws java.io.IOException {
        Path first = tmp.resolve("first");
        Cli.Outcome o = Cli.runWith(List.of(small), "run", "poisson-small", "--out", first.toString());
        assertEquals(0, o.code(), o.toString());
        Path second = tmp.resolve("second");
        o = Cli.runWith(
                List.of(small),
                "run",
                "poisson-small",
                "--init-from",
                first.resolve("model.json").toString(),
                "--out",
                second.toString());
        assertEquals(0, o.code(), o.toString());
        PinnModel a = ModelFile.load(first.resolve("model.json"));
        PinnModel b = ModelFile.load(second.resolve("model.json"));
        // 20 more Adam steps from the first model's parameters: the recipe records the start by its fingerprint
        assertTrue(b.recipe().startFingerprint().isPresent(), b.recipe().toString());
        assertEquals(a.recipe().startFingerprint(), java.util.Optional.empty());
        String history = Files.readString(second.resolve("history.csv"));
        String firstHistory = Files.readString(first.resolve("history.csv"));
        assertTrue(firstLoss(history) < firstLoss(firstHistory), "starts from the trained model's lower loss");
    }

    @Test
    void aModelOfAnotherNetworkOrAMissingFileIsOneLine() {
        Path first = tmp.resolve("first");
        assertEquals(
                0,
                Cli.runWith(List.of(small), "run", "poisson-small", "--out", first.toString())
                        .code());
        Cli.Outcome o = Cli.runWith(
                List.of(small, narrow),
                "run",
                "poisson-narrow",
                "--init-from",
                first.resolve("model.json").toString(),
                "--out",
                tmp.resolve("x").toString());
        assertEquals(2, o.code(), o.toString());
        // the "training ..." line, then the refusal naming the file and both networks
        String refusal = o.errLines().get(o.errLines().size() - 1);
        assertEquals(
                1, o.errLines().stream().filter(l -> l.startsWith("pinn run:")).count(), o.toString());
        assertTrue(refusal.contains("--init-from " + first.resolve("model.json")), o.toString());
        assertTrue(
                refusal.contains("is not the recipe's network") && refusal.contains("MLP[1, 10, 10, 1]"), o.toString());

        o = Cli.runWith(
                List.of(small),
                "run",
                "poisson-small",
                "--init-from",
                tmp.resolve("none.json").toString(),
                "--out",
                tmp.resolve("y").toString());
        assertEquals(2, o.code(), o.toString());
        assertEquals(1, o.errLines().size(), o.toString());
        assertTrue(o.err().contains("none.json"), o.toString());
        assertTrue(Files.notExists(tmp.resolve("y")), "a refused file creates nothing");
    }

    /** The total loss of the first row of a history.csv. */
    static double firstLoss(String csv) {
        String[] lines = csv.split("\\R");
        List<String> header = List.of(lines[0].split(","));
        return Double.parseDouble(lines[1].split(",")[header.indexOf("total")]);
    }
}
