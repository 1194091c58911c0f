package org.pinn4j.validation.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.ProgressPrinter;
import org.pinn4j.core.train.StepReport;
import org.pinn4j.core.train.TrainingListener;

/**
 * Progress of a training run as one line redrawn in place, for a terminal (me.tongfei:progressbar): the task
 * (problem, or "i/n problem" in a validation), percent, bar, step / total, elapsed time and ETA, the phase, the
 * total loss and, where the run measures it, the last relative L2 error on the evaluation grid. Phase starts and stop reasons are printed above it as lines. Used when stderr is a terminal (the
 * launcher says so with {@code -Dpinn.terminal=true} and gives its width in {@code pinn.columns}); elsewhere
 * {@link ProgressLines} prints the same steps as plain lines. {@link #close} ends the bar with a newline.
 */
final class ProgressBarLine implements TrainingListener, AutoCloseable {
    /** Redraws per second at most: often enough to look live, rarely enough to cost nothing. */
    private static final int REDRAW_MILLIS = 200;

    private final PrintStream out;
    private final int columns;
    private final String task;
    private final boolean phaseLines;
    private ProgressBar bar;
    private double relL2 = Double.NaN;

    /**
     * A bar on {@code out} ({@code columns} wide) named {@code task}, with the phase lines above it or not ({@code
     * pinn validate} shows a line per problem instead).
     */
    ProgressBarLine(PrintStream out, int columns, String task, boolean phaseLines) {
        this.out = out;
        this.columns = Math.max(40, columns);
        this.task = task;
        this.phaseLines = phaseLines;
    }

    /** True when the launcher found stderr to be a terminal. */
    static boolean wanted() {
        return Boolean.getBoolean("pinn.terminal");
    }

    /** The terminal's width the launcher measured, or 100. */
    static int columns() {
        int c = Integer.getInteger("pinn.columns", 100);
        return c > 0 ? c : 100;
    }

    @Override
    public void onPhaseStart(int phaseIndex, Phase phase, int step) {
        above(ProgressPrinter.phaseStartLine(phaseIndex, phase, step));
    }

    @Override
    public void onPhaseEnd(int phaseIndex, Phase phase, String stopReason) {
        above(ProgressPrinter.phaseEndLine(phaseIndex, phase, stopReason));
    }

    @Override
    public boolean onStep(StepReport r) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(r.totalSteps())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(REDRAW_MILLIS)
                    .setConsumer(new ConsoleProgressBarConsumer(out, columns - 1))
                    // a resumed run: the steps and time before it count
                    .startsFrom(r.step() - 1, Duration.ofMillis((long) (r.elapsedSeconds() * 1000)))
                    .build();
        }
        if (!Double.isNaN(r.validationRelL2())) {
            relL2 = r.validationRelL2(); // measured every ~1% of the run: the last measurement stays shown
        }
        bar.stepTo(r.step());
        bar.setExtraMessage(String.format(Locale.ROOT, "%s loss %.3e", r.phase(), r.total())
                + (Double.isNaN(relL2) ? "" : String.format(Locale.ROOT, " rel L2 %.2e", relL2)));
        if (r.step() == r.totalSteps()) {
            close(); // the last planned step: the time after it (evaluation, charts) is not training
        }
        return true;
    }

    /** A line above the bar: the bar's line is cleared first, and redrawn at its next update. */
    private void above(String line) {
        if (!phaseLines) {
            return;
        }
        synchronized (out) {
            if (bar != null) {
                out.print("\r" + " ".repeat(columns - 1) + "\r");
            }
            out.println(line);
            out.flush();
        }
    }

    /** Draws the bar a last time and moves to the next line (nothing if no step was taken). */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
