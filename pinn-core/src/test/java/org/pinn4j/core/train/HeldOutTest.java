package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.sampling.PointSet;

/** {@link HeldOut} through the static {@link Trainer#train(Problem, Recipe, HeldOut, TrainingListener...)}. */
class HeldOutTest {
    static Problem poisson() {
        return Problem.builder("poisson-1d")
                .inputs("x")
                .outputs("u")
                .domain(new Interval(-1, 1))
                .condition(PoissonConditionsTest.residual())
                .condition(Conditions.dirichlet("bc", Region.boundary(), "u", p -> 0.0))
                .build();
    }

    static final HeldOut EXACT = HeldOut.exact(
            PointSet.grid(java.util.stream.IntStream.rangeClosed(0, 40)
                    .mapToDouble(k -> -1 + k / 20.0)
                    .toArray()),
            List.of("u"),
            p -> new double[] {Math.sin(Math.PI * p[0])});

    static Recipe steps(int n) {
        return Recipe.of(NetworkConfig.mlp(2, 12), Phase.adam(n, 1e-2)).withSeed(7);
    }

    @Test
    void theCurveAtAStepIsTheErrorOfTheModelBeforeIt() {
        // a step's measurement is taken at the parameters the step starts from: step 31 of a 31-step run sees the
        // final model of the same run stopped after 30 steps. Two summation orders of the same squares: 1e-12
        TrainingResult longer = Trainer.train(poisson(), steps(31), EXACT.every(1));
        PinnModel thirty = Trainer.train(poisson(), steps(30)).model();
        double[] curve = EXACT.relativeL2(longer.history());
        assertEquals(31, curve.length);
        HeldOut.Errors e = EXACT.errors(thirty);
        assertEquals(e.relativeL2(), curve[30], 1e-12 * e.relativeL2());
        // max abs error by hand
        double[] u = thirty.predict(EXACT.points())[0];
        double max = 0;
        for (int p = 0; p < u.length; p++) {
            max = Math.max(
                    max, Math.abs(u[p] - Math.sin(Math.PI * EXACT.points().coordinate(0)[p])));
        }
        assertEquals(max, e.maxAbs(), 0.0);
    }

    @Test
    void listenersSeeTheRelativeL2OfEachMeasuredStep() {
        // the report carries what HeldOut.relativeL2 computes from the history, at the same steps (the same
        // formula over the same sums: 1e-15 relative)
        double[] seen = new double[25];
        TrainingListener l = new TrainingListener() {
            @Override
            public boolean onStep(StepReport r) {
                seen[r.step() - 1] = r.validationRelL2();
                return true;
            }
        };
        TrainingResult r = Trainer.train(poisson(), steps(25), EXACT.every(10), l);
        double[] curve = EXACT.relativeL2(r.history());
        for (int k = 0; k < 25; k++) {
            assertEquals(Double.isNaN(curve[k]), Double.isNaN(seen[k]), "step " + (k + 1));
            if (!Double.isNaN(curve[k])) {
                assertEquals(curve[k], seen[k], 1e-15 * curve[k], "step " + (k + 1));
            }
        }
    }

    @Test
    void measuredEveryNStepsAndAtTheLast() {
        double[] v =
                Trainer.train(poisson(), steps(25), EXACT.every(10)).history().validation();
        for (int k = 0; k < v.length; k++) {
            boolean due = (k + 1) % 10 == 0 || k + 1 == 25;
            assertEquals(due, !Double.isNaN(v[k]), "step " + (k + 1));
        }
    }

    @Test
    void badHeldOutSetsAreRefused() {
        PointSet two = PointSet.rows(new double[] {0}, new double[] {0.5});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> HeldOut.of(two, List.of("u"), new double[][] {{1}}));
        assertEquals("HeldOut: output 'u' has 1 values for 2 points", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> HeldOut.exact(two, List.of("u"), p -> new double[] {1, 2}));
        assertEquals(
                "HeldOut.exact: the solution gave 2 values at point 0; expected one per output [u]", e.getMessage());
        HeldOut unknown = HeldOut.of(two, List.of("w"), new double[][] {{1, 2}});
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(poisson(), steps(1), unknown));
        assertEquals("validation outputs [w] must be distinct names among the problem's outputs [u]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EXACT.every(0));
        assertEquals("HeldOut: measurement interval must be >= 1 step; got 0", e.getMessage());
    }
}
