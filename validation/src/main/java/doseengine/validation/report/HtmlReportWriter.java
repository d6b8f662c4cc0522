package doseengine.validation.report;

import doseengine.geometry.BadInputException;
import doseengine.validation.compare.BackendAgreement;
import doseengine.validation.compare.ComparisonPoint;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: a summary table, then one section per benchmark (set-up, runs, plots, deviation tables with
 * the tolerance beside each value, verdict), then the energy balance and the Java-versus-OpenCL agreement when
 * given. Self-contained apart from the PNGs beside it.
 */
public final class HtmlReportWriter {
    private static final String STYLE = "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:2px 8px;"
            + "text-align:right;font-size:90%}th{background:#f3f3f3}td.l,th.l{text-align:left}"
            + ".PASS{color:#fff;background:#2a7d2a}.FAIL{color:#fff;background:#c0392b}"
            + ".INFORMATIONAL{color:#222;background:#ddd}span.v{padding:1px 6px;border-radius:3px;font-weight:bold}"
            + "img{max-width:100%;border:1px solid #eee}.note{color:#a05a00}";

    private HtmlReportWriter() {
    }

    public static void write(ValidationReport report, Path file) {
        try {
            Files.writeString(file, html(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    public static String html(ValidationReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(r.title()))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n");
        // The verdict names what it judged: a bare PASS would also be printed when nothing but the energy balance was.
        b.append("<h1>").append(esc(r.title())).append("</h1>\n<p class=\"verdict\"><b>Verdict:</b> ")
                .append(esc(r.verdictLine())).append("</p>\n");
        b.append("<p>doseengine ").append(esc(r.version())).append(", ").append(esc(r.created().toString()))
                .append("<br>").append(esc(r.settings())).append("</p>\n");
        summary(b, r);
        for (ReportSection s : r.sections()) {
            section(b, s);
        }
        r.energyBalance().ifPresent(e -> {
            b.append("<h2 id=\"energy-balance\">Energy balance ").append(badge(e.verdict())).append("</h2>\n");
            comparisonTable(b, e, false);
        });
        if (!r.backendAgreement().isEmpty()) {
            b.append("<h2 id=\"backend-agreement\">Java versus OpenCL</h2>\n<p>").append(esc(BackendAgreement.RULE))
                    .append("</p>\n<table><tr><th class=\"l\">problem</th><th>bins</th><th>mean z&sup2;</th>"
                            + "<th>max |z|</th><th class=\"l\">at</th><th>|z| &gt; 3</th><th>verdict</th></tr>\n");
            for (BackendAgreement a : r.backendAgreement()) {
                b.append("<tr><td class=\"l\">").append(esc(a.benchmark())).append("</td><td>").append(a.bins())
                        .append("</td><td>").append(num(a.chi2PerBin())).append("</td><td>").append(num(a.maxAbsZ()))
                        .append("</td><td class=\"l\">").append(esc(a.worstBin())).append("</td><td>")
                        .append(pct(a.fractionBeyond3())).append("</td><td>").append(badge(a.verdict()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, ValidationReport r) {
        b.append("<h2>Summary</h2>\n<table><tr><th class=\"l\">benchmark</th><th class=\"l\">quantity</th>"
                + "<th class=\"l\">reference</th><th>judged</th><th>failed</th><th>worst |deviation|</th>"
                + "<th class=\"l\">tolerance</th><th>verdict</th></tr>\n");
        for (ReportSection s : r.sections()) {
            if (s.comparisons().isEmpty()) {
                b.append("<tr><td class=\"l\"><a href=\"#").append(esc(s.id())).append("\">").append(esc(s.title()))
                        .append("</a></td><td class=\"l\" colspan=\"6\">no reference</td><td>")
                        .append(badge(s.verdict())).append("</td></tr>\n");
            }
            for (ComparisonResult c : s.comparisons()) {
                b.append("<tr><td class=\"l\"><a href=\"#").append(esc(s.id())).append("\">").append(esc(s.title()))
                        .append("</a></td><td class=\"l\">").append(esc(c.quantity())).append("</td><td class=\"l\">")
                        .append(esc(c.reference())).append("</td><td>").append(c.judgedCount()).append("</td><td>")
                        .append(c.failedCount()).append("</td><td>").append(pct(c.worstJudgedDeviation()))
                        .append("</td><td class=\"l\">").append(esc(c.toleranceRule())).append("</td><td>")
                        .append(badge(c.verdict())).append("</td></tr>\n");
            }
        }
        b.append("</table>\n");
    }

    private static void section(StringBuilder b, ReportSection s) {
        b.append("<h2 id=\"").append(esc(s.id())).append("\">").append(esc(s.title())).append(' ')
                .append(badge(s.verdict())).append("</h2>\n<p>").append(esc(s.setup())).append("</p>\n");
        for (String note : s.notes()) {
            b.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
        if (!s.runs().isEmpty()) {
            b.append("<table><tr><th class=\"l\">run</th><th class=\"l\">version</th><th class=\"l\">backend</th>"
                    + "<th class=\"l\">device</th><th>seed</th><th>decays</th><th>batches</th><th>seconds</th></tr>\n");
            for (RunInfo run : s.runs()) {
                b.append("<tr><td class=\"l\">").append(esc(run.label())).append("</td><td class=\"l\">")
                        .append(esc(run.version())).append("</td><td class=\"l\">").append(esc(run.backend()))
                        .append("</td><td class=\"l\">").append(esc(run.device())).append("</td><td>").append(run.seed())
                        .append("</td><td>").append(run.decays()).append("</td><td>").append(run.batches())
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", run.seconds()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!s.figures().isEmpty()) {
            b.append("<table>");
            for (Map.Entry<String, Object> f : s.figures().entrySet()) {
                Object v = f.getValue();
                b.append("<tr><th class=\"l\">").append(esc(f.getKey())).append("</th><td>")
                        .append(v instanceof Number n ? num(n.doubleValue()) : esc(String.valueOf(v)))
                        .append("</td></tr>");
            }
            b.append("</table>\n");
        }
        for (String plot : s.plots()) {
            b.append("<p><img src=\"").append(esc(plot)).append("\" alt=\"").append(esc(s.title())).append("\"></p>\n");
        }
        for (ComparisonResult c : s.comparisons()) {
            b.append("<h3>").append(esc(c.quantity())).append(" vs ").append(esc(c.reference())).append(' ')
                    .append(badge(c.verdict())).append("</h3>\n<p>Deviation: ").append(esc(c.deviationRule()))
                    .append(". Tolerance: ").append(esc(c.toleranceRule())).append(".</p>\n");
            comparisonTable(b, c, c.points().size() > 40);
        }
    }

    /** The judged points in the open; with {@code foldUnjudged}, the others behind a details element. */
    private static void comparisonTable(StringBuilder b, ComparisonResult c, boolean foldUnjudged) {
        List<ComparisonPoint> judged = c.points().stream().filter(p -> !foldUnjudged || p.judged()).toList();
        List<ComparisonPoint> rest = c.points().stream().filter(p -> foldUnjudged && !p.judged()).toList();
        rows(b, c, judged);
        if (!rest.isEmpty()) {
            b.append("<details><summary>").append(rest.size()).append(" values shown, not judged</summary>\n");
            rows(b, c, rest);
            b.append("</details>\n");
        }
    }

    private static void rows(StringBuilder b, ComparisonResult c, List<ComparisonPoint> points) {
        String unit = "1".equals(c.unit()) ? "" : " (" + esc(c.unit()) + ")";
        b.append("<table><tr><th class=\"l\">point</th><th>engine").append(unit).append("</th><th>&plusmn; 1 s.e.</th>"
                + "<th>reference").append(unit).append("</th><th>deviation</th><th>tolerance</th><th>verdict</th></tr>\n");
        for (ComparisonPoint p : points) {
            b.append("<tr><td class=\"l\">").append(esc(p.label())).append("</td><td>").append(num(p.engine()))
                    .append("</td><td>").append(num(p.engineSigma())).append("</td><td>").append(num(p.reference()))
                    .append("</td><td>").append(pct(p.deviation())).append("</td><td>")
                    .append(p.judged() ? "&plusmn;" + pct(p.tolerance()) : "&ndash;").append("</td><td>")
                    .append(badge(p.verdict())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String badge(Verdict v) {
        return "<span class=\"v " + v.name() + "\">" + v.name() + "</span>";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "&ndash;";
    }

    private static String pct(double v) {
        if (!Double.isFinite(v)) {
            return "&ndash;";
        }
        return Math.abs(v) < 1e-4 && v != 0 ? String.format(Locale.ROOT, "%.2e %%", 100 * v)
                : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
