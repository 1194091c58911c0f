package org.pinn4j.validation.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.validation.reference.References;

/**
 * {@link BenchmarkProblem#hasNoisyData()} says the truth, since {@code pinn run --noise} is refused where it is
 * false: the loss at the initial parameters (same seed, quick recipe, one Adam step) changes with 5% noise exactly
 * for the problems that declare noisy data (a change of the data changes the data terms' loss, in the last bits at
 * least; equal bits mean the noise went nowhere).
 */
class NoiseDeclarationTest {
    static java.util.List<String> names() {
        return Catalogue.names();
    }

    private static double firstLoss(BenchmarkProblem bp, double noise) {
        var problem = bp.problem(References.contextFor(bp, 0, noise, true));
        return Trainer.train(problem, bp.recipe(true).withPhases(Phase.adam(1, 1e-3)))
                .history()
                .totals()[0];
    }

    @ParameterizedTest
    @MethodSource("names")
    void noiseChangesTheLossExactlyWhereDataIsDeclared(String name) {
        BenchmarkProblem bp = Catalogue.get(name);
        boolean changes = Double.compare(firstLoss(bp, 0.0), firstLoss(bp, 0.05)) != 0;
        assertEquals(bp.hasNoisyData(), changes, name + ": hasNoisyData() = " + bp.hasNoisyData());
        assertTrue(bp.defaultNoise() == 0 || bp.hasNoisyData(), name + " has a default noise level but no data");
    }
}
