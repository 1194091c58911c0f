package org.pinn4j.core.optim;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Reads the components of a settings record: its values by name, and a one-line description. */
final class Settings {
    private Settings() {}

    /** The record's components, by name, in declaration order. */
    static Map<String, Object> values(Record r) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
            }
        }
        return values;
    }

    /** {@code name(component value, ...)}, e.g. "adam(beta1 0.9, beta2 0.999, eps 1.0E-8)"; just the name without components. */
    static String describe(String name, Record r) {
        Map<String, Object> values = values(r);
        if (values.isEmpty()) {
            return name;
        }
        StringJoiner j = new StringJoiner(", ", name + "(", ")");
        values.forEach((k, v) -> j.add(k + " " + v));
        return j.toString();
    }
}
