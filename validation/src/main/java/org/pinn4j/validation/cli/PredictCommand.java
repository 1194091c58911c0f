package org.pinn4j.validation.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVPrinter;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.validation.runner.OutputDirs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pinn predict}: evaluates a saved model at the points of a CSV file. The output is the input's
 * columns followed by one column per model output, named as in the problem ({@code u_pred} if the input
 * already has a column {@code u}); to stdout, or atomically to {@code --output}. The file is streamed: read
 * once to check every row, then again a chunk of {@value #CHUNK} rows at a time to predict and write, so
 * memory does not grow with its length.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        customSynopsis = "pinn predict --model FILE --input CSV [--output CSV]",
        description = "Evaluate a trained model at the points of a CSV file (header = input names, any order).")
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    PinnCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "FILE",
            description = "Model file written by `pinn run` (DIR/model.json).")
    Path model;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "CSV",
            description = "Points: a header naming the model inputs, one point per line.")
    Path input;

    @Option(names = "--output", paramLabel = "CSV", description = "Write the predictions here (default: stdout).")
    Path output;

    /** Rows read, predicted and written at a time: memory stays bounded whatever the file's length. */
    static final int CHUNK = 16_384;

    @Override
    public Integer call() {
        if (output != null) {
            OutputDirs.checkFileTarget(output, "--output");
        }
        PinnModel m = ModelLoader.load(model, parent.problems);
        List<String> inputs = m.problem().inputs();
        List<String> outputs = m.problem().outputs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        // pass 1: every row is checked (and compared with the training box) before anything is written, so bad
        // input on the last line still leaves no partial output
        long rows = 0;
        long outside = 0;
        List<String> header;
        try (PointsCsv.Points in = PointsCsv.Points.open(input, inputs)) {
            header = in.header();
            for (PointsCsv.Chunk c = in.next(CHUNK); c != null; c = in.next(CHUNK)) {
                rows += c.size();
                outside += outside(m, c.points());
            }
        }
        List<String> columns = PointsCsv.outputColumns(header, outputs);
        if (!columns.equals(outputs)) {
            err.println("note: the input already has columns named like the outputs " + outputs
                    + "; predictions are in " + columns);
        }
        if (outside > 0) {
            err.println(outsideNote(m, outside, rows, inputs));
        }

        // pass 2: predict and write a chunk at a time
        long[] nonFinite = {0};
        if (output == null) {
            try {
                writePredictions(m, inputs, columns, out, out::checkError, nonFinite);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a PrintWriter does not throw; the caller checks it
            }
            out.flush();
        } else {
            AtomicFiles.write(output, stream -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                writePredictions(m, inputs, columns, w, () -> false, nonFinite);
                w.flush();
            });
            out.println("wrote " + rows + " predictions of " + String.join(", ", columns) + " to " + output);
        }
        if (nonFinite[0] > 0) {
            err.println("note: " + nonFinite[0] + " of " + rows
                    + " predictions are not finite (Infinity or NaN): the model overflows at those points");
        }
        out.flush();
        err.flush();
        return PinnCli.OK;
    }

    /** Reads the points again and writes each row with its predictions; stops early once {@code failed}. */
    private void writePredictions(
            PinnModel m,
            List<String> inputs,
            List<String> columns,
            Appendable to,
            BooleanSupplier failed,
            long[] nonFinite)
            throws IOException {
        try (PointsCsv.Points in = PointsCsv.Points.open(input, inputs)) {
            CSVPrinter printer = PointsCsv.printer(to);
            PointsCsv.printHeader(printer, in.header(), columns);
            for (PointsCsv.Chunk c = in.next(CHUNK); c != null && !failed.getAsBoolean(); c = in.next(CHUNK)) {
                double[][] values = m.predict(new PointSet(c.points()));
                for (double[] v : values) {
                    for (double x : v) {
                        if (!Double.isFinite(x)) {
                            nonFinite[0]++;
                        }
                    }
                }
                PointsCsv.printRows(printer, c, values);
            }
            printer.flush();
        }
    }

    /** How many of the points lie outside the box the model was trained on. */
    private static long outside(PinnModel m, double[][] points) {
        int n = points[0].length;
        long outside = 0;
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < points.length; i++) {
                if (points[i][p] < m.spec().lower(i) || points[i][p] > m.spec().upper(i)) {
                    outside++;
                    break;
                }
            }
        }
        return outside;
    }

    /** The note on points outside the training box. */
    private static String outsideNote(PinnModel m, long outside, long n, List<String> inputs) {
        StringBuilder box = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            box.append(i == 0 ? "" : ", ")
                    .append(String.format(
                            Locale.ROOT,
                            "%s in [%s, %s]",
                            inputs.get(i),
                            m.spec().lower(i),
                            m.spec().upper(i)));
        }
        return "note: " + outside + " of " + n + " points lie outside the training box " + box
                + "; predictions there are extrapolations";
    }
}
