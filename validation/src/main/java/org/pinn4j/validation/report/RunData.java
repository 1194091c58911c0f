package org.pinn4j.validation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pinn4j.core.geometry.Geometry;
import org.pinn4j.core.geometry.GeometryXTime;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.History;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.RunResult;

/**
 * Everything the charts of one run are drawn from, as plain arrays: the evaluation grid, the model's
 * prediction and the reference on it, which grid points lie in the domain, the PDE residual of the final
 * model, the measured training data and the loss history. {@link #of} collects it from a finished run;
 * tests build it directly.
 *
 * @param problem          problem name, used in titles
 * @param inputs           input names in network order (the grid's axes)
 * @param outputs          output names
 * @param axes             evaluation grid coordinates per input; points are ordered first input fastest
 * @param lower            lower corner of the domain's bounding box, per input
 * @param upper            upper corner of the domain's bounding box, per input
 * @param timeInput        index of the time input (the last input of a space-time domain), or -1
 * @param prediction       model outputs on the grid, {@code [output][p]}
 * @param reference        exact or reference outputs on the grid, {@code [output][p]}, if any
 * @param referenceName    how the reference is called in legends, e.g. "exact" or "reference"
 * @param inside           per grid point: true if it lies in the domain (points outside are not drawn)
 * @param residual         PDE residual of the final model on the grid points inside the domain, if available
 * @param data             measured training data per output (empty if the problem has none)
 * @param history          loss history of the run
 * @param trueCoefficients true values of identified coefficients (inverse problems)
 */
