package org.pinn4j.validation.reference;

/**
 * Where a time falls between equally spaced snapshots and the cubic Hermite weights there: a value at tq is h00 f(t_k)
 * + h10 f'(t_k) + h01 f(t_k+1) + h11 f'(t_k+1). The spectral solvers' interpolants use it in time.
 *
 * @param k   the snapshot at or before tq (at most the last but one)
 * @param h00 weight of f(t_k)
 * @param h10 weight of f'(t_k)
 * @param h01 weight of f(t_k+1)
 * @param h11 weight of f'(t_k+1)
 */
record HermiteStep(int k, double h00, double h10, double h01, double h11) {
    /** The step for tq in [0, t[last]] with snapshots t equally spaced from 0 (checked by the caller). */
    static HermiteStep at(double[] t, double tq) {
        double interval = t[t.length - 1] / (t.length - 1);
        int k = Math.min((int) (tq / interval), t.length - 2);
        double s = (tq - t[k]) / interval;
        return new HermiteStep(
                k,
                (1 + 2 * s) * (1 - s) * (1 - s),
                s * (1 - s) * (1 - s) * interval,
                s * s * (3 - 2 * s),
                s * s * (s - 1) * interval);
    }
}
