package org.pinn4j.validation.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pinn4j.problems.catalogue.course.BlackScholesFormula;
import org.pinn4j.problems.catalogue.course.CwruExercise;
import org.pinn4j.validation.reference.BlackScholes;

/** The exercise's own closed form (pde-problems) against the validation module's reference, written independently. */
class ClosedFormCrossCheckTest {
    @Test
    void priceDeltaAndGammaAgreeWithTheReference() {
        BlackScholesFormula mine = CwruExercise.call();
        BlackScholes ref = new BlackScholes(CwruExercise.K, CwruExercise.R, CwruExercise.SIGMA, CwruExercise.T);
        for (int i = 0; i <= 40; i++) {
            double s = 5.0 * i;
            for (double t : new double[] {0, 0.25, 0.5, 0.99, 1}) {
                // same formula, possibly evaluated in another order: 1e-12 relative (+1e-14 absolute near zero)
                assertEquals(
                        ref.value(s, t),
                        mine.price(s, t),
                        1e-12 * Math.abs(ref.value(s, t)) + 1e-14,
                        "price " + s + ", " + t);
                assertEquals(ref.delta(s, t), mine.delta(s, t), 1e-12, "delta " + s + ", " + t);
                assertEquals(
                        ref.gamma(s, t),
                        mine.gamma(s, t),
                        1e-12 * Math.abs(ref.gamma(s, t)) + 1e-16,
                        "gamma " + s + ", " + t);
            }
        }
    }
}
