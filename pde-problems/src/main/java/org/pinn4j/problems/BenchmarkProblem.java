package org.pinn4j.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;

/**
 * A catalogue entry: a PINN problem with its default training recipe, the solution it is measured
 * against and the published figure it is compared with.
 */
public interface BenchmarkProblem {
    /** Command-line name, e.g. "burgers". */
    String name();

    /**
     * Version of this entry's definition, recorded in the model files it produces. {@code pinn predict}
     * rebuilds a model's output transform from its entry only when the versions agree, so raise it whenever a
     * change to the domain, the output transform, or the input, output or coefficient names would make an
     * older model predict differently through this entry. 1 unless an entry says otherwise.
     */
    default int version() {
        return 1;
    }

    /** The equation in one line, e.g. "u_t + u u_x - (0.01/pi) u_xx = 0". */
    String equation();

    /** "analytic" or the name of the numerical reference (e.g. "Hopf-Cole quadrature"). */
    String referenceKind();

    /** True if {@link #analytic()} gives the solution; otherwise the validation module supplies it. */
    default boolean hasAnalyticSolution() {
        return analytic().isPresent();
    }

    /** The closed-form solution, if any. */
    Optional<Reference> analytic();

    /** The published figure in words, e.g. "rel L2 6.7e-4 (Raissi et al. 2019, 8x40)", or "-" if none. */
    String publishedFigure();

    /** The published relative L2 error to compare with, if any (none by default). */
    default Optional<Double> publishedRelL2() {
        return Optional.empty();
    }

    /** The problem to train, built for the given context. */
    Problem problem(ProblemContext context);

    /** Default recipe; {@code quick} = reduced budget that still shows the method works. */
    Recipe recipe(boolean quick);

    /** Grid for metrics and charts (not the training points). */
    EvaluationGrid evaluationGrid();

    /** True values of the trainable coefficients of inverse problems (empty otherwise). */
    default Map<String, Double> trueCoefficients() {
        return Map.of();
    }

    /**
     * Relative noise level of the data terms when the user gives none (0.01 = 1%); an explicit level,
     * including 0, replaces it. The default is 0 (clean data).
     */
    default double defaultNoise() {
        return 0.0;
    }

    /**
     * True if the problem has data terms that take the noise level ({@link ProblemContext#noise()}); the default is
     * false, and {@code pinn run --noise} is refused for such a problem, as it would change nothing.
     */
    default boolean hasNoisyData() {
        return false;
    }

    /** Optimizer names {@link #recipe(boolean, String)} accepts; empty (the default) = the recipe is fixed. */
    default List<String> optimizerChoices() {
        return List.of();
    }

    /**
     * The default recipe trained with the named optimizer (one of {@link #optimizerChoices()}); null or
     * blank = {@link #recipe(boolean)}.
     *
     * @throws IllegalArgumentException if the name is not one of the choices
     */
    default Recipe recipe(boolean quick, String optimizer) {
        if (optimizer == null || optimizer.isBlank()) {
            return recipe(quick);
        }
        if (FINAL_PHASE_METHODS.contains(optimizer.trim().toLowerCase(java.util.Locale.ROOT))) {
            return withFinalQuasiNewton(recipe(quick), optimizer);
        }
        if (optimizerChoices().isEmpty()) {
            throw new IllegalArgumentException("problem '" + name() + "' trains with a fixed recipe; an optimizer ('"
                    + optimizer + "') can only be chosen for problems that offer a choice, e.g. cwru-exercise; a final"
                    + " quasi-Newton phase can be lbfgs, bfgs, ssbroyden or lm");
        }
        throw new IllegalArgumentException("problem '" + name() + "' has no optimizer '" + optimizer
                + "'; expected one of " + String.join(", ", optimizerChoices()));
    }

    /** The quasi-Newton methods (L-BFGS, BFGS, self-scaled Broyden). */
    List<String> QUASI_NEWTON = List.of("lbfgs", "bfgs", "ssbroyden");

    /**
     * The methods {@code --optimizer} can put in place of a recipe's final quasi-Newton (or Levenberg-Marquardt)
     * phase: the quasi-Newton methods and lm (Levenberg-Marquardt).
     */
    List<String> FINAL_PHASE_METHODS = List.of("lbfgs", "bfgs", "ssbroyden", "lm");

    /**
     * {@code recipe} with its last phase, a quasi-Newton or Levenberg-Marquardt phase, replaced by the named method
     * (lbfgs, bfgs, ssbroyden, lm) with the same number of iterations and restarts (uniform or residual-based) and
     * that method's default settings.
     *
     * @throws IllegalArgumentException if the recipe does not end with a quasi-Newton phase
     */
    default Recipe withFinalQuasiNewton(Recipe recipe, String method) {
        List<Phase> phases = recipe.phases();
        Phase last = phases.get(phases.size() - 1);
        if (!last.mode().iterative()) {
            throw new IllegalArgumentException("problem '" + name() + "' ends its recipe with " + last
                    + ", not a quasi-Newton phase; --optimizer " + method.trim().toLowerCase(java.util.Locale.ROOT)
                    + " replaces a final lbfgs, bfgs, ssbroyden or lm phase");
        }
        phases.set(phases.size() - 1, Phase.quasiNewton(method, last.length()).resamplingAs(last));
        return recipe.withPhases(phases.toArray(new Phase[0]));
    }

