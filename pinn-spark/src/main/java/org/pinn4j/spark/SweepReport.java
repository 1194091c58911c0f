package org.pinn4j.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.pinn4j.core.io.AtomicFiles;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.plots.ChartFiles;
import org.pinn4j.plots.ScatterChart;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.ProblemContext;
import org.pinn4j.problems.Reference;
import org.pinn4j.validation.reference.References;
import org.pinn4j.validation.runner.RunSettings;

/**
 * A sweep's report: {@value #REPORT_FILE} and {@value #PAGE_FILE} with the rows, charts of the error against each
 * swept value and against training time (its Pareto front: the tasks no faster task beats), and for several seeds
 * an ensemble table per configuration (mean, std, min, max of the error, and the error of the mean of the seeds'
 * predictions on the evaluation grid).
 */
public final class SweepReport {
    /** The Markdown report. */
    public static final String REPORT_FILE = "report.md";
    /** The HTML page with the charts. */
    public static final String PAGE_FILE = "index.html";
    /** The chart of the error against training time. */
    public static final String TIME_CHART = "rel_l2_time.png";

    private SweepReport() {}

    /** One configuration's seeds: their errors and the error of their mean prediction (NaN if not measured). */
    public record Ensemble(
            String recipe,
            Map<String, Double> parameters,
            int members,
            double mean,
            double std,
            double min,
            double max,
            double meanPredictionRelL2) {}

    /** The chart of the error against swept value {@code name}. */
    public static String chartFile(String name) {
        return "rel_l2_" + name.replaceAll("[^A-Za-z0-9]", "_") + ".png";
    }

    /**
     * Writes report.md, index.html and the charts into {@code out} (each file atomically).
     *
     * @param problem the problem the sweep trained (to load the models of an ensemble)
     */
    public static void write(Sweep sweep, BenchmarkProblem problem, List<SweepRow> rows, Path out) {
        List<String> charts = new ArrayList<>();
        for (String name : sweep.sweptNames()) {
            chart(errorAgainst(name, rows), out.resolve(chartFile(name))).ifPresent(charts::add);
        }
        chart(errorAgainstTime(rows), out.resolve(TIME_CHART)).ifPresent(charts::add);
        List<Ensemble> ensembles = sweep.seedCount() > 1 ? ensembles(problem, rows, out) : List.of();
        AtomicFiles.writeString(out.resolve(REPORT_FILE), markdown(sweep, rows, ensembles, charts));
        AtomicFiles.writeString(out.resolve(PAGE_FILE), html(sweep, rows, ensembles, charts));
    }

    private static Optional<String> chart(Optional<XYChart> chart, Path file) {
        if (chart.isEmpty()) {
            return Optional.empty();
        }
        AtomicFiles.write(file, ChartFiles.pngBytes(chart.get()));
        return Optional.of(file.getFileName().toString());
    }

