package org.pinn4j.core.train;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one progress line every N steps: step, phase, epoch, each loss term, total, coefficients and ETA. */
public final class ProgressPrinter implements TrainingListener {
    private final PrintStream out;
    private final int every;

    /** Prints to {@code out} every {@code every} steps. */
    public ProgressPrinter(PrintStream out, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("progress interval must be >= 1 step; got " + every);
        }
        this.out = out;
        this.every = every;
    }

    @Override
    public void onPhaseStart(int phaseIndex, Phase phase, int step) {
        out.println(phaseStartLine(phaseIndex, phase, step));
    }

    @Override
    public void onPhaseEnd(int phaseIndex, Phase phase, String stopReason) {
        out.println(phaseEndLine(phaseIndex, phase, stopReason));
    }

    /** "phase 2: L-BFGS 1000 iterations: ... (from step 501)": the line a phase's start is shown with. */
    public static String phaseStartLine(int phaseIndex, Phase phase, int step) {
        return "phase " + (phaseIndex + 1) + ": " + phase + " (from step " + step + ")";
    }

    /** "phase 2 (L-BFGS) stopped: max iterations ...": the line a phase's end is shown with. */
    public static String phaseEndLine(int phaseIndex, Phase phase, String stopReason) {
        return "phase " + (phaseIndex + 1) + " (" + phase.mode().methodName() + ") stopped: " + stopReason;
    }

    @Override
    public boolean onStep(StepReport r) {
        if (r.step() % every == 0 || r.step() == r.totalSteps()) {
            out.println(line(r));
        }
        return true;
    }

    /** The progress line for a report. */
    public static String line(StepReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "step %d/%d %s", r.step(), r.totalSteps(), r.phase()));
        if (r.epoch() > 0) {
            sb.append(" epoch ").append(r.epoch());
        }
        for (int k = 0; k < r.termNames().size(); k++) {
            sb.append(String.format(Locale.ROOT, " %s=%.3e", r.termNames().get(k), r.termLosses()[k]));
        }
        sb.append(String.format(Locale.ROOT, " total=%.3e", r.total()));
        for (int k = 0; k < r.coefficientNames().size(); k++) {
            sb.append(
                    String.format(Locale.ROOT, " %s=%.6g", r.coefficientNames().get(k), r.coefficients()[k]));
        }
        double perStep = r.elapsedSeconds() / Math.max(1, r.step());
        double eta = perStep * Math.max(0, r.totalSteps() - r.step());
        sb.append(String.format(Locale.ROOT, " elapsed=%.1fs eta=%.0fs", r.elapsedSeconds(), eta));
        return sb.toString();
    }
}
