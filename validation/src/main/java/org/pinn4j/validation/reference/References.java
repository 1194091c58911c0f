package org.pinn4j.validation.reference;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;
import org.pinn4j.problems.catalogue.BlackScholesCall;
import org.pinn4j.problems.catalogue.Kdv;
import org.pinn4j.problems.catalogue.LidDrivenCavity;
import org.pinn4j.problems.catalogue.LorenzInverse;
import org.pinn4j.problems.catalogue.LotkaVolterra;
import org.pinn4j.problems.catalogue.Schrodinger;

/**
 * The solution each catalogue problem is measured against: its closed form when the problem has one
 * ({@link BenchmarkProblem#analytic()}), otherwise the numerical reference built from this package's
 * solvers: Hopf-Cole quadrature for {@code burgers} and {@code burgers-inverse}, the closed-form price
 * for {@code black-scholes}, finite differences (n = {@value #LSHAPE_INTERVALS} intervals per side) for
 * {@code poisson-lshape}, the Fourier/ETDRK4 solver for {@code allen-cahn} and Dormand-Prince (tolerance
 * 1e-10) for {@code lorenz-inverse} (1e-12 for {@code lotka-volterra}), the complex Fourier / ETDRK4 solver for
 * {@code kdv}, {@code kdv-inverse} and {@code schrodinger}, stream function-vorticity finite differences for the
 * velocities of {@code lid-driven-cavity}. Expensive references are computed once, on first use, and shared
 * (they are immutable and thread-safe).
 */
public final class References {
    /** Grid intervals per side of the L-shape finite-difference reference (h = 2 / 256). */
    public static final int LSHAPE_INTERVALS = 256;
    /**
     * Fourier modes of the KdV reference: against 1024 modes and half the step, the solution at t = 1 differs by less
     * than 1e-8 ({@code FourierEtdrk4Test}).
     */
    public static final int KDV_MODES = 512;
    /**
     * Fourier modes of the Schrodinger reference. 2 sech(x) is not smooth as a periodic function, so the resolution
     * converges algebraically: max differences 3.7e-5 (256 vs 512 modes), 1.5e-5 (512 vs 1024), 4.6e-6 (1024 vs 2048).
     */
    public static final int SCHRODINGER_MODES = 2048;
    /** Absolute and relative tolerance of the Lotka-Volterra reference. */
    public static final double LOTKA_VOLTERRA_TOLERANCE = 1e-12;

    private References() {}

    /**
     * The reference of {@code problem}: {@link BenchmarkProblem#analytic()} when present, else the
     * numerical reference for the catalogue problems named above, else empty.
     *
     * @param context the problem's context: its parameters (Burgers' viscosity) choose the reference; seed, noise
     *                and budget do not
     * @throws IllegalArgumentException if problem is null
     */
    public static Optional<Reference> forProblem(BenchmarkProblem problem, ProblemContext context) {
        if (problem == null) {
            throw new IllegalArgumentException("References.forProblem: problem must be non-null");
        }
        Optional<Reference> analytic = problem.analytic();
        if (analytic.isPresent()) {
            return analytic;
        }
        switch (problem.name()) {
            case "burgers": {
                double nu = context.parameter(org.pinn4j.problems.catalogue.Burgers.VISCOSITY);
                return Optional.of(
                        nu == BurgersHopfCole.RAISSI_NU
                                ? Burgers.REFERENCE
                                : twoInputs(new BurgersHopfCole(nu)::value));
            }
            case "burgers-inverse":
                return Optional.of(Burgers.REFERENCE);
            case "black-scholes":
                return Optional.of(twoInputs(new BlackScholes(
                        BlackScholesCall.K,
                        context.parameter(BlackScholesCall.RATE),
                        context.parameter(BlackScholesCall.VOLATILITY),
                        BlackScholesCall.T)::value));
            case "poisson-lshape":
                return Optional.of(LShape.REFERENCE);
            case "allen-cahn":
                return Optional.of(AllenCahn.REFERENCE);
            case "lorenz-inverse":
                return Optional.of(lorenz(problem.trueCoefficients()));
            case "lotka-volterra":
                return Optional.of(LotkaVolterraOrbit.REFERENCE);
            case "kdv":
            case "kdv-inverse":
                return Optional.of(KdvWaves.REFERENCE);
            case "schrodinger":
                return Optional.of(SchrodingerField.REFERENCE);
            case "lid-driven-cavity":
                return Optional.of(Cavity.REFERENCE);
            default:
                return Optional.empty();
        }
    }

    /**
     * A context for {@code problem} with its reference injected, so that inverse problems can draw their
     * data from it.
     *
     * @throws IllegalArgumentException if problem is null or noise is negative or not finite
     */
    public static ProblemContext contextFor(BenchmarkProblem problem, long seed, double noise, boolean quick) {
        return contextFor(problem, seed, noise, quick, Map.of());
    }