    /** The error against the swept value {@code name}, a group per seed; empty when no task has an error. */
    static Optional<XYChart> errorAgainst(String name, List<SweepRow> rows) {
        Map<Long, List<double[]>> bySeed = new LinkedHashMap<>();
        boolean positive = true;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SweepRow r : rows) {
            if (!(r.relL2() > 0)) {
                continue;
            }
            double v = r.parameters().get(name);
            positive &= v > 0;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            bySeed.computeIfAbsent(r.seed(), s -> new ArrayList<>()).add(new double[] {v, r.relL2()});
        }
        if (bySeed.isEmpty()) {
            return Optional.empty();
        }
        ScatterChart.Builder b = ScatterChart.builder()
                .title("rel L2 against " + name)
                .xLabel(name)
                .yLabel("rel L2 on the evaluation grid")
                .logX(positive && hi >= 10 * lo);
        bySeed.forEach((seed, points) -> b.points("seed " + seed, column(points, 0), column(points, 1)));
        return Optional.of(b.build());
    }

    /** The error against training time with the Pareto front; empty when no task has an error. */
    static Optional<XYChart> errorAgainstTime(List<SweepRow> rows) {
        List<double[]> points = new ArrayList<>();
        for (SweepRow r : rows) {
            if (r.relL2() > 0 && r.seconds() > 0) {
                points.add(new double[] {r.seconds(), r.relL2()});
            }
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<double[]> front = paretoFront(points);
        return Optional.of(ScatterChart.builder()
                .title("rel L2 against training time")
                .xLabel("training time (s)")
                .yLabel("rel L2 on the evaluation grid")
                .points("tasks", column(points, 0), column(points, 1))
                .line("Pareto front", column(front, 0), column(front, 1))
                .build());
    }

    /** The points (time, error) no faster point beats, by increasing time. */
    static List<double[]> paretoFront(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        List<double[]> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (double[] p : sorted) {
            if (p[1] < best) {
                front.add(p);
                best = p[1];
            }
        }
        return front;
    }

    private static double[] column(List<double[]> points, int k) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = points.get(i)[k];
        }
        return out;
    }

    /** One entry per configuration (recipe and values) with its seeds' errors and their mean prediction's error. */
    static List<Ensemble> ensembles(BenchmarkProblem problem, List<SweepRow> rows, Path out) {
        Map<String, List<SweepRow>> groups = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            groups.computeIfAbsent(r.recipe() + " " + r.parameters(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Ensemble> result = new ArrayList<>();
        for (List<SweepRow> g : groups.values()) {
            List<SweepRow> ok =
                    g.stream().filter(r -> Double.isFinite(r.relL2())).toList();
            double[] e = ok.stream().mapToDouble(SweepRow::relL2).toArray();
            double mean = 0;
            for (double v : e) {
                mean += v / e.length;
            }
            double var = 0;
            for (double v : e) {
                var += (v - mean) * (v - mean) / Math.max(1, e.length - 1);
            }
            double min = ok.stream().mapToDouble(SweepRow::relL2).min().orElse(Double.NaN);
            double max = ok.stream().mapToDouble(SweepRow::relL2).max().orElse(Double.NaN);
            result.add(new Ensemble(
                    g.get(0).recipe(),
                    g.get(0).parameters(),
                    e.length,
                    e.length == 0 ? Double.NaN : mean,
                    e.length < 2 ? Double.NaN : Math.sqrt(var),
                    min,
                    max,
                    meanPredictionError(problem, ok, out)));
        }
        return result;
    }

    /**
     * The relative L2 error of the mean of the tasks' predictions on the problem's evaluation grid, over its measured
     * outputs (as a run measures one model); NaN without a reference or a model.
     */
    static double meanPredictionError(BenchmarkProblem p, List<SweepRow> members, Path out) {
        if (members.isEmpty()) {
            return Double.NaN;
        }
        SweepRow first = members.get(0);
        ProblemContext ctx = References.contextFor(
                p,
                first.seed(),
                0.0,
                BenchmarkProblem.QUICK_RECIPE.equals(first.recipe()),
                RunSettings.problemParameters(first.parameters()));
        Problem problem = RunSettings.of(first.parameters()).applyTo(p, p.problem(ctx));
        Optional<Reference> reference = ctx.reference().isPresent() ? ctx.reference() : References.forProblem(p, ctx);
        List<String> measured = p.measuredOutputs(problem);
        double[][] points = p.evaluationGrid().points();
        if (reference.isEmpty()) {
            return Double.NaN;
        }
        double[][] exact = reference.get().values(points);
        if (exact.length != measured.size()) {
            return Double.NaN;
        }
        double[][] sum = null;
        for (SweepRow r : members) {
            PinnModel model;
            try {
                model = ModelFile.load(
                        out.resolve(TaskRunner.TASKS).resolve(r.task()).resolve("model.json"), problem);
            } catch (ModelFile.ModelFileException | IllegalArgumentException e) {
                return Double.NaN; // a model file removed or damaged since its task ended: the table shows "-"
            }
            double[][] all = model.predict(new PointSet(points));
            if (sum == null) {
                sum = new double[measured.size()][all[0].length];
            }
            for (int k = 0; k < measured.size(); k++) {
                double[] row = all[problem.outputs().indexOf(measured.get(k))];
                for (int i = 0; i < row.length; i++) {
                    sum[k][i] += row[i];
                }
            }
        }
        double num = 0;
        double den = 0;
        for (int k = 0; k < exact.length; k++) {
            for (int i = 0; i < exact[k].length; i++) {
                double d = sum[k][i] / members.size() - exact[k][i];
                num += d * d;
                den += exact[k][i] * exact[k][i];
            }
        }
        return Math.sqrt(num / den);
    }

    static String markdown(Sweep sweep, List<SweepRow> rows, List<Ensemble> ensembles, List<String> charts) {
        StringBuilder b = new StringBuilder();
        b.append("# Sweep of ").append(sweep.problem()).append("\n\n");
        b.append(summary(rows)).append("\n\n");
        b.append("| task | recipe |");
        sweep.sweptNames().forEach(n -> b.append(' ').append(n).append(" |"));
        b.append(" seed | rel L2 | max abs error | seconds | status | message |\n|---|---|");
        sweep.sweptNames().forEach(n -> b.append("---|"));
        b.append("---|---|---|---|---|---|\n");
        for (SweepRow r : rows) {
            b.append("| ").append(r.task()).append(" | ").append(r.recipe()).append(" |");
            for (String n : sweep.sweptNames()) {
                b.append(' ').append(Sweep.format(r.parameters().get(n))).append(" |");
            }
            b.append(' ')
                    .append(r.seed())
                    .append(" | ")
                    .append(sci(r.relL2()))
                    .append(" | ")
                    .append(sci(r.maxAbsError()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append(" | ")
                    .append(r.status())
                    .append(" | ")
                    .append(r.message().replace("|", "\\|"))
                    .append(" |\n");
        }
        if (!ensembles.isEmpty()) {
            b.append("\n## Seed ensembles\n\n")
                    .append(
                            "| recipe | values | seeds | mean rel L2 | std | min | max | rel L2 of the mean prediction |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (Ensemble e : ensembles) {
                b.append("| ")
                        .append(e.recipe())
                        .append(" | ")
                        .append(values(e.parameters()))
                        .append(" | ")
                        .append(e.members())
                        .append(" | ")
                        .append(sci(e.mean()))
                        .append(" | ")
                        .append(sci(e.std()))
                        .append(" | ")
                        .append(sci(e.min()))
                        .append(" | ")
                        .append(sci(e.max()))
                        .append(" | ")
                        .append(sci(e.meanPredictionRelL2()))
                        .append(" |\n");
            }
        }
        if (!charts.isEmpty()) {
            b.append("\n## Charts\n\n");
            charts.forEach(c -> b.append("![").append(c).append("](").append(c).append(")\n"));
        }
        return b.toString();
    }

    static String html(Sweep sweep, List<SweepRow> rows, List<Ensemble> ensembles, List<String> charts) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep of ")
                .append(h(sweep.problem()))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "img{max-width:48%;margin:4px}</style></head><body>\n");
        b.append("<h1>Sweep of ")
                .append(h(sweep.problem()))
                .append("</h1>\n<p>")
                .append(h(summary(rows)));
        b.append("</p>\n");
        for (String c : charts) {
            b.append("<img src=\"")
                    .append(h(c))
                    .append("\" alt=\"")
                    .append(h(c))
                    .append("\">\n");
        }
        if (!ensembles.isEmpty()) {
            b.append("<h2>Seed ensembles</h2>\n<table><tr><th>recipe</th><th>values</th><th>seeds</th>"
                    + "<th>mean rel L2</th><th>std</th><th>min</th><th>max</th>"
                    + "<th>rel L2 of the mean prediction</th></tr>\n");
            for (Ensemble e : ensembles) {
                b.append("<tr><td>")
                        .append(h(e.recipe()))
                        .append("</td><td>")
                        .append(h(values(e.parameters())))
                        .append("</td><td>")
                        .append(e.members())
                        .append("</td><td>")
                        .append(sci(e.mean()))
                        .append("</td><td>")
                        .append(sci(e.std()))
                        .append("</td><td>")
                        .append(sci(e.min()))
                        .append("</td><td>")
                        .append(sci(e.max()))
                        .append("</td><td>")
                        .append(sci(e.meanPredictionRelL2()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<h2>Tasks</h2>\n<table><tr><th>task</th><th>recipe</th>");
        sweep.sweptNames().forEach(n -> b.append("<th>").append(h(n)).append("</th>"));
        b.append("<th>seed</th><th>rel L2</th><th>max abs error</th><th>seconds</th><th>status</th>"
                + "<th>message</th></tr>\n");
        for (SweepRow r : rows) {
            b.append("<tr><td>")
                    .append(h(r.task()))
                    .append("</td><td>")
                    .append(h(r.recipe()))
                    .append("</td>");
            for (String n : sweep.sweptNames()) {
                b.append("<td>").append(Sweep.format(r.parameters().get(n))).append("</td>");
            }
            b.append("<td>")
                    .append(r.seed())
                    .append("</td><td>")
                    .append(sci(r.relL2()))
                    .append("</td><td>")
                    .append(sci(r.maxAbsError()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append("</td><td>")
                    .append(h(r.status()))
                    .append("</td><td>")
                    .append(h(r.message()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n</body></html>\n");
        return b.toString();
    }

    private static String summary(List<SweepRow> rows) {
        long ok = rows.stream().filter(r -> r.status().equals(SweepRow.OK)).count();
        long failed =
                rows.stream().filter(r -> r.status().equals(SweepRow.FAILED)).count();
        String best = rows.stream()
                .filter(r -> Double.isFinite(r.relL2()))
                .min(java.util.Comparator.comparingDouble(SweepRow::relL2))
                .map(r -> "; lowest rel L2 " + sci(r.relL2()) + " (" + r.task() + ")")
                .orElse("");
        return rows.size() + " tasks: " + ok + " ok, " + failed + " failed, " + (rows.size() - ok - failed)
                + " diverged or stopped" + best + ".";
    }

    private static String values(Map<String, Double> p) {
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(k + " = " + Sweep.format(v)));
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : "-";
    }

    private static String h(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
