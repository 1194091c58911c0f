package org.pinn4j.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
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
import org.pinn4j.core.optim.DenseInverseHessian;

/**
 * One self-scaled Broyden iteration of the Burgers PINN split into its two costs, at the network shapes the
 * accuracy recipes use:
 *
 * <ul>
 *   <li>{@code gradient}: loss and parameter gradient over the collocation points (Taylor-mode forward and
 *       reverse sweep), which a line search does once per trial step (about 1.5 per iteration in the
 *       Burgers runs);
 *   <li>{@code denseUpdate}: the N x N work, once per iteration: the direction {@code -H g}, {@code H y}, and
 *       the rank-two update of the upper triangle mirrored into the lower ({@link
 *       DenseInverseHessian#selfScaledUpdate}).
 * </ul>
 *
 * <p>Shapes: {@code 3x30} (3 hidden layers of 30 tanh units, N = 2,011 parameters, H 32 MB) and {@code 4x50}
 * (N = 7,851, H 493 MB; the fork gets {@code -Xmx4g}). H is reset to the identity before each invocation (not
 * timed), so the numbers stay in range however long JMH runs; the N x N work does not depend on H's values.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar QuasiNewtonIteration -p threads=1,2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class QuasiNewtonIterationBenchmark {

    /** Hidden layers x units per layer. */
    @Param({"3x30", "4x50"})
    public String shape;

    /** Threads of the gradient evaluator and of the N x N work. */
    @Param({"1", "2"})
    public int threads;

    /** Collocation points of the gradient. */
    @Param({"10000"})
    public int points;

    private BurgersProblem problem;
    private TaylorNetwork net;
    private BurgersResidualLoss loss;
    private BatchEvaluator evaluator;
    private double[] params;
    private double[] grad;

    private DenseInverseHessian h;
    private double[] s;
    private double[] y;
    private double[] d;
    private double[] hy;
    private double[] v;

    /** Builds the workload, the estimate and a curvature pair with s.y &gt; 0. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] dw = shape.split("x");
        problem = new BurgersProblem(points, 20240601L, Integer.parseInt(dw[0]), Integer.parseInt(dw[1]));
        net = problem.network(64);
        loss = problem.loss();
        evaluator = new BatchEvaluator(threads);
        params = problem.initialParams();
        grad = new double[params.length];
        int n = params.length;
        h = new DenseInverseHessian(n, threads);
        SplittableRandom random = new SplittableRandom(7);
        s = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1e-3 * random.nextGaussian();
            y[i] = s[i] * (1 + random.nextDouble()); // a positive-definite curvature: s.y > 0
        }
        d = new double[n];
        hy = new double[n];
        v = new double[n];
    }

    /** H back to the identity, so that repeated updates cannot drift out of range. */
    @Setup(Level.Invocation)
    public void resetEstimate() {
        h.reset();
    }

    /** Stops the threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        evaluator.close();
        h.close();
    }

    /** Loss and gradient over all points; returns the loss. */
    @Benchmark
    public double gradient() {
        Arrays.fill(grad, 0.0);
        return evaluator.lossAndGradient(net, problem.points(), points, loss, params, grad);
    }

    /** The N x N work of one iteration; returns an entry of the direction so nothing is optimised away. */
    @Benchmark
    public double denseUpdate() {
        h.multiply(grad, d);
        h.multiply(y, hy);
        double sy = 0;
        double yhy = 0;
        for (int i = 0; i < s.length; i++) {
            sy += s[i] * y[i];
            yhy += y[i] * hy[i];
        }
        double rho = 1 / sy;
        for (int i = 0; i < s.length; i++) {
            v[i] = rho * s[i] - hy[i] / yhy;
        }
        h.selfScaledUpdate(s, hy, yhy, v, 0.5, 1.0, rho);
        return d[0];
    }
}
