package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.MultiIndex;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;

/**
 * A trained network with its problem: predicts the outputs (after the output transform) and any
 * expression of them, e.g. a derivative, on new points. Immutable and safe to use from several threads
 * (each call uses its own buffers).
 */
public final class PinnModel {
    private final Problem problem;
    private final NetworkSpec spec;
    private final double[] parameters;
    private final Recipe recipe;
    /** The time windows of a model trained in windows ({@link TimeWindows}), or null for one network. */
    private final Windows windows;

    /**
     * The pieces of a model trained in time windows: piece k answers for points whose input {@code input} lies in
     * [boundaries[k], boundaries[k + 1]); the last piece also at its end, the first also before its start and the
     * last after its end.
     */
    private record Windows(int input, double[] boundaries, List<PinnModel> pieces) {}

    /** A model of {@code problem} with network {@code spec} and parameters (network then coefficients). */
    public PinnModel(Problem problem, NetworkSpec spec, double[] parameters, Recipe recipe) {
        this(problem, spec, parameters, recipe, null);
    }

    private PinnModel(Problem problem, NetworkSpec spec, double[] parameters, Recipe recipe, Windows windows) {
        if (parameters.length != spec.parameterCount() + problem.coefficients().size()) {
            throw new IllegalArgumentException(
                    "model has " + parameters.length + " parameters; the network and coefficients need "
                            + (spec.parameterCount() + problem.coefficients().size()));
        }
        this.problem = problem;
        this.spec = spec;
        this.parameters = parameters.clone();
        this.recipe = recipe;
        this.windows = windows;
    }

