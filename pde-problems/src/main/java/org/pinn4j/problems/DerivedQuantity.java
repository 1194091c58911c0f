package org.pinn4j.problems;

import java.util.function.Function;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Scope;

/**
 * A quantity computed from the trained network besides its outputs (e.g. an option's Delta = V_S from the
 * network's own derivatives), measured against its exact values on its own grid. The runner reports its
 * relative L2 error as {@code <name>_rel_l2} on the result line and in the report; chart hooks may draw it.
 *
 * @param name        short lower-case key, e.g. "delta" (result line: delta_rel_l2=...)
 * @param description what it is, e.g. "Delta = dV/dS"
 * @param expression  the quantity as an expression of the model, e.g. {@code s -> s.output("V").d("S")}
 * @param exact       its exact values; {@code values(points)[0]} is used
 * @param grid        where it is measured and drawn (the last axis is the slice axis of charts)
 */
public record DerivedQuantity(
        String name, String description, Function<Scope, Field> expression, Reference exact, EvaluationGrid grid) {
    /** Checks that every part is given and the name is a lower-case key. */
    public DerivedQuantity {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "derived quantity name '" + name + "' must be a lower-case key such as 'delta'");
        }
        if (description == null || expression == null || exact == null || grid == null) {
            throw new IllegalArgumentException(
                    "derived quantity '" + name + "' needs a description, an expression, exact values and a grid");
        }
    }
}
