package org.pinn4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.catalogue.Poisson1d;

/**
 * Bad input to the command line: each row is the arguments ({@code $D} = a scratch directory holding the
 * files below) and words the single stderr line must contain. Every row must exit with
 * {@link PinnCli#BAD_INPUT}, print nothing on stdout and exactly one line on stderr, without a stack trace.
 */
class BadInputTest {
    @TempDir
    static Path d;

    @BeforeAll
    static void files() throws Exception {
        // a valid model of poisson-1d (one training step is enough for file handling)
        Poisson1d p = new Poisson1d();
        ModelFile.save(
                new Trainer(
                                p.problem(ProblemContext.defaults()),
                                Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(1, 1e-3)))
                        .train()
                        .model(),
                d.resolve("model.json"));
        String json = Files.readString(d.resolve("model.json"));
        Files.writeString(d.resolve("truncated.json"), json.substring(0, json.length() / 2));
        int at = json.indexOf("\"parameters\"");
        int digit = at + json.substring(at).indexOf('.') + 1;
        char c = json.charAt(digit);
        Files.writeString(
                d.resolve("corrupted.json"),
                json.substring(0, digit) + (c == '9' ? '8' : (char) (c + 1)) + json.substring(digit + 1));
        Files.writeString(d.resolve("version.json"), json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        Files.writeString(d.resolve("other.json"), "{\"hello\": 1}\n");
        Files.createDirectories(d.resolve("adir"));
        Files.writeString(d.resolve("file.txt"), "not a directory\n");

        csv("good.csv", "x\n0.5\n");
        csv("missing-col.csv", "y,z\n0.1,0.2\n");
        csv("case.csv", "X\n0.1\n");
        csv("nan.csv", "id,x\na,0.1\nb,NaN\n");
        csv("inf.csv", "x\n-Infinity\n");
        csv("text.csv", "x\nabc\n");
        csv("nul.csv", "x\n0." + (char) 0 + "5\n");
        csv("empty.csv", "");
        csv("blank.csv", "\n\n");
        csv("header-only.csv", "x,label\n");
        csv("short-row.csv", "x,label\n0.1,a\n0.2\n");
        csv("empty-cell.csv", "x,label\n,a\n");
        csv("bad-quote.csv", "x,label\n0.1,\"open\n");
        csv("dup.csv", "x,x\n0.1,0.2\n");
        csv("blank-lines.csv", "x\n\n0.1\n\n1e-x\n");
        Files.write(d.resolve("latin1.csv"), "x,l\n0.1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void csv(String name, String text) throws Exception {
        Files.writeString(d.resolve(name), text);
    }

    static Stream<Arguments> cases() {
        String model = "--model=$D/model.json";
        return Stream.of(
                row("run nosuch", "pinn run: unknown problem 'nosuch'", "expected one of", "poisson-1d"),
                row("bench nosuch", "pinn bench: unknown problem 'nosuch'", "poisson-1d"),
                row("validate --problems poisson-1d,nosuch --out $D/v", "unknown problem 'nosuch'"),
                row(
                        "frobnicate",
                        "pinn: unknown command 'frobnicate'",
                        "expected one of list, run, predict, bench, validate"),
                row("", "pinn: missing command", "expected one of list, run, predict, bench, validate"),
                row(
                        "run poisson-1d --frobnicate",
                        "pinn run: unknown option '--frobnicate'",
                        "usage: pinn run <problem>"),
                row("list --verbose", "pinn list: unknown option '--verbose'", "usage: pinn list"),
                row("list extra", "pinn list: unexpected argument 'extra'"),
                row("run", "Missing required parameter: '<problem>'", "usage: pinn run <problem>"),
                row("run poisson-1d --seed abc", "--seed", "'abc' is not a whole number"),
                row("run poisson-1d --seed 1.5", "--seed", "'1.5' is not a whole number"),
                row("run poisson-1d --threads 0", "--threads must be a whole number >= 1; got 0"),
                row("run poisson-1d --threads -2", "--threads must be a whole number >= 1; got -2"),
                row("run burgers-inverse --noise -0.5", "--noise must be a finite number >= 0", "got -0.5"),
                row("run burgers-inverse --noise NaN", "--noise", "'NaN' is not finite"),
                row("run burgers-inverse --noise lots", "--noise", "'lots' is not a number"),
                row(
                        "run poisson-1d --noise 0.01",
                        "--noise: problem 'poisson-1d' has no data terms to add noise to; the problems with data are"
                                + " burgers-inverse, "),
                row(
                        "run poisson-1d --recipe fastest",
                        "pinn run: problem 'poisson-1d' has no recipe 'fastest'; its recipes are default, quick"),
                row(
                        "run poisson-1d --fresh --resume $D/v",
                        "pinn run: --fresh starts over and --resume continues; give one of them, not both"),
                row(
                        "run poisson-1d --quick --recipe default",
                        "pinn run: --quick means --recipe quick; give --recipe default or --quick, not both"),
                row("bench poisson-1d --steps 0", "--steps must be a whole number >= 1; got 0"),
                row("bench poisson-1d --points -5", "--points must be a whole number >= 1; got -5"),
                row("bench poisson-1d --points 0", "--points must be a whole number >= 1; got 0"),
                row("bench poisson-1d --threads 0", "--threads must be a whole number >= 1; got 0"),
                row("bench poisson-1d --steps many", "--steps", "'many' is not a whole number"),
                row("bench poisson-1d --depth 0", "--depth must be a whole number >= 1; got 0"),
                row(
                        "run poisson-1d --quick --out=",
                        "Invalid value for option '--out': an empty path; expected a file or directory name"),
                row("predict --model= --input=$D/good.csv", "'--model'", "an empty path"),
                row("validate --quick --problems , --out $D/v", "--problems has an empty name in ''"),
                row(
                        "validate --quick --problems poisson-1d,,heat-1d --out $D/v",
                        "--problems has an empty name in 'poisson-1d,,heat-1d'"),
                row(
                        "bench poisson-1d --steps 2147483647",
                        "pinn bench: benchmark steps plus their warm-up (a fifth more) must be at most 2147483647;"
                                + " got 2147483647 steps"),
                row(
                        "bench poisson-1d --threads 2147483648",
                        "--threads",
                        "'2147483648' is out of range; expected a whole number from -2147483648 to 2147483647"),
                row(
                        "run poisson-1d --seed 99999999999999999999",
                        "--seed",
                        "'99999999999999999999' is out of range; expected a whole number from -9223372036854775808 to"
                                + " 9223372036854775807"),
                row("bench poisson-1d --width -3", "--width must be a whole number >= 1; got -3"),
                row(
                        "bench poisson-1d --depth 40 --width 1000000",
                        "pinn bench: network [1000000, 1000000,",
                        "about 39000042000001 parameters"),
                row("validate --threads 0 --out $D/v", "--threads must be a whole number >= 1; got 0"),
                row(
                        "predict --input $D/good.csv",
                        "Missing required option: '--model=FILE'",
                        "usage: pinn predict --model FILE"),
                row("predict " + model, "Missing required option: '--input=CSV'"),
                row("predict --model=$D/none.json --input=$D/good.csv", "model file", "none.json does not exist"),
                row(
                        "predict --model=$D/truncated.json --input=$D/good.csv",
                        "truncated.json is truncated or not valid JSON"),
                row(
                        "predict --model=$D/corrupted.json --input=$D/good.csv",
                        "corrupted.json is corrupted: checksum mismatch"),
                row(
                        "predict --model=$D/version.json --input=$D/good.csv",
                        "has format version 99",
                        "reads versions 1 and 2"),
                row("predict --model=$D/other.json --input=$D/good.csv", "other.json is not a pinn4j model file"),
                row("predict --model=$D/adir --input=$D/good.csv", "adir is a directory", "expected a model file"),
                row(
                        "predict " + model + " --input=$D/missing-col.csv",
                        "has no column 'x'",
                        "expected a header naming the model inputs x",
                        "found y, z"),
                row(
                        "predict " + model + " --input=$D/case.csv",
                        "has no column 'x' (found 'X'; names are case-sensitive)"),
                row(
                        "predict " + model + " --input=$D/nan.csv",
                        "line 3, column 2 ('x'): 'NaN' is not finite",
                        "expected a finite decimal number"),
                row("predict " + model + " --input=$D/inf.csv", "line 2, column 1 ('x'): '-Infinity' is not finite"),
                row("predict " + model + " --input=$D/text.csv", "line 2, column 1 ('x'): 'abc' is not a number"),
                // a control character from the file is shown as an escape, not written to the terminal
                row("predict " + model + " --input=$D/nul.csv", "line 2, column 1 ('x'): '0.\\u00005' is not a number"),
                row(
                        "predict " + model + " --input=$D/blank-lines.csv",
                        "line 5, column 1 ('x'): '1e-x' is not a number"),
                row(
                        "predict " + model + " --input=$D/empty.csv",
                        "empty.csv is empty",
                        "expected a header line naming the inputs x"),
                row("predict " + model + " --input=$D/blank.csv", "blank.csv is empty"),
                row("predict " + model + " --input=$D/header-only.csv", "has a header but no data rows"),
                row(
                        "predict " + model + " --input=$D/short-row.csv",
                        "line 3 has 1 field; expected 2 (one per header column: x, label)"),
                row("predict " + model + " --input=$D/empty-cell.csv", "line 2, column 1 ('x') is empty"),
                row("predict " + model + " --input=$D/bad-quote.csv", "bad-quote.csv is not valid CSV"),
                row("predict " + model + " --input=$D/dup.csv", "has the column 'x' twice in its header"),
                row("predict " + model + " --input=$D/latin1.csv", "latin1.csv is not UTF-8 text"),
                row("predict " + model + " --input=$D/none.csv", "input CSV", "none.csv does not exist"),
                row("predict " + model + " --input=$D/adir", "adir is a directory; expected a CSV file"),
                row(
                        "predict " + model + " --input=$D/good.csv --output=$D/file.txt/pred.csv",
                        "--output $D/file.txt/pred.csv cannot be written",
                        "$D/file.txt is a file, not a directory"),
                row(
                        "predict " + model + " --input=$D/good.csv --output=$D/adir",
                        "--output $D/adir is a directory; expected a file path"),
                row(
                        "run poisson-1d --quick --out $D/file.txt",
                        "output directory",
                        "file.txt is a file; expected a directory"),
                row(
                        "run poisson-1d --quick --out $D/file.txt/sub",
                        "cannot create output directory",
                        "$D/file.txt is a file; expected a writable directory"),
                row(
                        "validate --quick --out $D/file.txt/sub",
                        "cannot create output directory",
                        "expected a writable directory"));
    }

    private static Arguments row(String args, String... words) {
        return Arguments.of(args, List.of(words));
    }

    @ParameterizedTest(name = "pinn {0}")
    @MethodSource("cases")
    void badInputGivesOneClearLine(String args, List<String> words) {
        String[] argv = args.isEmpty()
                ? new String[0]
                : args.replace("$D", d.toString()).split(" ");
        Cli.Outcome o = Cli.run(argv);
        assertEquals(PinnCli.BAD_INPUT, o.code(), o.toString());
        assertEquals("", o.out(), o.toString());
        assertEquals(1, o.errLines().size(), o.toString());
        String line = o.errLines().get(0);
        System.out.println("BAD-INPUT | `pinn " + args + "` | " + line.replace(d.toString(), "$D") + " |");
        for (String w : words) {
            assertTrue(line.contains(w.replace("$D", d.toString())), "'" + w + "' missing in: " + line);
        }
        assertFalse(line.contains("Exception"), line);
        assertFalse(o.err().contains("\tat "), o.err());
    }
}
