package org.pinn4j.problems;

/**
 * Regular grid on which a problem's result is measured and drawn: one axis per input (1-D line or
 * 2-D field). Points are ordered with the first input varying fastest.
 *
 * @param axes grid coordinates per input
 */
public record EvaluationGrid(double[][] axes) {
    /** Number of points (product of axis lengths). */
    public int size() {
        int n = 1;
        for (double[] a : axes) {
            n *= a.length;
        }
        return n;
    }

    /** All grid points, feature-major ({@code [input][p]}), first input fastest. */
    public double[][] points() {
        int d = axes.length;
        int n = size();
        double[][] pts = new double[d][n];
        for (int p = 0; p < n; p++) {
            int rest = p;
            for (int i = 0; i < d; i++) {
                pts[i][p] = axes[i][rest % axes[i].length];
                rest /= axes[i].length;
            }
        }
        return pts;
    }

    /** n evenly spaced values from a to b inclusive. */
    public static double[] linspace(double a, double b, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a grid axis needs at least 2 points; got " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        v[n - 1] = b;
        return v;
    }
}
