package org.pinn4j.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pinn4j.problems.catalogue.Burgers;
import org.pinn4j.problems.catalogue.Poisson1d;

/** Declared parameters: defaults filled in order, unknown names and values out of range refused in one line. */
class ProblemParameterTest {
    @Test
    void burgersDeclaresItsViscosity() {
        Burgers b = new Burgers();
        assertEquals(Map.of("nu", Burgers.NU), b.parameterValues(Map.of()));
        assertEquals(Map.of("nu", 0.01), b.parameterValues(Map.of("nu", 0.01)));
        assertEquals("nu (viscosity, default 0.003183098861837907, range [1.0E-4, 1])", Burgers.VISCOSITY.describe());

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> b.parameterValues(Map.of("nu", 5.0)));
        assertEquals("problem 'burgers': parameter nu = 5 is outside its range [1.0E-4, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.parameterValues(Map.of("mu", 0.1)));
        assertEquals(
                "problem 'burgers' has no parameter 'mu'; its parameters are nu (viscosity, default"
                        + " 0.003183098861837907, range [1.0E-4, 1])",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Poisson1d().parameterValues(Map.of("k", 1.0)));
        assertEquals("problem 'poisson-1d' has no parameter 'k'; it has none", e.getMessage());
    }

    @Test
    void theViscosityReachesTheProblemAndTheContext() {
        ProblemContext ctx = ProblemContext.defaults().withParameters(Map.of("nu", 0.01));
        assertEquals(0.01, ctx.parameter(Burgers.VISCOSITY));
        assertEquals(Burgers.NU, ProblemContext.defaults().parameter(Burgers.VISCOSITY));
        // the PDE residual's viscosity, read from the printed expression
        assertTrue(residual(ctx).contains(Double.toString(0.01)), residual(ctx));
        assertTrue(!residual(ctx).contains(Double.toString(Burgers.NU)), residual(ctx));
        assertTrue(residual(ProblemContext.defaults()).contains(Double.toString(Burgers.NU)));
    }

    private static String residual(ProblemContext ctx) {
        org.pinn4j.core.problem.Problem p = new Burgers().problem(ctx);
        return p.conditions()
                .get(0)
                .expressions(p.newScope(java.util.List.of()))
                .get(0)
                .toString();
    }

    @Test
    void declarationsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ProblemParameter("1x", "bad", 1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new ProblemParameter("x", "outside", 3, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new ProblemParameter("x", "open", 1, 0, Double.NaN));
    }
}
