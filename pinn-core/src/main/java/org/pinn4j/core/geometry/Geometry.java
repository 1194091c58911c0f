package org.pinn4j.core.geometry;

import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Sampler;

/**
 * A closed domain in {@code R^d} with interior and boundary sampling.
 *
 * <p>Interior sampling maps unit-cube points of a {@link Sampler} onto the bounding box and keeps
 * those inside. Boundary sampling maps unit-cube points onto a <em>candidate surface</em>
 * ({@link #boundaryCandidates(double[][])}) and keeps those that {@link #acceptBoundaryCandidate}
 * accepts: for primitives the candidate surface is the boundary itself, for CSG results it is the
 * union of the operands' surfaces. Both samplers stop with an {@link IllegalStateException} when
 * the geometry is empty or has (near) zero volume instead of looping.
 *
 * <p>The random and quasi-random samplers give exactly {@code n} points; the grid sampler returns
 * all lattice points inside (or on the boundary), at least {@code n}, with its lattice refined
 * until there are enough.
 */
public interface Geometry {

    /** @return the dimension d of the space the geometry lives in */
    int dimension();

    /** @return the lower corner of the bounding box (a new array of length d) */
    double[] lower();

    /** @return the upper corner of the bounding box (a new array of length d) */
    double[] upper();

    /**
     * Whether {@code p} lies in the closed domain (interior or boundary), with a tolerance of about
     * {@code 1e-12} times the domain's scale so that sampled boundary points count as inside.
     *
     * @param p a point of length d
     * @return true if inside or on the boundary
     */
    boolean contains(double[] p);

    /**
     * Whether {@code p} lies within {@code tol} of the boundary.
     *
     * @param p   a point of length d
     * @param tol absolute tolerance, {@code >= 0}
     * @return true if on the boundary
     */
    boolean onBoundary(double[] p, double tol);

    /**
     * The outward unit normal at a boundary point. Primitives return the normal of the nearest
     * boundary part for any point where it is defined (not at a disk's centre); CSG results require
     * {@code p} to be on their boundary. At corners the normal is one of the adjacent faces'.
     *
     * @param p a point of length d
     * @return a new unit vector of length d
     */
    double[] outwardNormal(double[] p);

    /**
     * Points of the domain, by rejection from the bounding box.
     *
     * @param n number of points, {@code >= 0}
     * @param s the sampler (its state advances)
     * @return {@code n} points (grid: at least {@code n}), without normals
     * @throws IllegalStateException if the domain is empty or too thin to fill in a bounded number of draws
     */
    default PointSet sampleInterior(int n, Sampler s) {
        return GeometrySampling.interior(this, n, s);
    }

    /**
     * Points of the boundary with their outward unit normals, spread uniformly with respect to
     * boundary measure (length, area; the two end points of an interval equally often).
     *
     * @param n number of points, {@code >= 0}
     * @param s the sampler (its state advances)
     * @return {@code n} points (grid: at least {@code n}) with normals
     * @throws IllegalStateException if the boundary cannot be found in a bounded number of draws
     */
    default PointSet sampleBoundary(int n, Sampler s) {
        return GeometrySampling.boundary(this, n, s);
    }

    /** @return how many unit-cube coordinates {@link #boundaryCandidates(double[][])} consumes per point */
    int boundaryParameterDimension();

    /** @return the measure of the candidate surface (boundary measure for primitives) */
    double boundaryCandidateMeasure();

    /**
     * Maps unit-cube parameters onto the candidate surface, uniformly with respect to its measure.
     *
     * @param unit feature-major parameters in {@code [0,1)}, at least {@link #boundaryParameterDimension()} rows
     *             (extra rows are ignored)
     * @return candidate points with the outward normals of the surface part they lie on
     */
    PointSet boundaryCandidates(double[][] unit);

    /**
     * Whether a candidate point belongs to the boundary; may flip {@code normal} in place so that
     * it points out of this domain. Primitives accept every candidate.
     *
     * @param p      candidate point (not modified)
     * @param normal its candidate normal, updated in place
     * @return true if the point lies on this geometry's boundary
     */
    default boolean acceptBoundaryCandidate(double[] p, double[] normal) {
        return true;
    }

    /**
     * @param other a geometry of the same dimension
     * @return the union {@code this ∪ other}
     */
    default Geometry union(Geometry other) {
        return Csg.union(this, other);
    }

    /**
     * @param other a geometry of the same dimension
     * @return the difference {@code this \ other} (closure of)
     */
    default Geometry difference(Geometry other) {
        return Csg.difference(this, other);
    }

    /**
     * @param other a geometry of the same dimension
     * @return the intersection {@code this ∩ other}
     */
    default Geometry intersection(Geometry other) {
        return Csg.intersection(this, other);
    }
}
