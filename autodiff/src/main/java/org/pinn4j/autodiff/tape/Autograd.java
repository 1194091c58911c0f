package org.pinn4j.autodiff.tape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reverse-mode differentiation over the graph that {@link Tensor} operations record.
 *
 * <p>{@code grad(f, createGraph, x)} walks the graph from {@code f} back to {@code x}, applying each
 * operation's backward rule. Backward rules are written with {@link Tensor} operations, so:
 * <ul>
 *   <li>with {@code createGraph = true} the returned gradients are recorded like any other result
 *       and can be differentiated again: {@code grad(grad(grad(f)))} gives third derivatives;</li>
 *   <li>with {@code createGraph = false} (the fast path) the backward pass runs with recording
 *       switched off: every intermediate is a plain value, nothing is kept, and the returned
 *       gradients are constants.</li>
 * </ul>
 * Only nodes on a path from a requested input to the output are visited.
 *
 * <p>Recording is switched per thread; a graph must not be built or differentiated by two threads at once.
 */
public final class Autograd {

    /** Per thread: how many nested {@link #withoutRecording} blocks are active. */
    private static final ThreadLocal<int[]> PAUSE_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Autograd() {}

    /** Whether tensor operations on this thread currently record the graph. */
    public static boolean isRecording() {
        return PAUSE_DEPTH.get()[0] == 0;
    }

    /** Runs {@code body} with recording switched off on this thread (like PyTorch's {@code no_grad}). */
    public static <T> T withoutRecording(Supplier<T> body) {
        if (body == null) {
            throw new IllegalArgumentException("Autograd.withoutRecording: body must not be null");
        }
        int[] depth = PAUSE_DEPTH.get();
        depth[0]++;
        try {
            return body.get();
        } finally {
            depth[0]--;
        }
    }

    /** Gradients of a 1 x 1 output with respect to each of {@code wrt}, as plain values (no graph). */
    public static Tensor[] grad(Tensor scalarOutput, Tensor... wrt) {
        return grad(scalarOutput, false, wrt);
    }

    /**
     * Gradients of a 1 x 1 output with respect to each of {@code wrt} (each result has the shape of its
     * input). With {@code createGraph} the results are recorded and can be differentiated again.
     * An input the output does not depend on gets a zero gradient.
     */
    public static Tensor[] grad(Tensor scalarOutput, boolean createGraph, Tensor... wrt) {
        if (scalarOutput == null) {
            throw new IllegalArgumentException("Autograd.grad: output must not be null");
        }
        if (scalarOutput.rows() != 1 || scalarOutput.cols() != 1) {
            throw new IllegalArgumentException("Autograd.grad: output has shape " + scalarOutput.shape()
                    + ", expected 1 x 1; use vjp or gradOfSum for a non-scalar output");
        }
        return vjp(scalarOutput, Tensor.scalar(1.0), createGraph, wrt);
    }

    /**
     * Gradient of sum(output) with respect to each of {@code wrt}. For a batch where row i of the output
     * depends only on row i of the input (as with an MLP), row i of the result is du_i/dx_i: this is
     * how PINN code gets u_x for every point at once.
     */
    public static Tensor[] gradOfSum(Tensor output, boolean createGraph, Tensor... wrt) {
        if (output == null) {
            throw new IllegalArgumentException("Autograd.gradOfSum: output must not be null");
        }
        return vjp(output, Tensor.ones(output.rows(), output.cols()), createGraph, wrt);
    }

