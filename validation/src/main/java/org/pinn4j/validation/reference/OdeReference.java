package org.pinn4j.validation.reference;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * Reference solution of an initial value problem {@code y' = F(t, y)}, {@code y(t0) = y0}, by the
 * adaptive Dormand–Prince 8(5,3) integrator of Commons Math (default absolute and relative tolerance
 * 1e-10), sampled at arbitrary times through the integrator's dense output, so sample times do not
 * constrain the step size. Meant for non-stiff systems.
 */
public final class OdeReference {

    /** Default absolute and relative tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /** Upper bound on right-hand-side evaluations before giving up. */
    private static final int MAX_EVALUATIONS = 20_000_000;

    private final OdeSystem system;
    private final double t0;
    private final double[] y0;
    private final double absTol;
    private final double relTol;

    /** Problem {@code y' = system(t, y)}, {@code y(t0) = y0}, at the default tolerance. */
    public OdeReference(OdeSystem system, double t0, double[] y0) {
        this(system, t0, y0, DEFAULT_TOLERANCE, DEFAULT_TOLERANCE);
    }

    /**
     * Problem {@code y' = system(t, y)}, {@code y(t0) = y0} with the given tolerances.
     *
     * @throws IllegalArgumentException if system or y0 is null/empty, t0 or y0 not finite, or a tolerance is not > 0
     */
    public OdeReference(OdeSystem system, double t0, double[] y0, double absTol, double relTol) {
        if (system == null) {
            throw new IllegalArgumentException("OdeReference: system must be non-null");
        }
        if (y0 == null || y0.length == 0) {
            throw new IllegalArgumentException("OdeReference: initial state y0 must have at least one component");
        }
        if (!Double.isFinite(t0)) {
            throw new IllegalArgumentException("OdeReference: initial time t0 = " + t0 + " must be finite");
        }
        for (int i = 0; i < y0.length; i++) {
            if (!Double.isFinite(y0[i])) {
                throw new IllegalArgumentException("OdeReference: y0[" + i + "] = " + y0[i] + " must be finite");
            }
        }
        if (!(absTol > 0.0) || !(relTol > 0.0)) {
            throw new IllegalArgumentException(
                    "OdeReference: tolerances (abs " + absTol + ", rel " + relTol + ") must be > 0");
        }
        this.system = system;
        this.t0 = t0;
        this.y0 = y0.clone();
        this.absTol = absTol;
        this.relTol = relTol;
    }

    /** Same problem at other tolerances. */
    public OdeReference withTolerance(double abs, double rel) {
        return new OdeReference(system, t0, y0, abs, rel);
    }

    /**
     * The state at each requested time: {@code result[k] = y(times[k])}. Times may come in any order
     * and repeat, but must be finite and {@code >= t0}.
     *
     * @throws IllegalArgumentException on an invalid time
     * @throws IllegalStateException if the integrator cannot reach the last time (step size underflow
     *                               or too many evaluations, typically a stiff or blowing-up system)
     */
    public double[][] sample(double[] times) {
        if (times == null) {
            throw new IllegalArgumentException("OdeReference.sample: times must be non-null");
        }
        double tEnd = t0;
        for (int k = 0; k < times.length; k++) {
            if (!Double.isFinite(times[k]) || times[k] < t0) {
                throw new IllegalArgumentException(
                        "OdeReference.sample: times[" + k + "] = " + times[k] + " must be finite and >= t0 = " + t0);
            }
            tEnd = Math.max(tEnd, times[k]);
        }
        double[][] out = new double[times.length][];
        Integer[] order = IntStream.range(0, times.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(k -> times[k]));
        int first = 0;
        while (first < order.length && times[order[first]] == t0) {
            out[order[first++]] = y0.clone();
        }
        if (first == order.length) {
            return out;
        }
        final int start = first;
        StepHandler handler = new StepHandler() {
            private int next = start;

            @Override
            public void init(double t, double[] y, double t1) {
                next = start;
            }

            @Override
            public void handleStep(StepInterpolator interpolator, boolean isLast) {
                double tc = interpolator.getCurrentTime();
                while (next < order.length && (isLast || times[order[next]] <= tc)) {
                    interpolator.setInterpolatedTime(times[order[next]]);
                    out[order[next]] = interpolator.getInterpolatedState().clone();
                    next++;
                }
            }
        };
        // a step below 1e-12 of the span means a singularity (blow-up), not a transient worth resolving
        DormandPrince853Integrator integrator =
                new DormandPrince853Integrator(1e-12 * (tEnd - t0), tEnd - t0, absTol, relTol);
        integrator.setMaxEvaluations(MAX_EVALUATIONS);
        integrator.addStepHandler(handler);
        FirstOrderDifferentialEquations equations = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return y0.length;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] yDot) {
                system.derivative(t, y, yDot);
            }
        };
        double[] y = y0.clone();
        try {
            integrator.integrate(equations, t0, y, tEnd, y);
        } catch (MaxCountExceededException | NumberIsTooSmallException e) {
            throw new IllegalStateException(
                    "OdeReference: integration from t0 = " + t0 + " to " + tEnd + " failed (" + e.getMessage()
                            + "); the system may be stiff or blow up",
                    e);
        }
        return out;
    }

    /** Column {@code i} of a {@link #sample} result: component i of the state at every time. */
    public static double[] component(double[][] samples, int i) {
        if (samples == null) {
            throw new IllegalArgumentException("OdeReference.component: samples must be non-null");
        }
        double[] out = new double[samples.length];
        for (int k = 0; k < samples.length; k++) {
            if (i < 0 || i >= samples[k].length) {
                throw new IllegalArgumentException(
                        "OdeReference.component: index " + i + " outside [0, " + samples[k].length + ")");
            }
            out[k] = samples[k][i];
        }
        return out;
    }
}
