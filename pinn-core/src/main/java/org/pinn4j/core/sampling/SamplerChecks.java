package org.pinn4j.core.sampling;

/** Argument checks shared by the samplers. */
final class SamplerChecks {

    private SamplerChecks() {}

    static void request(String who, int n, int dimension) {
        if (n < 0) {
            throw new IllegalArgumentException(who + ".sample: number of points " + n + " must be >= 0");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException(who + ".sample: dimension " + dimension + " must be >= 1");
        }
    }

    static void state(String who, long state) {
        if (state < 0) {
            throw new IllegalArgumentException(
                    who + ".restore: state " + state + " must be >= 0 (a value returned by state())");
        }
    }
}
