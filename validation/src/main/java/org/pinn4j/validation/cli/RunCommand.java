package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.TrainingListener;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.Numbers;
import org.pinn4j.validation.runner.RunCheckpoint;
import org.pinn4j.validation.runner.RunDirectory;
import org.pinn4j.validation.runner.RunOptions;
import org.pinn4j.validation.runner.RunResult;
import org.pinn4j.validation.runner.RunSettings;
import org.pinn4j.validation.runner.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pinn run <problem>}: trains with the problem's recipe and writes DIR/model.json, history.csv,
 * report.md (and charts). Progress goes to stderr; the last stdout line is the result line.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        customSynopsis =
                "pinn run <problem> [--out DIR] [--seed N] [--threads N] [--recipe NAME | --quick] [--noise X] [--optimizer NAME] [--param NAME=V] [--init-from FILE] [--checkpoint-every N] [--resume DIR | --fresh]",
        description =
                "Train a catalogue problem with its default recipe and write model.json, history.csv and report.md.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    PinnCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "<problem>", description = "Problem name (see `pinn list`).")
    String problem;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<problem>).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of everything random (default: the recipe's).")
    Long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads; results do not depend on it (default: the number of processors).")
    Integer threads;

    @Option(names = "--quick", description = "Reduced budget that still shows the method works (= --recipe quick).")
    boolean quick;

    @Option(
            names = "--recipe",
            paramLabel = "NAME",
            description = "The problem's named recipe (default: default; `pinn list` shows each problem's names).")
    String recipeName;

    @Option(
            names = "--noise",
            paramLabel = "X",
            description =
                    "Relative Gaussian noise of data terms, e.g. 0.01 = 1%%; 0 = clean (default: the problem's, 0 for most).")
    Double noise;

    @Option(
            names = "--optimizer",
            paramLabel = "NAME",
            description =
                    "lbfgs, bfgs, ssbroyden or lm (Levenberg-Marquardt): the method of the recipe's final quasi-Newton"
                            + " phase (same iterations);"
                            + " or, for problems that offer a choice, their optimizer, e.g. adam or sgd for cwru-exercise"
                            + " (default: the recipe's).")
    String optimizer;

    @Option(
            names = "--param",
            paramLabel = "NAME=V",
            description = "Set one of the problem's parameters, e.g. --param nu=0.01 for burgers (repeatable;"
                    + " `pinn list` shows each problem's parameters, defaults and ranges), or a training setting of"
                    + " any problem: width, depth (hidden layers), points (residual collocation points), lr (first"
                    + " phase's learning rate), steps (last phase's length).")
    java.util.Map<String, String> params;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            description =
                    "Save the full training state to DIR/checkpoint.json every N steps (atomically), for --resume.")
    Integer checkpointEvery;

    @Option(
            names = "--fresh",
            description =
                    "Start over in an output directory that holds an unfinished run's checkpoint (discarding it).")
    boolean fresh;

    @Option(
            names = "--init-from",
            paramLabel = "FILE",
            description = "Start training from the model in FILE (a model.json of this problem with the recipe's"
                    + " network) instead of a fresh initialisation; the seed still draws the points.")
    Path initFrom;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description = "Continue the interrupted run in DIR from its checkpoint.json "
                    + "(same problem and options; --threads may differ); outputs go to DIR unless --out is given.")
    Path resume;

    @Override
    public Integer call() {
        Checks.positive(spec, "--threads", threads);
        Checks.positive(spec, "--checkpoint-every", checkpointEvery);
        if (noise != null) {
            Checks.noise(spec, noise);
        }
        if (fresh && resume != null) {
            throw new ParameterException(
                    spec.commandLine(), "--fresh starts over and --resume continues; give one of them, not both");
        }
        BenchmarkProblem p = parent.problems.get(problem);
        if (noise != null && !p.hasNoisyData()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--noise: problem '" + p.name() + "' has no data terms to add noise to; the problems with data are "
                            + String.join(
                                    ", ",
                                    parent.problems.all().stream()
                                            .filter(BenchmarkProblem::hasNoisyData)
                                            .map(BenchmarkProblem::name)
                                            .toList()));
        }
        String name = recipeName();
        java.util.Map<String, Double> given = Checks.parameters(spec, p, params);
        Recipe recipe = RunSettings.of(given).applyTo(p.name(), p.recipe(name, optimizer));
        RunOptions o = RunOptions.defaults()
                .withOut(out)
                .withRecipe(name)
                .withOptimizer(optimizer)
                .withParameters(given);
        if (noise != null) {
            o = o.withNoise(noise);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        o = o.withThreads(threads != null ? threads : Checks.processors());
        o = o.withCheckpointEvery(checkpointEvery == null ? 0 : checkpointEvery).withResume(resume);
        o = o.withFresh(fresh);
        if (initFrom != null) {
            ModelFile.header(initFrom); // a missing or damaged file is refused before the output directory is made
            o = o.withInitFrom(initFrom);
        }
        if (resume != null) {
            RunCheckpoint.locate(resume); // before the output directory (by default the same) is created
        }
        try (RunDirectory held = RunDirectory.open(o.outFor(p.name()))) {
            try {
                RunCheckpoint.refuseUnfinished(held.path(), o);
                return train(p, recipe, o, held, name);
            } catch (IllegalArgumentException refused) {
                held.closeAndRemoveIfUnused(); // a refused run creates nothing
                throw refused;
            }
        }
    }

    private Integer train(BenchmarkProblem p, Recipe recipe, RunOptions given, RunDirectory held, String name) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunOptions o = given;
        Path dir = held.path();
        double level = o.noiseFor(p);
        String what = p.name() + " (recipe " + name + ", network " + recipe.network() + ", seed "
                + o.seed().orElse(recipe.seed()) + ", " + o.threads().orElse(recipe.threads()) + " thread(s)"
                + (level > 0 ? ", data noise " + level : "") + ") into " + dir;
        if (resume == null) {
            err.println("training " + what);
            err.flush();
        } else {
            // printed once the checkpoint is accepted, so a bad checkpoint gives one error line only
            o = o.withListener(new TrainingListener() {
                private boolean said;

                @Override
                public void onPhaseStart(int phaseIndex, Phase phase, int step) {
                    if (!said) {
                        said = true;
                        err.println("resuming " + what + " from " + resume.resolve(RunCheckpoint.CHECKPOINT_FILE)
                                + " after step " + (step - 1));
                        err.flush();
                    }
                }
            });
        }
        ProgressBarLine bar = ProgressBarLine.wanted()
                ? new ProgressBarLine(System.err, ProgressBarLine.columns(), p.name(), true)
                : null;
        o = o.withListener(bar != null ? bar : new ProgressLines(err, recipe.logEvery()));
        try (SignalStop signal = SignalStop.install(err, spec.qualifiedName())) {
            RunResult r;
            try {
                r = new Runner(parent.artifacts).run(p, o.withStopWhen(signal.request()), held);
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
            return report(r, dir, stdout, err);
        }
    }

    /** The result lines on stdout; on stderr why a run stopped early or diverged. */
    private Integer report(RunResult r, Path dir, PrintWriter stdout, PrintWriter err) {
        if (!r.walkthrough().isBlank()) {
            stdout.println(r.walkthrough().strip());
        }
        stdout.println("wrote " + dir.resolve(Runner.MODEL_FILE) + ", " + dir.resolve(Runner.HISTORY_FILE) + ", "
                + dir.resolve(Runner.REPORT_FILE));
        if (!r.measured()) {
            stdout.println("errors not measured: " + r.errorNote());
        }
        r.timeToRelL2(1e-3)
                .ifPresent(t -> stdout.println("rel L2 on the evaluation grid reached 1e-3 at step " + t.step() + ", "
                        + Numbers.fixed(t.seconds(), 1) + " s into training"));
        stdout.println(r.resultLine());
        stdout.flush();
        if (r.training().status() == TrainingResult.Status.INTERRUPTED) {
            int[] steps = r.training().history().steps();
            err.println(spec.qualifiedName() + ": stopped after step "
                    + (steps.length == 0 ? 0 : steps[steps.length - 1])
                    + " on a signal; the files above hold that step, and " + dir.resolve(RunCheckpoint.CHECKPOINT_FILE)
                    + " continues it: the same command with --resume " + dir);
            err.flush();
            return PinnCli.FAILED;
        }
        if (!r.ok()) {
            err.println(spec.qualifiedName() + ": " + r.training().message() + "; the last good model was saved to "
                    + dir.resolve(Runner.MODEL_FILE));
            err.flush();
            return PinnCli.FAILED;
        }
        return PinnCli.OK;
    }

    /** --recipe, or quick for --quick, or the default recipe; both options only when they agree. */
    private String recipeName() {
        return Checks.recipeName(spec, recipeName, quick);
    }
}
