package org.pinn4j.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 *   <li>{@code denseUpdate}: the N x N work, once per iteration: the product {@code H g+} (from which {@code
 *       H y} and the next direction follow in O(N)) and the rank-two update ({@link
 *       DenseInverseHessian#selfScaledUpdate}), with the O(N) vector work between them;
 *   <li>{@code denseUpdateEjml}: the same N x N work with EJML ({@code CommonOps_DDRM.mult} for the product, three
 *       {@code multAddTransB} rank-one updates and a {@code scale} for the update), single-threaded whatever
 *       {@code threads} says: the comparison that chose pinn4j's own kernels.
 * </ul>
 *
 * <p>Shapes: {@code 3x30} (3 hidden layers of 30 tanh units, N = 1,981 parameters, H 31 MB) and {@code 4x50}
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
    private double[] hgOld;
    private double[] hgNew;
    private double[] hy;
    private double[] v;

    private DMatrixRMaj ejmlH;
    private DMatrixRMaj ejmlG;
    private DMatrixRMaj ejmlHg;
    private DMatrixRMaj ejmlS;
    private DMatrixRMaj ejmlHy;
    private DMatrixRMaj ejmlV;

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
            grad[i] = random.nextGaussian(); // denseUpdate's g+ (the gradient benchmark overwrites it)
        }
        hgOld = s.clone();
        hgNew = new double[n];
        hy = new double[n];
        v = new double[n];
        ejmlH = CommonOps_DDRM.identity(n);
        ejmlG = DMatrixRMaj.wrap(n, 1, grad);
        ejmlHg = new DMatrixRMaj(n, 1);
        ejmlS = DMatrixRMaj.wrap(n, 1, s);
        ejmlHy = DMatrixRMaj.wrap(n, 1, hy);
        ejmlV = DMatrixRMaj.wrap(n, 1, v);
    }

    /** H back to the identity, so that repeated updates cannot drift out of range. */
    @Setup(Level.Invocation)
    public void resetEstimate() {
        h.reset();
        CommonOps_DDRM.setIdentity(ejmlH);
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
        h.multiply(grad, hgNew);
        double sy = 0;
        double yhy = 0;
        for (int i = 0; i < s.length; i++) {
            hy[i] = y[i] + (hgNew[i] - hgOld[i]); // the same vector work as H g+ - H g; H y of the identity is y
            sy += s[i] * y[i];
            yhy += y[i] * hy[i];
        }
        double rho = 1 / sy;
        for (int i = 0; i < s.length; i++) {
            v[i] = rho * s[i] - hy[i] / yhy;
        }
        h.selfScaledUpdate(s, hy, yhy, v, 0.5, 1.0, rho);
        return hgNew[0];
    }

    /** {@link #denseUpdate} with EJML's dense kernels. */
    @Benchmark
    public double denseUpdateEjml() {
        CommonOps_DDRM.mult(ejmlH, ejmlG, ejmlHg);
        double[] hgE = ejmlHg.data;
        double sy = 0;
        double yhy = 0;
        for (int i = 0; i < s.length; i++) {
            hy[i] = y[i] + (hgE[i] - hgOld[i]);
            sy += s[i] * y[i];
            yhy += y[i] * hy[i];
        }
        double rho = 1 / sy;
        for (int i = 0; i < s.length; i++) {
            v[i] = rho * s[i] - hy[i] / yhy;
        }
        // (H - hy hy^T / yhy + phi yhy v v^T) / tau + rho s s^T with phi = 0.5, tau = 1
        CommonOps_DDRM.multAddTransB(-1 / yhy, ejmlHy, ejmlHy, ejmlH);
        CommonOps_DDRM.multAddTransB(0.5 * yhy, ejmlV, ejmlV, ejmlH);
        CommonOps_DDRM.scale(1.0, ejmlH);
        CommonOps_DDRM.multAddTransB(rho, ejmlS, ejmlS, ejmlH);
        return hgE[0];
    }
}
