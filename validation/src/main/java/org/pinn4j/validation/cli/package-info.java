/**
 * The {@code pinn} command line ({@link org.pinn4j.validation.cli.PinnCli}): list, run, predict, bench
 * and validate. Command names, options and result lines are a public contract (issue 4). Bad input gives
 * a non-zero exit code and one line on stderr; {@code --debug} adds the stack trace.
 */
package org.pinn4j.validation.cli;
