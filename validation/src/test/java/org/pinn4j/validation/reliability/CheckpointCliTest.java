package org.pinn4j.validation.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.StepReport;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.catalogue.Poisson1d;
import org.pinn4j.validation.cli.PinnCli;
import org.pinn4j.validation.runner.RunCheckpoint;

/**
 * Bad checkpoints and checkpoint options on the command line: each row is the arguments ({@code $D} = a
 * scratch directory holding the run directories below) and words the single stderr line must contain.
 * Every row exits with {@link PinnCli#BAD_INPUT}, prints nothing on stdout and one line on stderr without
 * a stack trace, and creates no directory it was not asked to resume. (The successful resume is proven
 * with killed processes in {@link KillResumeTest}.)
 */
class CheckpointCliTest {
    @TempDir
    static Path d;

    private static final Poisson1d POISSON = new Poisson1d();

    @BeforeAll
    static void checkpoints() throws Exception {
        // the checkpoint `pinn run poisson-1d --quick --checkpoint-every 10` would write, stopped at step 25
        Path api = d.resolve("api");
        checkpoint(POISSON.problem(ProblemContext.defaults()), api);
        String json = Files.readString(api.resolve(RunCheckpoint.CHECKPOINT_FILE));

        dir("truncated", json.substring(0, json.length() / 2));
        int at = json.indexOf("\"parameters\":\"") + 20;
        char c = json.charAt(at);
        dir("corrupted", json.substring(0, at) + (c == 'A' ? 'B' : 'A') + json.substring(at + 1));
        dir("version-1", json.replace("\"formatVersion\":2", "\"formatVersion\":1"));
        dir("version-3", json.replace("\"formatVersion\":2", "\"formatVersion\":3"));
        dir("not-checkpoint", "{\"hello\": 1}");
        Files.createDirectories(d.resolve("empty"));
        Files.writeString(d.resolve("file.txt"), "not a directory\n");

        dir("quick-run", json);
        sidecar(
                "quick-run",
                "{\"problem\":\"poisson-1d\",\"budget\":\"quick\",\"noise\":0.0,\"seed\":0,\"checkpointEvery\":10}");
        dir("damaged-sidecar", json);
        sidecar("damaged-sidecar", "{\"problem\":\"poisson-1d\",\"bud");
        dir("sidecar-fields", json);
        sidecar(
                "sidecar-fields",
                "{\"problem\":\"poisson-1d\",\"budget\":\"slow\",\"noise\":0.0,\"seed\":0,\"checkpointEvery\":10}");

        // crafted, with a valid checksum: the checksum detects damage, not tampering, so every field is checked
        crafted("bad-base64", json, n -> n.put("parameters", "!!!not base64!!!"));
        crafted("odd-bytes", json, n -> n.put("parameters", "AAAA"));
        crafted("empty-weights", json, n -> n.put("parameters", ""));
        crafted("phase-7", json, n -> n.put("phase", 7));
        crafted("negative-step", json, n -> n.put("step", -5));
        crafted("huge-widths", json, n -> {
            com.fasterxml.jackson.databind.node.ArrayNode hidden =
                    ((ObjectNode) n.path("recipe").path("network")).putArray("hidden");
            hidden.add(1_000_000).add(1_000_000).add(1_000_000);
        });

        // same network, points and recipe, but another problem's name
        Problem other = Problem.builder("other")
                .inputs("x")
                .outputs("u")
                .domain(new Interval(-1, 1))
                .condition(Conditions.pde("pde", s -> s.output("u").d("x", "x")).withPoints(128))
                .condition(Conditions.dirichlet("bc", org.pinn4j.core.problem.Region.boundary(), "u", p -> 0.0)
                        .withPoints(2))
                .build();
        checkpoint(other, d.resolve("other-problem"));
    }

    private static void checkpoint(Problem problem, Path dir) {
        Recipe recipe = POISSON.recipe(true);
        TrainingListener stop = new TrainingListener() {
            @Override
            public boolean onStep(StepReport r) {
                return r.step() < 25;
            }
        };
        new Trainer(problem, recipe, stop)
                .checkpointEvery(10, new CheckpointFile(dir.resolve(RunCheckpoint.CHECKPOINT_FILE)))
                .train();
    }

    private static void dir(String name, String checkpoint) throws Exception {
        Files.createDirectories(d.resolve(name));
        Files.writeString(d.resolve(name).resolve(RunCheckpoint.CHECKPOINT_FILE), checkpoint);
    }

