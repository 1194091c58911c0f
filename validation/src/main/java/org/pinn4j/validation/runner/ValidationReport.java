package org.pinn4j.validation.runner;

import java.nio.file.Files;
import java.util.List;
import org.pinn4j.core.Version;

/**
 * The summary of a catalogue validation: Markdown (report.md) and a self-contained HTML page
 * (index.html, no network resources; charts found in each run directory are shown from there).
 */
public final class ValidationReport {
    private ValidationReport() {}

    /** Markdown table, one row per problem, linking each run's report. */
    public static String markdown(List<ValidationEntry> entries, boolean quick) {
        StringBuilder sb = new StringBuilder("# pinn4j validation\n\n");
        sb.append(quick ? "Quick (reduced) budgets" : "Full budgets")
                .append(", pinn4j ")
                .append(Version.get())
                .append(". ")
                .append(summary(entries))
                .append("\n\n");
        sb.append("| problem | rel L2 | max abs error | published | vs published | steps | time s | status |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (ValidationEntry e : entries) {
            String name = e.problem().name();
            sb.append("| [")
                    .append(name)
                    .append("](")
                    .append(name)
                    .append('/')
                    .append(Runner.REPORT_FILE)
                    .append(") | ");
            if (e.result().isPresent()) {
                RunResult r = e.result().get();
                sb.append(Numbers.sci(r.relL2()))
                        .append(" | ")
                        .append(Numbers.sci(r.errors().maxAbs()))
                        .append(" | ")
                        .append(RunReport.esc(r.publishedFigure()))
                        .append(" | ")
                        .append(r.verdict())
                        .append(" | ")
                        .append(r.steps())
                        .append(" | ")
                        .append(Numbers.fixed(r.seconds(), 1))
                        .append(" | ")
                        .append(r.interrupted() ? "stopped: " + RunReport.esc(e.failure()) : r.ok() ? "ok" : "diverged")
                        .append(" |\n");
            } else {
                sb.append("- | - | ")
                        .append(RunReport.esc(e.problem().publishedFigure()))
                        .append(" | failed | - | - | failed: ")
                        .append(RunReport.esc(e.failure()))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    /**
     * Self-contained HTML page (inline style, no script, no network resource): the same table, then each
     * problem's charts from its run directory DIR/&lt;problem&gt; (PNG files shown by relative path, each linking
     * to its SVG), in reading order: fields or lines, slices, loss, coefficients, residuals. A problem whose
     * run wrote its own index.html is linked to it.
     */
    public static String html(List<ValidationEntry> entries, boolean quick, java.nio.file.Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>pinn4j validation</title>\n");
        sb.append("<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222;max-width:1700px}\n")
                .append("table{border-collapse:collapse}\n")
                .append("th,td{border:1px solid #bbb;padding:4px 8px;text-align:left}\n")
                .append("th{background:#eee}\n")
                .append("td.num{text-align:right;font-family:monospace}\n")
                .append(
                        ".better{color:#060;font-weight:bold}\n.worse{color:#a00;font-weight:bold}\n.failed{color:#a00}\n")
                .append("figure{display:inline-block;vertical-align:top;margin:6px;width:31%}\n")
                .append("figure.wide{width:63%}\n")
                .append("figure img{width:100%;border:1px solid #ddd}\n")
                .append("figcaption{font-size:0.9em;color:#444}\n")
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>pinn4j validation</h1>\n<p>")
                .append(quick ? "Quick (reduced) budgets" : "Full budgets")
                .append(", pinn4j ")
                .append(h(Version.get()))
                .append(". ")
                .append(h(summary(entries)))
                .append("</p>\n");
        sb.append(
                "<table id=\"results\">\n<thead><tr><th>problem</th><th>equation</th><th>rel L2</th><th>max abs error</th>"
                        + "<th>published</th><th>vs published</th><th>steps</th><th>time s</th><th>status</th><th>charts</th></tr></thead>\n<tbody>\n");
        for (ValidationEntry e : entries) {
            String name = e.problem().name();
            List<String> pngs = pngs(dir, name);
            sb.append("<tr><td><a href=\"")
                    .append(h(name))
                    .append('/')
                    .append(runPage(dir, name))
                    .append("\">")
                    .append(h(name))
                    .append("</a></td><td>")
                    .append(h(e.problem().equation()))
                    .append("</td>");
            if (e.result().isPresent()) {
                RunResult r = e.result().get();
                sb.append("<td class=\"num\">")
                        .append(Numbers.sci(r.relL2()))
                        .append("</td><td class=\"num\">")
                        .append(Numbers.sci(r.errors().maxAbs()))
                        .append("</td><td>")
                        .append(h(r.publishedFigure()))
                        .append("</td><td class=\"")
                        .append(r.verdict().equals("-") ? "none" : r.verdict())
                        .append("\">")
                        .append(r.verdict())
                        .append("</td><td class=\"num\">")
                        .append(r.steps())
                        .append("</td><td class=\"num\">")
                        .append(Numbers.fixed(r.seconds(), 1))
                        .append("</td><td>")
                        .append(
                                r.interrupted()
                                        ? "stopped: " + h(e.failure())
                                        : r.ok() ? "ok" : "diverged: " + h(e.failure()))
                        .append("</td>");
            } else {
                sb.append("<td>-</td><td>-</td><td>")
                        .append(h(e.problem().publishedFigure()))
                        .append("</td><td class=\"failed\">failed</td><td>-</td><td>-</td><td class=\"failed\">")
                        .append(h(e.failure()))
                        .append("</td>");
            }
            sb.append("<td>")
                    .append(pngs.isEmpty() ? "-" : "<a href=\"#" + h(name) + "\">" + pngs.size() + "</a>")
                    .append("</td>");
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        for (ValidationEntry e : entries) {
            String name = e.problem().name();
            List<String> pngs = pngs(dir, name);
            if (pngs.isEmpty()) {
                continue;
            }
            sb.append("<h2 id=\"")
                    .append(h(name))
                    .append("\"><a href=\"")
                    .append(h(name))
                    .append('/')
                    .append(runPage(dir, name))
                    .append("\">")
                    .append(h(name))
                    .append("</a></h2>\n<div class=\"charts\">\n");
            for (String c : pngs) {
                String stem = c.substring(0, c.length() - 4);
                String src = h(name) + '/' + h(c);
                boolean hasSvg = Files.isRegularFile(dir.resolve(name).resolve(stem + ".svg"));
                String href = hasSvg ? h(name) + '/' + h(stem) + ".svg" : src;
                sb.append("<figure")
                        .append(RunReport.isWide(dir.resolve(name).resolve(c)) ? " class=\"wide\"" : "")
                        .append("><a href=\"")
                        .append(href)
                        .append("\"><img src=\"")
                        .append(src)
                        .append("\" alt=\"")
                        .append(h(name))
                        .append(": ")
                        .append(h(stem))
                        .append("\"></a><figcaption>")
                        .append(h(stem))
                        .append("</figcaption></figure>\n");
            }
            sb.append("</div>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** The PNG charts in DIR/name in reading order (none if the directory does not exist). */
    private static List<String> pngs(java.nio.file.Path dir, String name) {
        List<String> charts = Files.isDirectory(dir.resolve(name)) ? Runner.chartFiles(dir.resolve(name)) : List.of();
        return RunReport.ordered(charts).stream()
                .filter(c -> c.endsWith(".png"))
                .toList();
    }

    /** The run's own HTML page if it wrote one, else its report. */
    private static String runPage(java.nio.file.Path dir, String name) {
        return Files.isRegularFile(dir.resolve(name).resolve(Validation.INDEX_FILE))
                ? Validation.INDEX_FILE
                : Runner.REPORT_FILE;
    }

    private static String summary(List<ValidationEntry> entries) {
        long better = entries.stream().filter(e -> e.verdict().equals("better")).count();
        long worse = entries.stream().filter(e -> e.verdict().equals("worse")).count();
        long failed = entries.stream().filter(e -> !e.ok()).count();
        return entries.size() + (entries.size() == 1 ? " problem: " : " problems: ") + better
                + " better than published, " + worse + " worse, " + failed + " failed";
    }

    /** HTML-escapes text. */
    static String h(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }
}
