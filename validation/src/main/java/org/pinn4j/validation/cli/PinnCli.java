package org.pinn4j.validation.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.pinn4j.core.Version;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.validation.runner.RunArtifacts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code pinn} command: {@code list}, {@code run}, {@code predict}, {@code bench}, {@code validate},
 * {@code compare-optimizers}; {@code sweep} runs from pinn-spark's jar, which adds it ({@link #main(String[], Map)}).
 *
 * <p>Exit codes: {@value #OK} success, {@value #FAILED} the work failed (training diverged, internal
 * error), {@value #BAD_INPUT} bad input (unknown problem or option, bad number, bad file, unusable
 * directory). Errors are one line on stderr, {@code pinn <command>: <what is wrong; what is expected>};
 * {@code --debug} adds the stack trace.
 */
@Command(
        name = "pinn",
        mixinStandardHelpOptions = true,
        versionProvider = PinnCli.VersionProvider.class,
        customSynopsis = "pinn <command> [options]; pinn <command> --help",
        description = "Physics-informed neural networks: train catalogue problems, predict, benchmark, validate.",
        subcommands = {
            ListCommand.class,
            RunCommand.class,
            PredictCommand.class,
            BenchCommand.class,
            ValidateCommand.class,
            CompareOptimizersCommand.class,
            SweepPlaceholder.class,
            CommandLine.HelpCommand.class
        })
public final class PinnCli implements Runnable {
    /** Exit code of success. */
    public static final int OK = 0;
    /** Exit code when the work itself failed (training diverged, internal error). */
    public static final int FAILED = 1;
    /** Exit code of bad input. */
    public static final int BAD_INPUT = 2;

    /** The synopsis of {@code pinn sweep}, shared by pinn-spark's command and this jar's placeholder for it. */
    public static final String SWEEP_SYNOPSIS =
            "pinn sweep <problem> [--quick | --recipe NAME] --param NAME=V1,V2,... [--seeds N] [--master local[*] | spark://HOST:PORT] [--threads-per-task N] [--checkpoint-every N] [--out DIR]";

    final ProblemSource problems;
    final RunArtifacts artifacts;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    /** The command over the benchmark catalogue, with the chart hooks found on the class path. */
    public PinnCli() {
        this(ProblemSource.catalogue(), RunArtifacts.discovered());
    }

    PinnCli(ProblemSource problems, RunArtifacts artifacts) {
        this.problems = problems;
        this.artifacts = artifacts;
    }

