package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Saves the work of a command when its process is asked to end (SIGTERM; Ctrl-C, which the launcher passes on as
 * SIGTERM; SIGINT or SIGHUP to the JVM itself): a JVM shutdown hook raises the stop request that training reads
 * once per step, says so on stderr, and waits, at most {@value #WAIT_SECONDS} s, until the command has finished
 * the step, written its outputs and checkpoint and said where ({@link #close}). The JVM then exits with the
 * signal's status (143 for SIGTERM, 130 for SIGINT). While no signal comes, it does nothing; {@link #close}
 * removes the hook.
 */
public final class SignalStop implements AutoCloseable {
    /** How long the hook waits for the command to save its work before the process ends anyway. */
    static final int WAIT_SECONDS = 60;

    /** Set by a running hook: the JVM is ending on a signal and will exit with the signal's status. */
    private static final AtomicBoolean ENDING = new AtomicBoolean();

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private SignalStop(PrintWriter err, String command) {
        this.hook = new Thread(
                () -> {
                    ENDING.set(true);
                    requested.set(true);
                    err.println(command + ": stopping: finishing the current step, then saving the model and a"
                            + " checkpoint (up to " + WAIT_SECONDS + " s)");
                    err.flush();
                    try {
                        if (!finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                            err.println(command + ": the work was not saved within " + WAIT_SECONDS
                                    + " s; stopping without it");
                            err.flush();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "pinn-signal-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * True once a hook has started: the process is ending on a signal, and its exit status is the signal's (an exit
     * with the command's own code at that moment would race the hook's and could win).
     */
    public static boolean ending() {
        return ENDING.get();
    }

    /** Watches for a signal until {@link #close}; {@code command} (e.g. "pinn run") starts its messages. */
    public static SignalStop install(PrintWriter err, String command) {
        return new SignalStop(err, command);
    }

    /** The stop request for the trainer: true once a signal came. */
    public BooleanSupplier request() {
        return requested::get;
    }

    /** True once a signal came. */
    public boolean requested() {
        return requested.get();
    }

    /** The command's work is saved (or failed): lets a waiting hook end the process, and removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now, and the JVM exits with the signal's status
        }
    }
}
