package org.pinn4j.problems.examples;

import java.util.List;
import java.util.SplittableRandom;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.geometry.GeometryXTime;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.OptimizerSettings;
import org.pinn4j.core.optim.ScheduleSettings;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.ProgressPrinter;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.problems.catalogue.course.BlackScholesFormula;

/**
 * The course exercise written out with the public API, to read next to the Keras version: 1,000 noisy
 * Black–Scholes prices (MSE_data) plus the PDE residual (MSE_PDE), trained with Adam in epochs of
 * mini-batches of 100, then the price and Delta compared with the closed form.
 * Run: {@code java -cp validation/target/pinn.jar org.pinn4j.problems.examples.CwruExerciseExample [epochs]}.
 */
public final class CwruExerciseExample {
    private CwruExerciseExample() {}

    /** Trains for {@code args[0]} epochs (default 1500) and prints price and Delta at t = 0 against the closed form. */
    public static void main(String[] args) {
        double k = 100, r = 0.05, sigma = 0.2, maturity = 1;
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        BlackScholesFormula exact = new BlackScholesFormula(k, r, sigma, maturity);

        // the data set: 1,000 samples (S, t, V) of the closed-form price with 1% relative noise
        SplittableRandom rng = new SplittableRandom(0);
        double[] s = new double[1000], t = new double[1000], v = new double[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = 200 * rng.nextDouble();
            t[i] = maturity * rng.nextDouble();
            v[i] = exact.price(s[i], t[i]) * (1 + 0.01 * rng.nextGaussian());
        }

        Problem problem = Problem.builder("course")
                .inputs("S", "t")
                .outputs("V")
                .domain(new GeometryXTime(new Interval(0, 200), 0, maturity))
                .outputTransform((scope, output, net) -> net.times(k)) // V = K N: the network sees O(1) numbers
                .condition(Conditions.data("data", new PointSet(new double[][] {s, t}), "V", v)
                        .withWeight(1 / (k * k))) // MSE_data of V / K
                .condition(Conditions.pde(
                                "pde",
                                scope -> { // MSE_PDE: Black-Scholes residual / K
                                    Field price = scope.output("V"), S = scope.input("S");
                                    return price.d("t")
                                            .plus(S.square()
                                                    .times(price.d("S", "S"))
                                                    .times(0.5 * sigma * sigma))
                                            .plus(S.times(price.d("S")).times(r))
                                            .minus(price.times(r))
                                            .div(k);
                                })
                        .withPoints(1000)
                        .withWeight(0.25))
                .build();

        // model.fit(epochs=1500, batch_size=100): 10 updates per epoch; fresh collocation points every epoch
        Recipe recipe = Recipe.of(
                NetworkConfig.mlp(3, 32),
                Phase.epochs(
                                OptimizerSettings.adam(),
                                new ScheduleSettings.Cosine(2e-3, 2e-5, 10L * epochs),
                                epochs,
                                100)
                        .resampleEvery(10));
        PinnModel model = Trainer.train(problem, recipe, new ProgressPrinter(System.out, 1000))
                .model();

        PointSet at = PointSet.grid(new double[] {80, 90, 100, 110, 120}, new double[] {0}); // S, t = 0
        double[] price = model.predict(at)[0];
        double[] delta = model.evaluate(at, scope -> List.of(scope.output("V").d("S")))[0]; // Delta = dV/dS
        for (int i = 0; i < price.length; i++) {
            System.out.printf(
                    "S = %5.1f  V = %8.4f (exact %8.4f)  Delta = %.4f (exact %.4f)%n",
                    at.coordinate(0)[i],
                    price[i],
                    exact.price(at.coordinate(0)[i], 0),
                    delta[i],
                    exact.delta(at.coordinate(0)[i], 0));
        }
    }
}
