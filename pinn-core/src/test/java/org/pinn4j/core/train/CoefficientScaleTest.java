package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Box;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.Optimizers;
import org.pinn4j.core.optim.Schedules;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;

/**
 * A coefficient declared with a scale s is trained as theta = value / s: residuals and reports see the
 * value, and one gradient-descent step changes the value by s^2 times what it changes an unscaled
 * coefficient by (d value = s d theta, dL/d theta = s dL/d value).
 */
class CoefficientScaleTest {
    private static final double NU = 3e-3;

    private static Problem heat(Double scale) {
        Problem.Builder b = Problem.builder("heat")
                .inputs("x", "t")
                .outputs("u")
                .domain(new Box(new double[] {-1, 0}, new double[] {1, 1}));
        b = scale == null ? b.coefficient("nu", NU) : b.coefficient("nu", NU, scale);
        return b.condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x").times(s.coefficient("nu")));
                        })
                        .withPoints(64))
                .build();
    }

    private static Recipe oneGdStep() {
        return Recipe.of(NetworkConfig.mlp(2, 8), Phase.steps(Optimizers::gd, () -> Schedules.constant(0.1), 1, "gd"))
                .withSeed(3);
    }

    @Test
    void theOptimizerSeesValueOverScaleAndReportsTheValue() {
        Trainer t = new Trainer(heat(0.01), oneGdStep());
        double[] p = t.model().parameters();
        assertEquals(NU / 0.01, p[p.length - 1], 0.0, "stored parameter is value / scale");
        assertEquals(NU, t.model().coefficients().get("nu"), 1e-18, "reported value (one ulp of 3e-3 is 4e-19)");
    }

    @Test
    void aGradientStepMovesTheValueByScaleSquaredTimesTheUnscaledStep() {
        double s = 0.25; // a power of two: value / s and back are exact, so the comparison can be tight
        TrainingResult plain = new Trainer(heat(null), oneGdStep()).train();
        TrainingResult scaled = new Trainer(heat(s), oneGdStep()).train();
        double dPlain = plain.model().coefficients().get("nu") - NU;
        double dScaled = scaled.model().coefficients().get("nu") - NU;
        // same network initialisation and points (same seed), so the same dL/d nu; rounding of the
        // difference of two numbers near 3e-3 is ~1e-18, far below the step
        assertEquals(s * s * dPlain, dScaled, 1e-12 * Math.abs(dPlain) + 1e-17);
        // the network parameters get the same step either way
        double[] a = plain.model().parameters();
        double[] b = scaled.model().parameters();
        assertArrayEquals(java.util.Arrays.copyOf(a, a.length - 1), java.util.Arrays.copyOf(b, b.length - 1), 0.0);
    }

    @Test
    void modelFilesHoldTheValue(@TempDir Path dir) throws Exception {
        PinnModel m = new Trainer(heat(0.25), oneGdStep()).train().model();
        ModelFile.save(m, dir.resolve("m.json"));
        assertEquals(m.coefficients(), ModelFile.load(dir.resolve("m.json")).coefficients());
        assertEquals(
                m.coefficients(),
                ModelFile.load(dir.resolve("m.json"), heat(0.25)).coefficients());
    }

    @Test
    void aScaleMustBePositive() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Problem.builder("p").coefficient("nu", 1e-3, 0));
        assertEquals(
                "coefficient 'nu' scale 0.0 must be a finite number > 0, e.g. 0.01 for a coefficient of order 1e-2",
                e.getMessage());
    }
}
