package org.pinn4j.plots;

/** Thins long series for drawing while keeping their envelope. */
final class Decimate {

    private Decimate() {}

    /**
     * At most about {@code maxPoints} points of (x, y): the first and last point, and from each
     * of {@code (maxPoints - 2) / 2} consecutive stretches the points with the smallest and the
     * largest y, in their original order. Series that are short enough are returned unchanged.
     */
    static double[][] minMax(double[] x, double[] y, int maxPoints) {
        int n = x.length;
        if (n <= maxPoints) {
            return new double[][] {x, y};
        }
        int buckets = (maxPoints - 2) / 2;
        double[] xs = new double[2 + 2 * buckets];
        double[] ys = new double[xs.length];
        int k = 0;
        xs[k] = x[0];
        ys[k++] = y[0];
        int inner = n - 2;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) inner * b / buckets);
            int to = 1 + (int) ((long) inner * (b + 1) / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            xs[k] = x[first];
            ys[k++] = y[first];
            if (second != first) {
                xs[k] = x[second];
                ys[k++] = y[second];
            }
        }
        xs[k] = x[n - 1];
        ys[k++] = y[n - 1];
        return new double[][] {java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k)};
    }
}
