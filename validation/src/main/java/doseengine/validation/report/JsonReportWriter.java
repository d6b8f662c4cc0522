package doseengine.validation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.validation.compare.BackendAgreement;
import doseengine.validation.compare.ComparisonPoint;
import doseengine.validation.compare.ComparisonResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code report.json}: every number of the report. Non-finite numbers (an untested tolerance, a deviation against a
 * zero reference) are written as null.
 */
public final class JsonReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {
    }

    public static void write(ValidationReport report, Path file) {
        try {
            JSON.writeValue(file.toFile(), toJson(report));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    public static ObjectNode toJson(ValidationReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", report.title());
        root.put("version", report.version());
        root.put("created", report.created().toString());
        root.put("settings", report.settings());
        root.put("verdict", report.verdict().name());
        root.put("verdict_summary", report.verdictLine());
        ArrayNode sections = root.putArray("sections");
        for (ReportSection s : report.sections()) {
            ObjectNode n = sections.addObject();
            n.put("id", s.id());
            n.put("kind", s.kind());
            n.put("title", s.title());
            n.put("setup", s.setup());
            n.put("verdict", s.verdict().name());
            n.put("judgement", s.judgement());
            ArrayNode runs = n.putArray("runs");
            for (RunInfo r : s.runs()) {
                ObjectNode rn = runs.addObject();
                rn.put("label", r.label());
                rn.put("version", r.version());
                rn.put("backend", r.backend());
                rn.put("device", r.device());
                rn.put("seed", r.seed());
                rn.put("decays", r.decays());
                rn.put("batches", r.batches());
                rn.put("seconds", r.seconds());
            }
            ObjectNode figures = n.putObject("figures");
            for (Map.Entry<String, Object> f : s.figures().entrySet()) {
                Object v = f.getValue();
                if (v instanceof Number num) {
                    number(figures, f.getKey(), num.doubleValue());
                } else if (v == null) {
                    figures.putNull(f.getKey());
                } else {
                    figures.put(f.getKey(), v.toString());
                }
            }
            s.plots().forEach(n.putArray("plots")::add);
            s.notes().forEach(n.putArray("notes")::add);
            ArrayNode comparisons = n.putArray("comparisons");
            s.comparisons().forEach(c -> comparisons.add(comparison(c)));
        }
        report.energyBalance().ifPresent(e -> root.set("energy_balance", comparison(e)));
        ArrayNode agreement = root.putArray("backend_agreement");
        for (BackendAgreement a : report.backendAgreement()) {
            ObjectNode n = agreement.addObject();
            n.put("benchmark", a.benchmark());
            n.put("bins", a.bins());
            number(n, "mean_z2", a.chi2PerBin());
            number(n, "max_abs_z", a.maxAbsZ());
            n.put("worst_bin", a.worstBin());
            number(n, "fraction_beyond_3", a.fractionBeyond3());
            n.put("beyond_3", a.beyond3());
            n.put("allowed_beyond_3", a.allowedBeyond3());
            n.put("degrees_of_freedom", a.degreesOfFreedom());
            n.put("rule", BackendAgreement.RULE);
            n.put("verdict", a.verdict().name());
        }
        return root;
    }

    static ObjectNode comparison(ComparisonResult c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("benchmark", c.benchmark());
        n.put("quantity", c.quantity());
        n.put("unit", c.unit());
        n.put("reference", c.reference());
        n.put("deviation_rule", c.deviationRule());
        n.put("tolerance_rule", c.toleranceRule());
        n.put("verdict", c.verdict().name());
        n.put("judged", c.judgedCount());
        n.put("failed", c.failedCount());
        number(n, "worst_judged_deviation", c.worstJudgedDeviation());
        ArrayNode points = n.putArray("points");
        for (ComparisonPoint p : c.points()) {
            ObjectNode pn = points.addObject();
            pn.put("label", p.label());
            number(pn, "x", p.x());
            number(pn, "engine", p.engine());
            number(pn, "engine_sigma", p.engineSigma());
            number(pn, "reference", p.reference());
            number(pn, "deviation", p.deviation());
            number(pn, "tolerance", p.tolerance());
            pn.put("verdict", p.verdict().name());
        }
        return n;
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }
}
