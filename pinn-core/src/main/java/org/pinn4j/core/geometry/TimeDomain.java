package org.pinn4j.core.geometry;

/** A time interval {@code [t0, t1]} for a space-time product ({@link GeometryXTime}). */
public final class TimeDomain {

    private final double t0;
    private final double t1;

    /**
     * @param t0 start time, finite
     * @param t1 end time, finite, {@code t0 < t1}
     */
    public TimeDomain(double t0, double t1) {
        Checks.finite("TimeDomain", "start time", t0);
        Checks.finite("TimeDomain", "end time", t1);
        if (!(t0 < t1)) {
            throw new IllegalArgumentException("TimeDomain: start time " + t0 + " must be < end time " + t1);
        }
        this.t0 = t0;
        this.t1 = t1;
    }

    /** @return the start time */
    public double t0() {
        return t0;
    }

    /** @return the end time */
    public double t1() {
        return t1;
    }

    /** @return {@code t1 - t0} */
    public double duration() {
        return t1 - t0;
    }

    /** @return {@code TimeDomain(t0, t1)} */
    @Override
    public String toString() {
        return "TimeDomain(" + t0 + ", " + t1 + ")";
    }
}
