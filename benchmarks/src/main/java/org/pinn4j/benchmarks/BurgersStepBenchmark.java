package org.pinn4j.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.TaylorNetwork;

/**
 * One full-batch Adam step of the Burgers PINN, the unit the PyTorch peer reports: Taylor-mode forward
 * pass with streams {u, u_x, u_t, u_xx}, mean squared residual, reverse sweep to the parameter gradient
 * ({@link BatchEvaluator#lossAndGradient}), and an Adam update of the flat parameters.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BurgersStep -p threads=1,2}; other batch sizes
 * with {@code -p points=1000,100000}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BurgersStepBenchmark {
    private static final double LEARNING_RATE = 1e-3;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /** Worker threads of the batch evaluator. */
    @Param({"1", "2"})
    public int threads;

    /** Collocation points per step. */
    @Param({"10000"})
    public int points;

    /** Points per Taylor tile. */
    @Param({"64"})
    public int tile;

    private BurgersProblem problem;
    private TaylorNetwork net;
    private BurgersResidualLoss loss;
    private BatchEvaluator evaluator;
    private double[] params;
    private double[] grad;
    private double[] m;
    private double[] v;
    private int step;

    /** Builds the workload and fresh Adam state. */
    @Setup(Level.Trial)
    public void setUp() {
        problem = new BurgersProblem(points, 20240601L);
        net = problem.network(tile);
        loss = problem.loss();
        evaluator = new BatchEvaluator(threads);
        params = problem.initialParams();
        grad = new double[params.length];
        m = new double[params.length];
        v = new double[params.length];
        step = 0;
    }

    /** Stops the evaluator's threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        evaluator.close();
    }

    /** One step: loss and gradient over all points, then Adam; returns the loss before the update. */
    @Benchmark
    public double step() {
        Arrays.fill(grad, 0.0);
        double value = evaluator.lossAndGradient(net, problem.points(), points, loss, params, grad);
        step++;
        double c1 = 1.0 / (1.0 - Math.pow(BETA1, step));
        double c2 = 1.0 / (1.0 - Math.pow(BETA2, step));
        for (int j = 0; j < params.length; j++) {
            double g = grad[j];
            m[j] = BETA1 * m[j] + (1.0 - BETA1) * g;
            v[j] = BETA2 * v[j] + (1.0 - BETA2) * g * g;
            params[j] -= LEARNING_RATE * (m[j] * c1) / (Math.sqrt(v[j] * c2) + EPSILON);
        }
        return value;
    }
}
