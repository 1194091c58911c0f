package org.pinn4j.validation.reference;

import org.pinn4j.problems.catalogue.LidDrivenCavity;

/**
 * Reference solver for the steady lid-driven cavity: incompressible Navier-Stokes on the unit square, lid u = 1,
 * v = 0 at y = 1, no slip elsewhere, in the stream function-vorticity form psi_xx + psi_yy = -w, u w_x + v w_y =
 * (w_xx + w_yy) / Re (u = psi_y, v = -psi_x), second-order central differences on a uniform grid of n intervals per
 * side, Thom's formula for the wall vorticity, solved by successive over-relaxation sweeps until the largest change of
 * a sweep is below a tolerance. The lid's corner discontinuity is kept as it is (u jumps from 1 to 0 at the two top
 * corners); it limits the convergence near those corners only.
 *
 * <p>The Re = 100 centre-line velocities of Ghia, Ghia and Shin (1982) are typed in {@link LidDrivenCavity}.
 * Richardson extrapolation of this solver's 128- and
 * 256-interval solutions gives u_min -0.21404, v_min -0.25378 and v_max 0.17958 on the centre lines; Ghia's u agree
 * with it to about 0.004, their v near its extremes lie up to 0.008 inside it ({@code CavityFlowTest}).
 */
public final class CavityFlow {
    private final double re;
    private final int n;

    /**
     * The cavity at Reynolds number {@code re} on a grid of {@code n} intervals per side.
     *
     * @throws IllegalArgumentException unless re is in (0, 1000] and n is even and in [8, 1024]
     */
    public CavityFlow(double re, int n) {
        if (!(re > 0 && re <= 1000)) {
            throw new IllegalArgumentException("CavityFlow: Reynolds number " + re + " must be in (0, 1000]");
        }
        if (n < 8 || n > 1024 || n % 2 != 0) {
            throw new IllegalArgumentException("CavityFlow: n = " + n + " intervals must be even and in [8, 1024]");
        }
        this.re = re;
        this.n = n;
    }

    /** The converged velocities on the grid. */
    public record Solution(int n, double[][] u, double[][] v, double[][] psi, int sweeps) {
        /** u at node (i, j), x = i / n, y = j / n. */
        public double u(int i, int j) {
            return u[i][j];
        }

        /** v at node (i, j). */
        public double v(int i, int j) {
            return v[i][j];
        }

        /** u at (x, y), bilinear between nodes (second order, like the scheme). */
        public double uAt(double x, double y) {
            return bilinear(u, x, y);
        }

        /** v at (x, y), linear between nodes. */
        public double vAt(double x, double y) {
            return bilinear(v, x, y);
        }

        private double bilinear(double[][] f, double x, double y) {
            double px = Math.min(Math.max(x, 0), 1) * n;
            double py = Math.min(Math.max(y, 0), 1) * n;
            int i = Math.min((int) px, n - 1);
            int j = Math.min((int) py, n - 1);
            double a = px - i;
            double b = py - j;
            return (1 - a) * (1 - b) * f[i][j]
                    + a * (1 - b) * f[i + 1][j]
                    + (1 - a) * b * f[i][j + 1]
                    + a * b * f[i + 1][j + 1];
        }
    }

    /**
     * Iterates until the largest change of psi and w in a sweep is below {@code tolerance} times their largest value.
     *
     * @throws IllegalStateException if that takes more than {@code maxSweeps} sweeps
     */
    public Solution solve(double tolerance, int maxSweeps) {
        double h = 1.0 / n;
        double[][] psi = new double[n + 1][n + 1];
        double[][] w = new double[n + 1][n + 1];
        double relaxPsi = 2 / (1 + Math.sin(Math.PI * h));
        double relaxW = 1.0;
        double cell = re * h / 2;
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            for (int k = 1; k < n; k++) {
                w[k][0] = -2 * psi[k][1] / (h * h);
                w[k][n] = -2 * psi[k][n - 1] / (h * h) - 2 / h;
                w[0][k] = -2 * psi[1][k] / (h * h);
                w[n][k] = -2 * psi[n - 1][k] / (h * h);
            }
            double change = 0;
            double largest = 1e-300;
            for (int i = 1; i < n; i++) {
                for (int j = 1; j < n; j++) {
                    double u = (psi[i][j + 1] - psi[i][j - 1]) / (2 * h);
                    double v = -(psi[i + 1][j] - psi[i - 1][j]) / (2 * h);
                    double next = (w[i + 1][j]
                                    + w[i - 1][j]
                                    + w[i][j + 1]
                                    + w[i][j - 1]
                                    - cell * (u * (w[i + 1][j] - w[i - 1][j]) + v * (w[i][j + 1] - w[i][j - 1])))
                            / 4;
                    double d = relaxW * (next - w[i][j]);
                    w[i][j] += d;
                    change = Math.max(change, Math.abs(d));
                    largest = Math.max(largest, Math.abs(w[i][j]));
                }
            }
            double changePsi = 0;
            double largestPsi = 1e-300;
            for (int i = 1; i < n; i++) {
                for (int j = 1; j < n; j++) {
                    double next = (psi[i + 1][j] + psi[i - 1][j] + psi[i][j + 1] + psi[i][j - 1] + h * h * w[i][j]) / 4;
                    double d = relaxPsi * (next - psi[i][j]);
                    psi[i][j] += d;
                    changePsi = Math.max(changePsi, Math.abs(d));
                    largestPsi = Math.max(largestPsi, Math.abs(psi[i][j]));
                }
            }
            if (sweep > 10 && change <= tolerance * largest && changePsi <= tolerance * largestPsi) {
                return velocities(psi, h, sweep);
            }
        }
        throw new IllegalStateException("CavityFlow: not converged to " + tolerance + " in " + maxSweeps + " sweeps");
    }

    private Solution velocities(double[][] psi, double h, int sweeps) {
        double[][] u = new double[n + 1][n + 1];
        double[][] v = new double[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            u[i][n] = i == 0 || i == n ? 0 : 1; // the lid; its two corners are taken as walls
        }
        for (int i = 1; i < n; i++) {
            for (int j = 1; j < n; j++) {
                u[i][j] = (psi[i][j + 1] - psi[i][j - 1]) / (2 * h);
                v[i][j] = -(psi[i + 1][j] - psi[i - 1][j]) / (2 * h);
            }
        }
        return new Solution(n, u, v, psi, sweeps);
    }
}
