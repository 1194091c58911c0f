package org.pinn4j.core.sampling;

/**
 * A deterministic source of points in the unit hypercube {@code [0,1]^d}.
 *
 * <p>Each call to {@link #sample(int, int)} returns points feature-major ({@code double[d][m]}) and
 * advances the sampler's state. The state is a single {@code long} that can be saved with
 * {@link #state()} and restored with {@link #restore(long)} on a sampler created with the same
 * configuration (name and seed), so a resumed run draws the same points as the original run.
 * Samplers are stateful and not thread-safe; give each thread its own.
 */
public interface Sampler {

    /** @return the sampler's name as accepted by {@link Samplers#create(String, long)} */
    String name();

    /**
     * Draws points of {@code [0,1]^dimension}.
     *
     * <p>Every sampler returns exactly {@code n} points except the grid, which rounds {@code n} up
     * to a full lattice (see {@link GridSampler}).
     *
     * @param n         number of points requested, {@code >= 0}
     * @param dimension number of coordinates, {@code >= 1}
     * @return feature-major coordinates {@code [dimension][m]}
     */
    double[][] sample(int n, int dimension);

    /** @return the current state; {@link #restore(long)} with it reproduces the following draws */
    long state();

    /**
     * Sets the state to one previously returned by {@link #state()}.
     *
     * @param state a value {@code >= 0} returned by {@link #state()} of a sampler of the same configuration
     */
    void restore(long state);

    /**
     * Whether consecutive calls give new points. The grid returns the same lattice on every call,
     * so rejection sampling refines its lattice instead of drawing again.
     *
     * @return true for random and quasi-random sequences, false for the grid
     */
    default boolean advances() {
        return true;
    }
}
