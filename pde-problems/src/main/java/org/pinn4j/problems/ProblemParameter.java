package org.pinn4j.problems;

/**
 * A named number a catalogue problem lets its user set ({@code pinn run <problem> --param NAME=V}), e.g. Burgers'
 * viscosity: its default and the closed range of accepted values.
 *
 * @param name         the name on the command line and in model files
 * @param description  what it is, e.g. "viscosity"
 * @param defaultValue the value when none is given
 * @param min          the smallest accepted value
 * @param max          the largest accepted value
 */
public record ProblemParameter(String name, String description, double defaultValue, double min, double max) {
    /** Checks the name and that the default lies in the finite range. */
    public ProblemParameter {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "parameter name '" + name + "' must be a letter then letters, digits, _");
        }
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " must lie in a finite range [min, max]; got [" + min + ", " + max + "]");
        }
    }

    /** "nu (viscosity, default 0.003183098861837907, range [1.0E-4, 1])". */
    public String describe() {
        return name + " (" + description + ", default " + format(defaultValue) + ", range [" + format(min) + ", "
                + format(max) + "])";
    }

    /**
     * {@code value} if it is accepted.
     *
     * @throws IllegalArgumentException naming the range otherwise
     */
    public double check(String problem, double value) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("problem '" + problem + "': parameter " + name + " = " + format(value)
                    + " is outside its range [" + format(min) + ", " + format(max) + "]");
        }
        return value;
    }

    /** Whole numbers without ".0", others as Java prints them (exact: "0.003183098861837907", "1.0E-4"). */
    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
