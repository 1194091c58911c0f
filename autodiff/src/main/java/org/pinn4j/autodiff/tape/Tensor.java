package org.pinn4j.autodiff.tape;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.pinn4j.autodiff.scalar.ScalarFunctions;

/**
 * An immutable dense matrix (rows x cols, stored in an EJML {@link DMatrixRMaj}) that remembers how
 * it was computed, for reverse-mode differentiation with {@link Autograd}. A batch of N points with
 * d features is an N x d tensor; a scalar is 1 x 1.
 *
 * <p>Every operation returns a new tensor. While recording is on (the default, see
 * {@link Autograd#withoutRecording}) and at least one operand {@link #requiresGrad() requires
 * grad}, the result keeps its operands and a backward rule. Each backward rule is written with
 * these same differentiable operations, so when {@link Autograd} runs it with
 * {@code createGraph = true} the gradient is itself a recorded tensor and can be differentiated
 * again (the design of HIPS autograd).
 *
 * <p>Binary elementwise operations broadcast: each dimension of the two operands must be equal or
 * 1, so a 1 x c bias row is added to every row, an r x 1 column to every column, and a 1 x 1 tensor
 * to every element.
 */
public final class Tensor {

    /** Backward rule of one operation: the gradients of its operands from the gradient of its result. */
    @FunctionalInterface
    interface Backward {
        /**
         * @param out    the result tensor of the operation (its value may be reused, e.g. by tanh)
         * @param grad   gradient of the final output with respect to {@code out}, same shape as {@code out}
         * @param needed which operands need a gradient; entries not needed may be returned as null
         * @return one gradient per operand, each of that operand's shape
         */
        Tensor[] apply(Tensor out, Tensor grad, boolean[] needed);
    }

    private static final Tensor[] NO_PARENTS = new Tensor[0];
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /** Never modified after construction. */
    final DMatrixRMaj value;

    final Tensor[] parents;
    final Backward backward;
    final String op;
    private final boolean requiresGrad;

    private Tensor(DMatrixRMaj value, Tensor[] parents, Backward backward, boolean requiresGrad, String op) {
        this.value = value;
        this.parents = parents;
        this.backward = backward;
        this.requiresGrad = requiresGrad;
        this.op = op;
    }

    // ------------------------------------------------------------------ construction

    /** A constant (no gradient) from rows of values; all rows must have the same non-zero length. */
    public static Tensor constant(double[][] rows) {
        return new Tensor(fromRows(rows, "Tensor.constant"), NO_PARENTS, null, false, "constant");
    }

    /** A leaf variable (gradients can be taken with respect to it) from rows of values. */
    public static Tensor variable(double[][] rows) {
        return new Tensor(fromRows(rows, "Tensor.variable"), NO_PARENTS, null, true, "variable");
    }

    /** A constant of shape rows x cols from row-major data (copied). */
    public static Tensor constant(int rows, int cols, double... rowMajor) {
        return new Tensor(fromRowMajor(rows, cols, rowMajor, "Tensor.constant"), NO_PARENTS, null, false, "constant");
    }

    /** A leaf variable of shape rows x cols from row-major data (copied). */
    public static Tensor variable(int rows, int cols, double... rowMajor) {
        return new Tensor(fromRowMajor(rows, cols, rowMajor, "Tensor.variable"), NO_PARENTS, null, true, "variable");
    }

    /** A tensor holding a copy of {@code matrix}; a leaf variable if {@code requiresGrad}, else a constant. */
    public static Tensor of(DMatrixRMaj matrix, boolean requiresGrad) {
        if (matrix == null) {
            throw new IllegalArgumentException("Tensor.of: matrix must not be null");
        }
        checkShape(matrix.numRows, matrix.numCols, "Tensor.of");
        return new Tensor(matrix.copy(), NO_PARENTS, null, requiresGrad, requiresGrad ? "variable" : "constant");
    }

