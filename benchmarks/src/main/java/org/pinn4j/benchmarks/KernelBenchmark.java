package org.pinn4j.benchmarks;

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
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.TaylorNetwork;

/**
 * The pieces of a Burgers step, to see where its time goes: the Taylor-mode forward pass alone (no reverse
 * sweep, {@link BatchEvaluator#loss}), and elementwise kernels over 10,000 values: {@code Math.tanh}, the
 * engine's tanh derivative table (tanh and its first three derivatives, what one hidden neuron needs per
 * point for the streams {u, u_x, u_t, u_xx}), and a multiply-add loop as the floor of a streaming pass.
 * A Burgers step evaluates 8 x 20 = 160 tanh tables per point, i.e. 160 of the 10k-value kernels at 10,000
 * points.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KernelBenchmark {
    private static final int VALUES = 10_000;

    /** The Burgers workload for the forward-only pass. */
    @State(Scope.Benchmark)
    public static class Forward {
        /** Worker threads of the batch evaluator. */
        @Param({"1", "2"})
        public int threads;

        /** Collocation points. */
        @Param({"10000"})
        public int points;

        /** Points per Taylor tile. */
        @Param({"64"})
        public int tile;

        BurgersProblem problem;
        TaylorNetwork net;
        BurgersResidualLoss loss;
        BatchEvaluator evaluator;
        double[] params;

        /** Builds the workload. */
        @Setup(Level.Trial)
        public void setUp() {
            problem = new BurgersProblem(points, 20240601L);
            net = problem.network(tile);
            loss = problem.loss();
            evaluator = new BatchEvaluator(threads);
            params = problem.initialParams();
        }

        /** Stops the evaluator's threads. */
        @TearDown(Level.Trial)
        public void tearDown() {
            evaluator.close();
        }
    }

    /** 10,000 pre-activations spread like those of a trained tanh layer, and output buffers. */
    @State(Scope.Thread)
    public static class Values {
        final double[] z = new double[VALUES];
        final double[] out = new double[VALUES];
        /** Rows: tanh, tanh', tanh'', tanh''' (stride VALUES). */
        final double[][] table = new double[4][VALUES];

        /** Fills z from a fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom rng = new SplittableRandom(7);
            for (int p = 0; p < VALUES; p++) {
                z[p] = -3.0 + 6.0 * rng.nextDouble();
            }
        }
    }

    /** Taylor-mode forward pass and residual over all points, without the reverse sweep (ms per call). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double forwardLoss(Forward s) {
        return s.evaluator.loss(s.net, s.problem.points(), s.points, s.loss, s.params);
    }

    /** {@code Math.tanh} over 10,000 values. */
    @Benchmark
    public double[] mathTanh(Values s) {
        double[] z = s.z;
        double[] out = s.out;
        for (int p = 0; p < VALUES; p++) {
            out[p] = Math.tanh(z[p]);
        }
        return out;
    }

    /** The engine's tanh table (value and derivatives 1..3) over 10,000 values. */
    @Benchmark
    public double[][] tanhDerivativeTable(Values s) {
        Activation.TANH.derivatives(s.z, VALUES, 3, s.table);
        return s.table;
    }

    /** out += 0.5 * z over 10,000 values: the cost floor of one streaming pass. */
    @Benchmark
    public double[] multiplyAdd(Values s) {
        double[] z = s.z;
        double[] out = s.out;
        for (int p = 0; p < VALUES; p++) {
            out[p] += 0.5 * z[p];
        }
        return out;
    }
}