    /** A copy of {@code json} changed by {@code edit} and signed again as {@link CheckpointFile} signs. */
    private static void crafted(String name, String json, java.util.function.Consumer<ObjectNode> edit)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode n = (ObjectNode) mapper.readTree(json);
        n.remove("checksum");
        edit.accept(n);
        byte[] canonical = mapper.writeValueAsBytes(n);
        n.put(
                "checksum",
                java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(canonical)));
        dir(name, mapper.writeValueAsString(n));
    }

    private static void sidecar(String name, String json) throws Exception {
        Files.writeString(d.resolve(name).resolve(RunCheckpoint.RUN_FILE), json);
    }

    static Stream<Arguments> cases() {
        String run = "run poisson-1d --quick --out $D/out --resume ";
        return Stream.of(
                row(
                        "run poisson-1d --quick --resume $D/none",
                        "pinn run: resume directory $D/none does not exist",
                        "expected the directory of a run started with --checkpoint-every N"),
                row(run + "$D/file.txt", "resume directory $D/file.txt is a file", "expected the directory of a run"),
                row(
                        run + "$D/empty",
                        "resume directory $D/empty has no checkpoint.json",
                        "reached its first checkpoint"),
                row(run + "$D/truncated", "checkpoint $D/truncated/checkpoint.json is truncated or not valid JSON"),
                row(run + "$D/corrupted", "checkpoint $D/corrupted/checkpoint.json is corrupted: checksum mismatch"),
                row(
                        run + "$D/version-1",
                        "checkpoint $D/version-1/checkpoint.json has format version 1, written by an earlier pinn4j; "
                                + "this version reads format version 2 only, so that run cannot be resumed: start it again"),
                row(run + "$D/version-3", "checkpoint $D/version-3/checkpoint.json has format version 3; expected 2"),
                row(run + "$D/not-checkpoint", "$D/not-checkpoint/checkpoint.json is not a pinn4j checkpoint"),
                row(
                        run + "$D/api --seed 5",
                        "checkpoint $D/api/checkpoint.json was made with another recipe: seed: 0 vs 5 (the checkpoint's"
                                + " vs this run's); resume with the recipe it was made with (only the thread count may"
                                + " differ)"),
                row(
                        "run poisson-1d --out $D/out --resume $D/api",
                        "checkpoint $D/api/checkpoint.json was made with another recipe: phase 1 steps: 500 vs 1000"),
                row(run + "$D/other-problem", "was made for problem 'other'", "this run is 'poisson-1d'"),
                row(
                        "run poisson-1d --out $D/out --resume $D/quick-run",
                        "checkpoint $D/quick-run/checkpoint.json was made for 'poisson-1d' (recipe quick, seed 0, noise 0.0); "
                                + "this run is 'poisson-1d' (recipe default, seed 0, noise 0.0); resume with the same problem and options"),
                row(
                        run + "$D/quick-run --seed 3",
                        "(recipe quick, seed 0, noise 0.0); this run is 'poisson-1d' (recipe quick, seed 3, noise 0.0)"),
                row(run + "$D/damaged-sidecar", "$D/damaged-sidecar/checkpoint-run.json is damaged (not valid JSON)"),
                row(
                        run + "$D/sidecar-fields",
                        "$D/sidecar-fields/checkpoint-run.json is damaged",
                        "fields problem, recipe, noise, seed, checkpointEvery expected"),
                row(
                        "run poisson-1d --quick --out $D/out --checkpoint-every 0",
                        "--checkpoint-every must be a whole number >= 1; got 0"),
                row(
                        "run poisson-1d --quick --out $D/out --checkpoint-every -3",
                        "--checkpoint-every must be a whole number >= 1; got -3"),
                row(
                        "run poisson-1d --quick --out $D/out --checkpoint-every often",
                        "--checkpoint-every",
                        "'often' is not a whole number"),
                row("run poisson-1d --quick --resume", "Missing required parameter for option '--resume' (DIR)"),
                row("run nosuch --resume $D/api", "unknown problem 'nosuch'"),
                row(
                        run + "$D/bad-base64",
                        "checkpoint $D/bad-base64/checkpoint.json",
                        "field 'parameters' is not base64 (Illegal base64 character 21)"),
                row(
                        run + "$D/odd-bytes",
                        "checkpoint $D/odd-bytes/checkpoint.json",
                        "field 'parameters' holds 3 bytes, not a whole number of 8-byte doubles"),
                row(
                        run + "$D/empty-weights",
                        "checkpoint $D/empty-weights/checkpoint.json",
                        // poisson-1d's quick network 1 -> 20 -> 20 -> 1: 40 + 420 + 21 parameters
                        "field 'parameters' has 0 values; the network has 481 parameters"),
                row(
                        run + "$D/phase-7",
                        "checkpoint $D/phase-7/checkpoint.json",
                        "field 'phase' is 7; the recipe has 2 phases, numbered 0 to 1"),
                row(
                        run + "$D/negative-step",
                        "checkpoint $D/negative-step/checkpoint.json",
                        "field 'step' is -5; expected a step >= 0"),
                row(
                        run + "$D/huge-widths",
                        "checkpoint $D/huge-widths/checkpoint.json",
                        "was made with another recipe: network: [1000000, 1000000, 1000000] tanh xavier-normal vs"));
    }

    private static Arguments row(String args, String... words) {
        return Arguments.of(args, List.of(words));
    }

    @ParameterizedTest(name = "pinn {0}")
    @MethodSource("cases")
    void badCheckpointGivesOneClearLine(String args, List<String> words) {
        String[] argv = args.replace("$D", d.toString()).split(" ");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PinnCli.execute(argv, new PrintWriter(out), new PrintWriter(err));
        String all = "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        assertEquals(PinnCli.BAD_INPUT, code, all);
        assertEquals("", out.toString(), all);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), all);
        for (String w : words) {
            assertTrue(lines.get(0).contains(w.replace("$D", d.toString())), "'" + w + "' missing in: " + lines.get(0));
        }
        assertFalse(lines.get(0).contains("Exception"), lines.get(0));
        assertFalse(Files.exists(d.resolve("none")), "a failed resume created its directory");
        assertFalse(Files.exists(d.resolve("out")), "a refused run left its --out directory behind");
    }
}
