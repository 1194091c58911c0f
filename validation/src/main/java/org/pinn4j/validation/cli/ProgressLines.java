package org.pinn4j.validation.cli;

import java.io.PrintWriter;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.ProgressPrinter;
import org.pinn4j.core.train.StepReport;
import org.pinn4j.core.train.TrainingListener;

/**
 * Progress of a training run on stderr: a line when a phase starts and one every N steps with step/total,
 * each loss term, coefficients and ETA (the {@link ProgressPrinter} line), flushed at once so logs stay live.
 * Plain lines rather than a redrawn bar: they read the same in a terminal, a pipe and a CI log.
 */
final class ProgressLines implements TrainingListener {
    private final PrintWriter err;
    private final int every;

    ProgressLines(PrintWriter err, int every) {
        this.err = err;
        this.every = Math.max(1, every);
    }

    @Override
    public void onPhaseStart(int phaseIndex, Phase phase, int step) {
        err.println(ProgressPrinter.phaseStartLine(phaseIndex, phase, step));
        err.flush();
    }

    @Override
    public void onPhaseEnd(int phaseIndex, Phase phase, String stopReason) {
        err.println(ProgressPrinter.phaseEndLine(phaseIndex, phase, stopReason));
        err.flush();
    }

    @Override
    public boolean onStep(StepReport r) {
        if (r.step() % every == 0 || r.step() == r.totalSteps()) {
            err.println(ProgressPrinter.line(r));
            err.flush();
        }
        return true;
    }
}
