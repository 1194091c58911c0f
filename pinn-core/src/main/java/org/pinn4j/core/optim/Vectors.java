package org.pinn4j.core.optim;

/** The vector arithmetic the quasi-Newton methods share, each loop in index order (so results are reproducible). */
final class Vectors {
    private Vectors() {}

    /** a . b. */
    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** ys += a xs. */
    static void axpy(double a, double[] xs, double[] ys) {
        for (int i = 0; i < xs.length; i++) {
            ys[i] += a * xs[i];
        }
    }

    /** max |a_i|. */
    static double infNorm(double[] a) {
        double m = 0.0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** sum |a_i|. */
    static double oneNorm(double[] a) {
        double s = 0.0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    /** Whether every entry is finite. */
    static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
