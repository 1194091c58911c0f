package org.pinn4j.core.problem;

import java.util.function.Predicate;
import org.pinn4j.core.geometry.Geometry;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Sampler;

/** Sampling helpers behind {@link Region}. */
final class Regions {
    private Regions() {}

    static PointSet filteredBoundary(
            Geometry domain, int n, Sampler sampler, Predicate<double[]> where, String description) {
        PointSet found = null;
        int batch = Math.max(4 * n, 16);
        for (int attempt = 0; attempt < 64 && (found == null || found.size() < n); attempt++) {
            PointSet cand = domain.sampleBoundary(batch, sampler);
            int[] keep = new int[cand.size()];
            int m = 0;
            for (int i = 0; i < cand.size() && (found == null ? 0 : found.size()) + m < n; i++) {
                if (where.test(cand.point(i))) {
                    keep[m++] = i;
                }
            }
            PointSet kept = cand.subset(java.util.Arrays.copyOf(keep, m));
            found = found == null ? kept : found.concat(kept);
        }
        if (found == null || found.size() < n) {
            throw new IllegalArgumentException("boundary region '" + description + "' is empty or too small: found "
                    + (found == null ? 0 : found.size()) + " of " + n
                    + " points; check the predicate against the domain bounds");
        }
        return found;
    }

    static PointSet initialSlice(Geometry domain, int n, Sampler sampler) {
        if (domain instanceof org.pinn4j.core.geometry.GeometryXTime) {
            return ((org.pinn4j.core.geometry.GeometryXTime) domain).sampleInitial(n, sampler);
        }
        PointSet interior = domain.sampleInterior(n, sampler);
        double[][] c = interior.toArray();
        int t = c.length - 1;
        double t0 = domain.lower()[t];
        java.util.Arrays.fill(c[t], t0);
        return new PointSet(c);
    }
}
