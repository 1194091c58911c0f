package org.pinn4j.validation.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;

/**
 * The training settings a run may change besides a problem's own parameters, given the same way ({@code pinn run
 * <problem> --param width=40}) so that every knob of a sweep is a {@code --param}: the width and depth of the
 * hidden layers, the collocation points of the residual condition, the first phase's learning rate and the last
 * phase's length. A setting not given keeps the recipe's (or the problem's) value.
 */
public final class RunSettings {
    /** Neurons in every hidden layer. */
    public static final String WIDTH = "width";
    /** Number of hidden layers. */
    public static final String DEPTH = "depth";
    /** Collocation points of the problem's residual condition, the one named {@value #RESIDUAL_CONDITION}. */
    public static final String POINTS = "points";
    /** Learning rate at the first step of the first phase (a first-order phase, e.g. Adam). */
    public static final String LR = "lr";
    /**
     * Length of the last phase: its steps, epochs or iterations (an iterative phase made longer gets a
     * proportionally larger evaluation limit, {@link org.pinn4j.core.train.Phase#withLength}).
     */
    public static final String STEPS = "steps";
    /** The name every catalogue problem gives its PDE residual condition. */
    public static final String RESIDUAL_CONDITION = "pde";

    private static final Map<String, Setting> ALL = settings();

    /** One setting: its description, range and whether it takes whole numbers only. */
    private record Setting(String name, String description, double min, double max, boolean whole) {
        String describe() {
            return name + " (" + description + ", range [" + format(min) + ", " + format(max) + "]"
                    + (whole ? ", a whole number" : "") + ")";
        }
    }

    private final Map<String, Double> values;

    private RunSettings(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static Map<String, Setting> settings() {
        Map<String, Setting> m = new LinkedHashMap<>();
        for (Setting s : List.of(
                new Setting(WIDTH, "neurons in every hidden layer", 1, 4096, true),
                new Setting(DEPTH, "hidden layers", 1, 64, true),
                new Setting(
                        POINTS,
                        "collocation points of the residual condition '" + RESIDUAL_CONDITION + "'",
                        1,
                        1e7,
                        true),
                new Setting(LR, "learning rate of the first phase", 1e-12, 10, false),
                new Setting(STEPS, "steps or iterations of the last phase", 1, 1e8, true))) {
            m.put(s.name(), s);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Whether {@code name} is one of the settings (width, depth, points, lr, steps). */
    public static boolean isSetting(String name) {
        return ALL.containsKey(name);
    }

    /**
     * Refuses a name among {@code names} that is neither one of {@code problem}'s parameters nor a setting.
     *
     * @throws IllegalArgumentException "problem 'p' has no parameter 'x'; its parameters are ...; every problem takes
     *     width (...), ...", in one line
     */
    public static void checkNames(BenchmarkProblem problem, java.util.Collection<String> names) {
        for (String name : names) {
            if (!isSetting(name)
                    && problem.parameters().stream().noneMatch(pp -> pp.name().equals(name))) {
                throw new IllegalArgumentException("problem '" + problem.name() + "' has no parameter '" + name + "'; "
                        + (problem.parameters().isEmpty()
                                ? "it has none of its own"
                                : "its parameters are " + problem.describeParameters())
                        + "; every problem takes " + String.join(", ", descriptions()));
            }
        }
    }

    /** "width (neurons in every hidden layer, range [1, 4096], a whole number)", one per setting. */
    public static List<String> descriptions() {
        return ALL.values().stream().map(Setting::describe).toList();
    }

    /**
     * The settings among {@code given} (names and values checked); the other entries are ignored here (they are
     * the problem's parameters).
     *
     * @throws IllegalArgumentException for a value outside a setting's range or a fraction where a whole number is
     *     expected
     */
    public static RunSettings of(Map<String, Double> given) {
        Map<String, Double> mine = new LinkedHashMap<>();
        for (Setting s : ALL.values()) { // one order whatever the given map's, so model files agree byte for byte
            Double value = given.get(s.name());
            if (value == null) {
                continue;
            }
            double v = value;
            if (!(v >= s.min() && v <= s.max()) || (s.whole() && v != Math.rint(v))) {
                throw new IllegalArgumentException("--param " + s.name() + " = " + format(v) + ": expected "
                        + (s.whole() ? "a whole number" : "a number") + " in [" + format(s.min()) + ", "
                        + format(s.max()) + "] (" + s.description() + ")");
            }
            mine.put(s.name(), v);
        }
        return new RunSettings(mine);
    }

    /** The entries of {@code given} that are not settings: the problem's own parameters. */
    public static Map<String, Double> problemParameters(Map<String, Double> given) {
        Map<String, Double> out = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (!isSetting(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The settings given, by name, in the order width, depth, points, lr, steps. */
    public Map<String, Double> values() {
        return values;
    }

    /** True when no setting is given. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * {@code recipe} with these settings: every hidden layer {@code width} wide and {@code depth} of them (the
     * first hidden layer's width and the layer count when only one is given; activation, initialiser and input maps
     * kept), the first phase's learning rate, the last phase's length.
     *
     * @throws IllegalArgumentException naming the problem when {@code lr} is given and its recipe does not start with
     *     a first-order phase
     */
    public Recipe applyTo(String problem, Recipe recipe) {
        Recipe out = recipe;
        if (values.containsKey(WIDTH) || values.containsKey(DEPTH)) {
            int[] widths = recipe.network().hiddenWidths();
            int depth = values.containsKey(DEPTH) ? values.get(DEPTH).intValue() : widths.length;
            int width = values.containsKey(WIDTH) ? values.get(WIDTH).intValue() : widths[0];
            int[] changed = new int[depth];
            Arrays.fill(changed, width);
            out = out.withNetwork(recipe.network().hiddenWidths(changed));
        }
        if (values.containsKey(LR) || values.containsKey(STEPS)) {
            List<Phase> phases = new ArrayList<>(out.phases());
            if (values.containsKey(LR)) {
                try {
                    phases.set(0, phases.get(0).withLearningRate(values.get(LR)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "--param lr: the first phase of " + problem + "'s recipe, " + e.getMessage(), e);
                }
            }
            if (values.containsKey(STEPS)) {
                int last = phases.size() - 1;
                phases.set(last, phases.get(last).withLength(values.get(STEPS).intValue()));
            }
            out = out.withPhases(phases.toArray(new Phase[0]));
        }
        return out;
    }

    /**
     * {@code problem} with {@code points} collocation points in its residual condition.
     *
     * @throws IllegalArgumentException when {@code points} is given and the problem has no condition named
     *     {@value #RESIDUAL_CONDITION}
     */
    public Problem applyTo(BenchmarkProblem entry, Problem problem) {
        if (!values.containsKey(POINTS)) {
            return problem;
        }
        int n = values.get(POINTS).intValue();
        List<Condition> changed = new ArrayList<>();
        boolean found = false;
        for (Condition c : problem.conditions()) {
            if (c.name().equals(RESIDUAL_CONDITION)) {
                changed.add(c.withPoints(n));
                found = true;
            } else {
                changed.add(c);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("--param points: problem '" + entry.name()
                    + "' has no residual condition named '" + RESIDUAL_CONDITION + "' whose points it would set");
        }
        return problem.withConditions(changed);
    }

    /** Whole numbers without ".0", others as Java prints them. */
    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