public record RunData(
        String problem,
        List<String> inputs,
        List<String> outputs,
        double[][] axes,
        double[] lower,
        double[] upper,
        int timeInput,
        double[][] prediction,
        Optional<double[][]> reference,
        String referenceName,
        boolean[] inside,
        Optional<Residual> residual,
        List<DataPoints> data,
        History history,
        Map<String, Double> trueCoefficients) {

    /**
     * Residual values of one condition at the evaluation points inside the domain (all of its expressions
     * stacked, e.g. the three equations of an ODE system).
     *
     * @param condition the condition's name, e.g. "pde"
     * @param values    residual values
     */
    public record Residual(String condition, double[] values) {}

    /**
     * Measured values of one output at fixed points (a data condition of the problem).
     *
     * @param condition the data condition's name
     * @param output    the output measured
     * @param points    point coordinates, {@code [input][k]}
     * @param values    measured values (with noise, if the run added any)
     */
    public record DataPoints(String condition, String output, double[][] points, double[] values) {}

    /** Checks that the arrays fit together. */
    public RunData {
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException(
                    "RunData of '" + problem + "' needs inputs and outputs; got " + inputs + " and " + outputs);
        }
        if (axes.length != inputs.size() || lower.length != inputs.size() || upper.length != inputs.size()) {
            throw new IllegalArgumentException("RunData of '" + problem + "': " + inputs.size() + " inputs " + inputs
                    + " but " + axes.length + " grid axes and bounds of length " + lower.length + "/" + upper.length
                    + "; expected one per input");
        }
        int n = 1;
        for (double[] a : axes) {
            n *= a.length;
        }
        checkRows("prediction", prediction, outputs.size(), n);
        if (reference.isPresent()) {
            checkRows("reference", reference.get(), outputs.size(), n);
        }
        if (inside.length != n) {
            throw new IllegalArgumentException("RunData of '" + problem + "': inside mask has " + inside.length
                    + " entries for " + n + " grid points");
        }
        if (timeInput < -1 || timeInput >= inputs.size()) {
            throw new IllegalArgumentException("RunData of '" + problem + "': time input index " + timeInput
                    + " must be -1 or in 0.." + (inputs.size() - 1));
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        data = List.copyOf(data);
        trueCoefficients = Map.copyOf(trueCoefficients);
    }

    private void checkRows(String what, double[][] rows, int outs, int n) {
        if (rows.length != outs) {
            throw new IllegalArgumentException(
                    "RunData of '" + problem + "': " + what + " has " + rows.length + " outputs; expected " + outs);
        }
        for (double[] r : rows) {
            if (r.length != n) {
                throw new IllegalArgumentException("RunData of '" + problem + "': " + what + " has " + r.length
                        + " values per output for " + n + " grid points");
            }
        }
    }

    /** Number of grid points. */
    public int size() {
        return inside.length;
    }

    /** True if the problem has a time input. */
    public boolean timeDependent() {
        return timeInput >= 0;
    }

    /**
     * Collects the data of a finished run: grid, prediction and reference from {@link RunResult#evaluation()},
     * the domain mask and residual from the trained model's problem, data conditions and history.
     *
     * @param notes receives one line for each part that is not available (e.g. no PDE residual to evaluate)
     */
    public static RunData of(BenchmarkProblem p, RunResult r, PinnModel model, List<String> notes) {
        Problem problem = model.problem();
        double[][] axes = p.evaluationGrid().axes();
        double[][] points = r.evaluation().points();
        Geometry domain = problem.domain();
        int n = points[0].length;
        boolean[] inside = new boolean[n];
        double[] point = new double[points.length];
        int outside = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < point.length; i++) {
                point[i] = points[i][k];
            }
            inside[k] = domain.contains(point);
            if (!inside[k]) {
                outside++;
            }
        }
        if (outside > 0) {
            notes.add(outside + " of " + n
                    + " evaluation grid points lie outside the domain and are left blank in the maps");
        }
        int time = -1;
        List<String> inputs = problem.inputs();
        if (domain instanceof GeometryXTime || inputs.get(inputs.size() - 1).equals("t")) {
            time = inputs.size() - 1;
        }
        String refName = p.referenceKind().equalsIgnoreCase("analytic") ? "exact" : "reference";
        return new RunData(
                p.name(),
                inputs,
                r.evaluation().outputs(),
                axes,
                domain.lower(),
                domain.upper(),
                time,
                r.evaluation().prediction(),
                r.evaluation().reference(),
                refName,
                inside,
                residual(model, points, inside, notes),
                dataPoints(problem),
                r.training().history(),
                p.trueCoefficients());
    }

    /**
     * The residual of the problem's first PDE condition (pointwise, on the interior, without data columns)
     * evaluated with the final model at the grid points inside the domain.
     */
    static Optional<Residual> residual(PinnModel model, double[][] points, boolean[] inside, List<String> notes) {
        Problem problem = model.problem();
        Condition pde = null;
        for (Condition c : problem.conditions()) {
            if (c.kind() == Condition.Kind.POINTWISE
                    && c.columnNames().isEmpty()
                    && !c.region().fixed()
                    && c.region().describe().equals("interior")) {
                pde = c;
                break;
            }
        }
        if (pde == null) {
            notes.add("no residual histogram: the problem has no PDE residual condition on the interior");
            return Optional.empty();
        }
        double[][] in = keep(points, inside);
        if (in[0].length == 0) {
            notes.add("no residual histogram: no evaluation grid point lies in the domain");
            return Optional.empty();
        }
        Condition chosen = pde;
        double[][] values;
        try {
            values = model.evaluate(new PointSet(in), chosen::expressions);
        } catch (RuntimeException e) {
            notes.add("no residual histogram: residual '" + chosen.name() + "' could not be evaluated: "
                    + e.getMessage());
            return Optional.empty();
        }
        double[] all = new double[values.length * in[0].length];
        for (int e = 0; e < values.length; e++) {
            System.arraycopy(values[e], 0, all, e * in[0].length, in[0].length);
        }
        return Optional.of(new Residual(chosen.name(), all));
    }

    /** The measured points and values of every fixed-point data condition ("data_" + output columns). */
    static List<DataPoints> dataPoints(Problem problem) {
        List<DataPoints> out = new ArrayList<>();
        for (Condition c : problem.conditions()) {
            if (!c.region().fixed() || c.columnNames().isEmpty()) {
                continue;
            }
            List<String> cols = c.columnNames();
            PointSet ps = c.region().sample(problem.domain(), c.points(), null);
            double[][] columns = c.columns().of(ps);
            for (int k = 0; k < cols.size() && k < columns.length; k++) {
                String col = cols.get(k);
                if (col.startsWith("data_") && problem.outputs().contains(col.substring(5))) {
                    out.add(new DataPoints(c.name(), col.substring(5), ps.toArray(), columns[k].clone()));
                }
            }
        }
        return out;
    }

    /** The coordinates of the points whose flag is set. */
    static double[][] keep(double[][] points, boolean[] flags) {
        int m = 0;
        for (boolean f : flags) {
            if (f) {
                m++;
            }
        }
        double[][] out = new double[points.length][m];
        int k = 0;
        for (int p = 0; p < flags.length; p++) {
            if (flags[p]) {
                for (int i = 0; i < points.length; i++) {
                    out[i][k] = points[i][p];
                }
                k++;
            }
        }
        return out;
    }
}
