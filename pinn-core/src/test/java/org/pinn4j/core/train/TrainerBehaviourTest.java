package org.pinn4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.Box;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.Optimizers;
import org.pinn4j.core.optim.Schedules;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.sampling.PointSet;

class TrainerBehaviourTest {
    static Problem heat(double kInitial, boolean withData) {
        Problem.Builder b = Problem.builder("heat")
                .inputs("x", "t")
                .outputs("u")
                .domain(new Box(new double[] {0, 0}, new double[] {1, 1}))
                .coefficient("k", kInitial)
                .condition(Conditions.pde("pde", s -> {
                            Field u = s.output("u");
                            return u.d("t").minus(u.d("x", "x").times(s.coefficient("k")));
                        })
                        .withPoints(1000))
                .condition(Conditions.dirichlet(
                        "ic", Region.boundary("t = 0", p -> p[1] == 0), "u", p -> Math.sin(Math.PI * p[0])))
                .condition(Conditions.dirichlet(
                        "bc", Region.boundary("x = 0 or 1", p -> p[0] == 0 || p[0] == 1), "u", p -> 0.0));
        if (withData) {
            // u = exp(-0.1 pi^2 t) sin(pi x): measurements identify k = 0.1
            int n = 200;
            double[][] pts = new double[2][n];
            double[] u = new double[n];
            java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
            for (int p = 0; p < n; p++) {
                pts[0][p] = rng.nextDouble();
                pts[1][p] = rng.nextDouble();
                u[p] = Math.exp(-0.1 * Math.PI * Math.PI * pts[1][p]) * Math.sin(Math.PI * pts[0][p]);
            }
            b.condition(Conditions.data("data", new PointSet(pts), "u", u));
        }
        return b.build();
    }

    @Test
    void sameSeedGivesIdenticalParametersForOneAndTwoThreads() {
        Recipe recipe = Recipe.of(NetworkConfig.mlp(3, 16), Phase.adam(30, 1e-3).resampleEvery(10), Phase.lbfgs(10))
                .withSeed(42);
        double[] one =
                Trainer.train(heat(0.1, false), recipe.withThreads(1)).model().parameters();
        double[] two =
                Trainer.train(heat(0.1, false), recipe.withThreads(2)).model().parameters();
        double[] again =
                Trainer.train(heat(0.1, false), recipe.withThreads(2)).model().parameters();
        assertArrayEquals(one, two, 0.0, "1 vs 2 threads");
        assertArrayEquals(two, again, 0.0, "two runs, same seed");
    }

    @Test
    void anEpochOfMiniBatchesIsOneUpdatePerBatch() {
        // 1,000 collocation points in batches of 100 -> 10 updates per epoch (the course's numbers)
        Supplier<org.pinn4j.core.optim.GradientOptimizer> sgd = () -> Optimizers.momentum(0.9);
        Recipe recipe =
                Recipe.of(NetworkConfig.mlp(2, 8), Phase.epochs(sgd, () -> Schedules.constant(1e-3), 3, 100, "sgd"));
        TrainingResult r = Trainer.train(heat(0.1, false), recipe);
        assertEquals(30, r.history().size(), "3 epochs x 10 batches");
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
    }

    @Test
    void divergenceStopsWithTheStepAndTermAndKeepsFiniteParameters() {
        Recipe recipe = Recipe.of(
                NetworkConfig.mlp(2, 8), Phase.steps(Optimizers::gd, () -> Schedules.constant(1e6), 50, "gd"));
        TrainingResult r = Trainer.train(heat(0.1, false), recipe);
        assertEquals(TrainingResult.Status.DIVERGED, r.status());
        assertTrue(
                r.message()
                        .matches(
                                "training diverged at step \\d+: (loss term '\\w+' became (NaN|Infinity)|the gradient became non-finite.*|a gradient entry is .*); kept the parameters of step \\d+.*"),
                r.message());
        for (double p : r.model().parameters()) {
            assertTrue(Double.isFinite(p), "kept parameters are finite");
        }
    }

