package org.pinn4j.problems;

import java.util.Map;
import java.util.Optional;

/**
 * What a catalogue problem may need from outside when it is built: options from the command line
 * (seed, noise level) and the numerical reference solution computed by the validation module for
 * problems that have no closed form (their data terms are sampled from it).
 *
 * @param seed      seed for anything random in the problem itself (e.g. which data points, noise)
 * @param noise     relative Gaussian noise level for data terms (0 = clean)
 * @param quick     reduced budgets (smaller data sets are allowed)
 * @param reference numerical reference for problems whose {@link BenchmarkProblem#referenceKind()} is not analytic
 * @param parameters values of the problem's declared parameters ({@link BenchmarkProblem#parameterValues}); a
 *     parameter not in the map has its default
 */
public record ProblemContext(
        long seed, double noise, boolean quick, Optional<Reference> reference, Map<String, Double> parameters) {
    /** Copies the parameters. */
    public ProblemContext {
        parameters = Map.copyOf(parameters);
    }

    /** A context with every parameter at its default. */
    public ProblemContext(long seed, double noise, boolean quick, Optional<Reference> reference) {
        this(seed, noise, quick, reference, Map.of());
    }

    /** Default context: seed 0, no noise, full budgets, no reference. */
    public static ProblemContext defaults() {
        return new ProblemContext(0L, 0.0, false, Optional.empty());
    }

    /** The value of {@code p}: the one given, else its default. */
    public double parameter(ProblemParameter p) {
        return parameters.getOrDefault(p.name(), p.defaultValue());
    }

    /** This context with the parameter values {@code values}. */
    public ProblemContext withParameters(Map<String, Double> values) {
        return new ProblemContext(seed, noise, quick, reference, values);
    }

    /** The injected reference, or a clear error naming the problem. */
    public Reference requireReference(String problem) {
        return reference.orElseThrow(() -> new IllegalStateException("problem '" + problem
                + "' needs its numerical reference solution; build it through the validation module's runner"));
    }
}
