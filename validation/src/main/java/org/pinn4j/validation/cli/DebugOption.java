package org.pinn4j.validation.cli;

import picocli.CommandLine.Option;

/** The {@code --debug} option shared by every command (stack traces on errors). */
final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;
}
