package org.pinn4j.problems.catalogue.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingResult;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.problems.DerivedQuantity;
import org.pinn4j.problems.ProblemContext;

class CwruExerciseTest {
    private final CwruExercise ex = new CwruExercise();

    @Test
    void cleanSamplesAreTheClosedFormAndNoiseIsRelativeGaussian() {
        double[][] clean = CwruExercise.samples(5, 0);
        assertEquals(CwruExercise.DATA_POINTS, clean[0].length);
        for (int p = 0; p < clean[0].length; p++) {
            assertTrue(
                    clean[0][p] >= 0 && clean[0][p] <= 200 && clean[1][p] >= 0 && clean[1][p] <= 1,
                    "sample " + p + " in the domain");
            assertEquals(CwruExercise.call().price(clean[0][p], clean[1][p]), clean[2][p], 0);
        }
        double[][] noisy = CwruExercise.samples(5, 0.01);
        assertArrayEquals(clean[0], noisy[0], 0);
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int p = 0; p < noisy[0].length; p++) {
            if (clean[2][p] > 1) {
                double e = noisy[2][p] / clean[2][p] - 1;
                sum += e;
                sumSq += e * e;
                n++;
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        // ~560 samples with V > 1: the sample sd of N(0, 0.01^2) is within 15% of 0.01 and the mean within
        // 4 standard errors (4 * 0.01 / sqrt(560) = 1.7e-3) with overwhelming probability; the seed fixes the draw
        assertTrue(n > 400, "samples above V = 1: " + n);
        assertEquals(0.01, sd, 0.0015);
        assertEquals(0, mean, 1.7e-3);
        assertArrayEquals(noisy[2], CwruExercise.samples(5, 0.01)[2], 0, "same seed, same data");
        assertFalse(noisy[2][0] == CwruExercise.samples(6, 0.01)[2][0], "another seed, other data");
    }

    @Test
    void theExerciseHasADataTermAndAPdeTermAndDefaultsToOnePercentNoise() {
        Problem p = ex.problem(new ProblemContext(0, 0.01, false, Optional.empty()));
        assertEquals(List.of("S", "t"), p.inputs());
        assertEquals(List.of("V"), p.outputs());
        assertEquals(
                List.of("data", "pde"),
                p.conditions().stream().map(c -> c.name()).toList());
        assertEquals(1.0, p.conditions().get(0).weight());
        assertEquals(CwruExercise.PDE_WEIGHT, p.conditions().get(1).weight());
        assertTrue(p.conditions().get(0).region().fixed());
        assertFalse(p.conditions().get(1).region().fixed(), "collocation points are redrawn");
        assertEquals(0.01, ex.defaultNoise());
        assertTrue(
                Catalogue.names().contains("cwru-exercise") && Catalogue.names().contains("one-neuron"));
    }

    @Test
    void oneEpochIsTenMiniBatchUpdates() {
        Recipe full = ex.recipe(false);
        Phase phase = full.phases().get(0);
        assertEquals(Phase.Mode.EPOCHS, phase.mode());
        assertEquals(CwruExercise.BATCH, phase.batchSize());
        assertEquals(
                CwruExercise.DATA_POINTS / CwruExercise.BATCH,
                phase.resampleEvery(),
                "collocation points redrawn every epoch");
        // two epochs of the real problem: 1,000 samples in batches of 100 -> 20 recorded steps, each a separate update
        Recipe two = full.withPhases(Phase.epochs(phase::newOptimizer, phase::newSchedule, 2, phase.batchSize(), "adam")
                .resampleEvery(phase.resampleEvery()));
        TrainingResult r = Trainer.train(ex.problem(ProblemContext.defaults()), two);
        assertEquals(20, r.history().size());
    }

    @Test
    void optimizerIsSelectable() {
        assertEquals(List.of("adam", "sgd"), ex.optimizerChoices());
        assertEquals("adam", ex.recipe(false).phases().get(0).label());
        assertEquals("adam", ex.recipe(false, null).phases().get(0).label());
        assertEquals("sgd", ex.recipe(true, "SGD").phases().get(0).label());
        assertEquals(
                "org.pinn4j.core.optim.Momentum",
                ex.recipe(true, "sgd").phases().get(0).newOptimizer().getClass().getName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ex.recipe(true, "lbfgs"));
        assertEquals("cwru-exercise has no optimizer 'lbfgs'; expected one of adam, sgd", e.getMessage());
    }

    @Test
    void problemsWithoutChoiceRejectAnOptimizer() {
        BenchmarkProblem fixed = Catalogue.get("poisson-1d");
        assertTrue(fixed.optimizerChoices().isEmpty());
        assertEquals(fixed.recipe(true).toString(), fixed.recipe(true, " ").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fixed.recipe(true, "sgd"));
        assertTrue(e.getMessage().startsWith("problem 'poisson-1d' trains with a fixed recipe"), e.getMessage());
    }

    @Test
    void greeksAreMeasuredOnTheMiddleStrikesAtTwoTimes() {
        List<DerivedQuantity> q = ex.derivedQuantities();
        assertEquals(
                List.of("delta", "gamma"), q.stream().map(DerivedQuantity::name).toList());
        double[][] pts = q.get(0).grid().points();
        assertEquals(202, pts[0].length);
        double[] delta = q.get(0).exact().values(pts)[0];
        double[] gamma = q.get(1).exact().values(pts)[0];
        for (int p = 0; p < pts[0].length; p++) {
            assertTrue(pts[0][p] >= 50 && pts[0][p] <= 150 && (pts[1][p] == 0 || pts[1][p] == 0.5));
            assertEquals(CwruExercise.call().delta(pts[0][p], pts[1][p]), delta[p], 0);
            assertEquals(CwruExercise.call().gamma(pts[0][p], pts[1][p]), gamma[p], 0);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> new DerivedQuantity("Delta", "d", s -> s.output("V"), pts2 -> pts2, ex.evaluationGrid()));
    }
}
