package org.pinn4j.core.sampling;

/**
 * Residual-based adaptive refinement: picks the candidate points with the largest absolute
 * score (typically the PDE residual) so the trainer can append them to its collocation set.
 * Pure and deterministic: ties in {@code |score|} go to the lower index.
 */
public final class ResidualRefinement {

    private ResidualRefinement() {}

    /**
     * Indices of the {@code k} largest {@code |scores[i]|}, best first; equal values ordered by index.
     *
     * @param scores per-candidate scores, none NaN (infinities rank highest)
     * @param k      how many to pick, in {@code [0, scores.length]}
     * @return {@code k} distinct indices
     */
    public static int[] topIndices(double[] scores, int k) {
        if (scores == null) {
            throw new IllegalArgumentException("ResidualRefinement: score array must not be null");
        }
        int n = scores.length;
        if (k < 0 || k > n) {
            throw new IllegalArgumentException(
                    "ResidualRefinement: k = " + k + " must be in [0, " + n + "] (the number of candidates)");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("ResidualRefinement: score at index " + i
                        + " is NaN; expected a number (check the residual evaluation)");
            }
        }
        // Bounded min-heap of the k best so far; heap[0] is the worst of them.
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < n && k > 0; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] result = new int[k];
        for (int j = k - 1; j >= 0; j--) {
            result[j] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores);
        }
        return result;
    }

    /**
     * The {@code k} candidates with the largest {@code |score|}, best first.
     *
     * @param candidates candidate points
     * @param scores     one score per candidate
     * @param k          how many to pick, in {@code [0, candidates.size()]}
     * @return the selected points (normals kept if the candidates have them)
     */
    public static PointSet selectTop(PointSet candidates, double[] scores, int k) {
        if (candidates == null) {
            throw new IllegalArgumentException("ResidualRefinement: candidate point set must not be null");
        }
        if (scores == null || scores.length != candidates.size()) {
            throw new IllegalArgumentException("ResidualRefinement: expected one score per candidate ("
                    + candidates.size() + "), got " + (scores == null ? "null" : scores.length + " scores"));
        }
        return candidates.subset(topIndices(scores, k));
    }

    /** True if candidate i ranks strictly above candidate j. */
    private static boolean better(int i, int j, double[] s) {
        double a = Math.abs(s[i]);
        double b = Math.abs(s[j]);
        return a > b || (a == b && i < j);
    }

    private static void siftUp(int[] heap, int pos, double[] s) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(heap[parent], heap[pos], s)) {
                return;
            }
            swap(heap, parent, pos);
            pos = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] s) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(heap[left], heap[right], s)) {
                worst = right;
            }
            if (!better(heap[pos], heap[worst], s)) {
                return;
            }
            swap(heap, pos, worst);
            pos = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
