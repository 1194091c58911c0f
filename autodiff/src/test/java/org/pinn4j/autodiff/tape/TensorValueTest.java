package org.pinn4j.autodiff.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Forward values of the tape operations against plain loops and textbook formulas, and the error
 * messages for bad shapes. Values computed by the same formula must agree to rounding; where the tape
 * uses a numerically stable rewrite (sigmoid, softplus, GELU via erfc) we allow a few ulps, 1e-14.
 */
class TensorValueTest {

    private static final double EXACT = 0.0;
    private static final double ULPS = 1e-14;

    private final SplittableRandom rnd = new SplittableRandom(42);

    private double[][] randomRows(int r, int c) {
        double[][] a = new double[r][c];
        for (double[] row : a) {
            for (int j = 0; j < c; j++) {
                row[j] = rnd.nextDouble(-2, 2);
            }
        }
        return a;
    }

    @Test
    void elementwiseFunctionsMatchTextbookFormulas() {
        double[][] a = randomRows(4, 5);
        Tensor x = Tensor.constant(a);
        checkElementwise(a, x, Tensor::tanh, Math::tanh);
        checkElementwise(a, x, Tensor::sin, Math::sin);
        checkElementwise(a, x, Tensor::cos, Math::cos);
        checkElementwise(a, x, Tensor::exp, Math::exp);
        checkElementwise(a, x, Tensor::square, v -> v * v);
        checkElementwise(a, x, t -> t.pow(3.0), v -> v * v * v);
        checkElementwise(a, x, Tensor::sigmoid, v -> 1.0 / (1.0 + Math.exp(-v)));
        checkElementwise(a, x, Tensor::softplus, v -> Math.log(1.0 + Math.exp(v)));
        checkElementwise(a, x, Tensor::relu, v -> Math.max(v, 0.0));
        checkElementwise(a, x, Tensor::silu, v -> v / (1.0 + Math.exp(-v)));
        checkElementwise(a, x, Tensor::gelu, v -> 0.5 * v * (1.0 + Erf.erf(v / Math.sqrt(2.0))));
        checkElementwise(a, x, Tensor::erf, Erf::erf);
        checkElementwise(a, x, t -> t.add(0.5), v -> v + 0.5);
        checkElementwise(a, x, t -> t.rsub(0.5), v -> 0.5 - v);
        checkElementwise(a, x, t -> t.mul(3.0), v -> v * 3.0);
        checkElementwise(a, x, Tensor::neg, v -> -v);
        double[][] b = randomRows(4, 5);
        for (double[] row : b) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.abs(row[j]) + 0.1;
            }
        }
        Tensor y = Tensor.constant(b);
        checkElementwise(b, y, Tensor::log, Math::log);
        checkElementwise(b, y, Tensor::sqrt, Math::sqrt);
        checkElementwise(b, y, t -> t.pow(2.5), v -> Math.pow(v, 2.5));
    }

    private static void checkElementwise(double[][] a, Tensor x, UnaryOperator<Tensor> op, DoubleUnaryOperator ref) {
        Tensor y = op.apply(x);
        assertEquals(a.length, y.rows());
        assertEquals(a[0].length, y.cols());
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                double expected = ref.applyAsDouble(a[i][j]);
                assertEquals(expected, y.get(i, j), ULPS * Math.max(1.0, Math.abs(expected)));
            }
        }
    }

    @Test
    void softplusAndSigmoidStayFiniteForLargeArguments() {
        double[] sp = Tensor.constant(1, 4, -800, -40, 40, 800).softplus().toArray();
        double[] sg = Tensor.constant(1, 4, -800, -40, 40, 800).sigmoid().toArray();
        // e^-800 underflows to 0, so log1p(0) = 0 exactly; the naive log(1 + e^800) would be infinite.
        assertEquals(0.0, sp[0], EXACT);
        // log(1 + e^-40) = e^-40 (1 - e^-40 / 2 + ...): the correction is far below 1 ulp.
        assertEquals(Math.exp(-40), sp[1], 1e-15 * Math.exp(-40));
        assertEquals(40.0, sp[2], 1e-15 * 40);
        assertEquals(800.0, sp[3], EXACT);
        assertEquals(0.0, sg[0], 1e-300);
        assertEquals(Math.exp(-40), sg[1], 1e-15 * Math.exp(-40));
        assertEquals(1.0, sg[2], 1e-16);
        assertEquals(1.0, sg[3], EXACT);
    }

    @Test
    void matmulTransposeAndReductionsMatchLoops() {
        double[][] a = randomRows(3, 4);
        double[][] b = randomRows(4, 2);
        Tensor p = Tensor.constant(a).matmul(Tensor.constant(b));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += a[i][k] * b[k][j];
                }
                // same products, possibly summed in another order: a few ulps
                assertEquals(s, p.get(i, j), ULPS);
            }
        }
        Tensor t = Tensor.constant(a).transpose();
        assertEquals("4 x 3", t.shape());
        double total = 0;
        double[] colSums = new double[4];
        double[] rowSums = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(a[i][j], t.get(j, i), EXACT);
                total += a[i][j];
                colSums[j] += a[i][j];
                rowSums[i] += a[i][j];
            }
        }
        Tensor x = Tensor.constant(a);
        assertEquals(total, x.sum().item(), ULPS);
        assertEquals(total / 12, x.mean().item(), ULPS);
        assertEquals("1 x 4", x.columnSums().shape());
        assertArrayEquals(colSums, x.columnSums().toArray(), ULPS);
        assertEquals("3 x 1", x.rowSums().shape());
        assertArrayEquals(rowSums, x.rowSums().toArray(), ULPS);
    }

    @Test
    void broadcastingAddsRowsColumnsAndScalars() {
        Tensor m = Tensor.constant(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor row = Tensor.constant(1, 3, 10, 20, 30);
        Tensor col = Tensor.constant(2, 1, 100, 200);
        // integers: exact
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, m.add(row).toArray(), EXACT);
        assertArrayEquals(
                new double[] {101, 102, 103, 204, 205, 206}, m.add(col).toArray(), EXACT);
        assertArrayEquals(
                new double[] {110, 120, 130, 210, 220, 230}, row.add(col).toArray(), EXACT);
        assertArrayEquals(
                new double[] {2, 4, 6, 8, 10, 12}, m.mul(Tensor.scalar(2)).toArray(), EXACT);
        assertArrayEquals(new double[] {-9, -18, -27, -6, -15, -24}, m.sub(row).toArray(), EXACT);
        assertArrayEquals(
                new double[] {0.5, 1, 1.5, 2, 2.5, 3}, m.div(Tensor.scalar(2)).toArray(), EXACT);
        assertArrayEquals(
                new double[] {10, 20, 30, 10, 20, 30}, row.broadcastTo(2, 3).toArray(), EXACT);
    }

    @Test
    void slicingConcatenationAndReshapeKeepRowMajorLayout() {
        Tensor m = Tensor.constant(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {2, 3, 5, 6}, m.sliceColumns(1, 3).toArray(), EXACT);
        assertArrayEquals(new double[] {1, 4}, m.column(0).toArray(), EXACT);
        assertArrayEquals(
                new double[] {3, 1, 2, 6, 4, 5},
                Tensor.concatColumns(m.column(2), m.sliceColumns(0, 2)).toArray(),
                EXACT);
        assertArrayEquals(
                new double[] {0, 1, 2, 3, 0, 0, 4, 5, 6, 0}, m.padColumns(1, 5).toArray(), EXACT);
        Tensor r = m.reshape(3, 2);
        assertEquals("3 x 2", r.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, r.toArray(), EXACT);
        assertArrayEquals(
                new double[] {4, 5, 6},
                Tensor.ofColumns(false, new double[] {1, 4}, new double[] {2, 5}, new double[] {3, 6})
                        .toArray2D()[1],
                EXACT);
    }

    @Test
    void constructionCopiesItsInput() {
        double[] data = {1, 2, 3, 4};
        Tensor t = Tensor.constant(2, 2, data);
        data[0] = 99;
        assertEquals(1.0, t.get(0, 0), EXACT);
        double[] out = t.toArray();
        out[1] = 99;
        assertEquals(2.0, t.get(0, 1), EXACT);
        assertFalse(t.requiresGrad());
        assertTrue(Tensor.variable(1, 1, 5).requiresGrad());
    }

    @Test
    void badShapesGiveClearMessages() {
        Tensor a = Tensor.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.matmul(Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("3 x 4") && e.getMessage().contains("3 x 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.add(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("broadcast"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.sliceColumns(2, 5));
        assertTrue(e.getMessage().contains("[2, 5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.reshape(5, 2));
        assertTrue(e.getMessage().contains("5 x 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.concatColumns(a, Tensor.zeros(2, 1)));
        assertTrue(e.getMessage().contains("part 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.constant(2, 2, 1, 2, 3));
        assertTrue(e.getMessage().contains("needs 4 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.constant(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.add((Tensor) null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.item());
        assertTrue(e.getMessage().contains("1 x 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.get(3, 0));
        assertTrue(e.getMessage().contains("(3, 0)"), e.getMessage());
    }
}
