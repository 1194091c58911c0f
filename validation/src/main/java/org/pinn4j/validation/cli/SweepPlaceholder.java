package org.pinn4j.validation.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code pinn sweep} as this jar knows it: listed in {@code pinn --help}, but run from pinn-spark's jar (with Apache
 * Spark and its JVM flags), which the launcher starts for it; here it says so.
 */
@Command(
        name = "sweep",
        customSynopsis = PinnCli.SWEEP_SYNOPSIS,
        description = "Train a grid of parameter values and seeds on Apache Spark (./pinn sweep --help).")
final class SweepPlaceholder implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "sweep runs from pinn-spark/target/pinn-spark.jar (Apache Spark and its JVM flags): start it with"
                        + " ./pinn sweep, which builds and runs that jar");
    }
}
