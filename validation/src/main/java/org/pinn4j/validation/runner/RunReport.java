package org.pinn4j.validation.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.pinn4j.core.Version;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.DerivedQuantity;
import org.pinn4j.problems.EvaluationGrid;
import org.pinn4j.validation.metrics.ErrorSummary;

/** The Markdown report of one run (report.md). */
public final class RunReport {
    private RunReport() {}

    /**
     * The report: problem, equation, recipe, seed, threads, time, errors next to the published figure,
     * derived quantities, the problem's walkthrough, identified coefficients, files and charts.
     *
     * @param quantities the derived quantities the run measured ({@link BenchmarkProblem#derivedQuantities(
     *     org.pinn4j.problems.ProblemContext)})
     * @param charts chart file names in the run directory (PNG/SVG)
     * @param notes  extra remarks (e.g. a chart hook that failed)
     */
    public static String markdown(
            BenchmarkProblem p,
            List<DerivedQuantity> quantities,
            RunResult r,
            List<String> charts,
            List<String> notes) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.problem()).append("\n\n");
        sb.append("Equation: `").append(p.equation()).append("`\n\n");
        Recipe recipe = r.recipe();
        sb.append("| setting | value |\n|---|---|\n");
        row(sb, "reference solution", p.referenceKind());
        row(sb, "recipe", r.recipeName() + (r.quick() ? " (reduced budget)" : ""));
        row(sb, "network", recipe.network().toString());
        row(sb, "phases", recipe.phases().stream().map(Object::toString).collect(Collectors.joining(", then ")));
        String perStep = pointsPerStep(recipe, r.model().problem());
        if (!perStep.isEmpty()) {
            row(sb, "points per step", perStep);
        }
        row(sb, "sampler", recipe.sampler());
        row(sb, "seed", Long.toString(r.seed()));
        row(sb, "threads", Integer.toString(r.threads()));
        if (r.noise() > 0) {
            row(sb, "data noise", Numbers.general(r.noise()));
        }
        row(sb, "steps run", Integer.toString(r.steps()));
        row(sb, "training time", Numbers.fixed(r.seconds(), 1) + " s");
        for (double target : new double[] {1e-2, 1e-3}) {
            r.timeToRelL2(target)
                    .ifPresent(t -> row(
                            sb,
                            "time to rel L2 <= " + Numbers.compact(target),
                            Numbers.fixed(t.seconds(), 1) + " s (step " + t.step() + ")"));
        }
        row(sb, "outcome", r.training().status() + ": " + r.training().message());
        row(sb, "pinn4j", Version.get());
        sb.append('\n');

        if (!r.ok()) {
            sb.append("**Training diverged.** ")
                    .append(r.training().message())
                    .append(". The model file holds the last good parameters.\n\n");
        }

        sb.append("## Errors on the evaluation grid\n\n");
        if (r.measured()) {
            List<String> outputs = r.model().problem().outputs();
            List<String> measured = r.evaluation().outputs();
            sb.append(r.errors().count())
                    .append(
                            measured.equals(outputs)
                                    ? " values (all outputs stacked)"
                                    : " values (outputs " + String.join(", ", measured) + " stacked; "
                                            + String.join(
                                                    ", ",
                                                    outputs.stream()
                                                            .filter(o -> !measured.contains(o))
                                                            .toList())
                                            + " not measured)")
                    .append(" on a grid that is not the training points.\n\n");
            sb.append("| metric | pinn4j | published |\n|---|---|---|\n");
            sb.append("| relative L2 | ")
                    .append(Numbers.sci(r.relL2()))
                    .append(" | ")
                    .append(esc(r.publishedFigure()))
                    .append(" |\n");
            sb.append("| max abs error | ")
                    .append(Numbers.sci(r.errors().maxAbs()))
                    .append(" | - |\n");
            sb.append("| RMSE | ").append(Numbers.sci(r.errors().rmse())).append(" | - |\n\n");
            if (r.publishedRelL2().isPresent()) {
                sb.append("Compared with the published relative L2 error ")
                        .append(Numbers.compact(r.publishedRelL2().getAsDouble()))
                        .append(": **")
                        .append(r.verdict())
                        .append("**.\n\n");
            } else {
                sb.append("No published relative L2 error to compare with.\n\n");
            }
        } else {
            sb.append("Errors not measured (NaN): ").append(r.errorNote()).append(".\n\n");
        }

        if (!r.derived().isEmpty()) {
            sb.append("## Derived quantities\n\n")
                    .append(
                            "From the network's outputs or their derivatives, against exact, reference or published values, each on its own grid.\n\n")
                    .append("| quantity | measured on | relative L2 | max abs error | RMSE |\n|---|---|---|---|---|\n");
            for (DerivedQuantity q : quantities) {
                ErrorSummary e = r.derived().get(q.name());
                if (e == null) {
                    continue;
                }
                sb.append("| ")
                        .append(esc(q.description()))
                        .append(" | ")
                        .append(esc(describe(q.grid(), r.model().problem().inputs())))
                        .append(" | ")
                        .append(Numbers.sci(e.relativeL2()))
                        .append(" | ")
                        .append(Numbers.sci(e.maxAbs()))
                        .append(" | ")
                        .append(Numbers.sci(e.rmse()))
                        .append(" |\n");
            }
            sb.append('\n');
        }

        if (!r.walkthrough().isBlank()) {
            sb.append("## Walkthrough\n\n```\n").append(r.walkthrough().strip()).append("\n```\n\n");
        }

        if (!r.coefficients().isEmpty()) {
            sb.append(
                    "## Identified coefficients\n\n| coefficient | identified | true | error % |\n|---|---|---|---|\n");
            r.coefficients().forEach((name, v) -> {
                Double t = r.trueCoefficients().get(name);
                sb.append("| ")
                        .append(name)
                        .append(" | ")
                        .append(Numbers.precise(v))
                        .append(" | ")
                        .append(t == null ? "-" : Numbers.precise(t))
                        .append(" | ")
                        .append(t == null ? "-" : Numbers.percent(r.coefficientErrorPercent(name)))
                        .append(" |\n");
            });
            sb.append('\n');
        }

        sb.append("## Files\n\n");
        sb.append("- [")
                .append(Runner.MODEL_FILE)
                .append("](")
                .append(Runner.MODEL_FILE)
                .append("): trained model (`pinn predict --model`)\n");
        sb.append("- [")
                .append(Runner.HISTORY_FILE)
                .append("](")
                .append(Runner.HISTORY_FILE)
                .append("): loss history per step\n\n");

        sb.append("## Charts\n\n");
        if (charts.isEmpty()) {
            sb.append("No charts in this directory.\n");
        } else {
            List<String> ordered = ordered(charts);
            for (String c : ordered) {
                if (c.endsWith(".png")) {
                    String svg = c.substring(0, c.length() - 4) + ".svg";
                    sb.append("![").append(c).append("](").append(c).append(")\n");
                    sb.append(ordered.contains(svg) ? "\n[" + svg + "](" + svg + ")\n\n" : "\n");
                }
            }
            for (String c : ordered) {
                if (!c.endsWith(".png") && !ordered.contains(c.substring(0, c.length() - 4) + ".png")) {
                    sb.append("- [").append(c).append("](").append(c).append(")\n");
                }
            }
        }
        for (String n : notes) {
            sb.append('\n').append(n).append('\n');
        }
        return sb.toString();
    }

    /** Chart names in the order of the chart writer's file names, others alphabetically after them. */
    private static final List<String> CHART_ORDER =
            List.of("prediction", "reference", "error", "slice_", "loss", "coefficients", "residual_hist");

    /**
     * Chart files in reading order: prediction, reference, error (each output's in turn), slices, loss,
     * coefficients, residual histogram, then any other file by name.
     */
    static List<String> ordered(List<String> files) {
        return files.stream()
                .sorted(Comparator.comparingInt(RunReport::rank).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static int rank(String file) {
        for (int i = 0; i < CHART_ORDER.size(); i++) {
            if (file.startsWith(CHART_ORDER.get(i))) {
                return i;
            }
        }
        return CHART_ORDER.size();
    }

    /** True if the PNG at {@code png} is more than twice as wide as high (panels side by side); false if unreadable. */
    static boolean isWide(Path png) {
        try (InputStream in = Files.newInputStream(png)) {
            byte[] head = in.readNBytes(24);
            if (head.length < 24 || head[1] != 'P' || head[2] != 'N' || head[3] != 'G') {
                return false;
            }
            // IHDR: width and height as big-endian ints at bytes 16 and 20
            long w = ((head[16] & 0xffL) << 24)
                    | ((head[17] & 0xff) << 16)
                    | ((head[18] & 0xff) << 8)
                    | (head[19] & 0xff);
            long h = ((head[20] & 0xffL) << 24)
                    | ((head[21] & 0xff) << 16)
                    | ((head[22] & 0xff) << 8)
                    | (head[23] & 0xff);
            return w > 2 * h;
        } catch (IOException e) {
            return false;
        }
    }

    /** "S in [50, 150] (101 values) x t in {0, 0.5}": each axis as a range, or its values when there are few. */
    /**
     * For each phase of epochs, the points of each pointwise condition a step uses out of its total, e.g. "phase 1:
     * pde 100 of 1000, data 10 of 100"; empty when every phase is full-batch.
     */
    static String pointsPerStep(Recipe recipe, org.pinn4j.core.problem.Problem problem) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (org.pinn4j.core.problem.Condition c : problem.conditions()) {
            if (c.kind() == org.pinn4j.core.problem.Condition.Kind.POINTWISE) {
                counts.put(
                        c.name(),
                        c.region().fixed()
                                ? c.region()
                                        .sample(problem.domain(), c.points(), null)
                                        .size()
                                : c.points());
            }
        }
        List<String> parts = new java.util.ArrayList<>();
        List<org.pinn4j.core.train.Phase> phases = recipe.phases();
        for (int k = 0; k < phases.size(); k++) {
            if (phases.get(k).mode() != org.pinn4j.core.train.Phase.Mode.EPOCHS) {
                continue;
            }
            java.util.Map<String, Integer> used = phases.get(k).pointsPerStep(counts);
            parts.add("phase " + (k + 1) + ": "
                    + used.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue() + " of " + counts.get(e.getKey()))
                            .collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }

    static String describe(EvaluationGrid g, List<String> inputs) {
        StringBuilder sb = new StringBuilder();
        double[][] axes = g.axes();
        for (int i = 0; i < axes.length; i++) {
            String name = i < inputs.size() ? inputs.get(i) : "x" + i;
            double[] a = axes[i];
            if (i > 0) {
                sb.append(" x ");
            }
            sb.append(name).append(" in ");
            if (a.length <= 5) {
                sb.append('{');
                for (int k = 0; k < a.length; k++) {
                    sb.append(k > 0 ? ", " : "").append(plain(a[k]));
                }
                sb.append('}');
            } else {
                sb.append('[')
                        .append(plain(a[0]))
                        .append(", ")
                        .append(plain(a[a.length - 1]))
                        .append("] (")
                        .append(a.length)
                        .append(" values)");
            }
        }
        return sb.toString();
    }

    /** Shortest form of a grid coordinate: "50", "0.5", "1.0e-04". */
    private static String plain(double x) {
        String g = Numbers.general(x);
        if (g.contains("e")) {
            return Numbers.compact(x);
        }
        return g.contains(".") ? g.replaceAll("0+$", "").replaceAll("\\.$", "") : g;
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("| ").append(k).append(" | ").append(esc(v)).append(" |\n");
    }

    /** Escapes the table separator. */
    static String esc(String s) {
        return s.replace("|", "\\|");
    }
}
