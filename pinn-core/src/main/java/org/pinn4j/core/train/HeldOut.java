package org.pinn4j.core.train;

import java.util.List;
import java.util.function.Function;
import org.pinn4j.core.sampling.PointSet;

/**
 * Points with known outputs, held out of training and measured along the way: {@code Trainer.train(problem, recipe,
 * HeldOut.exact(points, p -> new double[] {Math.sin(Math.PI * p[0])}))} records their mean squared error in {@link
 * History#validation()} every {@link #every()} steps (and at the last), {@link #relativeL2(History)} turns that into
 * the relative L2 error per step, and {@link #errors(PinnModel)} gives the relative L2 and largest absolute error of a
 * model. A step's measurement is taken at the parameters the step starts from (with its loss), so the final model's
 * errors come from {@link #errors(PinnModel)}.
 *
 * @param points  where the outputs are known
 * @param outputs the outputs known, in the order of the rows of {@code values}
 * @param values  {@code values[k][p]}: output {@code outputs.get(k)} at point p
 * @param every   steps between measurements
 */
public record HeldOut(PointSet points, List<String> outputs, double[][] values, int every) {
    /** Steps between measurements unless {@link #every(int)} says otherwise. */
    public static final int DEFAULT_EVERY = 100;

    /** Checks the shapes (the output names are checked against the problem when training starts). */
    public HeldOut {
        if (points == null || outputs == null || values == null) {
            throw new IllegalArgumentException("HeldOut needs points, output names and values");
        }
        if (every < 1) {
            throw new IllegalArgumentException("HeldOut: measurement interval must be >= 1 step; got " + every);
        }
        outputs = List.copyOf(outputs);
        if (values.length != outputs.size()) {
            throw new IllegalArgumentException(
                    "HeldOut: " + values.length + " value arrays for " + outputs.size() + " outputs " + outputs);
        }
        double[][] copy = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            if (values[k] == null || values[k].length != points.size()) {
                throw new IllegalArgumentException("HeldOut: output '" + outputs.get(k) + "' has "
                        + (values[k] == null ? 0 : values[k].length) + " values for " + points.size() + " points");
            }
            for (double v : values[k]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(
                            "HeldOut: output '" + outputs.get(k) + "' has a value " + v + "; expected finite values");
                }
            }
            copy[k] = values[k].clone();
        }
        values = copy;
    }

    /** Known values of the named outputs ({@code values[k][p]}), measured every {@value #DEFAULT_EVERY} steps. */
    public static HeldOut of(PointSet points, List<String> outputs, double[][] values) {
        return new HeldOut(points, outputs, values, DEFAULT_EVERY);
    }

    /**
     * Values of the named outputs from a function of a point (raw coordinates in input order) that returns them in
     * the order of {@code outputs}, e.g. an exact solution.
     *
     * @throws IllegalArgumentException if the function returns another number of values at a point
     */
    public static HeldOut exact(PointSet points, List<String> outputs, Function<double[], double[]> solution) {
        double[][] values = new double[outputs.size()][points.size()];
        for (int p = 0; p < points.size(); p++) {
            double[] v = solution.apply(points.point(p));
            if (v == null || v.length != outputs.size()) {
                throw new IllegalArgumentException("HeldOut.exact: the solution gave " + (v == null ? 0 : v.length)
                        + " values at point " + p + "; expected one per output " + outputs);
            }
            for (int k = 0; k < v.length; k++) {
                values[k][p] = v[k];
            }
        }
        return of(points, outputs, values);
    }

    /** The same points and values, measured every {@code steps} steps. */
    public HeldOut every(int steps) {
        return new HeldOut(points, outputs, values, steps);
    }

    /** Copy of the known values, {@code [output][point]}. */
    @Override
    public double[][] values() {
        double[][] out = new double[values.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k].clone();
        }
        return out;
    }

    /**
     * The relative L2 error per recorded step, sqrt(MSE / mean of the squared values), from a history trained with
     * this set (NaN where it was not measured).
     */
    public double[] relativeL2(History history) {
        double meanSquare = meanSquare();
        double[] mse = history.validation();
        double[] out = new double[mse.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.sqrt(mse[i] / meanSquare);
        }
        return out;
    }

    /** A model's relative L2 error (all known outputs stacked) and largest absolute error here. */
    public Errors errors(PinnModel model) {
        double[][] all = model.predict(points);
        List<String> names = model.problem().outputs();
        double diff = 0;
        double norm = 0;
        double max = 0;
        for (int k = 0; k < values.length; k++) {
            int o = names.indexOf(outputs.get(k));
            if (o < 0) {
                throw new IllegalArgumentException(
                        "HeldOut: the model has no output '" + outputs.get(k) + "'; its outputs are " + names);
            }
            for (int p = 0; p < values[k].length; p++) {
                double d = all[o][p] - values[k][p];
                diff += d * d;
                norm += values[k][p] * values[k][p];
                max = Math.max(max, Math.abs(d));
            }
        }
        return new Errors(Math.sqrt(diff / norm), max);
    }

    private double meanSquare() {
        double sum = 0;
        for (double[] row : values) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return sum / ((double) values.length * points.size());
    }

    /**
     * Errors of a model on held-out points.
     *
     * @param relativeL2 ||prediction - value|| / ||value|| over all known outputs (NaN if the values are all zero)
     * @param maxAbs     the largest |prediction - value|
     */
    public record Errors(double relativeL2, double maxAbs) {}
}
