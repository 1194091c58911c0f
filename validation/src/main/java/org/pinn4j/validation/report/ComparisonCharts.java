package org.pinn4j.validation.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pinn4j.core.Version;
import org.pinn4j.core.train.Phase;
import org.pinn4j.plots.ConvergenceChart;
import org.pinn4j.validation.runner.Numbers;
import org.pinn4j.validation.runner.OptimizerComparison;
import org.pinn4j.validation.runner.RunResult;

/**
 * The charts and page of an optimizer comparison ({@code pinn compare-optimizers}): the relative L2 error of
 * each method against wall time ({@value #TIME_FIGURE}) and against the iteration of the compared phase
 * ({@value #ITERATION_FIGURE}), as PNG and SVG, and {@link RunPage#FILE} with the table, both charts and links
 * to each method's run page.
 */
public final class ComparisonCharts implements OptimizerComparison.Artifacts {
    /** Error against wall time since the start of training. */
    public static final String TIME_FIGURE = "rel_l2_time";
    /** Error against the iteration of the compared quasi-Newton phase. */
    public static final String ITERATION_FIGURE = "rel_l2_iteration";

    /** The hook. */
    public ComparisonCharts() {}

    @Override
    public void write(Path dir, OptimizerComparison.Comparison c) {
        List<Figure> figures = figures(c);
        for (Figure f : figures) {
            f.write(dir);
        }
        org.pinn4j.core.io.AtomicFiles.writeString(dir.resolve(RunPage.FILE), html(c, figures));
    }

    /** The two figures. */
    static List<Figure> figures(OptimizerComparison.Comparison c) {
        Phase last = c.base().phases().get(c.base().phases().size() - 1);
        ConvergenceChart.Builder time = ConvergenceChart.builder()
                .width(900)
                .height(600)
                .title(c.problem() + ": rel L2 against wall time")
                .xLabel("seconds since the start of the quasi-Newton phase")
                .yLabel("rel L2 on the evaluation grid (log scale)");
        ConvergenceChart.Builder iteration = ConvergenceChart.builder()
                .width(900)
                .height(600)
                .title(c.problem() + ": rel L2 against iteration")
                .xLabel("iteration of the quasi-Newton phase (" + last.length() + " planned)")
                .yLabel("rel L2 on the evaluation grid (log scale)");
        for (OptimizerComparison.MethodRun m : c.runs()) {
            double[][] part = phasePart(m);
            time.curve(m.method(), part[1], part[2]);
            iteration.curve(m.method(), part[0], part[2]);
        }
        return List.of(
                Figure.of(
                        TIME_FIGURE,
                        "Relative L2 error against wall time since the start of the quasi-Newton phase, one curve"
                                + " per method (0 = the end of the first-order phases, the same point for every"
                                + " method; each curve begins at the last measurement before).",
                        time.build()),
                Figure.of(
                        ITERATION_FIGURE,
                        "Relative L2 error against the iteration of the quasi-Newton phase (0 = its start, the"
                                + " same point for every method; each curve begins at the last measurement before).",
                        iteration.build()));
    }

    /**
     * The curve's points from the last one before the compared phase on: {iteration of the phase, seconds
     * since its start, rel L2}.
     */
    private static double[][] phasePart(OptimizerComparison.MethodRun m) {
        RunResult.RelL2Curve k = m.curve();
        int from = 0;
        for (int i = 0; i < k.size(); i++) {
            if (k.steps()[i] < m.phaseStep()) {
                from = i;
            }
        }
        int n = k.size() - from;
        double[][] out = new double[3][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = k.steps()[from + i] - m.phaseStep() + 1; // 0 = the end of the phases before
            out[1][i] = k.seconds()[from + i] - m.phaseStartSeconds();
            out[2][i] = k.relL2()[from + i];
        }
        return out;
    }

    /** The page. */
    static String html(OptimizerComparison.Comparison c, List<Figure> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>pinn4j: ")
                .append(RunPage.h(c.problem()))
                .append(" optimizer comparison</title>\n<style>\n")
                .append(RunPage.STYLE)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(RunPage.h(c.problem()))
                .append(": optimizer comparison</h1>\n");
        Phase last = c.base().phases().get(c.base().phases().size() - 1);
        sb.append("<section id=\"optimizer-comparison\">\n<p>Recipe <code>")
                .append(RunPage.h(c.recipe()))
                .append("</code> (network ")
                .append(RunPage.h(c.base().network().toString()))
                .append("), trained once per method with its last phase, ")
                .append(RunPage.h(last.mode().methodName() + " " + last.length() + " iterations"))
                .append(", done by that method")
                .append(
                        c.budgetSeconds().isPresent()
                                ? " for at most "
                                        + Numbers.general(c.budgetSeconds().getAsDouble()) + " s"
                                : "")
                .append("; the phases before it are the same run, bit for bit. Times are wall seconds since the"
                        + " start of training.</p>\n");
        sb.append("<table id=\"methods\">\n<thead><tr><th>method</th><th>rel L2</th><th>iterations</th>"
                + "<th>time s</th><th>stopped</th>");
        for (double t : OptimizerComparison.TARGETS) {
            sb.append("<th>s to ").append(Numbers.sci(t).replace(".000", "")).append("</th>");
        }
        sb.append("<th>run</th></tr></thead>\n<tbody>\n");
        for (OptimizerComparison.MethodRun m : c.runs()) {
            sb.append("<tr><td>")
                    .append(RunPage.h(m.method()))
                    .append("</td>")
                    .append(num(Numbers.sci(m.run().relL2())))
                    .append(num(Integer.toString(m.iterations())))
                    .append(num(Numbers.fixed(m.run().seconds(), 1)))
                    .append("<td>")
                    .append(RunPage.h(m.stopReason()))
                    .append("</td>");
            for (double t : OptimizerComparison.TARGETS) {
                Optional<RunResult.Milestone> at = m.curve().first(t);
                sb.append(num(at.map(a -> Numbers.fixed(a.seconds(), 1)).orElse("-")));
            }
            String page = m.method() + "/" + RunPage.FILE;
            sb.append("<td><a href=\"")
                    .append(RunPage.h(page))
                    .append("\">")
                    .append(RunPage.h(page))
                    .append("</a></td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        for (Figure f : figures) {
            sb.append(RunPage.figure(f, ""));
        }
        sb.append("<p>Files: <a href=\"")
                .append(OptimizerComparison.CURVES_FILE)
                .append("\">")
                .append(OptimizerComparison.CURVES_FILE)
                .append("</a> (the curves), <a href=\"")
                .append(OptimizerComparison.REPORT_FILE)
                .append("\">")
                .append(OptimizerComparison.REPORT_FILE)
                .append("</a>. pinn4j ")
                .append(RunPage.h(Version.get()))
                .append(".</p>\n</section>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String num(String v) {
        return "<td class=\"num\">" + RunPage.h(v) + "</td>";
    }
}
