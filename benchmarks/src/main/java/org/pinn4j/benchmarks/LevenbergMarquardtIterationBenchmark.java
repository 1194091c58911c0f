package org.pinn4j.benchmarks;

import java.util.List;
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
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.loss.PointLoss;
import org.pinn4j.core.optim.NormalEquations;
import org.pinn4j.core.train.BoundProgram;
import org.pinn4j.core.train.PointTerm;

/**
 * One Levenberg-Marquardt iteration of the Burgers PINN (nu = 0.01/pi, the residual u_t + u u_x - nu u_xx through
 * the residual DSL, as training compiles it) split into its three costs:
 *
 * <ul>
 *   <li>{@code jacobian}: the residuals and their exact m x N Jacobian (the engine's per-point reverse sweep);
 *   <li>{@code normalEquations}: A = J^T J and J^T r ({@link NormalEquations#form}: N (N + 1) m flops for the
 *       upper triangle, the figure to divide by the time for GFLOP/s);
 *   <li>{@code cholesky}: one damped solve (N^3 / 3 flops for the factorisation).
 * </ul>
 *
 * <p>Shapes: {@code 3x20} (N = 921) and {@code 4x30} (N = 2,911); m = 4,000 or 8,000 points (the Jacobian of
 * 4x30 at 8,000 points is 186 MB; the fork gets {@code -Xmx4g}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LevenbergMarquardtIteration -p threads=1,2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class LevenbergMarquardtIterationBenchmark {

    /** Hidden layers x units per layer. */
    @Param({"3x20", "4x30"})
    public String shape;

    /** Residual points. */
    @Param({"4000", "8000"})
    public int points;

    /** Threads of the evaluator and of the normal equations. */
    @Param({"2"})
    public int threads;

    private BurgersProblem problem;
    private PointTerm term;
    private BatchEvaluator evaluator;
    private NormalEquations equations;
    private double[] params;
    private double[] r;
    private double[] jt;
    private double[] delta;
    private double mu;

    /** The term on the problem's points, one Jacobian and the normal equations formed once. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] dw = shape.split("x");
        problem = new BurgersProblem(points, 20240601L, Integer.parseInt(dw[0]), Integer.parseInt(dw[1]));
        org.pinn4j.core.expr.Scope s =
                org.pinn4j.core.expr.Scope.create(List.of("x", "t"), List.of("u"), List.of(), List.of());
        Field u = s.output("u");
        Field residual = u.d("t").plus(u.times(u.d("x"))).minus(u.d("x", "x").times(BurgersProblem.NU));
        int n = problem.spec().parameterCount();
        term = new PointTerm(
                "pde",
                1.0,
                new BoundProgram(Program.compile(List.of(residual)), problem.spec(), 64, n),
                PointLoss.mse(),
                new int[0]);
        term.setPoints(problem.points(), new double[0][], points);
        evaluator = new BatchEvaluator(threads);
        equations = new NormalEquations(n, threads);
        params = problem.initialParams();
        r = new double[points];
        jt = new double[points * n];
        delta = new double[n];
        jacobian();
        equations.form(jt, r, points);
        mu = 1e-3 * equations.maxDiagonal();
        System.err.println("dot products: " + org.pinn4j.autodiff.dense.LaneDots.describe());
    }

    /** Stops the threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        evaluator.close();
        equations.close();
    }

    /** Residuals and Jacobian; returns an entry so nothing is optimised away. */
    @Benchmark
    public double jacobian() {
        term.residuals(evaluator, params, 1.0, r, jt, points, 0);
        return jt[jt.length / 2];
    }

    /** J^T J and J^T r. */
    @Benchmark
    public double normalEquations() {
        equations.form(jt, r, points);
        return equations.normalMatrix()[1];
    }

    /** One damped Cholesky solve. */
    @Benchmark
    public double cholesky() {
        equations.solve(mu, false, delta);
        return delta[0];
    }
}
