package org.pinn4j.validation.cli;

import java.util.List;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;

/** Where the command line finds problems: the catalogue, or a test's own list. */
interface ProblemSource {
    /** All problems in listing order. */
    List<BenchmarkProblem> all();

    /** The problem called {@code name}; IllegalArgumentException listing the valid names otherwise. */
    BenchmarkProblem get(String name);

    /** The benchmark catalogue. */
    static ProblemSource catalogue() {
        return new ProblemSource() {
            @Override
            public List<BenchmarkProblem> all() {
                return Catalogue.all();
            }

            @Override
            public BenchmarkProblem get(String name) {
                return Catalogue.get(name);
            }
        };
    }
}
