package org.pinn4j.validation.reference;

import java.util.function.DoubleBinaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Finite-difference solution of {@code -Laplace(u) = f} on a region of the square [-1, 1]^2 with
 * {@code u = 0} outside the region and on its boundary, by the 5-point stencil on the uniform grid
 * {@code x_i = -1 + i h}, {@code h = 2 / n}, solved with EJML's sparse Cholesky.
 *
 * <p>The region is a predicate that must be {@code false} on the boundary itself (grid nodes where it
 * is false are Dirichlet nodes with value 0); nodes on the edge of the square are always Dirichlet
 * nodes. The scheme is second order for smooth solutions; on the L-shape the reentrant corner
 * (a {@code r^(2/3)} singularity) lowers the observed rate (see the tests).
 *
 * <p>Cost: EJML's sparse Cholesky offers no fill-reducing ordering of its own, so the unknowns are
 * numbered by geometric nested dissection (halves first, separator line last): fill ~N log N and
 * work ~N^1.5 for N ~ n^2 unknowns, instead of the banded ~n^4 of row-by-row numbering.
 * Instances are immutable.
 */
public final class PoissonFd {

    /** A region of [-1, 1]^2 given by a predicate that is false on its boundary. */
    @FunctionalInterface
    public interface Region {

        /** Whether (x, y) is strictly inside the region. */
        boolean inside(double x, double y);
    }

    /** The open square (-1, 1)^2. */
    public static final Region SQUARE = (x, y) -> Math.abs(x) < 1 && Math.abs(y) < 1;

    /** The open L-shape (-1, 1)^2 minus [0, 1)^2 (the DeepXDE Poisson L-shape benchmark). */
    public static final Region L_SHAPE = (x, y) -> Math.abs(x) < 1 && Math.abs(y) < 1 && !(x >= 0 && y >= 0);

    private final Region region;
    private final int n;
    private final double h;
    private final double[] axis;
    private final double[][] u;
    private final int unknowns;

