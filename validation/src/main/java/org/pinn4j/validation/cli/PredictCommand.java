package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pinn4j.core.io.AtomicFiles;
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
 * already has a column {@code u}); to stdout, or atomically to {@code --output}.
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

    @Override
    public Integer call() {
        if (output != null) {
            OutputDirs.checkFileTarget(output, "--output");
        }
        PinnModel m = ModelLoader.load(model, parent.problems);
        List<String> inputs = m.problem().inputs();
        PointsCsv.Table table = PointsCsv.read(input, inputs);
        List<String> outputs = m.problem().outputs();
        List<String> columns = PointsCsv.outputColumns(table.header(), outputs);
        double[][] values = m.predict(table.points());
        String csv = PointsCsv.write(table, columns, values);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!columns.equals(outputs)) {
            err.println("note: the input already has columns named like the outputs " + outputs
                    + "; predictions are in " + columns);
        }
        String outside = outsideNote(m, table.points(), inputs);
        if (outside != null) {
            err.println(outside);
        }
        if (output == null) {
            out.print(csv);
        } else {
            AtomicFiles.writeString(output, csv);
            out.println("wrote " + table.size() + " predictions of " + String.join(", ", columns) + " to " + output);
        }
        out.flush();
        err.flush();
        return PinnCli.OK;
    }

    /** A note if some points lie outside the box the model was trained on, else null. */
    private static String outsideNote(PinnModel m, double[][] points, List<String> inputs) {
        int n = points[0].length;
        int outside = 0;
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < points.length; i++) {
                if (points[i][p] < m.spec().lower(i) || points[i][p] > m.spec().upper(i)) {
                    outside++;
                    break;
                }
            }
        }
        if (outside == 0) {
            return null;
        }
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
