package org.pinn4j.problems.catalogue.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.OptimizerSettings;
import org.pinn4j.core.optim.ScheduleSettings;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.BoundProgram;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PointTerm;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * The smallest network that shows the chain rule: one input x, one sigmoid neuron, one linear output,
 * y_hat = v sigmoid(w xi + b) + c with xi = x / 3 the input scaled from [-3, 3] to [-1, 1], fitted by
 * plain (full-batch) gradient descent to {@value #POINTS} samples of y = sigmoid(2x), which the network can
 * represent exactly (w = 6, b = 0, v = 1, c = 0, or its mirror w = -6, b = 0, v = -1, c = 1 since
 * sigmoid(-z) = 1 - sigmoid(z)). The learning rate {@value #LEARNING_RATE} is below 1, the stability limit
 * set by c (d^2L/dc^2 = 2); at 2.0 the run oscillates and blows up within a few dozen steps.
 *
 * <p>{@link #trace} works out the first steps by hand: forward values z, a, y_hat point by point, the
 * chain-rule factors dL/dy_hat, dL/da = dL/dy_hat v, da/dz = a (1 - a), dz/dw = xi, the gradient of
 * every parameter, and compares it with the engine's gradient (Taylor forward + reverse sweep) and a
 * central finite difference; the update theta - eta grad is compared with the trainer's own step.
 * {@link #walkthrough} prints that for {@value #TRACED_STEPS} steps.
 */
public final class OneNeuron implements BenchmarkProblem {
    /** Lower end of the input range. */
    public static final double X_MIN = -3;
    /** Upper end of the input range. */
    public static final double X_MAX = 3;
    /** Number of training samples (x = -3, -2, ..., 3). */
    public static final int POINTS = 7;
    /** Learning rate of plain gradient descent. */
    public static final double LEARNING_RATE = 0.5;
    /** Steps worked out by hand in the walkthrough. */
    public static final int TRACED_STEPS = 3;
    /** Step of the central finite differences. */
    public static final double FD_STEP = 1e-6;

    static final int STEPS = 20000;
    static final int QUICK_STEPS = 10000;

    /** Parameter names in the order of {@link StepTrace} arrays. */
    public static final List<String> PARAMETERS = List.of("w", "b", "v", "c");

    @Override
    public boolean hasNoisyData() {
        return true;
    }

    @Override
    public String name() {
        return "one-neuron";
    }

    @Override
    public String equation() {
        return "y_hat = v sigmoid(w x/3 + b) + c fitted to y = sigmoid(2x) at x = -3..3 by gradient descent";
    }

    @Override
    public String referenceKind() {
        return "analytic";
    }

    /** The target function y = sigmoid(2x). */
    public static double target(double x) {
        return 1 / (1 + Math.exp(-2 * x));
    }

    @Override
    public Optional<Reference> analytic() {
        return Optional.of(points -> {
            double[] y = new double[points[0].length];
            for (int p = 0; p < y.length; p++) {
                y[p] = target(points[0][p]);
            }
            return new double[][] {y};
        });
    }

    @Override
    public String publishedFigure() {
        return "-";
    }

    /** The training inputs x = -3, -2, ..., 3. */
    public static double[] inputs() {
        double[] x = new double[POINTS];
        for (int p = 0; p < POINTS; p++) {
            x[p] = X_MIN + (X_MAX - X_MIN) * p / (POINTS - 1);
        }
        return x;
    }

    /** One data condition: MSE between y and the samples of the target (no noise unless asked for). */
    @Override
    public Problem problem(ProblemContext context) {
        double[] x = inputs();
        double[] y = new double[POINTS];
        RandomGenerator rng = new Well19937c(context.seed());
        for (int p = 0; p < POINTS; p++) {
            y[p] = target(x[p]) * (1 + context.noise() * rng.nextGaussian());
        }
        return Problem.builder(name())
                .inputs("x")
                .outputs("y")
                .domain(new Interval(X_MIN, X_MAX))
                .condition(Conditions.data("data", new PointSet(new double[][] {x}), "y", y))
                .build();
    }

    /** One sigmoid neuron, plain gradient descent with learning rate {@value #LEARNING_RATE}, full batch. */
    @Override
    public Recipe recipe(boolean quick) {
        return Recipe.of(
                        NetworkConfig.hidden(1).activation(Activation.SIGMOID),
                        Phase.steps(
                                new OptimizerSettings.Gd(),
                                new ScheduleSettings.Constant(LEARNING_RATE),
                                quick ? QUICK_STEPS : STEPS))
                .withLogEvery(1000);
    }

    @Override
    public EvaluationGrid evaluationGrid() {
        return new EvaluationGrid(new double[][] {EvaluationGrid.linspace(X_MIN, X_MAX, 121)});
    }

    @Override
    public String walkthrough(Problem problem, Recipe recipe) {
        return format(trace(problem, recipe, TRACED_STEPS));
    }

    /**
     * One gradient-descent step worked out three ways.
     *
     * @param step          1-based step number
     * @param rate          learning rate eta
     * @param before        parameters (w, b, v, c) before the step
     * @param x             training inputs
     * @param xi            scaled inputs xi = 2 (x - x_min) / (x_max - x_min) - 1 (= dz/dw)
     * @param z             pre-activations w xi + b
     * @param a             activations sigmoid(z)
     * @param yHat          outputs v a + c
     * @param y             targets
     * @param dLdyHat       dL/dy_hat = 2 (y_hat - y) / n per point
     * @param dLda          dL/da = dL/dy_hat * v per point
     * @param dadz          da/dz = a (1 - a) per point
     * @param lossByHand    L = mean (y_hat - y)^2 by hand
     * @param lossByEngine  L as the engine computes it
     * @param byHand        gradient (w, b, v, c) by the chain rule
     * @param byEngine      gradient from the engine (Taylor forward pass + reverse sweep)
     * @param byFd          gradient by central finite differences of the hand-computed loss, step {@value #FD_STEP}
     * @param after         theta - eta * byHand
     * @param trainer       parameters after the trainer's own step
     */
    public record StepTrace(
            int step,
            double rate,
            double[] before,
            double[] x,
            double[] xi,
            double[] z,
            double[] a,
            double[] yHat,
            double[] y,
            double[] dLdyHat,
            double[] dLda,
            double[] dadz,
            double lossByHand,
            double lossByEngine,
            double[] byHand,
            double[] byEngine,
            double[] byFd,
            double[] after,
            double[] trainer) {}

    /**
     * The first {@code steps} gradient-descent steps of {@code problem} (built by {@link #problem}) under
     * {@code recipe}'s seed, network and first phase (which must be plain gradient descent), worked out by
     * hand and compared with the engine, finite differences and the trainer.
     *
     * @throws IllegalArgumentException if the network is not one hidden neuron or the problem has no data condition first
     */
    public static List<StepTrace> trace(Problem problem, Recipe recipe, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("one-neuron trace: steps must be >= 1; got " + steps);
        }
        int[] widths = recipe.network().hiddenWidths();
        if (widths.length != 1
                || widths[0] != 1
                || problem.inputs().size() != 1
                || problem.outputs().size() != 1) {
            throw new IllegalArgumentException(
                    "one-neuron trace needs one input, one hidden neuron and one output; got "
                            + problem.inputs().size() + " input(s), hidden widths " + java.util.Arrays.toString(widths)
                            + ", "
                            + problem.outputs().size() + " output(s)");
        }
        Phase first = recipe.phases().get(0);
        double rate = first.newSchedule().rate(0);
        Condition data = problem.conditions().get(0);
        PointSet ps = data.region().sample(problem.domain(), data.points(), null);
        double[] x = ps.coordinate(0).clone();
        double[][] columns = data.columns().of(ps);
        double[] y = columns[0].clone();

        Trainer initial = new Trainer(problem, recipe);
        NetworkSpec spec = initial.model().spec();
        int[] offsets = {spec.weightOffset(0), spec.biasOffset(0), spec.weightOffset(1), spec.biasOffset(1)};
        double[] params = initial.model().parameters();
        Program program = Program.compile(data.expressions(problem.newScope(problem.columnNames(data))));
        PointTerm term = new PointTerm(
                data.name(), 1.0, new BoundProgram(program, spec, 64, spec.parameterCount()), data.loss(), new int[0]);
        term.setPoints(new double[][] {x}, columns, x.length);

        double[] xi = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            xi[p] = 2 * (x[p] - spec.lower(0)) / (spec.upper(0) - spec.lower(0)) - 1;
        }
        List<StepTrace> out = new ArrayList<>();
        try (BatchEvaluator evaluator = new BatchEvaluator(1)) {
            for (int k = 1; k <= steps; k++) {
                double[] theta = new double[4];
                for (int i = 0; i < 4; i++) {
                    theta[i] = params[offsets[i]];
                }
                int n = x.length;
                double[] z = new double[n];
                double[] a = new double[n];
                double[] yHat = new double[n];
                double[] dLdyHat = new double[n];
                double[] dLda = new double[n];
                double[] dadz = new double[n];
                double[] hand = new double[4];
                for (int p = 0; p < n; p++) {
                    z[p] = theta[0] * xi[p] + theta[1];
                    a[p] = 1 / (1 + Math.exp(-z[p]));
                    yHat[p] = theta[2] * a[p] + theta[3];
                    dLdyHat[p] = 2 * (yHat[p] - y[p]) / n;
                    dLda[p] = dLdyHat[p] * theta[2];
                    dadz[p] = a[p] * (1 - a[p]);
                    hand[0] += dLda[p] * dadz[p] * xi[p]; // dL/dw = dL/da da/dz dz/dw
                    hand[1] += dLda[p] * dadz[p]; // dz/db = 1
                    hand[2] += dLdyHat[p] * a[p]; // dy_hat/dv = a
                    hand[3] += dLdyHat[p]; // dy_hat/dc = 1
                }
                double lossHand = loss(theta, xi, y);
                double[] fullGrad = new double[params.length];
                double lossEngine = term.evaluate(evaluator, params, fullGrad, 1.0);
                double[] engine = new double[4];
                double[] fd = new double[4];
                for (int i = 0; i < 4; i++) {
                    engine[i] = fullGrad[offsets[i]];
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[i] += FD_STEP;
                    minus[i] -= FD_STEP;
                    fd[i] = (loss(plus, xi, y) - loss(minus, xi, y)) / (2 * FD_STEP);
                }
                double[] after = new double[4];
                for (int i = 0; i < 4; i++) {
                    after[i] = theta[i] - rate * hand[i];
                }
                double[] next = new Trainer(
                                problem,
                                recipe.withPhases(Phase.steps(
                                        new OptimizerSettings.Gd(), new ScheduleSettings.Constant(rate), k)))
                        .train()
                        .model()
                        .parameters();
                double[] trainer = new double[4];
                for (int i = 0; i < 4; i++) {
                    trainer[i] = next[offsets[i]];
                }
                out.add(new StepTrace(
                        k,
                        rate,
                        theta,
                        x,
                        xi,
                        z,
                        a,
                        yHat,
                        y,
                        dLdyHat,
                        dLda,
                        dadz,
                        lossHand,
                        lossEngine,
                        hand,
                        engine,
                        fd,
                        after,
                        trainer));
                params = next;
            }
        }
        return out;
    }

    /** L = mean (v sigmoid(w xi + b) + c - y)^2 for theta = (w, b, v, c). */
    static double loss(double[] theta, double[] xi, double[] y) {
        double sum = 0;
        for (int p = 0; p < xi.length; p++) {
            double r = theta[2] / (1 + Math.exp(-(theta[0] * xi[p] + theta[1]))) + theta[3] - y[p];
            sum += r * r;
        }
        return sum / xi.length;
    }

    /** The trace as the text `pinn run one-neuron` prints. */
    public static String format(List<StepTrace> trace) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "One neuron, chain rule by hand: y_hat = v a + c, a = sigmoid(z), z = w xi + b, xi = x/3, L = mean (y_hat - y)^2\n");
        for (StepTrace t : trace) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nstep %d: w = %.6f, b = %.6f, v = %.6f, c = %.6f, learning rate %s%n",
                    t.step(),
                    t.before()[0],
                    t.before()[1],
                    t.before()[2],
                    t.before()[3],
                    t.rate()));
            sb.append(String.format(
                    Locale.ROOT,
                    "  %5s %8s %10s %9s %9s %9s %11s %11s %9s%n",
                    "x",
                    "dz/dw=xi",
                    "z",
                    "a",
                    "y_hat",
                    "y",
                    "dL/dy_hat",
                    "dL/da",
                    "da/dz"));
            for (int p = 0; p < t.x().length; p++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "  %5.1f %8.4f %10.6f %9.6f %9.6f %9.6f %11.3e %11.3e %9.6f%n",
                        t.x()[p],
                        t.xi()[p],
                        t.z()[p],
                        t.a()[p],
                        t.yHat()[p],
                        t.y()[p],
                        t.dLdyHat()[p],
                        t.dLda()[p],
                        t.dadz()[p]));
            }
            sb.append(String.format(
                    Locale.ROOT, "  loss L = %.12f (by hand), %.12f (engine)%n", t.lossByHand(), t.lossByEngine()));
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-6s %20s %20s %20s %14s %16s%n",
                    "dL/d.",
                    "chain rule",
                    "engine",
                    "finite diff",
                    "max rel diff",
                    "update"));
            for (int i = 0; i < 4; i++) {
                double h = t.byHand()[i];
                double rel = Math.max(relDiff(h, t.byEngine()[i]), relDiff(h, t.byFd()[i]));
                sb.append(String.format(
                        Locale.ROOT,
                        "  dL/d%-2s %20.12e %20.12e %20.12e %14.1e  %s <- %.6f%n",
                        PARAMETERS.get(i),
                        h,
                        t.byEngine()[i],
                        t.byFd()[i],
                        rel,
                        PARAMETERS.get(i),
                        t.after()[i]));
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "  update theta <- theta - %s * dL/dtheta; the trainer's step gives w = %.6f, b = %.6f, "
                            + "v = %.6f, c = %.6f%n",
                    t.rate(),
                    t.trainer()[0],
                    t.trainer()[1],
                    t.trainer()[2],
                    t.trainer()[3]));
        }
        return sb.toString();
    }

    /** |a - b| / max(|a|, |b|, 1e-300). */
    public static double relDiff(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-300);
    }
}
