package org.pinn4j.spark.cli;

import java.util.Map;
import org.pinn4j.validation.cli.PinnCli;

/** Entry point of pinn-spark.jar: the {@code pinn} command with {@code sweep} ({@link SweepCommand}). */
public final class SweepMain {
    private static final String LOG_CONFIG = "log4j2.configurationFile";

    private SweepMain() {}

    /** Runs {@code pinn} with the sweep command; {@code ./pinn sweep ...} starts this. */
    public static void main(String[] args) {
        // Spark logs at INFO by default: on the command line only errors are shown, in one line each
        if (System.getProperty(LOG_CONFIG) == null) {
            System.setProperty(LOG_CONFIG, "classpath:org/pinn4j/spark/cli/sweep-log4j2.properties");
        }
        PinnCli.main(args, Map.of("sweep", new SweepCommand()));
    }
}
