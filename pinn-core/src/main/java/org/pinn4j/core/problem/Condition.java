package org.pinn4j.core.problem;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.loss.PointLoss;
import org.pinn4j.core.sampling.PointSet;

/**
 * One term of the loss: expressions evaluated on the points of a {@link Region}, each point's values
 * passed through a {@link PointLoss}, averaged, and weighted. PDE residuals, boundary and initial
 * conditions and data misfits are all conditions; make them with {@link Conditions}. Immutable: the
 * {@code with...} methods return modified copies.
 */
public final class Condition {
    /** The largest weight a condition takes: weights beyond it overflow the optimizers' squared gradients. */
    public static final double MAX_WEIGHT = 1e100;

    /** How a condition's expressions meet the points. */
    public enum Kind {
        /** Expressions evaluated at each point. */
        POINTWISE,
        /** Expression at a point minus the same expression at its periodic image. */
        PERIODIC
    }

    /** Builds per-point data columns (normals, measured values) for a sampled point set. */
    @FunctionalInterface
    public interface Columns {
        /** Columns for {@code points}, one array of points.size() values per column name. */
        double[][] of(PointSet points);
    }

    /** The fields of a condition, copied and changed by the {@code with...} methods. */
    private static final class Fields implements Cloneable {
        String name;
        Kind kind = Kind.POINTWISE;
        Region region;
        int points;
        double weight = 1.0;
        PointLoss loss = PointLoss.mse();
        List<String> columnNames = List.of();
        Columns columns = p -> new double[0][];
        List<String> targetColumns = List.of();
        Function<Scope, List<Field>> expressions;
        String periodicInput;

        Fields copy() {
            try {
                return (Fields) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Fields f;

    private Condition(Fields f) {
        if (f.name == null || f.name.isBlank()) {
            throw new IllegalArgumentException("a condition needs a non-empty name");
        }
        if (f.points < 0) {
            throw new IllegalArgumentException("condition '" + f.name + "': point count " + f.points + " must be >= 0");
        }
        if (!(f.weight >= 0 && f.weight <= MAX_WEIGHT)) {
            throw new IllegalArgumentException("condition '" + f.name + "': weight " + f.weight
                    + " must be a number from 0 to 1e100 (a larger one makes the squares of the loss's gradient"
                    + " overflow, and Adam and the quasi-Newton methods stall)");
        }
        if (f.loss.needsTargets() && f.targetColumns.isEmpty()) {
            throw new IllegalArgumentException("condition '" + f.name + "': " + f.loss + " compares with targets; use "
                    + "Conditions.classification(...) which declares them");
        }
        f.columnNames = List.copyOf(f.columnNames);
        f.targetColumns = List.copyOf(f.targetColumns);
        this.f = f;
    }

    private Condition with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new Condition(copy);
    }

    /**
     * A pointwise condition: {@code expressions} at {@code points} points of {@code region}, weight 1, MSE, no
     * data columns (add them with {@link #withColumns}).
     */
    static Condition pointwise(String name, Region region, int points, Function<Scope, List<Field>> expressions) {
        Fields f = new Fields();
        f.name = name;
        f.region = region;
        f.points = points;
        f.expressions = expressions;
        return new Condition(f);
    }

    /** Copy with another weight in the total loss. */
    public Condition withWeight(double w) {
        return with(c -> c.weight = w);
    }

    /** Copy with another number of points per (re)sampling. */
    public Condition withPoints(int n) {
        return with(c -> c.points = n);
    }

    /** Copy with another point loss (MSE by default). */
    public Condition withLoss(PointLoss l) {
        return with(c -> c.loss = l);
    }

    /** Copy whose expressions may read the named per-point data columns, built for each point set by {@code columns}. */
    Condition withColumns(List<String> names, Columns columns) {
        return with(c -> {
            c.columnNames = names;
            c.columns = columns;
        });
    }

    /** Copy whose named columns are the targets of a cross-entropy loss. */
    Condition withTargets(List<String> names) {
        return with(c -> c.targetColumns = names);
    }

    /** Name shown in the loss history. */
    public String name() {
        return f.name;
    }

    /** Pointwise or periodic. */
    public Kind kind() {
        return f.kind;
    }

    /** Where the points come from. */
    public Region region() {
        return f.region;
    }

    /** Points per sampling (ignored for fixed regions). */
    public int points() {
        return f.points;
    }

    /** Weight in the total loss. */
    public double weight() {
        return f.weight;
    }

    /** Point loss. */
    public PointLoss loss() {
        return f.loss;
    }

    /** Names of the per-point data columns the expressions may read. */
    public List<String> columnNames() {
        return f.columnNames;
    }

    /** Column builder. */
    public Columns columns() {
        return f.columns;
    }

    /** Target column names for cross-entropy losses. */
    public List<String> targetColumns() {
        return f.targetColumns;
    }

    /** The expressions, built in a given scope. */
    public List<Field> expressions(Scope scope) {
        List<Field> fields = f.expressions.apply(scope);
        boolean missing = fields == null || fields.isEmpty();
        for (int k = 0; !missing && k < fields.size(); k++) {
            missing = fields.get(k) == null;
        }
        if (missing) {
            throw new IllegalArgumentException(
                    "condition '" + f.name + "' returned no expression (null); the residual lambda must "
                            + "return a Field built from the scope");
        }
        return fields;
    }

    /** Copy that compares the expressions at each point with its periodic image along the named input. */
    Condition withPeriodicInput(String input) {
        return with(c -> {
            c.kind = Kind.PERIODIC;
            c.periodicInput = input;
        });
    }

    /** For periodic conditions: the input along which the domain is periodic (null otherwise). */
    public String periodicInput() {
        return f.periodicInput;
    }

    @Override
    public String toString() {
        return f.name + " (" + f.kind.name().toLowerCase() + " on " + f.region.describe() + ", weight " + f.weight
                + ", " + f.loss + ")";
    }
}