    /**
     * Solves {@code -Laplace(u) = f} on {@code region} with {@code n} intervals per side.
     *
     * @throws IllegalArgumentException if region or f is null, {@code n < 2} or {@code n > 2048}, the region
     *                                  holds no grid node, or f is not finite at a node
     * @throws IllegalStateException    if the factorization fails (not expected: the matrix is SPD)
     */
    public PoissonFd(Region region, DoubleBinaryOperator f, int n) {
        if (region == null || f == null) {
            throw new IllegalArgumentException("PoissonFd: region and source f must be non-null");
        }
        if (n < 2 || n > 2048) {
            throw new IllegalArgumentException("PoissonFd: number of intervals n = " + n + " must be in [2, 2048]");
        }
        this.region = region;
        this.n = n;
        this.h = 2.0 / n;
        this.axis = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            axis[i] = -1.0 + 2.0 * i / n; // exact at 0 and +-1 for even n
        }
        int[][] index = new int[n + 1][n + 1];
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                boolean interior = i > 0 && i < n && j > 0 && j < n && region.inside(axis[i], axis[j]);
                index[j][i] = interior ? 0 : -1;
            }
        }
        int m = nestedDissection(index, 1, n - 1, 1, n - 1, 0);
        if (m == 0) {
            throw new IllegalArgumentException("PoissonFd: region contains no interior grid node at n = " + n);
        }
        this.unknowns = m;
        // h^2 times the 5-point negative Laplacian: 4 on the diagonal, -1 for each interior neighbour
        DMatrixSparseTriplet triplet = new DMatrixSparseTriplet(m, m, 5 * m);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        int[][] offsets = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int j = 1; j < n; j++) {
            for (int i = 1; i < n; i++) {
                int row = index[j][i];
                if (row < 0) {
                    continue;
                }
                triplet.addItem(row, row, 4.0);
                for (int[] o : offsets) {
                    int col = index[j + o[1]][i + o[0]];
                    if (col >= 0) {
                        triplet.addItem(row, col, -1.0);
                    }
                }
                double fv = f.applyAsDouble(axis[i], axis[j]);
                if (!Double.isFinite(fv)) {
                    throw new IllegalArgumentException(
                            "PoissonFd: source f(" + axis[i] + ", " + axis[j] + ") = " + fv + " is not finite");
                }
                rhs.set(row, 0, h * h * fv);
            }
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(triplet, (DMatrixSparseCSC) null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
        if (!solver.setA(a)) {
            throw new IllegalStateException("PoissonFd: sparse Cholesky factorization failed for " + m + " unknowns");
        }
        DMatrixRMaj sol = new DMatrixRMaj(m, 1);
        solver.solve(rhs, sol);
        this.u = new double[n + 1][n + 1];
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                if (index[j][i] >= 0) {
                    u[j][i] = sol.get(index[j][i], 0);
                }
            }
        }
    }

    /**
     * Numbers the nodes marked 0 in {@code index[j][i]} for i in [i0, i1], j in [j0, j1] by nested
     * dissection, starting at {@code next}; returns the next free number.
     */
    private static int nestedDissection(int[][] index, int i0, int i1, int j0, int j1, int next) {
        if (i1 < i0 || j1 < j0) {
            return next;
        }
        if ((i1 - i0 + 1) * (j1 - j0 + 1) <= 16) {
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    if (index[j][i] >= 0) {
                        index[j][i] = next++;
                    }
                }
            }
            return next;
        }
        if (i1 - i0 >= j1 - j0) {
            int mid = (i0 + i1) >>> 1;
            next = nestedDissection(index, i0, mid - 1, j0, j1, next);
            next = nestedDissection(index, mid + 1, i1, j0, j1, next);
            for (int j = j0; j <= j1; j++) {
                if (index[j][mid] >= 0) {
                    index[j][mid] = next++;
                }
            }
        } else {
            int mid = (j0 + j1) >>> 1;
            next = nestedDissection(index, i0, i1, j0, mid - 1, next);
            next = nestedDissection(index, i0, i1, mid + 1, j1, next);
            for (int i = i0; i <= i1; i++) {
                if (index[mid][i] >= 0) {
                    index[mid][i] = next++;
                }
            }
        }
        return next;
    }

    /** Number of intervals per side. */
    public int n() {
        return n;
    }

    /** Grid spacing {@code 2 / n}. */
    public double h() {
        return h;
    }

    /** Number of unknowns (interior nodes of the region). */
    public int unknowns() {
        return unknowns;
    }

    /** Grid coordinates {@code x_i = y_i = -1 + i h}, {@code i = 0..n} (a copy). */
    public double[] axis() {
        return axis.clone();
    }

    /** The nodal solution {@code u(x_i, y_j)} at index {@code [j][i]}, 0 at Dirichlet nodes (a copy). */
    public double[][] nodalValues() {
        double[][] out = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            out[j] = u[j].clone();
        }
        return out;
    }

    /**
     * Bilinear interpolation of the nodal solution; 0 where the region predicate is false.
     *
     * @throws IllegalArgumentException if (x, y) is outside [-1, 1]^2 or not finite
     */
    public double value(double x, double y) {
        if (!(Math.abs(x) <= 1.0) || !(Math.abs(y) <= 1.0)) {
            throw new IllegalArgumentException("PoissonFd: point (" + x + ", " + y + ") must lie in [-1, 1]^2");
        }
        if (!region.inside(x, y)) {
            return 0.0;
        }
        double sx = (x + 1.0) / h;
        double sy = (y + 1.0) / h;
        int i = Math.min((int) sx, n - 1);
        int j = Math.min((int) sy, n - 1);
        double a = sx - i;
        double b = sy - j;
        return (1 - b) * ((1 - a) * u[j][i] + a * u[j][i + 1]) + b * ((1 - a) * u[j + 1][i] + a * u[j + 1][i + 1]);
    }

    /**
     * {@link #value} at the points {@code (x[k], y[k])}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a point is invalid
     */
    public double[] values(double[] x, double[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("PoissonFd.values: x and y must be non-null with equal lengths, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = value(x[k], y[k]);
        }
        return out;
    }
}