    /**
     * {@link #contextFor(BenchmarkProblem, long, double, boolean)} with values for some of the problem's declared
     * parameters (the others at their defaults).
     *
     * @throws IllegalArgumentException also for a parameter the problem does not declare or a value outside its
     *     range
     */
    public static ProblemContext contextFor(
            BenchmarkProblem problem, long seed, double noise, boolean quick, Map<String, Double> parameters) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException(
                    "noise level " + noise + " must be a finite number >= 0 (e.g. 0.01 = 1%)");
        }
        Map<String, Double> values = problem.parameterValues(parameters);
        ProblemContext bare = new ProblemContext(seed, noise, quick, Optional.empty(), values);
        return new ProblemContext(seed, noise, quick, forProblem(problem, bare), values);
    }

    /** Hopf-Cole solution, built on first use. */
    private static final class Burgers {
        static final Reference REFERENCE = twoInputs(new BurgersHopfCole(BurgersHopfCole.RAISSI_NU)::value);
    }

    /** Finite-difference L-shape solution, solved on first use. */
    private static final class LShape {
        static final Reference REFERENCE =
                twoInputs(new PoissonFd(PoissonFd.L_SHAPE, (x, y) -> 1.0, LSHAPE_INTERVALS)::value);
    }

    /** Spectral Allen-Cahn solution, solved on first use. */
    private static final class AllenCahn {
        static final Reference REFERENCE = twoInputs(AllenCahnSpectral.solveRaissi()::value);
    }

    /** The KdV solution ({@value #KDV_MODES} modes, dt 1e-4, 201 snapshots), solved on first use. */
    private static final class KdvWaves {
        static final Reference REFERENCE = spaceTime(
                FourierEtdrk4.kdv(-1, 2, Kdv.LAMBDA1, Kdv.LAMBDA2, KDV_MODES, 1e-4)
                        .solve(x -> new double[] {Math.cos(Math.PI * x), 0}, 1, 201),
                false);
    }

    /** The Schrodinger solution ({@value #SCHRODINGER_MODES} modes, dt 1e-4, 201 snapshots), solved on first use. */
    private static final class SchrodingerField {
        static final Reference REFERENCE = spaceTime(
                FourierEtdrk4.schrodinger(-Schrodinger.HALF_WIDTH, 2 * Schrodinger.HALF_WIDTH, SCHRODINGER_MODES, 1e-4)
                        .solve(x -> new double[] {2 / Math.cosh(x), 0}, Schrodinger.T_END, 201),
                true);
    }

    /**
     * The lid-driven cavity's u and v ({@link LidDrivenCavity#REFERENCE_INTERVALS} intervals per side, sweeps until
     * the largest change is below 1e-11 of the largest value), solved on first use (3.5 s); bilinear between nodes.
     */
    private static final class Cavity {
        static final Reference REFERENCE =
                cavity(new CavityFlow(LidDrivenCavity.RE, LidDrivenCavity.REFERENCE_INTERVALS).solve(1e-11, 1_000_000));

        private static Reference cavity(CavityFlow.Solution solution) {
            return points -> {
                requireInputs(points, 2);
                int n = points[0].length;
                double[][] out = new double[2][n];
                for (int p = 0; p < n; p++) {
                    out[0][p] = solution.uAt(points[0][p], points[1][p]);
                    out[1][p] = solution.vAt(points[0][p], points[1][p]);
                }
                return out;
            };
        }
    }

    /** A spectral solution as a reference of (x, t): its real part, and its imaginary part as a second output. */
    private static Reference spaceTime(FourierEtdrk4.Solution solution, boolean complex) {
        return points -> {
            requireInputs(points, 2);
            int n = points[0].length;
            double[][] out = new double[complex ? 2 : 1][n];
            for (int p = 0; p < n; p++) {
                double[] h = solution.value(points[0][p], points[1][p]);
                out[0][p] = h[0];
                if (complex) {
                    out[1][p] = h[1];
                }
            }
            return out;
        };
    }

    /** Lotka-Volterra trajectory at tolerance {@value #LOTKA_VOLTERRA_TOLERANCE}, integrated per call. */
    private static final class LotkaVolterraOrbit {
        static final Reference REFERENCE = trajectory(
                new OdeReference(
                        (t, y, rate) -> LotkaVolterra.derivative(y, rate),
                        0,
                        LotkaVolterra.Y0.clone(),
                        LOTKA_VOLTERRA_TOLERANCE,
                        LOTKA_VOLTERRA_TOLERANCE),
                LotkaVolterra.Y0.length);
    }

    /** Lorenz trajectory for the problem's true s, r, b (one integration per call, dense output). */
    private static Reference lorenz(java.util.Map<String, Double> truth) {
        return trajectory(
                new OdeReference(
                        new LorenzSystem(truth.get("s"), truth.get("r"), truth.get("b")), 0, LorenzInverse.Y0.clone()),
                3);
    }

    /** An ODE's trajectory as a reference of one input (time) with one output per state component. */
    private static Reference trajectory(OdeReference ode, int components) {
        return points -> {
            requireInputs(points, 1);
            double[][] states = ode.sample(points[0]);
            double[][] out = new double[components][];
            for (int i = 0; i < components; i++) {
                out[i] = OdeReference.component(states, i);
            }
            return out;
        };
    }

    /** A scalar function of the two inputs as a one-output reference. */
    private static Reference twoInputs(DoubleBinaryOperator f) {
        return points -> {
            requireInputs(points, 2);
            double[] out = new double[points[0].length];
            for (int p = 0; p < out.length; p++) {
                out[p] = f.applyAsDouble(points[0][p], points[1][p]);
            }
            return new double[][] {out};
        };
    }

    private static void requireInputs(double[][] points, int inputs) {
        if (points == null || points.length != inputs) {
            throw new IllegalArgumentException("reference expects " + inputs
                    + " coordinate array(s), one per input; got " + (points == null ? "none" : points.length));
        }
        for (double[] c : points) {
            if (c == null || c.length != points[0].length) {
                throw new IllegalArgumentException("reference coordinate arrays must be non-null and of equal length");
            }
        }
    }
}