    /**
     * Vector-Jacobian product: the gradient of sum(seed * output) with respect to each of {@code wrt}.
     * {@code seed} must have the output's shape. With {@code createGraph} the results are recorded
     * (and are differentiable in {@code seed} too, if it requires grad).
     */
    public static Tensor[] vjp(Tensor output, Tensor seed, boolean createGraph, Tensor... wrt) {
        if (output == null || seed == null) {
            throw new IllegalArgumentException("Autograd.vjp: output and seed must not be null");
        }
        if (seed.rows() != output.rows() || seed.cols() != output.cols()) {
            throw new IllegalArgumentException(
                    "Autograd.vjp: seed has shape " + seed.shape() + ", expected the output's shape " + output.shape());
        }
        if (wrt == null || wrt.length == 0) {
            throw new IllegalArgumentException(
                    "Autograd.vjp: need at least one tensor to differentiate with respect to");
        }
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i] == null) {
                throw new IllegalArgumentException("Autograd.vjp: wrt[" + i + "] is null");
            }
            if (!wrt[i].requiresGrad()) {
                throw new IllegalArgumentException("Autograd.vjp: wrt[" + i + "] (" + wrt[i].shape()
                        + ") does not require grad; create it with Tensor.variable(...)");
            }
        }
        if (createGraph) {
            return backward(output, seed, wrt);
        }
        return withoutRecording(() -> backward(output, seed, wrt));
    }

    private static Tensor[] backward(Tensor output, Tensor seed, Tensor[] wrt) {
        Set<Tensor> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(targets, wrt);
        Map<Tensor, Boolean> relevant = new IdentityHashMap<>();
        List<Tensor> order = topologicalOrder(output, targets, relevant);

        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        if (output.requiresGrad()) {
            grads.put(output, seed);
        }
        for (int k = order.size() - 1; k >= 0; k--) {
            Tensor node = order.get(k);
            if (!relevant.get(node) || node.backward == null) {
                continue;
            }
            Tensor g = targets.contains(node) ? grads.get(node) : grads.remove(node);
            if (g == null) {
                continue;
            }
            Tensor[] parents = node.parents;
            boolean[] needed = new boolean[parents.length];
            boolean any = false;
            for (int i = 0; i < parents.length; i++) {
                needed[i] = parents[i].requiresGrad() && relevant.get(parents[i]);
                any |= needed[i];
            }
            if (!any) {
                continue;
            }
            Tensor[] parentGrads = node.backward.apply(node, g, needed);
            for (int i = 0; i < parents.length; i++) {
                if (!needed[i]) {
                    continue;
                }
                Tensor pg = parentGrads[i];
                if (pg.rows() != parents[i].rows() || pg.cols() != parents[i].cols()) {
                    throw new IllegalStateException("Autograd: backward rule of '" + node.op + "' returned a "
                            + pg.shape() + " gradient for an operand of shape " + parents[i].shape());
                }
                grads.merge(parents[i], pg, Tensor::add);
            }
        }

        Tensor[] result = new Tensor[wrt.length];
        for (int i = 0; i < wrt.length; i++) {
            Tensor g = grads.get(wrt[i]);
            result[i] = g != null ? g : Tensor.zeros(wrt[i].rows(), wrt[i].cols());
        }
        return result;
    }

    /**
     * Nodes that require grad and are reachable from {@code output}, each after all its operands
     * (iterative depth-first post-order, so deep graphs cannot overflow the stack). Fills
     * {@code relevant}: whether a node is a target or depends on one.
     */
    private static List<Tensor> topologicalOrder(Tensor output, Set<Tensor> targets, Map<Tensor, Boolean> relevant) {
        List<Tensor> order = new ArrayList<>();
        if (!output.requiresGrad()) {
            return order;
        }
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Tensor> stack = new ArrayDeque<>();
        Deque<Integer> nextParent = new ArrayDeque<>();
        stack.push(output);
        nextParent.push(0);
        seen.add(output);
        while (!stack.isEmpty()) {
            Tensor node = stack.peek();
            int i = nextParent.pop();
            if (i < node.parents.length) {
                nextParent.push(i + 1);
                Tensor p = node.parents[i];
                if (p.requiresGrad() && seen.add(p)) {
                    stack.push(p);
                    nextParent.push(0);
                }
            } else {
                stack.pop();
                boolean rel = targets.contains(node);
                for (Tensor p : node.parents) {
                    rel |= p.requiresGrad() && relevant.get(p);
                }
                relevant.put(node, rel);
                order.add(node);
            }
        }
        return order;
    }
}