    /**
     * One model over the whole range of time windows: piece k (a model trained on window k) answers for points whose
     * {@code input} lies in [boundaries[k], boundaries[k + 1]), the last piece also at and after its end and the
     * first before its start. {@link #problem()}, {@link #spec()}, {@link #parameters()} and {@link #recipe()} are
     * the last piece's.
     *
     * @throws IllegalArgumentException if the boundaries are not increasing and finite, their count is not the
     *     number of pieces + 1, a piece is itself windowed, or the pieces differ in inputs, outputs or coefficients
     */
    public static PinnModel windowed(String input, double[] boundaries, List<PinnModel> pieces) {
        if (pieces == null || pieces.isEmpty() || boundaries == null || boundaries.length != pieces.size() + 1) {
            throw new IllegalArgumentException("a windowed model needs n >= 1 pieces and n + 1 boundaries; got "
                    + (pieces == null ? 0 : pieces.size()) + " piece(s) and "
                    + (boundaries == null ? 0 : boundaries.length) + " boundaries");
        }
        for (int k = 0; k < boundaries.length; k++) {
            if (!Double.isFinite(boundaries[k]) || (k > 0 && !(boundaries[k] > boundaries[k - 1]))) {
                throw new IllegalArgumentException(
                        "window boundaries must be finite and increasing; got " + Arrays.toString(boundaries));
            }
        }
        PinnModel last = pieces.get(pieces.size() - 1);
        int index = last.problem.inputs().indexOf(input);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "the window input '" + input + "' is not one of the inputs " + last.problem.inputs());
        }
        for (PinnModel piece : pieces) {
            if (piece.windows != null) {
                throw new IllegalArgumentException("a piece of a windowed model cannot itself be windowed");
            }
            if (!piece.problem.inputs().equals(last.problem.inputs())
                    || !piece.problem.outputs().equals(last.problem.outputs())
                    || !piece.problem.coefficientNames().equals(last.problem.coefficientNames())) {
                throw new IllegalArgumentException("the pieces of a windowed model must have the same inputs, outputs"
                        + " and coefficients; got " + piece + " and " + last);
            }
        }
        return new PinnModel(
                last.problem,
                last.spec,
                last.parameters,
                last.recipe,
                new Windows(index, boundaries.clone(), List.copyOf(pieces)));
    }

    /** The models of the time windows in order (this model alone when it was not trained in windows). */
    public List<PinnModel> pieces() {
        return windows == null ? List.of(this) : windows.pieces();
    }

    /** The window boundaries along {@link #windowInput()} (empty when the model was not trained in windows). */
    public double[] windowBoundaries() {
        return windows == null ? new double[0] : windows.boundaries().clone();
    }

    /** The input the windows divide (empty when the model was not trained in windows). */
    public java.util.Optional<String> windowInput() {
        return windows == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(problem.inputs().get(windows.input()));
    }

    /** The problem. */
    public Problem problem() {
        return problem;
    }

    /** The network shape and input scaling. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The recipe it was trained with (null for a model file written before recipes were recorded). */
    public Recipe recipe() {
        return recipe;
    }

    /** Copy of all parameters (network, then coefficients). */
    public double[] parameters() {
        return parameters.clone();
    }

    /** Identified coefficients by name. */
    public Map<String, Double> coefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> names = problem.coefficientNames();
        for (int k = 0; k < names.size(); k++) {
            m.put(names.get(k), parameters[spec.parameterCount() + k] * problem.coefficientScale(names.get(k)));
        }
        return m;
    }

    /**
     * Every output at the given points; returns {@code [output][point]}. Build the points with {@link
     * PointSet#rows}, {@link PointSet#columns} or {@link PointSet#grid}.
     */
    public double[][] predict(PointSet points) {
        return evaluate(points, this::outputs);
    }

    /**
     * Every output at the given points, feature-major ({@code points[i][p]}: one array per input); returns {@code
     * [output][point]}. An array that reads two ways (as many arrays as inputs, each that long, e.g. {@code {{0.1,
     * 0.2}, {0.3, 0.4}}} for two inputs: two points one per row, or one array per input) is refused: say which with
     * {@link #predict(PointSet)}.
     *
     * @throws IllegalArgumentException if the shape does not fit the inputs or reads two ways
     */
    public double[][] predict(double[][] points) {
        return evaluate(points, this::outputs);
    }

    private List<Field> outputs(Scope s) {
        List<Field> f = new ArrayList<>();
        for (String o : problem.outputs()) {
            f.add(s.output(o));
        }
        return f;
    }

    /**
     * Any expressions of the model at the given points (e.g. {@code s -> List.of(s.output("V").d("S"))} for a
     * Greek); returns {@code [expression][point]}.
     *
     * @throws IllegalArgumentException if the points do not have one coordinate per input
     */
    public double[][] evaluate(PointSet points, java.util.function.Function<Scope, List<Field>> expressions) {
        if (points == null) {
            throw new IllegalArgumentException("points must be given; build them with PointSet.rows, columns or grid");
        }
        int d = spec.inputs();
        if (points.dimension() != d) {
            throw new IllegalArgumentException("points have " + points.dimension() + " coordinates; the model has " + d
                    + " inputs " + problem.inputs());
        }
        double[][] columns = new double[d][];
        for (int i = 0; i < d; i++) {
            columns[i] = points.coordinate(i);
        }
        return evaluateColumns(columns, expressions);
    }

    /**
     * As {@link #evaluate(PointSet, java.util.function.Function)} with feature-major points ({@code points[i][p]});
     * an array that reads two ways (see {@link #predict(double[][])}) is refused.
     */
    public double[][] evaluate(double[][] points, java.util.function.Function<Scope, List<Field>> expressions) {
        int d = spec.inputs();
        if (points != null && d >= 2 && points.length == d) {
            boolean square = true;
            for (double[] c : points) {
                square &= c != null && c.length == d;
            }
            if (square) {
                throw new IllegalArgumentException("points: a " + d + " x " + d + " array reads two ways for the "
                        + d + " inputs " + problem.inputs() + ": " + d + " points one per row, or one array of " + d
                        + " values per input; say which with PointSet.rows(...) or PointSet.columns(...)");
            }
        }
        if (points != null && points.length != d && points.length > 0) {
            boolean rows = true;
            for (double[] c : points) {
                rows &= c != null && c.length == d;
            }
            if (rows) {
                throw new IllegalArgumentException("points must have " + d + " coordinate arrays (" + problem.inputs()
                        + "), one per input; got " + points.length + " arrays of " + d
                        + " values: for points one per row, pass PointSet.rows(points)");
            }
        }
        return evaluateColumns(points, expressions);
    }

    private double[][] evaluateColumns(double[][] points, java.util.function.Function<Scope, List<Field>> expressions) {
        int d = spec.inputs();
        if (points == null || points.length != d) {
            throw new IllegalArgumentException("points must have " + d + " coordinate arrays (" + problem.inputs()
                    + "); got " + (points == null ? "none" : points.length));
        }
        for (int i = 0; i < d; i++) {
            if (points[i] == null) {
                throw new IllegalArgumentException("points: coordinate array " + i + " ("
                        + problem.inputs().get(i) + ") is missing; expected double[" + d + "][n]");
            }
        }
        int n = points[0].length;
        for (int i = 1; i < d; i++) {
            if (points[i].length != n) {
                throw new IllegalArgumentException(
                        "coordinate arrays have different lengths: " + n + " and " + points[i].length);
            }
        }
        if (windows != null) {
            return evaluateByWindow(points, n, expressions);
        }
        Scope scope = problem.newScope(List.of());
        BoundProgram bound =
                new BoundProgram(Program.compile(expressions.apply(scope)), spec, 64, spec.parameterCount());
        try (BatchEvaluator evaluator = new BatchEvaluator(1)) {
            return bound.values(evaluator, points, n, parameters);
        }
    }

    /** Each point evaluated by the piece of the window it lies in, then put back in the caller's order. */
    private double[][] evaluateByWindow(
            double[][] points, int n, java.util.function.Function<Scope, List<Field>> expressions) {
        int pieces = windows.pieces().size();
        int[] piece = new int[n];
        int[] count = new int[pieces];
        double[] b = windows.boundaries();
        for (int p = 0; p < n; p++) {
            double t = points[windows.input()][p];
            int k = 0;
            while (k < pieces - 1 && t >= b[k + 1]) {
                k++;
            }
            piece[p] = k;
            count[k]++;
        }
        double[][] out = null;
        for (int k = 0; k < pieces; k++) {
            if (count[k] == 0) {
                continue;
            }
            int[] which = new int[count[k]];
            double[][] sub = new double[points.length][count[k]];
            for (int p = 0, j = 0; p < n; p++) {
                if (piece[p] == k) {
                    which[j] = p;
                    for (int i = 0; i < points.length; i++) {
                        sub[i][j] = points[i][p];
                    }
                    j++;
                }
            }
            double[][] values = windows.pieces().get(k).evaluateColumns(sub, expressions);
            if (out == null) {
                out = new double[values.length][n];
            }
            for (int e = 0; e < values.length; e++) {
                for (int j = 0; j < which.length; j++) {
                    out[e][which[j]] = values[e][j];
                }
            }
        }
        return out == null ? windows.pieces().get(0).evaluateColumns(points, expressions) : out;
    }

    /** Raw network output derivative streams (no transform) for tests and diagnostics. */
    public double[] networkDerivative(double[][] points, int output, MultiIndex derivative) {
        String name = problem.outputs().get(output);
        String[] vars = new String[derivative.order()];
        int[] pos = derivative.positions();
        for (int k = 0; k < pos.length; k++) {
            vars[k] = problem.inputs().get(pos[k]);
        }
        return evaluate(
                points,
                s -> List.of(
                        vars.length == 0
                                ? s.networkOutput(name)
                                : s.networkOutput(name).d(vars)))[0];
    }

    @Override
    public String toString() {
        return "PinnModel(" + problem.name() + ", " + spec + ", "
                + Arrays.toString(problem.coefficientNames().toArray())
                + (windows == null
                        ? ""
                        : ", " + windows.pieces().size() + " windows in "
                                + windowInput().get() + " " + Arrays.toString(windows.boundaries()))
                + ")";
    }
}