    /** Entry point of {@code ./pinn}. */
    public static void main(String[] args) {
        CheckedOutput stdout = CheckedOutput.stdout();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)));
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        exit(execute(new PinnCli(), args, out, err, () -> stdout.failure().map(IOException::getMessage)));
    }

    /**
     * Ends the JVM with {@code code}, unless it is ending on a signal: then the signal's status (143, 130) is the
     * exit status, and this thread waits for the shutdown hooks to end the process (System.exit here would race it).
     */
    private static void exit(int code) {
        if (SignalStop.ending()) {
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // keep waiting: the shutdown in progress ends the process
                }
            }
        }
        System.exit(code);
    }

    /**
     * Entry point of a jar that adds commands to {@code pinn} (pinn-spark's {@code sweep}): as {@link #main}, with
     * {@code commands} (picocli command objects by name) in place of any subcommand of the same name.
     */
    public static void main(String[] args, Map<String, Object> commands) {
        CheckedOutput stdout = CheckedOutput.stdout();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)));
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        exit(execute(new PinnCli(), args, out, err, () -> stdout.failure().map(IOException::getMessage), commands));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new PinnCli(), args, out, err);
    }

    /** {@link #execute(String[], PrintWriter, PrintWriter)} with {@code commands} added as in {@link #main(String[], Map)}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, Object> commands) {
        return execute(new PinnCli(), args, out, err, Optional::empty, commands);
    }

    static int execute(PinnCli app, String[] args, PrintWriter out, PrintWriter err) {
        return execute(app, args, out, err, Optional::empty);
    }

    /**
     * Runs the command line; {@code outFailure} gives the reason when {@code out} lost output (a PrintWriter
     * only says that it did), so that a command whose output could not be written exits {@value #FAILED}.
     */
    static int execute(
            PinnCli app, String[] args, PrintWriter out, PrintWriter err, Supplier<Optional<String>> outFailure) {
        return execute(app, args, out, err, outFailure, Map.of());
    }

    private static int execute(
            PinnCli app,
            String[] args,
            PrintWriter out,
            PrintWriter err,
            Supplier<Optional<String>> outFailure,
            Map<String, Object> commands) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(app);
        commands.forEach((name, command) -> {
            if (cl.getSubcommands().containsKey(name)) {
                cl.getCommandSpec().removeSubcommand(name);
            }
            cl.addSubcommand(name, command);
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setExpandAtFiles(false);
        cl.registerConverter(Long.class, PinnCli::parseLong).registerConverter(Long.TYPE, PinnCli::parseLong);
        cl.registerConverter(Integer.class, PinnCli::parseInt).registerConverter(Integer.TYPE, PinnCli::parseInt);
        cl.registerConverter(Double.class, PinnCli::parseDouble).registerConverter(Double.TYPE, PinnCli::parseDouble);
        cl.registerConverter(java.nio.file.Path.class, PinnCli::parsePath);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(commandName(ex.getCommandLine()) + ": " + oneLine(parameterMessage(ex))
                    + usageHint(ex.getCommandLine()));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            int code = exitCode(ex);
            err.println(commandName(c) + ": " + oneLine(executionMessage(ex, code)));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            CommandLine c = invoked(cl);
            err.println(commandName(c) + ": out of memory (this JVM may use "
                    + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); give it more with PINN_JAVA_OPTS=-Xmx<size>, or use fewer points");
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        }
        if (out.checkError()) {
            // checkError flushes: anything still buffered has been tried too
            CommandLine c = invoked(cl);
            err.println(commandName(c) + ": cannot write to standard output ("
                    + oneLine(outFailure.get().orElse("write error")) + "); the output is incomplete");
            code = code == OK ? FAILED : code;
        }
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command; expected one of " + commandNames());
    }

    private String commandNames() {
        return spec.subcommands().keySet().stream()
                .filter(n -> !n.equals("help"))
                .collect(Collectors.joining(", "));
    }

    /** The subcommand the arguments named, or the top-level command. */
    private static CommandLine invoked(CommandLine cl) {
        return cl.getParseResult() != null && cl.getParseResult().hasSubcommand()
                ? cl.getParseResult().subcommand().commandSpec().commandLine()
                : cl;
    }

    private static String commandName(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    private static String parameterMessage(ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException) {
            List<String> unmatched = ((UnmatchedArgumentException) ex).getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'";
            }
            if (c.getCommandSpec().parent() == null
                    && c.getParseResult() != null
                    && !c.getParseResult().hasSubcommand()) {
                PinnCli app = c.getCommand();
                return "unknown command '" + first + "'; expected one of " + app.commandNames();
            }
            return "unexpected argument '" + first + "'";
        }
        return ex.getMessage();
    }

    /** " (usage: ...)" from the command's synopsis, so every usage error shows the expected form. */
    private static String usageHint(CommandLine c) {
        String[] synopsis = c.getCommandSpec().usageMessage().customSynopsis();
        if (synopsis.length == 0) {
            return "";
        }
        return " (usage: " + synopsis[0] + ")";
    }

    private static int exitCode(Exception ex) {
        if (ex instanceof AtomicFiles.WriteFailedException) {
            return FAILED; // a full or failing disk: the work failed, the input was fine
        }
        if (ex instanceof IllegalArgumentException
                || ex instanceof ModelFile.ModelFileException
                || ex instanceof UncheckedIOException) {
            return BAD_INPUT;
        }
        return FAILED;
    }

    private static String executionMessage(Exception ex, int code) {
        String m = ex.getMessage();
        if (code == BAD_INPUT
                || ex instanceof IllegalStateException
                || ex instanceof AtomicFiles.WriteFailedException) {
            return m == null ? "invalid input" : m;
        }
        return "internal error (" + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + "); rerun with --debug for the stack trace";
    }

    private static Long parseLong(String s) {
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    notWholeOrOutOfRange(s, Long.MIN_VALUE, Long.MAX_VALUE, "42"));
        }
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    notWholeOrOutOfRange(s, Integer.MIN_VALUE, Integer.MAX_VALUE, "1000"));
        }
    }

    /** Why a string is not a whole number of the range: its digits exceed the range, or it is not one at all. */
    private static String notWholeOrOutOfRange(String s, long min, long max, String example) {
        if (s.strip().matches("[+-]?\\d+")) {
            return "'" + s + "' is out of range; expected a whole number from " + min + " to " + max;
        }
        return "'" + s + "' is not a whole number; expected e.g. " + example;
    }

    /** A path option's value: any name but the empty one (which would mean the current directory). */
    private static java.nio.file.Path parsePath(String s) {
        if (s.isBlank()) {
            throw new CommandLine.TypeConversionException(
                    "an empty path; expected a file or directory name such as runs/burgers");
        }
        try {
            return java.nio.file.Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + s + "' is not a valid path: " + e.getReason());
        }
    }

    private static Double parseDouble(String s) {
        double v;
        try {
            v = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + s + "' is not a number; expected e.g. 0.01");
        }
        if (!Double.isFinite(v)) {
            throw new CommandLine.TypeConversionException(
                    "'" + s + "' is not finite; expected a finite number such as 0.01");
        }
        return v;
    }

    /** Collapses a message to one line. */
    static String oneLine(String s) {
        return s == null ? "" : visible(s.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip());
    }

    /**
     * {@code s} with control characters (a NUL byte read from a file, an escape sequence) written as Java's
     * backslash-u escapes of four hex digits, so that a message quoting bad input shows them and cannot change the
     * terminal.
     */
    static String visible(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t';
            if (control && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (control) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Reports the pinn4j version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pinn4j " + Version.get()};
        }
    }
}
