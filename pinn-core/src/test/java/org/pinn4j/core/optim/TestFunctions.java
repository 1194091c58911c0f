package org.pinn4j.core.optim;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Test objectives with known minimisers. */
final class TestFunctions {

    private TestFunctions() {}

    /**
     * f(x) = 0.5 x^T A x - b^T x + offset in 5-D, A = Q diag(1, 2.5, 4, 7, 10) Q^T (condition 10)
     * with Q orthogonal from a seeded Gaussian; the minimiser A^{-1} b is computed independently
     * by Commons Math's LU solver.
     */
    static final class Quadratic implements Objective {
        final double[][] a;
        final double[] b;
        final double[] minimizer;
        final double offset;
        int evaluations;

        Quadratic() {
            this(0.0);
        }

        Quadratic(double offset) {
            this.offset = offset;
            SplittableRandom rng = new SplittableRandom(42);
            double[][] gauss = new double[5][5];
            for (double[] row : gauss) {
                for (int j = 0; j < 5; j++) {
                    row[j] = rng.nextGaussian();
                }
            }
            RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(gauss)).getQ();
            RealMatrix am = q.multiply(MatrixUtils.createRealDiagonalMatrix(new double[] {1.0, 2.5, 4.0, 7.0, 10.0}))
                    .multiply(q.transpose());
            // Symmetrise exactly so the gradient is that of the stated f.
            am = am.add(am.transpose()).scalarMultiply(0.5);
            a = am.getData();
            b = new double[] {1.0, -2.0, 0.5, 3.0, -1.0};
            minimizer = new LUDecomposition(am)
                    .getSolver()
                    .solve(new ArrayRealVector(b))
                    .toArray();
        }

        @Override
        public int dimension() {
            return 5;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            evaluations++;
            double f = offset;
            for (int i = 0; i < 5; i++) {
                double ax = 0.0;
                for (int j = 0; j < 5; j++) {
                    ax += a[i][j] * x[j];
                }
                g[i] = ax - b[i];
                f += 0.5 * x[i] * ax - b[i] * x[i];
            }
            return f;
        }
    }

    /** Rosenbrock in 2-D, (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
    static final class Rosenbrock implements Objective {
        int evaluations;

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            evaluations++;
            double p = x[0];
            double t = x[1] - p * p;
            g[0] = -2.0 * (1.0 - p) - 400.0 * p * t;
            g[1] = 200.0 * t;
            return (1.0 - p) * (1.0 - p) + 100.0 * t * t;
        }
    }

    static double maxAbsDiff(double[] x, double[] y) {
        double m = 0.0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    static double maxAbsDiff(double[] x, double value) {
        double m = 0.0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v - value));
        }
        return m;
    }
}