    /** The name of the recipe {@link #recipe(boolean) recipe(false)} gives. */
    String DEFAULT_RECIPE = "default";
    /** The name of the recipe {@link #recipe(boolean) recipe(true)} gives (the reduced budget). */
    String QUICK_RECIPE = "quick";

    /**
     * The problem's named recipes, in the order {@code pinn list} shows them: at least {@value #DEFAULT_RECIPE}
     * and {@value #QUICK_RECIPE}. A problem that offers more overrides this and keeps those two.
     */
    default Map<String, Recipe> recipes() {
        Map<String, Recipe> m = new LinkedHashMap<>();
        m.put(DEFAULT_RECIPE, recipe(false));
        m.put(QUICK_RECIPE, recipe(true));
        return m;
    }

    /**
     * The named recipe, trained with the named optimizer if one is given: a quasi-Newton method (lbfgs, bfgs,
     * ssbroyden, or lm for Levenberg-Marquardt) in place of the recipe's final quasi-Newton phase, for any recipe that ends with one; or, for
     * the default and quick recipes of a problem with {@link #optimizerChoices()}, one of those.
     *
     * @throws IllegalArgumentException if the problem has no such recipe (listing its names) or optimizer
     */
    default Recipe recipe(String name, String optimizer) {
        Map<String, Recipe> all = recipes();
        if (!all.containsKey(name)) {
            throw new IllegalArgumentException("problem '" + name() + "' has no recipe '" + name + "'; its recipes are "
                    + String.join(", ", all.keySet()));
        }
        if (name.equals(DEFAULT_RECIPE) || name.equals(QUICK_RECIPE)) {
            return recipe(name.equals(QUICK_RECIPE), optimizer);
        }
        if (optimizer == null || optimizer.isBlank()) {
            return all.get(name);
        }
        if (FINAL_PHASE_METHODS.contains(optimizer.trim().toLowerCase(java.util.Locale.ROOT))) {
            return withFinalQuasiNewton(all.get(name), optimizer);
        }
        throw new IllegalArgumentException("recipe '" + name + "' of problem '" + name()
                + "' fixes its first-order optimizers; with it --optimizer can only replace a final quasi-Newton"
                + " phase (lbfgs, bfgs, ssbroyden or lm)");
    }

    /** The numbers a user may set with {@code --param NAME=V}, in order (none by default). */
    default List<ProblemParameter> parameters() {
        return List.of();
    }

    /** Every declared parameter {@link ProblemParameter#describe described}, comma-separated, in order; "" if none. */
    default String describeParameters() {
        return String.join(
                ", ", parameters().stream().map(ProblemParameter::describe).toList());
    }

    /**
     * Every declared parameter's value, in declaration order: the given one, else the default.
     *
     * @throws IllegalArgumentException for a name the problem does not declare (listing the declared ones) or a
     *     value outside its range
     */
    default Map<String, Double> parameterValues(Map<String, Double> given) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("problem '" + name() + "' has no parameter '" + name + "'; "
                        + (parameters().isEmpty() ? "it has none" : "its parameters are " + describeParameters()));
            }
        }
        for (ProblemParameter p : parameters()) {
            Double v = given.get(p.name());
            out.put(p.name(), v == null ? p.defaultValue() : p.check(name(), v));
        }
        return out;
    }

    /**
     * The outputs whose errors are measured on the evaluation grid, in the order the reference gives them: all of
     * {@code problem}'s outputs by default. An entry leaves out an output its reference cannot give well, e.g. the
     * lid-driven cavity's pressure, singular at the lid's corners.
     */
    default List<String> measuredOutputs(Problem problem) {
        return problem.outputs();
    }

    /** Quantities measured besides the outputs, e.g. an option's Greeks (empty by default). */
    default List<DerivedQuantity> derivedQuantities() {
        return List.of();
    }

    /**
     * The quantities measured besides the outputs in a run with {@code context}, whose reference may give their exact
     * values (e.g. the modulus of a complex solution); {@link #derivedQuantities()} by default.
     */
    default List<DerivedQuantity> derivedQuantities(ProblemContext context) {
        return derivedQuantities();
    }

    /**
     * Text the runner shows and keeps with the run before the results, e.g. the first training steps
     * worked out by hand; empty (the default) = none. Called with the problem and recipe about to be trained.
     */
    default String walkthrough(Problem problem, Recipe recipe) {
        return "";
    }
}