    /**
     * An N x d batch from feature-major columns (column j = {@code columns[j]}, each of length N), the
     * layout the rest of pinn4j uses for points; a leaf variable if {@code requiresGrad}.
     */
    public static Tensor ofColumns(boolean requiresGrad, double[]... columns) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("Tensor.ofColumns: need at least one column");
        }
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] == null || columns[j].length != columns[0].length) {
                throw new IllegalArgumentException("Tensor.ofColumns: column " + j + " has length "
                        + (columns[j] == null ? "null" : columns[j].length) + ", expected "
                        + (columns[0] == null ? "non-null" : columns[0].length));
            }
        }
        int n = columns[0].length;
        checkShape(n, columns.length, "Tensor.ofColumns");
        DMatrixRMaj m = new DMatrixRMaj(n, columns.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns.length; j++) {
                m.data[i * columns.length + j] = columns[j][i];
            }
        }
        return new Tensor(m, NO_PARENTS, null, requiresGrad, requiresGrad ? "variable" : "constant");
    }

    /** A 1 x 1 constant. */
    public static Tensor scalar(double v) {
        return constant(1, 1, v);
    }

    /** A rows x cols constant filled with {@code v}. */
    public static Tensor full(int rows, int cols, double v) {
        checkShape(rows, cols, "Tensor.full");
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        Arrays.fill(m.data, 0, rows * cols, v);
        return new Tensor(m, NO_PARENTS, null, false, "constant");
    }

    /** A rows x cols constant of zeros. */
    public static Tensor zeros(int rows, int cols) {
        return full(rows, cols, 0.0);
    }

    /** A rows x cols constant of ones. */
    public static Tensor ones(int rows, int cols) {
        return full(rows, cols, 1.0);
    }

    /** The same values as a constant, cut off from the graph. */
    public Tensor detach() {
        return new Tensor(value, NO_PARENTS, null, false, "constant");
    }

    /** The same values as a new leaf variable, cut off from the graph this tensor came from. */
    public Tensor detachAsVariable() {
        return new Tensor(value, NO_PARENTS, null, true, "variable");
    }

    // ------------------------------------------------------------------ inspection

    /** Number of rows. */
    public int rows() {
        return value.numRows;
    }

    /** Number of columns. */
    public int cols() {
        return value.numCols;
    }

    /** Whether gradients flow to this tensor (a variable, or computed from one while recording). */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Element (r, c). */
    public double get(int r, int c) {
        if (r < 0 || r >= rows() || c < 0 || c >= cols()) {
            throw new IllegalArgumentException("Tensor.get: index (" + r + ", " + c + ") outside shape " + shape());
        }
        return value.unsafe_get(r, c);
    }

    /** The single value of a 1 x 1 tensor. */
    public double item() {
        if (rows() != 1 || cols() != 1) {
            throw new IllegalArgumentException("Tensor.item: shape is " + shape() + ", expected 1 x 1");
        }
        return value.data[0];
    }

    /** A row-major copy of the values. */
    public double[] toArray() {
        return Arrays.copyOf(value.data, rows() * cols());
    }

    /** A copy of the values as rows. */
    public double[][] toArray2D() {
        double[][] out = new double[rows()][cols()];
        for (int r = 0; r < rows(); r++) {
            System.arraycopy(value.data, r * cols(), out[r], 0, cols());
        }
        return out;
    }

    /** A copy of column {@code c}. */
    public double[] columnValues(int c) {
        if (c < 0 || c >= cols()) {
            throw new IllegalArgumentException("Tensor.columnValues: column " + c + " outside shape " + shape());
        }
        double[] out = new double[rows()];
        for (int r = 0; r < rows(); r++) {
            out[r] = value.unsafe_get(r, c);
        }
        return out;
    }

    /** A copy of the values as an EJML matrix. */
    public DMatrixRMaj matrix() {
        return value.copy();
    }

    /** The shape as "rows x cols". */
    public String shape() {
        return rows() + " x " + cols();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(").append(op).append(", ").append(shape());
        if (requiresGrad) {
            sb.append(", requiresGrad");
        }
        if (rows() * cols() <= 16) {
            sb.append(", ").append(Arrays.deepToString(toArray2D()));
        }
        return sb.append(')').toString();
    }

    // ------------------------------------------------------------------ linear algebra and structure

    /** Matrix product this (r x k) times {@code b} (k x c). */
    public Tensor matmul(Tensor b) {
        requireNonNull(b, "matmul");
        if (cols() != b.rows()) {
            throw new IllegalArgumentException("Tensor.matmul: inner dimensions differ: left is " + shape()
                    + ", right is " + b.shape() + " (expected left cols == right rows)");
        }
        DMatrixRMaj out = new DMatrixRMaj(rows(), b.cols());
        CommonOps_DDRM.mult(value, b.value, out);
        return record(
                "matmul",
                out,
                (o, g, need) -> new Tensor[] {
                    need[0] ? g.matmul(o.parents[1].transpose()) : null,
                    need[1] ? o.parents[0].transpose().matmul(g) : null
                },
                this,
                b);
    }

    /** Transpose. */
    public Tensor transpose() {
        return record(
                "transpose", CommonOps_DDRM.transpose(value, null), (o, g, need) -> new Tensor[] {g.transpose()}, this);
    }

    /** The same values read row-major into shape rows x cols (rows * cols must equal the element count). */
    public Tensor reshape(int rows, int cols) {
        checkShape(rows, cols, "Tensor.reshape");
        if ((long) rows * cols != (long) rows() * cols()) {
            throw new IllegalArgumentException("Tensor.reshape: cannot reshape " + shape() + " to " + rows + " x "
                    + cols + " (element counts differ)");
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        System.arraycopy(value.data, 0, out.data, 0, rows * cols);
        int r0 = rows();
        int c0 = cols();
        return record("reshape", out, (o, g, need) -> new Tensor[] {g.reshape(r0, c0)}, this);
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive), all rows. */
    public Tensor sliceColumns(int from, int to) {
        if (from < 0 || to > cols() || from >= to) {
            throw new IllegalArgumentException("Tensor.sliceColumns: column range [" + from + ", " + to
                    + ") is not a non-empty range inside [0, " + cols() + ")");
        }
        DMatrixRMaj out = CommonOps_DDRM.extract(value, 0, rows(), from, to);
        int total = cols();
        return record("sliceColumns", out, (o, g, need) -> new Tensor[] {g.padColumns(from, total)}, this);
    }

    /** Column {@code c} as an r x 1 tensor. */
    public Tensor column(int c) {
        if (c < 0 || c >= cols()) {
            throw new IllegalArgumentException("Tensor.column: column " + c + " outside shape " + shape());
        }
        return sliceColumns(c, c + 1);
    }

    /** Places this tensor's columns at column {@code left} of a zero tensor with {@code totalCols} columns. */
    Tensor padColumns(int left, int totalCols) {
        if (left < 0 || left + cols() > totalCols) {
            throw new IllegalArgumentException("Tensor.padColumns: " + cols() + " columns at offset " + left
                    + " do not fit in " + totalCols + " columns");
        }
        DMatrixRMaj out = new DMatrixRMaj(rows(), totalCols);
        CommonOps_DDRM.extract(value, 0, rows(), 0, cols(), out, 0, left);
        int width = cols();
        return record("padColumns", out, (o, g, need) -> new Tensor[] {g.sliceColumns(left, left + width)}, this);
    }

    /** The columns of all {@code parts} side by side; all parts must have the same number of rows. */
    public static Tensor concatColumns(Tensor... parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("Tensor.concatColumns: need at least one tensor");
        }
        int rows = -1;
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException("Tensor.concatColumns: part " + i + " is null");
            }
            if (rows >= 0 && parts[i].rows() != rows) {
                throw new IllegalArgumentException("Tensor.concatColumns: part " + i + " has shape " + parts[i].shape()
                        + ", expected " + rows + " rows like part 0");
            }
            rows = parts[i].rows();
            total += parts[i].cols();
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, total);
        int[] offsets = new int[parts.length];
        int off = 0;
        for (int i = 0; i < parts.length; i++) {
            offsets[i] = off;
            CommonOps_DDRM.extract(parts[i].value, 0, rows, 0, parts[i].cols(), out, 0, off);
            off += parts[i].cols();
        }
        Tensor[] ps = parts.clone();
        return record(
                "concatColumns",
                out,
                (o, g, need) -> {
                    Tensor[] grads = new Tensor[ps.length];
                    for (int i = 0; i < ps.length; i++) {
                        if (need[i]) {
                            grads[i] = g.sliceColumns(offsets[i], offsets[i] + ps[i].cols());
                        }
                    }
                    return grads;
                },
                ps);
    }

    /** Repeats a tensor with 1 row and/or 1 column up to shape rows x cols (each dimension equal or 1). */
    public Tensor broadcastTo(int rows, int cols) {
        checkShape(rows, cols, "Tensor.broadcastTo");
        if ((rows() != rows && rows() != 1) || (cols() != cols && cols() != 1)) {
            throw new IllegalArgumentException("Tensor.broadcastTo: cannot broadcast " + shape() + " to " + rows + " x "
                    + cols + " (each dimension must be equal or 1)");
        }
        if (rows == rows() && cols == cols()) {
            return this;
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        boolean rowB = rows() == 1;
        boolean colB = cols() == 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.data[i * cols + j] = value.unsafe_get(rowB ? 0 : i, colB ? 0 : j);
            }
        }
        int r0 = rows();
        int c0 = cols();
        return record("broadcastTo", out, (o, g, need) -> new Tensor[] {g.sumTo(r0, c0)}, this);
    }

    /** Sums a broadcast result back to shape rows x cols (the adjoint of {@link #broadcastTo}). */
    Tensor sumTo(int rows, int cols) {
        Tensor t = this;
        if (rows == 1 && rows() != 1) {
            t = t.columnSums();
        }
        if (cols == 1 && cols() != 1) {
            t = t.rowSums();
        }
        if (t.rows() != rows || t.cols() != cols) {
            throw new IllegalStateException("Tensor.sumTo: cannot reduce " + shape() + " to " + rows + " x " + cols);
        }
        return t;
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements, 1 x 1. */
    public Tensor sum() {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        out.data[0] = CommonOps_DDRM.elementSum(value);
        int r0 = rows();
        int c0 = cols();
        return record("sum", out, (o, g, need) -> new Tensor[] {g.broadcastTo(r0, c0)}, this);
    }

    /** Sum over the rows: a 1 x cols row of column sums. */
    public Tensor columnSums() {
        DMatrixRMaj out = CommonOps_DDRM.sumCols(value, null);
        int r0 = rows();
        int c0 = cols();
        return record("columnSums", out, (o, g, need) -> new Tensor[] {g.broadcastTo(r0, c0)}, this);
    }

    /** Sum over the columns: a rows x 1 column of row sums. */
    public Tensor rowSums() {
        DMatrixRMaj out = CommonOps_DDRM.sumRows(value, null);
        int r0 = rows();
        int c0 = cols();
        return record("rowSums", out, (o, g, need) -> new Tensor[] {g.broadcastTo(r0, c0)}, this);
    }

    /** Mean of all elements, 1 x 1. */
    public Tensor mean() {
        return sum().div(rows() * (double) cols());
    }

    // ------------------------------------------------------------------ elementwise binary (broadcasting)

    /** Elementwise this + b (broadcasting). */
    public Tensor add(Tensor b) {
        return binary("add", b, Double::sum, (o, g, need) ->
                new Tensor[] {need[0] ? g.sumTo(rows(), cols()) : null, need[1] ? g.sumTo(b.rows(), b.cols()) : null});
    }

    /** Elementwise this - b (broadcasting). */
    public Tensor sub(Tensor b) {
        return binary("sub", b, (x, y) -> x - y, (o, g, need) -> new Tensor[] {
            need[0] ? g.sumTo(rows(), cols()) : null, need[1] ? g.neg().sumTo(b.rows(), b.cols()) : null
        });
    }

    /** Elementwise this * b (broadcasting). */
    public Tensor mul(Tensor b) {
        return binary("mul", b, (x, y) -> x * y, (o, g, need) -> new Tensor[] {
            need[0] ? g.mul(b).sumTo(rows(), cols()) : null,
            need[1] ? g.mul(this).sumTo(b.rows(), b.cols()) : null
        });
    }

    /** Elementwise this / b (broadcasting). */
    public Tensor div(Tensor b) {
        return binary("div", b, (x, y) -> x / y, (o, g, need) -> new Tensor[] {
            need[0] ? g.div(b).sumTo(rows(), cols()) : null,
            // d(a/b)/db = -a / b^2
            need[1] ? g.mul(this).div(b.square()).neg().sumTo(b.rows(), b.cols()) : null
        });
    }

    // ------------------------------------------------------------------ scalar operands

    /** this + c. */
    public Tensor add(double c) {
        return unary("addScalar", x -> x + c, (o, g, need) -> new Tensor[] {g});
    }

    /** this - c. */
    public Tensor sub(double c) {
        return unary("subScalar", x -> x - c, (o, g, need) -> new Tensor[] {g});
    }

    /** c - this. */
    public Tensor rsub(double c) {
        return unary("rsubScalar", x -> c - x, (o, g, need) -> new Tensor[] {g.neg()});
    }

    /** this * c. */
    public Tensor mul(double c) {
        return unary("mulScalar", x -> x * c, (o, g, need) -> new Tensor[] {g.mul(c)});
    }

    /** this / c. */
    public Tensor div(double c) {
        return unary("divScalar", x -> x / c, (o, g, need) -> new Tensor[] {g.div(c)});
    }

    /** -this. */
    public Tensor neg() {
        return unary("neg", x -> -x, (o, g, need) -> new Tensor[] {g.neg()});
    }

    /**
     * Elementwise this^p with a constant exponent (Math.pow semantics: a negative base needs an
     * integer p). The derivative p x^(p-1) is itself a pow, so any order works; p = 0 and p = 1 are
     * special-cased so that 0^(negative) never appears in a derivative.
     */
    public Tensor pow(double p) {
        return unary("pow", x -> Math.pow(x, p), (o, g, need) -> {
            Tensor x = o.parents[0];
            if (p == 0.0) {
                return new Tensor[] {zeros(x.rows(), x.cols())};
            }
            if (p == 1.0) {
                return new Tensor[] {g};
            }
            return new Tensor[] {g.mul(x.pow(p - 1.0)).mul(p)};
        });
    }

    // ------------------------------------------------------------------ elementwise unary functions

    /** Elementwise x^2. */
    public Tensor square() {
        return unary("square", x -> x * x, (o, g, need) ->
                new Tensor[] {g.mul(o.parents[0]).mul(2.0)});
    }

    /** Elementwise square root; derivative 1 / (2 sqrt x). */
    public Tensor sqrt() {
        return unary("sqrt", Math::sqrt, (o, g, need) -> new Tensor[] {g.div(o).mul(0.5)});
    }

    /** Elementwise exponential; derivative e^x (the result itself). */
    public Tensor exp() {
        return unary("exp", Math::exp, (o, g, need) -> new Tensor[] {g.mul(o)});
    }

    /** Elementwise natural logarithm; derivative 1 / x. */
    public Tensor log() {
        return unary("log", Math::log, (o, g, need) -> new Tensor[] {g.div(o.parents[0])});
    }

    /** Elementwise sine. */
    public Tensor sin() {
        return unary("sin", Math::sin, (o, g, need) -> new Tensor[] {g.mul(o.parents[0].cos())});
    }

    /** Elementwise cosine. */
    public Tensor cos() {
        return unary("cos", Math::cos, (o, g, need) ->
                new Tensor[] {g.mul(o.parents[0].sin()).neg()});
    }

    /** Elementwise hyperbolic tangent; derivative 1 - tanh^2. */
    public Tensor tanh() {
        return unary("tanh", Math::tanh, (o, g, need) ->
                new Tensor[] {g.mul(o.square().rsub(1.0))});
    }

    /** Elementwise logistic sigmoid; derivative s (1 - s). */
    public Tensor sigmoid() {
        return unary("sigmoid", ScalarFunctions::sigmoid, (o, g, need) -> new Tensor[] {g.mul(o.mul(o.rsub(1.0)))});
    }

    /** Elementwise softplus log(1 + e^x); derivative sigmoid(x). */
    public Tensor softplus() {
        return unary(
                "softplus", ScalarFunctions::softplus, (o, g, need) -> new Tensor[] {g.mul(o.parents[0].sigmoid())});
    }

    /** Elementwise ReLU max(x, 0); derivative 1 for x &gt; 0, else 0 (a constant mask: higher derivatives are 0). */
    public Tensor relu() {
        return unary("relu", ScalarFunctions::relu, (o, g, need) -> {
            DMatrixRMaj x = o.parents[0].value;
            DMatrixRMaj mask = new DMatrixRMaj(x.numRows, x.numCols);
            for (int i = 0; i < mask.data.length; i++) {
                mask.data[i] = ScalarFunctions.reluDerivative(x.data[i]);
            }
            return new Tensor[] {g.mul(new Tensor(mask, NO_PARENTS, null, false, "constant"))};
        });
    }

    /** Elementwise SiLU x sigmoid(x); derivative s + x s (1 - s). */
    public Tensor silu() {
        return unary("silu", ScalarFunctions::silu, (o, g, need) -> {
            Tensor x = o.parents[0];
            Tensor s = x.sigmoid();
            return new Tensor[] {g.mul(s.add(x.mul(s).mul(s.rsub(1.0))))};
        });
    }

    /** Elementwise error function; derivative (2 / sqrt pi) e^(-x^2). */
    public Tensor erf() {
        return unary("erf", ScalarFunctions::erf, (o, g, need) ->
                new Tensor[] {g.mul(o.parents[0].square().neg().exp()).mul(TWO_OVER_SQRT_PI)});
    }

    /** Elementwise exact GELU x Phi(x) (erf form); derivative Phi(x) + x phi(x). */
    public Tensor gelu() {
        return unary("gelu", ScalarFunctions::gelu, (o, g, need) -> {
            Tensor x = o.parents[0];
            Tensor cdf = x.mul(INV_SQRT2).erf().mul(0.5).add(0.5);
            Tensor pdf = x.square().mul(-0.5).exp().mul(INV_SQRT_2PI);
            return new Tensor[] {g.mul(cdf.add(x.mul(pdf)))};
        });
    }

    // ------------------------------------------------------------------ helpers

    private Tensor unary(String name, DoubleUnaryOperator f, Backward rule) {
        DMatrixRMaj out = new DMatrixRMaj(rows(), cols());
        double[] src = value.data;
        double[] dst = out.data;
        int n = rows() * cols();
        for (int i = 0; i < n; i++) {
            dst[i] = f.applyAsDouble(src[i]);
        }
        return record(name, out, rule, this);
    }

    private Tensor binary(String name, Tensor b, DoubleBinaryOperator f, Backward rule) {
        requireNonNull(b, name);
        int rows = broadcastDim(name, b, rows(), b.rows());
        int cols = broadcastDim(name, b, cols(), b.cols());
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        if (rows == rows() && cols == cols() && rows == b.rows() && cols == b.cols()) {
            double[] x = value.data;
            double[] y = b.value.data;
            for (int i = 0; i < rows * cols; i++) {
                out.data[i] = f.applyAsDouble(x[i], y[i]);
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int ia = rows() == 1 ? 0 : i;
                int ib = b.rows() == 1 ? 0 : i;
                for (int j = 0; j < cols; j++) {
                    double x = value.unsafe_get(ia, cols() == 1 ? 0 : j);
                    double y = b.value.unsafe_get(ib, b.cols() == 1 ? 0 : j);
                    out.data[i * cols + j] = f.applyAsDouble(x, y);
                }
            }
        }
        return record(name, out, rule, this, b);
    }

    private int broadcastDim(String name, Tensor b, int n, int m) {
        if (n == m || m == 1) {
            return n;
        }
        if (n == 1) {
            return m;
        }
        throw new IllegalArgumentException("Tensor." + name + ": shapes " + shape() + " and " + b.shape()
                + " do not broadcast (each dimension must be equal or 1)");
    }

    /** The result node: recorded with its operands if recording is on and an operand requires grad. */
    private static Tensor record(String name, DMatrixRMaj out, Backward rule, Tensor... parents) {
        if (Autograd.isRecording()) {
            for (Tensor p : parents) {
                if (p.requiresGrad) {
                    return new Tensor(out, parents, rule, true, name);
                }
            }
        }
        return new Tensor(out, NO_PARENTS, null, false, name);
    }

    private static void requireNonNull(Tensor b, String name) {
        if (b == null) {
            throw new IllegalArgumentException("Tensor." + name + ": operand must not be null");
        }
    }

    private static void checkShape(int rows, int cols, String where) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(
                    where + ": shape " + rows + " x " + cols + " must have at least one row and one column");
        }
    }

    private static DMatrixRMaj fromRows(double[][] rows, String where) {
        if (rows == null || rows.length == 0 || rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException(where + ": need at least one non-empty row");
        }
        int cols = rows[0].length;
        DMatrixRMaj m = new DMatrixRMaj(rows.length, cols);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != cols) {
                throw new IllegalArgumentException(where + ": row " + r + " has length "
                        + (rows[r] == null ? "null" : rows[r].length) + ", expected " + cols);
            }
            System.arraycopy(rows[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    private static DMatrixRMaj fromRowMajor(int rows, int cols, double[] data, String where) {
        checkShape(rows, cols, where);
        if (data == null || (long) data.length != (long) rows * cols) {
            throw new IllegalArgumentException(where + ": shape " + rows + " x " + cols + " needs "
                    + ((long) rows * cols) + " values, got " + (data == null ? "null" : data.length));
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(data, 0, m.data, 0, data.length);
        return m;
    }
}
