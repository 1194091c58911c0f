package org.pinn4j.core.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Sampler;

/**
 * The rejection driver behind {@link Geometry#sampleInterior} and {@link Geometry#sampleBoundary}.
 * Draws batches of unit-cube points, maps and filters them, and stops with a clear error when
 * nothing is accepted after {@link #EMPTY_DRAWS} draws or too little after {@code maxDraws}.
 */
final class GeometrySampling {

    /** Draws with no accepted point after which the geometry is declared empty. */
    static final int EMPTY_DRAWS = 100_000;
    /** Largest batch requested from a sampler at once. */
    private static final int MAX_BATCH = 1 << 20;
    /** Largest lattice tried by grid rejection sampling. */
    private static final long MAX_LATTICE = 1L << 26;

    private GeometrySampling() {}

    static PointSet interior(Geometry g, int n, Sampler s) {
        int d = g.dimension();
        double[] lo = g.lower();
        double[] hi = g.upper();
        double[] width = new double[d];
        for (int k = 0; k < d; k++) {
            width[k] = hi[k] - lo[k];
        }
        double[] p = new double[d];
        Function<double[][], PointSet> mapAndFilter = u -> {
            int m = u[0].length;
            int[] keep = new int[m];
            int kept = 0;
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < d; k++) {
                    p[k] = lo[k] + u[k][i] * width[k];
                }
                if (g.contains(p)) {
                    keep[kept++] = i;
                }
            }
            double[][] x = new double[d][kept];
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < kept; j++) {
                    x[k][j] = lo[k] + u[k][keep[j]] * width[k];
                }
            }
            return new PointSet(x);
        };
        return drive(
                g, "sampleInterior", "points drawn from its bounding box " + Checks.box(lo, hi), n, s, d, mapAndFilter);
    }

    static PointSet boundary(Geometry g, int n, Sampler s) {
        int d = g.dimension();
        double[] p = new double[d];
        double[] nr = new double[d];
        Function<double[][], PointSet> mapAndFilter = u -> {
            PointSet c = g.boundaryCandidates(u);
            int m = c.size();
            double[][] x = new double[d][m];
            double[][] nx = new double[d][m];
            int kept = 0;
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < d; k++) {
                    p[k] = c.coordinate(k)[i];
                    nr[k] = c.normal(k)[i];
                }
                if (g.acceptBoundaryCandidate(p, nr)) {
                    for (int k = 0; k < d; k++) {
                        x[k][kept] = p[k];
                        nx[k][kept] = nr[k];
                    }
                    kept++;
                }
            }
            if (kept == m) {
                return new PointSet(x, nx);
            }
            for (int k = 0; k < d; k++) {
                x[k] = Arrays.copyOf(x[k], kept);
                nx[k] = Arrays.copyOf(nx[k], kept);
            }
            return new PointSet(x, nx);
        };
        return drive(
                g,
                "sampleBoundary",
                "candidate points drawn from its operands' boundaries",
                n,
                s,
                Math.max(1, g.boundaryParameterDimension()),
                mapAndFilter);
    }

    private static PointSet drive(
            Geometry g,
            String op,
            String source,
            int n,
            Sampler s,
            int paramDim,
            Function<double[][], PointSet> mapAndFilter) {
        String who = g + "." + op;
        if (n < 0) {
            throw new IllegalArgumentException(who + ": number of points " + n + " must be >= 0");
        }
        if (s == null) {
            throw new IllegalArgumentException(who + ": sampler must not be null");
        }
        if (n == 0) {
            return mapAndFilter.apply(new double[paramDim][0]);
        }
        return s.advances()
                ? rejection(who, source, n, s, paramDim, mapAndFilter)
                : lattice(who, source, n, s, paramDim, mapAndFilter);
    }

    /** Draws batches until n points are accepted; returns exactly the first n accepted. */
    private static PointSet rejection(
            String who, String source, int n, Sampler s, int paramDim, Function<double[][], PointSet> mapAndFilter) {
        long maxDraws = Math.max(10L * EMPTY_DRAWS, 1000L * n);
        List<PointSet> parts = new ArrayList<>();
        long drawn = 0;
        long accepted = 0;
        int batch = n;
        while (true) {
            double[][] u = s.sample(batch, paramDim);
            drawn += u[0].length;
            PointSet part = mapAndFilter.apply(u);
            if (part.size() > 0) {
                long room = n - accepted;
                parts.add(part.size() <= room ? part : part.subset(firstIndices((int) room)));
                accepted += part.size();
            }
            if (accepted >= n) {
                return parts.size() == 1 ? parts.get(0) : PointSet.concat(parts.toArray(new PointSet[0]));
            }
            if (accepted == 0 && drawn >= EMPTY_DRAWS) {
                throw empty(who, source, drawn);
            }
            if (drawn >= maxDraws) {
                throw tooThin(who, source, drawn, accepted);
            }
            long want = accepted == 0
                    ? 4L * batch
                    : (long) Math.ceil((n - accepted) * (double) drawn / accepted * 1.1) + 16;
            batch = (int) Math.min(Math.max(want, 16), Math.min(MAX_BATCH, maxDraws - drawn + 16));
        }
    }

    /** Refines a non-advancing lattice until at least n of its points are accepted; returns all of them. */
    private static PointSet lattice(
            String who, String source, int n, Sampler s, int paramDim, Function<double[][], PointSet> mapAndFilter) {
        long request = n;
        while (true) {
            double[][] u = s.sample((int) request, paramDim);
            int drawn = u[0].length;
            PointSet part = mapAndFilter.apply(u);
            if (part.size() >= n) {
                return part;
            }
            if (part.size() == 0 && drawn >= EMPTY_DRAWS) {
                throw empty(who, source, drawn);
            }
            long next = part.size() == 0
                    ? 4L * drawn
                    : Math.max(drawn + 1L, (long) Math.ceil((double) drawn * n / part.size() * 1.05));
            if (next > MAX_LATTICE) {
                throw tooThin(who, source, drawn, part.size());
            }
            request = next;
        }
    }

    private static int[] firstIndices(int m) {
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static IllegalStateException empty(String who, String source, long drawn) {
        return new IllegalStateException(who + ": none of " + drawn + " " + source
                + " was accepted: the geometry is empty or has (near) zero volume");
    }

    private static IllegalStateException tooThin(String who, String source, long drawn, long accepted) {
        return new IllegalStateException(who + ": only " + accepted + " of " + drawn + " " + source
                + " were accepted (fraction " + (double) accepted / drawn
                + "): the geometry fills too little of its bounding box; use a geometry with a tighter bounding box");
    }
}
