package org.pinn4j.validation.cli;

import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.RunSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option checks that picocli's type conversion does not cover. */
final class Checks {
    private Checks() {}

    /** Default worker threads of the commands: every processor of the machine (results do not depend on it). */
    static int processors() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** A size option must be >= 1. */
    static void positive(CommandSpec spec, String option, Integer value) {
        if (value != null && value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be a whole number >= 1; got " + value);
        }
    }

    /**
     * The recipe name of {@code --recipe NAME} and {@code --quick}: the named one, or quick for --quick, or the
     * default; both options only when they agree.
     */
    static String recipeName(CommandSpec spec, String recipe, boolean quick) {
        if (recipe != null && quick && !recipe.equals(BenchmarkProblem.QUICK_RECIPE)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--quick means --recipe quick; give --recipe " + recipe + " or --quick, not both");
        }
        if (recipe != null) {
            return recipe;
        }
        return quick ? BenchmarkProblem.QUICK_RECIPE : BenchmarkProblem.DEFAULT_RECIPE;
    }

    /**
     * {@code --param NAME=V} options as numbers, checked against the problem's declared parameters and the run
     * settings every problem takes ({@link RunSettings}: names and ranges); none given = an empty map.
     */
    static java.util.Map<String, Double> parameters(
            CommandSpec spec, BenchmarkProblem p, java.util.Map<String, String> given) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        for (java.util.Map.Entry<String, String> e : given.entrySet()) {
            double v;
            try {
                v = Double.parseDouble(e.getValue().trim());
            } catch (NumberFormatException ex) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--param " + e.getKey() + "=" + e.getValue() + ": '" + e.getValue()
                                + "' is not a number; expected e.g. --param " + e.getKey() + "=0.01");
            }
            if (!Double.isFinite(v)) {
                throw new ParameterException(
                        spec.commandLine(), "--param " + e.getKey() + " must be a finite number; got " + e.getValue());
            }
            out.put(e.getKey(), v);
        }
        for (String name : out.keySet()) {
            try {
                RunSettings.checkNames(p, java.util.List.of(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--param " + name + ": " + e.getMessage());
            }
        }
        RunSettings.of(out); // values out of range: one line naming the range
        p.parameterValues(RunSettings.problemParameters(out));
        return out;
    }

    /** A noise level must be finite and >= 0. */
    static void noise(CommandSpec spec, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--noise must be a finite number >= 0 (0.01 = 1% Gaussian noise); got " + value);
        }
    }
}
