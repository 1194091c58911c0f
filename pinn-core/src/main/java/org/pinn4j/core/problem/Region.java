package org.pinn4j.core.problem;

import java.util.function.Predicate;
import org.pinn4j.core.geometry.Geometry;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Sampler;

/**
 * Where a condition's points come from: the interior or boundary of the problem's domain (optionally
 * filtered), the initial slice of a space-time domain, or a fixed point set (data).
 */
public interface Region {
    /**
     * Draws {@code n} points of this region of {@code domain} with {@code sampler} (fixed regions ignore
     * n and the sampler). Boundary regions carry outward normals.
     */
    PointSet sample(Geometry domain, int n, Sampler sampler);

    /** True if the points never change (data sets): they are not resampled. */
    default boolean fixed() {
        return false;
    }

    /** True for the initial slice ({@link #initial()}), whose last coordinate is held at its lower bound. */
    default boolean initialSlice() {
        return false;
    }

    /** Short description for messages and reports. */
    String describe();

    /** True for the domain's interior ({@link #interior()}), where PDE residuals live. */
    default boolean isInterior() {
        return false;
    }

    /** The interior of the domain. */
    static Region interior() {
        return new Region() {
            @Override
            public PointSet sample(Geometry domain, int n, Sampler sampler) {
                return domain.sampleInterior(n, sampler);
            }

            @Override
            public String describe() {
                return "interior";
            }

            @Override
            public boolean isInterior() {
                return true;
            }
        };
    }

    /** The whole boundary of the domain, with outward normals. */
    static Region boundary() {
        return new Region() {
            @Override
            public PointSet sample(Geometry domain, int n, Sampler sampler) {
                return domain.sampleBoundary(n, sampler);
            }

            @Override
            public String describe() {
                return "boundary";
            }
        };
    }

    /**
     * The part of the boundary where {@code where} holds (e.g. {@code p -> p[0] == -1}); points are drawn
     * on the whole boundary and filtered until n are found.
     */
    static Region boundary(String description, Predicate<double[]> where) {
        return new Region() {
            @Override
            public PointSet sample(Geometry domain, int n, Sampler sampler) {
                return Regions.filteredBoundary(domain, n, sampler, where, description);
            }

            @Override
            public String describe() {
                return "boundary where " + description;
            }
        };
    }

    /**
     * The initial slice t = t0 of a space-time domain whose last coordinate is time: points of the
     * domain's interior projected onto t = lower bound of time.
     */
    static Region initial() {
        return new Region() {
            @Override
            public PointSet sample(Geometry domain, int n, Sampler sampler) {
                return Regions.initialSlice(domain, n, sampler);
            }

            @Override
            public boolean initialSlice() {
                return true;
            }

            @Override
            public String describe() {
                return "initial time";
            }
        };
    }

    /** A fixed set of points (e.g. measurements). */
    static Region points(PointSet points) {
        if (points == null) {
            throw new IllegalArgumentException("fixed region needs a point set");
        }
        return new Region() {
            @Override
            public PointSet sample(Geometry domain, int n, Sampler sampler) {
                return points;
            }

            @Override
            public boolean fixed() {
                return true;
            }

            @Override
            public String describe() {
                return points.size() + " fixed points";
            }
        };
    }
}
