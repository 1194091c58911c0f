package org.pinn4j.validation.report;

import java.util.List;
import java.util.stream.Collectors;
import org.pinn4j.core.Version;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.Numbers;
import org.pinn4j.validation.runner.RunResult;
import org.pinn4j.validation.runner.Runner;

/**
 * The HTML page of one run (index.html in the run directory): the result row, identified coefficients,
 * the settings and every chart with a caption. Self-contained: inline style, no script, no network
 * resource; the images are the PNG files next to it (each links to its SVG), so the page opens from the
 * file system.
 */
public final class RunPage {
    /** File name of the page in the run directory. */
    public static final String FILE = "index.html";

    /** The shared inline style of the report pages. */
    static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:1700px}\n"
            + "table{border-collapse:collapse;margin:0.5em 0 1em 0}\n"
            + "th,td{border:1px solid #bbb;padding:4px 8px;text-align:left}\n"
            + "th{background:#eee}\n"
            + "td.num{text-align:right;font-family:monospace}\n"
            + ".better{color:#060;font-weight:bold}\n.worse{color:#a00;font-weight:bold}\n.failed{color:#a00}\n"
            + "figure{display:inline-block;vertical-align:top;margin:6px;width:46%}\n"
            + "figure.wide{width:94%}\n"
            + "figure img{width:100%;border:1px solid #ddd}\n"
            + "figcaption{font-size:0.9em;color:#444}\n"
            + "code{background:#f4f4f4;padding:1px 4px}\n";

    private RunPage() {}

    /**
     * The page.
     *
     * @param figures the charts written into the run directory, in page order
     * @param notes   remarks such as charts that could not be drawn (may be empty)
     */
    public static String html(BenchmarkProblem p, RunResult r, List<Figure> figures, List<String> notes) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>pinn4j: ")
                .append(h(r.problem()))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>")
                .append(h(r.problem()))
                .append("</h1>\n<p>Equation: <code>")
                .append(h(p.equation()))
                .append("</code></p>\n");

        sb.append(
                        "<table id=\"results\">\n<thead><tr><th>problem</th><th>rel L2</th><th>max abs error</th><th>RMSE</th><th>published</th>"
                                + "<th>vs published</th><th>steps</th><th>time s</th><th>status</th></tr></thead>\n<tbody>\n<tr><td>")
                .append(h(r.problem()))
                .append("</td>")
                .append(num(Numbers.sci(r.relL2())))
                .append(num(Numbers.sci(r.errors().maxAbs())))
                .append(num(Numbers.sci(r.errors().rmse())))
                .append("<td>")
                .append(h(r.publishedFigure()))
                .append("</td>")
                .append(verdictCell(r.verdict()))
                .append(num(Integer.toString(r.steps())))
                .append(num(Numbers.fixed(r.seconds(), 1)))
                .append("<td>")
                .append(
                        r.ok()
                                ? "ok"
                                : "<span class=\"failed\">diverged: "
                                        + h(r.training().message()) + "</span>")
                .append("</td></tr>\n</tbody>\n</table>\n");
        if (!r.measured()) {
            sb.append("<p>Errors not measured: ").append(h(r.errorNote())).append(".</p>\n");
        }

        if (!r.coefficients().isEmpty()) {
            sb.append(
                    "<h2>Identified coefficients</h2>\n<table id=\"coefficients\">\n<thead><tr><th>coefficient</th><th>identified</th>"
                            + "<th>true</th><th>error %</th></tr></thead>\n<tbody>\n");
            r.coefficients().forEach((name, v) -> {
                Double t = r.trueCoefficients().get(name);
                sb.append("<tr><td>")
                        .append(h(name))
                        .append("</td>")
                        .append(num(Numbers.precise(v)))
                        .append(num(t == null ? "-" : Numbers.precise(t)))
                        .append(num(t == null ? "-" : Numbers.percent(r.coefficientErrorPercent(name))))
                        .append("</tr>\n");
            });
            sb.append("</tbody>\n</table>\n");
        }

        sb.append("<h2>Charts</h2>\n");
        if (figures.isEmpty()) {
            sb.append("<p>No charts were drawn.</p>\n");
        }
        for (Figure f : figures) {
            sb.append(figure(f, ""));
        }
        if (!notes.isEmpty()) {
            sb.append("<h2>Notes</h2>\n<ul>\n");
            for (String n : notes) {
                sb.append("<li>").append(h(n)).append("</li>\n");
            }
            sb.append("</ul>\n");
        }

        Recipe recipe = r.recipe();
        sb.append("<h2>Settings</h2>\n<table id=\"settings\">\n<tbody>\n");
        setting(sb, "reference solution", p.referenceKind());
        setting(sb, "recipe", r.recipeName() + (r.quick() ? " (reduced budget)" : ""));
        setting(sb, "network", recipe.network().toString());
        setting(sb, "phases", recipe.phases().stream().map(Object::toString).collect(Collectors.joining(", then ")));
        setting(sb, "sampler", recipe.sampler());
        setting(sb, "seed", Long.toString(r.seed()));
        setting(sb, "threads", Integer.toString(r.threads()));
        if (r.noise() > 0) {
            setting(sb, "data noise", Numbers.general(r.noise()));
        }
        setting(sb, "pinn4j", Version.get());
        sb.append("</tbody>\n</table>\n");
        sb.append("<p>Files: <a href=\"")
                .append(Runner.REPORT_FILE)
                .append("\">")
                .append(Runner.REPORT_FILE)
                .append("</a> (this report as Markdown), <a href=\"")
                .append(Runner.MODEL_FILE)
                .append("\">")
                .append(Runner.MODEL_FILE)
                .append("</a> (trained model, <code>pinn predict --model</code>), <a href=\"")
                .append(Runner.HISTORY_FILE)
                .append("\">")
                .append(Runner.HISTORY_FILE)
                .append("</a> (loss per step).</p>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * One figure element: the PNG (linking to its SVG) and its caption; {@code dir} is prepended to the
     * file names ("" for files next to the page, "burgers/" for a run directory below it).
     */
    static String figure(Figure f, String dir) {
        boolean wide = f.panels().size() > 1 && f.columns() > 1;
        return "<figure id=\"" + h(dir.replace("/", "-") + f.name()) + "\"" + (wide ? " class=\"wide\"" : "") + ">"
                + "<a href=\"" + h(dir + f.svg()) + "\"><img src=\"" + h(dir + f.png()) + "\" alt=\"" + h(f.caption())
                + "\"></a>"
                + "<figcaption>" + h(f.caption()) + " <a href=\"" + h(dir + f.svg())
                + "\">SVG</a></figcaption></figure>\n";
    }

    private static void setting(StringBuilder sb, String k, String v) {
        sb.append("<tr><th>").append(h(k)).append("</th><td>").append(h(v)).append("</td></tr>\n");
    }

    private static String num(String v) {
        return "<td class=\"num\">" + h(v) + "</td>";
    }

    private static String verdictCell(String verdict) {
        return "<td class=\"" + (verdict.equals("-") ? "none" : h(verdict)) + "\">" + h(verdict) + "</td>";
    }

    /** HTML-escapes text. */
    static String h(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
