package org.pinn4j.core.problem;

import java.util.List;
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

    private final String name;
    private final Kind kind;
    private final Region region;
    private final int points;
    private final double weight;
    private final PointLoss loss;
    private final List<String> columnNames;
    private final Columns columns;
    private final List<String> targetColumns;
    private final Function<Scope, List<Field>> expressions;
    private final String periodicInput;

    Condition(
            String name,
            Kind kind,
            Region region,
            int points,
            double weight,
            PointLoss loss,
            List<String> columnNames,
            Columns columns,
            List<String> targetColumns,
            Function<Scope, List<Field>> expressions,
            String periodicInput) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a condition needs a non-empty name");
        }
        if (points < 0) {
            throw new IllegalArgumentException("condition '" + name + "': point count " + points + " must be >= 0");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(
                    "condition '" + name + "': weight " + weight + " must be a finite number >= 0");
        }
        this.name = name;
        this.kind = kind;
        this.region = region;
        this.points = points;
        this.weight = weight;
        this.loss = loss;
        this.columnNames = List.copyOf(columnNames);
        this.columns = columns;
        this.targetColumns = List.copyOf(targetColumns);
        this.expressions = expressions;
        this.periodicInput = periodicInput;
    }

    /** Copy with another weight in the total loss. */
    public Condition withWeight(double w) {
        return new Condition(
                name, kind, region, points, w, loss, columnNames, columns, targetColumns, expressions, periodicInput);
    }

    /** Copy with another number of points per (re)sampling. */
    public Condition withPoints(int n) {
        return new Condition(
                name, kind, region, n, weight, loss, columnNames, columns, targetColumns, expressions, periodicInput);
    }

    /** Copy with another point loss (MSE by default). */
    public Condition withLoss(PointLoss l) {
        if (l.needsTargets() && targetColumns.isEmpty()) {
            throw new IllegalArgumentException("condition '" + name + "': " + l + " compares with targets; use "
                    + "Conditions.classification(...) which declares them");
        }
        return new Condition(
                name, kind, region, points, weight, l, columnNames, columns, targetColumns, expressions, periodicInput);
    }

    /** Name shown in the loss history. */
    public String name() {
        return name;
    }

    /** Pointwise or periodic. */
    public Kind kind() {
        return kind;
    }

    /** Where the points come from. */
    public Region region() {
        return region;
    }

    /** Points per sampling (ignored for fixed regions). */
    public int points() {
        return points;
    }

    /** Weight in the total loss. */
    public double weight() {
        return weight;
    }

    /** Point loss. */
    public PointLoss loss() {
        return loss;
    }

    /** Names of the per-point data columns the expressions may read. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** Column builder. */
    public Columns columns() {
        return columns;
    }

    /** Target column names for cross-entropy losses. */
    public List<String> targetColumns() {
        return targetColumns;
    }

    /** The expressions, built in a given scope. */
    public List<Field> expressions(Scope scope) {
        List<Field> f = expressions.apply(scope);
        boolean missing = f == null || f.isEmpty();
        for (int k = 0; !missing && k < f.size(); k++) {
            missing = f.get(k) == null;
        }
        if (missing) {
            throw new IllegalArgumentException(
                    "condition '" + name + "' returned no expression (null); the residual lambda must "
                            + "return a Field built from the scope");
        }
        return f;
    }

    /** Copy that is periodic along the named input. */
    Condition withPeriodicInput(String input) {
        return new Condition(
                name, kind, region, points, weight, loss, columnNames, columns, targetColumns, expressions, input);
    }

    /** For periodic conditions: the input along which the domain is periodic (null otherwise). */
    public String periodicInput() {
        return periodicInput;
    }

    @Override
    public String toString() {
        return name + " (" + kind.name().toLowerCase() + " on " + region.describe() + ", weight " + weight + ", " + loss
                + ")";
    }
}