    @Test
    void aLossThatBlowsUpWithoutBecomingNaNStopsAsDivergence() {
        // momentum at rate 0.1: the loss grows from 2.9 past 1e41 and stays finite (it used to end "completed")
        Recipe recipe = Recipe.of(
                NetworkConfig.mlp(2, 8),
                Phase.steps(() -> Optimizers.momentum(0.9), () -> Schedules.constant(0.1), 400, "sgd"));
        TrainingResult r = Trainer.train(heat(0.1, false), recipe);
        assertEquals(TrainingResult.Status.DIVERGED, r.status(), r.message());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "training diverged at step (\\d+): the total loss grew to (\\S+), more than 1e6 times its first"
                                + " value \\S+, and rose over the last 50 steps; kept the parameters of step (\\d+)")
                .matcher(r.message());
        assertTrue(m.matches(), r.message());
        double[] totals = r.history().totals();
        int stopped = Integer.parseInt(m.group(1));
        int kept = Integer.parseInt(m.group(3));
        double last = Double.parseDouble(m.group(2));
        assertEquals(stopped - 1, totals.length, "the history ends before the step that stopped the run");
        double bound = 1e6 * totals[0];
        // totals[s] is the loss of the parameters after step s: the kept ones are within the bound, the 50 after not
        assertTrue(totals[kept] <= bound, "kept parameters' loss " + totals[kept]);
        for (int s = kept + 1; s < totals.length; s++) {
            assertTrue(totals[s] > bound, "step " + s + " above the bound");
        }
        // 50 losses above it: 49 recorded, and the one of the step that stopped the run (not recorded), higher
        // than the first of them
        assertEquals(49, totals.length - 1 - kept, "steps above the bound");
        assertTrue(last > bound && last > totals[kept + 1], "rising: " + last);
        double[] keptParameters = r.model().parameters();
        for (double p : keptParameters) {
            assertTrue(Double.isFinite(p));
        }
        // the kept parameters are those of step `kept`: a run of that many steps ends with the same bits
        Recipe shorter = Recipe.of(
                NetworkConfig.mlp(2, 8),
                Phase.steps(() -> Optimizers.momentum(0.9), () -> Schedules.constant(0.1), kept, "sgd"));
        assertArrayEquals(
                Trainer.train(heat(0.1, false), shorter).model().parameters(), keptParameters, 0.0, "step " + kept);
    }

    @Test
    void aGradientTooLargeToSquareStopsAsDivergence() {
        // a source of 1e152 (weight 1, within bounds): loss ~1e304 (finite), gradient entries beyond 1e150, whose
        // squares overflow Adam's second moment (every update would be 0)
        Problem p = Problem.builder("huge-source")
                .inputs("x")
                .outputs("u")
                .domain(new org.pinn4j.core.geometry.Interval(-1, 1))
                .condition(org.pinn4j.core.problem.Conditions.pde(
                        "pde", s -> s.output("u").d("x", "x").plus(1e152)))
                .build();
        TrainingResult r = Trainer.train(p, Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(5, 1e-3)));
        assertEquals(TrainingResult.Status.DIVERGED, r.status(), r.message());
        assertTrue(
                r.message()
                        .matches("training diverged at step 1: a gradient entry is \\S+ \\(loss \\S+\\), too large to"
                                + " square in double precision as the optimizers do; kept the parameters of step 0;"
                                + " scale the loss down \\(condition weights, data, domain\\)"),
                r.message());
    }

    @Test
    void aConditionWithoutPointsAmongOthersIsAWarning() {
        Problem p = Problem.builder("line")
                .inputs("x")
                .outputs("u")
                .domain(new org.pinn4j.core.geometry.Interval(-1, 1))
                .condition(org.pinn4j.core.problem.Conditions.pde(
                        "pde", s -> s.output("u").d("x", "x").plus(1.0)))
                .condition(org.pinn4j.core.problem.Conditions.dirichlet(
                                "bc", org.pinn4j.core.problem.Region.boundary(), "u", x -> 0.0)
                        .withPoints(0))
                .build();
        assertEquals(
                java.util.List.of("condition 'bc' has 0 points: it adds nothing to the loss"),
                new Trainer(p, Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(1, 1e-3))).warnings());
    }

    @Test
    void inverseHeatProblemIdentifiesTheDiffusivity() {
        Recipe recipe = Recipe.of(NetworkConfig.mlp(3, 20), Phase.adam(500, 5e-3), Phase.lbfgs(800))
                .withSeed(7);
        TrainingResult r = Trainer.train(heat(0.5, true), recipe);
        double k = r.model().coefficients().get("k");
        // clean data and a well-posed problem: 1% is the bar for identified coefficients
        assertEquals(0.1, k, 1e-3, "identified k (" + r.message() + ")");
        double[] traj = r.history().coefficient(0);
        assertEquals(0.5, traj[0], 0.0, "history starts at the initial guess");
    }
}
