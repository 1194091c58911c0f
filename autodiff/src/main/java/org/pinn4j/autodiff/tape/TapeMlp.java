package org.pinn4j.autodiff.tape;

import org.pinn4j.autodiff.Activation;

/**
 * A multilayer perceptron evaluated on the tape from one flat parameter vector, so that any derivative
 * (in the inputs or the parameters, of any order) is available through {@link Autograd}. It serves as
 * the independent reference for the project's fast network engine.
 *
 * <p>Flat parameter layout (the project-wide contract): for layers l = 0..L-1, mapping
 * {@code widths[l]} inputs to {@code widths[l+1]} outputs, in order: the weights W_l row-major
 * [out][in] (W_l[o][i] at offset + o * in + i), then the bias b_l[out]. Hidden layers apply the
 * activation; the last layer is linear.
 */
public final class TapeMlp {

    private TapeMlp() {}

    /** Number of parameters of an MLP with these layer widths (input, hidden..., output). */
    public static int parameterCount(int[] widths) {
        checkWidths(widths);
        long count = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            count += (long) widths[l + 1] * widths[l] + widths[l + 1];
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("TapeMlp: " + count + " parameters do not fit in one array");
        }
        return (int) count;
    }

    /**
     * Offset of W_layer in the flat parameter vector; its bias starts at
     * {@code weightOffset(widths, layer) + widths[layer + 1] * widths[layer]}.
     */
    public static int weightOffset(int[] widths, int layer) {
        checkWidths(widths);
        if (layer < 0 || layer >= widths.length - 1) {
            throw new IllegalArgumentException(
                    "TapeMlp.weightOffset: layer " + layer + " must be in [0, " + (widths.length - 1) + ")");
        }
        int off = 0;
        for (int l = 0; l < layer; l++) {
            off += widths[l + 1] * widths[l] + widths[l + 1];
        }
        return off;
    }

    /** As {@link #forward(Tensor, Tensor, int[], Activation)}, with the activation given by name. */
    public static Tensor forward(Tensor inputBatch, Tensor flatParams, int[] widths, String activation) {
        return forward(inputBatch, flatParams, widths, Activation.byName(activation));
    }

    /**
     * Evaluates the network on a batch.
     *
     * @param inputBatch N x widths[0] inputs, one point per row
     * @param flatParams 1 x P parameters in the layout above (a variable to get parameter gradients)
     * @param widths     layer widths: input, hidden..., output (at least two entries)
     * @param activation hidden-layer activation
     * @return N x widths[last] outputs
     */
    public static Tensor forward(Tensor inputBatch, Tensor flatParams, int[] widths, Activation activation) {
        int p = parameterCount(widths);
        if (inputBatch == null || flatParams == null || activation == null) {
            throw new IllegalArgumentException("TapeMlp.forward: input, parameters and activation must not be null");
        }
        if (inputBatch.cols() != widths[0]) {
            throw new IllegalArgumentException("TapeMlp.forward: input batch has shape " + inputBatch.shape()
                    + ", expected N x " + widths[0] + " (widths[0] features per row)");
        }
        if (flatParams.rows() != 1 || flatParams.cols() != p) {
            throw new IllegalArgumentException("TapeMlp.forward: parameters have shape " + flatParams.shape()
                    + ", expected 1 x " + p + " for widths " + java.util.Arrays.toString(widths));
        }
        Tensor h = inputBatch;
        int off = 0;
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            Tensor w = flatParams.sliceColumns(off, off + out * in).reshape(out, in);
            off += out * in;
            Tensor b = flatParams.sliceColumns(off, off + out);
            off += out;
            h = h.matmul(w.transpose()).add(b);
            if (l < layers - 1) {
                h = apply(activation, h);
            }
        }
        return h;
    }

    private static void checkWidths(int[] widths) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("TapeMlp: widths must list at least input and output sizes, got "
                    + (widths == null ? "null" : java.util.Arrays.toString(widths)));
        }
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] < 1) {
                throw new IllegalArgumentException(
                        "TapeMlp: width " + widths[l] + " at position " + l + " must be >= 1");
            }
        }
    }

    /** The activation elementwise, as a tape operation. */
    private static Tensor apply(Activation a, Tensor x) {
        return switch (a) {
            case IDENTITY -> x;
            case TANH -> x.tanh();
            case SIN -> x.sin();
            case COS -> x.cos();
            case SIGMOID -> x.sigmoid();
            case RELU -> x.relu();
            case SILU -> x.silu();
            case GELU -> x.gelu();
            case SOFTPLUS -> x.softplus();
        };
    }
}
