package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The loss history of a run: for every step the total loss, each condition's (unweighted) loss, the
 * learning rate, the trainable coefficients and, when configured, a validation error. Also records
 * where the optimizer changed.
 */
public final class History {
    private final List<String> terms;
    private final List<String> coefficients;
    private final List<Integer> steps = new ArrayList<>();
    private final List<String> phases = new ArrayList<>();
    private final List<Double> rates = new ArrayList<>();
    private final List<Double> totals = new ArrayList<>();
    private final List<double[]> termValues = new ArrayList<>();
    private final List<double[]> coefficientValues = new ArrayList<>();
    private final List<Double> validation = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();
    private final List<int[]> switches = new ArrayList<>();
    private final List<String> switchLabels = new ArrayList<>();

    /** Empty history for the given term and coefficient names. */
    public History(List<String> terms, List<String> coefficients) {
        this.terms = List.copyOf(terms);
        this.coefficients = List.copyOf(coefficients);
    }

    /** Appends one step. */
    public void record(
            int step,
            String phase,
            double rate,
            double total,
            double[] termLosses,
            double[] coefficientValues,
            double validationError,
            double elapsedSeconds) {
        steps.add(step);
        phases.add(phase);
        rates.add(rate);
        totals.add(total);
        termValues.add(termLosses.clone());
        this.coefficientValues.add(coefficientValues.clone());
        validation.add(validationError);
        seconds.add(elapsedSeconds);
    }

    /** Marks an optimizer switch before {@code step}. */
    public void markSwitch(int step, String label) {
        switches.add(new int[] {step});
        switchLabels.add(label);
    }

    /** Number of recorded steps. */
    public int size() {
        return steps.size();
    }

    /** Names of the loss terms. */
    public List<String> termNames() {
        return terms;
    }

    /** Names of the coefficients. */
    public List<String> coefficientNames() {
        return coefficients;
    }

    /** Step numbers. */
    public int[] steps() {
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Total loss per step. */
    public double[] totals() {
        return totals.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Loss of term k per step. */
    public double[] term(int k) {
        double[] out = new double[termValues.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = termValues.get(i)[k];
        }
        return out;
    }

    /** Coefficient k per step. */
    public double[] coefficient(int k) {
        double[] out = new double[coefficientValues.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coefficientValues.get(i)[k];
        }
        return out;
    }

    /** Validation error per step (NaN where not evaluated). */
    public double[] validation() {
        return validation.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Wall-clock seconds since the start of training, per step (resumed runs include the time before the resume). */
    public double[] seconds() {
        return seconds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Phase label per step. */
    public List<String> phases() {
        return Collections.unmodifiableList(phases);
    }

    /** Steps at which the optimizer switched. */
    public int[] switchSteps() {
        return switches.stream().mapToInt(a -> a[0]).toArray();
    }

    /** Labels of the phases started at {@link #switchSteps()}. */
    public List<String> switchLabels() {
        return Collections.unmodifiableList(switchLabels);
    }

    /** Last total loss, NaN if empty. */
    public double lastTotal() {
        return totals.isEmpty() ? Double.NaN : totals.get(totals.size() - 1);
    }

    /** The rows as packed arrays [rate, total, terms..., coefficients..., validation, seconds] and the switches. */
    HistorySnapshot exportState() {
        List<HistorySnapshot.Row> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            double[] t = termValues.get(i);
            double[] c = coefficientValues.get(i);
            double[] row = new double[4 + t.length + c.length];
            row[0] = rates.get(i);
            row[1] = totals.get(i);
            System.arraycopy(t, 0, row, 2, t.length);
            System.arraycopy(c, 0, row, 2 + t.length, c.length);
            row[row.length - 2] = validation.get(i);
            row[row.length - 1] = seconds.get(i);
            rows.add(new HistorySnapshot.Row(steps.get(i), phases.get(i), row));
        }
        List<HistorySnapshot.Switch> sw = new ArrayList<>();
        for (int k = 0; k < switches.size(); k++) {
            sw.add(new HistorySnapshot.Switch(switches.get(k)[0], switchLabels.get(k)));
        }
        return new HistorySnapshot(rows, sw);
    }

    /** Replaces the content by a snapshot's rows and switches. */
    void importState(HistorySnapshot h) {
        steps.clear();
        phases.clear();
        rates.clear();
        totals.clear();
        termValues.clear();
        coefficientValues.clear();
        validation.clear();
        seconds.clear();
        switches.clear();
        switchLabels.clear();
        int nt = terms.size();
        int nc = coefficients.size();
        for (HistorySnapshot.Row r : h.rows()) {
            double[] row = r.values();
            if (row.length != 4 + nt + nc) {
                throw new IllegalArgumentException(
                        "checkpoint history rows have " + row.length + " values; this problem needs " + (4 + nt + nc));
            }
            record(
                    r.step(),
                    r.phase(),
                    row[0],
                    row[1],
                    Arrays.copyOfRange(row, 2, 2 + nt),
                    Arrays.copyOfRange(row, 2 + nt, 2 + nt + nc),
                    row[row.length - 2],
                    row[row.length - 1]);
        }
        for (HistorySnapshot.Switch w : h.switches()) {
            markSwitch(w.step(), w.label());
        }
    }

    /** CSV with header step,phase,lr,total,&lt;terms&gt;,&lt;coefficients&gt;,validation,seconds. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("step,phase,lr,total");
        for (String t : terms) sb.append(',').append("loss_").append(t);
        for (String c : coefficients) sb.append(',').append(c);
        sb.append(",validation,seconds\n");
        for (int i = 0; i < steps.size(); i++) {
            sb.append(steps.get(i))
                    .append(',')
                    .append(phases.get(i))
                    .append(',')
                    .append(num(rates.get(i)))
                    .append(',')
                    .append(num(totals.get(i)));
            for (double v : termValues.get(i)) sb.append(',').append(num(v));
            for (double v : coefficientValues.get(i)) sb.append(',').append(num(v));
            sb.append(',')
                    .append(num(validation.get(i)))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", seconds.get(i)))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
