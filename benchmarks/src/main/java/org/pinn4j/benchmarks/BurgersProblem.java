package org.pinn4j.benchmarks;

import java.util.SplittableRandom;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.autodiff.taylor.MultiIndex;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.autodiff.taylor.StreamPlan;
import org.pinn4j.autodiff.taylor.TaylorNetwork;

/**
 * The benchmark workload, matching the PyTorch peer {@code torch_burgers.py}: inputs (x, t) on
 * [-1, 1] x [0, 1], 8 hidden layers of 20 tanh units (or another depth x width), 1 output, streams {u, u_x, u_t, u_xx},
 * nu = 0.01 / pi, Glorot-normal weights and zero biases, collocation points uniform at random.
 * Everything is drawn from a fixed seed, so every benchmark run sees the same numbers.
 */
public final class BurgersProblem {
    /** Viscosity of the Burgers benchmark. */
    public static final double NU = 0.01 / Math.PI;
    /** Hidden layers. */
    public static final int DEPTH = 8;
    /** Units per hidden layer. */
    public static final int WIDTH = 20;

    private final NetworkSpec spec;
    private final StreamPlan plan;
    private final double[][] points;
    private final double[] initialParams;

    /**
     * The workload with {@code pointCount} collocation points, drawn with {@code seed}.
     *
     * @throws IllegalArgumentException if pointCount &lt; 1
     */
    public BurgersProblem(int pointCount, long seed) {
        this(pointCount, seed, DEPTH, WIDTH);
    }

    /**
     * The workload with {@code depth} hidden layers of {@code width} units.
     *
     * @throws IllegalArgumentException if pointCount, depth or width &lt; 1
     */
    public BurgersProblem(int pointCount, long seed, int depth, int width) {
        if (pointCount < 1 || depth < 1 || width < 1) {
            throw new IllegalArgumentException("BurgersProblem: point count " + pointCount + ", depth " + depth
                    + " and width " + width + " must be >= 1");
        }
        int[] widths = new int[depth + 2];
        widths[0] = 2;
        for (int l = 1; l <= depth; l++) {
            widths[l] = width;
        }
        widths[depth + 1] = 1;
        spec = NetworkSpec.mlp(widths, Activation.TANH, new double[] {-1.0, 0.0}, new double[] {1.0, 1.0});
        plan = StreamPlan.of(2, MultiIndex.of(1, 0), MultiIndex.of(0, 1), MultiIndex.of(2, 0));
        SplittableRandom rng = new SplittableRandom(seed);
        points = new double[2][pointCount];
        for (int p = 0; p < pointCount; p++) {
            points[0][p] = -1.0 + 2.0 * rng.nextDouble();
            points[1][p] = rng.nextDouble();
        }
        initialParams = new double[spec.parameterCount()];
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.layerInputs(l);
            int out = spec.width(l + 1);
            double std = Math.sqrt(2.0 / (in + out));
            for (int j = 0; j < in * out; j++) {
                initialParams[spec.weightOffset(l) + j] = std * rng.nextGaussian();
            }
        }
    }

    /** The network shape. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The derivative streams {u, u_x, u_t, u_xx}. */
    public StreamPlan plan() {
        return plan;
    }

    /** A Taylor engine for this workload with {@code tileSize} points per tile. */
    public TaylorNetwork network(int tileSize) {
        return new TaylorNetwork(spec, plan, tileSize);
    }

    /** Collocation points, feature-major: {@code [0]} = x, {@code [1]} = t. Shared, do not modify. */
    public double[][] points() {
        return points;
    }

    /** Number of collocation points. */
    public int pointCount() {
        return points[0].length;
    }

    /** A fresh copy of the initial parameters. */
    public double[] initialParams() {
        return initialParams.clone();
    }

    /** The mean squared Burgers residual over this workload's points. */
    public BurgersResidualLoss loss() {
        return new BurgersResidualLoss(plan, NU, 1.0 / pointCount());
    }
}
