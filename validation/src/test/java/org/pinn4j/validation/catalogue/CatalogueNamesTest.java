package org.pinn4j.validation.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.validation.reference.References;

/** The catalogue's names and variable names are a public contract (issue 4): check them. */
class CatalogueNamesTest {
    /** The issue's list, in its order; cwru-exercise belongs to the exercise issue and may be registered elsewhere. */
    static final List<String> ISSUE = List.of(
            "burgers",
            "burgers-inverse",
            "black-scholes",
            "oscillator",
            "poisson-1d",
            "poisson-2d",
            "poisson-lshape",
            "heat-1d",
            "wave-1d",
            "helmholtz-2d",
            "allen-cahn",
            "lorenz-inverse");
    /** Extra entries that show capabilities (disk domain; 3-D Laplacian with a Neumann face; an ODE system over several cycles; Raissi et al.'s third-order and complex-valued examples; incompressible flows; the convection failure mode). */
    static final List<String> EXTRAS = List.of(
            "poisson-disk",
            "poisson-3d",
            "lotka-volterra",
            "kdv",
            "kdv-inverse",
            "schrodinger",
            "kovasznay",
            "klein-gordon",
            "convection",
            "lid-driven-cavity");

    static final String EXERCISE = "cwru-exercise";
    /** The exercise issue's chain-rule example, tested with the exercise. */
    static final String ONE_NEURON = "one-neuron";

    /** name -> {inputs, outputs} as the issue states them (the CSV headers of `pinn predict`). */
    static Map<String, List<List<String>>> variables() {
        Map<String, List<List<String>>> m = new LinkedHashMap<>();
        List<String> xt = List.of("x", "t");
        List<String> xy = List.of("x", "y");
        List<String> u = List.of("u");
        m.put("burgers", List.of(xt, u));
        m.put("burgers-inverse", List.of(xt, u));
        m.put("black-scholes", List.of(List.of("S", "t"), List.of("V")));
        m.put("oscillator", List.of(List.of("t"), List.of("x")));
        m.put("poisson-1d", List.of(List.of("x"), u));
        m.put("poisson-2d", List.of(xy, u));
        m.put("poisson-lshape", List.of(xy, u));
        m.put("heat-1d", List.of(xt, u));
        m.put("wave-1d", List.of(xt, u));
        m.put("helmholtz-2d", List.of(xy, u));
        m.put("allen-cahn", List.of(xt, u));
        m.put("lorenz-inverse", List.of(List.of("t"), List.of("x", "y", "z")));
        m.put("poisson-disk", List.of(xy, u));
        m.put("poisson-3d", List.of(List.of("x", "y", "z"), u));
        m.put("lotka-volterra", List.of(List.of("t"), List.of("x", "y")));
        m.put("kdv", List.of(xt, u));
        m.put("kdv-inverse", List.of(xt, u));
        m.put("schrodinger", List.of(xt, List.of("u", "v")));
        m.put("kovasznay", List.of(xy, List.of("u", "v", "p")));
        m.put("klein-gordon", List.of(xt, u));
        m.put("convection", List.of(xt, u));
        m.put("lid-driven-cavity", List.of(xy, List.of("u", "v", "p")));
        return m;
    }

    @Test
    void namesAreTheIssuesListThenTheExtras() {
        List<String> names = new ArrayList<>(Catalogue.names());
        names.remove(EXERCISE);
        names.remove(ONE_NEURON);
        List<String> expected = new ArrayList<>(ISSUE);
        expected.addAll(EXTRAS);
        assertEquals(expected, names);
    }

    @Test
    void inputsOutputsAndCoefficientsMatchTheContract() {
        for (Map.Entry<String, List<List<String>>> e : variables().entrySet()) {
            BenchmarkProblem bp = Catalogue.get(e.getKey());
            ProblemContext ctx = References.contextFor(bp, 0, 0, true);
            Problem p = bp.problem(ctx);
            assertEquals(e.getValue().get(0), p.inputs(), e.getKey() + " inputs");
            assertEquals(e.getValue().get(1), p.outputs(), e.getKey() + " outputs");
            assertEquals(
                    new ArrayList<>(bp.trueCoefficients().keySet()),
                    p.coefficientNames(),
                    e.getKey() + " coefficients");
            assertEquals(
                    p.inputs().size(), bp.evaluationGrid().axes().length, e.getKey() + " grid has one axis per input");
            assertTrue(
                    !bp.equation().isBlank()
                            && !bp.referenceKind().isBlank()
                            && !bp.publishedFigure().isBlank(),
                    e.getKey() + " describes itself");
        }
    }

    @Test
    void inverseProblemsStartFromThePublishedGuesses() {
        assertEquals(
                Map.of("lambda1", 0.0, "lambda2", 0.0),
                Catalogue.get("burgers-inverse")
                        .problem(References.contextFor(Catalogue.get("burgers-inverse"), 0, 0, true))
                        .coefficients());
        assertEquals(
                Map.of("s", 1.0, "r", 1.0, "b", 1.0),
                Catalogue.get("lorenz-inverse")
                        .problem(References.contextFor(Catalogue.get("lorenz-inverse"), 0, 0, true))
                        .coefficients());
        // true values as the issue states them (exact decimal constants, compared exactly)
        assertEquals(
                0.01 / Math.PI,
                Catalogue.get("burgers-inverse").trueCoefficients().get("lambda2"),
                0.0);
        assertEquals(
                8.0 / 3.0, Catalogue.get("lorenz-inverse").trueCoefficients().get("b"), 0.0);
    }

    @Test
    void publishedFiguresAreTheIssues() {
        // the figures quoted in issue 4, compared exactly
        assertEquals(6.7e-4, Catalogue.get("burgers").publishedRelL2().orElseThrow(), 0.0);
        assertEquals(1.2e-3, Catalogue.get("black-scholes").publishedRelL2().orElseThrow(), 0.0);
        assertTrue(Catalogue.get("burgers-inverse").publishedFigure().contains("0.096%"));
        assertTrue(Catalogue.get("burgers-inverse").publishedFigure().contains("0.469%"));
    }
}
