package doseengine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.dosimetry.radiobiology.Limit;
import doseengine.dosimetry.radiobiology.NextCycle;
import doseengine.dosimetry.treatment.AggregateCheck;
import doseengine.dosimetry.treatment.CumulativeDose;
import doseengine.dosimetry.treatment.LimitCheck;
import doseengine.dosimetry.treatment.StructureCycle;
import doseengine.geometry.BadInputException;
import doseengine.study.CycleDose;
import doseengine.study.KidneyBedMap;
import doseengine.study.StructureDose;
import doseengine.study.StructureTia;
import doseengine.study.Study;
import doseengine.study.StudySummary;
import doseengine.study.VoxelCounts;
import doseengine.study.VoxelTiaMap;
import doseengine.tally.RegionDose;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The study command's summary files: {@code study.json} (every number, units in the key names, null where a value
 * does not exist) and {@code report.html} (the tables, linking each cycle's run report).
 */
public final class StudyReport {
    public static final String JSON = "study.json";
    public static final String HTML = "report.html";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StudyReport() {}

    /** Writes {@link #JSON} and {@link #HTML} into {@code dir}. */
    public static void write(Path dir, Study study, StudySummary s, Path limitsFile, Path tissuesFile) {
        write(dir, study, s, limitsFile, tissuesFile, StudyImages.none());
    }

    /** As {@link #write(Path, Study, StudySummary, Path, Path)}, linking and reporting {@code images}. */
    public static void write(Path dir, Study study, StudySummary s, Path limitsFile, Path tissuesFile,
            StudyImages images) {
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(JSON).toFile(),
                    json(study, s, limitsFile, tissuesFile, images));
            Files.writeString(dir.resolve(HTML), html(study, s, images), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the study report: " + e.getMessage(), e);
        }
    }

    static ObjectNode json(Study study, StudySummary s, Path limitsFile, Path tissuesFile) {
        return json(study, s, limitsFile, tissuesFile, StudyImages.none());
    }

    static ObjectNode json(Study study, StudySummary s, Path limitsFile, Path tissuesFile, StudyImages images) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("study", study.source().toString());
        root.put("nuclide", study.nuclide().name());
        root.put("method", study.method().label());
        root.put("limits", limitsFile == null ? "default table" : limitsFile.toString());
        root.put("tissues", tissuesFile == null ? "default table" : tissuesFile.toString());
        root.put("effective_half_lives", study.halfLivesFile() == null ? "default table (empty)"
                : study.halfLivesFile().toString());
        root.put("single_time_point", study.singleTimePoint().label());
        ArrayNode cycles = root.putArray("cycles");
        for (CycleDose c : s.cycles()) {
            ObjectNode o = cycles.addObject();
            o.put("name", c.name());
            o.put("administered_MBq", c.administeredMBq());
            o.put("method", c.tia().method().label());
            o.put("reference_time_point", c.tia().reference().field());
            o.put("reference_hours", c.tia().reference().hoursAfterInjection());
            o.put("decays", c.decays());
            o.put("folder", c.name() + "/");
            if (c.comparison() == null) {
                o.putNull("comparison");
            } else {
                o.put("comparison", c.comparison());
            }
            StudyImagesJson.cycle(o, c.name(), images);
            KidneyBedMap bed = images.kidneyBed().get(c.name());
            ArrayNode rows = o.putArray("structures");
            for (StructureDose d : c.structures()) {
                ObjectNode row = rows.addObject();
                structure(row, d);
                StudyImagesJson.voxelBed(row, bed, d.tia().name());
                voxelCounts(row, c, d.tia().name());
            }
            StructureTia rest = c.tia().rest();
            ObjectNode r = o.putObject("rest_of_body");
            r.put("fit_model", rest.model());
            r.put("fit_reason", rest.reason());
            singleTimePoint(r, rest);
            r.put("tia_MBq_h", rest.tiaMBqH());
            putOrNull(r, "tia_rel_unc", rest.tiaMBqH() > 0 ? rest.tiaSigmaMBqH() / rest.tiaMBqH() : null);
            voxelCounts(r, c, StructureTia.REST);
        }
        ArrayNode cumulative = root.putArray("cumulative");
        for (CumulativeDose c : s.cumulative()) {
            ObjectNode o = cumulative.addObject();
            o.put("name", c.name());
            o.put("kind", c.kind().key());
            o.put("mean_Gy", c.doseGy());
            o.put("sigma_Gy", c.doseSigmaGy());
            putOrNull(o, "bed_Gy", c.bedGy());
            putOrNull(o, "bed_sigma_Gy", c.bedSigmaGy());
            LimitCheck binding = binding(c);
            if (binding == null) {
                o.putNull("limit");
                o.putNull("status");
            } else {
                o.put("limit", limitText(binding.limit()));
                o.put("status", binding.status().word());
            }
            ArrayNode checks = o.putArray("checks");
            for (LimitCheck k : c.checks()) {
                ObjectNode ko = checks.addObject();
                ko.put("quantity", k.limit().quantity().key());
                ko.put("bound", k.limit().bound().name().toLowerCase(Locale.ROOT));
                ko.put("limit_Gy", k.limit().valueGy());
                ko.put("condition", k.limit().condition());
                ko.put("source", k.limit().source());
                ko.put("over", k.limit().over().key());
                putCycleOrNull(ko, k.limit());
                ko.put("value_Gy", k.valueGy());
                ko.put("sigma_Gy", k.sigmaGy());
                ko.put("status", k.status().word());
            }
            StudyImagesJson.voxelBed(o, images.cumulativeBed(), c.name());
            o.put("note", c.bedNote());
        }
        ArrayNode thresholds = root.putArray("lesion_thresholds");
        for (AggregateCheck a : s.thresholds()) {
            ObjectNode o = thresholds.addObject();
            Limit l = a.limit();
            o.put("structure", l.structure());
            o.put("quantity", l.quantity().key());
            o.put("bound", l.bound().name().toLowerCase(Locale.ROOT));
            o.put("limit_Gy", l.valueGy());
            o.put("over", l.over().key());
            putCycleOrNull(o, l);
            o.put("condition", l.condition());
            o.put("source", l.source());
            ArrayNode names = o.putArray("structures");
            a.structures().forEach(names::add);
            putOrNull(o, "value_Gy", a.valueGy());
            putOrNull(o, "sigma_Gy", a.sigmaGy());
            putTextOrNull(o, "status", a.status() == null ? null : a.status().word());
            putTextOrNull(o, "minimum_by", a.minimumBy());
            putTextOrNull(o, "status_by", a.statusBy());
            o.put("note", a.note());
        }
        StudyImagesJson.cumulative(root, images);
        ObjectNode next = root.putObject("next_cycle");
        if (s.nextCycle().isPresent()) {
            NextCycle n = s.nextCycle().get();
            next.put("max_activity_MBq", n.maxActivityMBq());
            next.put("limited_by", n.limitedBy());
            next.put("summary", n.summary());
        } else {
            next.putNull("max_activity_MBq");
            next.putNull("limited_by");
            next.put("summary", "no organ at risk with a usable limit");
        }
        ArrayNode notes = root.putArray("notes");
        s.notes().forEach(notes::add);
        images.notes().forEach(notes::add);
        return root;
    }

    /**
     * {@code voxel_fits}: for the voxel method, how the structure's voxels got their TIA (null for the organ
     * method).
     */
    private static void voxelCounts(ObjectNode o, CycleDose c, String name) {
        VoxelCounts v = c.tia().voxelCounts().get(name);
        if (v == null) {
            o.putNull("voxel_fits");
            return;
        }
        ObjectNode n = o.putObject("voxel_fits");
        n.put("voxels", v.voxels());
        n.put("fitted", v.fitted());
        n.put("mono_exponential", v.count(VoxelTiaMap.Path.MONO));
        n.put("bi_exponential", v.count(VoxelTiaMap.Path.BI));
        n.put("from_structure", v.fromStructure());
        n.put("too_few_points", v.count(VoxelTiaMap.Path.TOO_FEW_POINTS));
        n.put("no_exponential_fit", v.count(VoxelTiaMap.Path.NO_EXPONENTIAL_FIT));
        n.put("too_uncertain", v.count(VoxelTiaMap.Path.TOO_UNCERTAIN));
        n.put("no_activity", v.count(VoxelTiaMap.Path.NO_ACTIVITY));
    }

    /**
     * How the TIA was obtained ({@code tia_method}: fit, haenscheid, population) and, for the population method, the
     * table's half-life, its relative spread (null where the table gives none), the entry it matched and its source.
     */
    private static void singleTimePoint(ObjectNode o, StructureTia t) {
        o.put("tia_method", t.tiaMethod());
        if (t.halfLife() == null) {
            o.putNull("effective_half_life_h");
            o.putNull("effective_half_life_rel_sigma");
            o.putNull("effective_half_life_entry");
            o.putNull("effective_half_life_source");
            return;
        }
        o.put("effective_half_life_h", t.halfLife().halfLifeHours());
        putOrNull(o, "effective_half_life_rel_sigma", t.halfLife().relSigma());
        o.put("effective_half_life_entry", t.halfLife().structure() + " (" + t.halfLife().nuclide() + ") in "
                + t.halfLife().table());
        o.put("effective_half_life_source", t.halfLife().source());
    }

    private static void structure(ObjectNode o, StructureDose d) {
        StructureTia t = d.tia();
        StructureCycle c = d.cycle();
        RegionDose r = d.region();
        o.put("name", t.name());
        o.put("fit_model", t.model());
        o.put("fit_reason", t.reason());
        singleTimePoint(o, t);
        o.put("tia_MBq_h", t.tiaMBqH());
        o.put("tia_sigma_MBq_h", t.tiaSigmaMBqH());
        putOrNull(o, "tia_rel_unc", d.tiaRelUnc());
        putOrNull(o, "mean_Gy", d.meanGy());
        putOrNull(o, "mc_rel_unc", r == null ? null : r.relativeUncertainty());
        putOrNull(o, "rel_unc", d.relUnc());
        putOrNull(o, "Gy_per_GBq", c == null ? null : c.gyPerGBq());
        putOrNull(o, "bed_Gy", c == null ? null : c.bedGy());
        putOrNull(o, "bed_sigma_Gy", c == null ? null : c.bedSigmaGy());
        putOrNull(o, "eqd2_Gy", c == null ? null : c.eqd2Gy());
        putOrNull(o, "mass_g", r == null ? null : r.massG());
        putOrNull(o, "D98_Gy", r == null ? null : r.d98Gy());
        putOrNull(o, "D50_Gy", r == null ? null : r.d50Gy());
        putOrNull(o, "D2_Gy", r == null ? null : r.d2Gy());
        o.put("note", d.note());
    }

    private static void putCycleOrNull(ObjectNode o, Limit l) {
        if (l.afterCycle() == null) {
            o.putNull("after_cycle");
        } else {
            o.put("after_cycle", l.afterCycle().intValue());
        }
    }

    private static void putTextOrNull(ObjectNode o, String key, String v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    /** One line for an aggregated threshold: "min over lesions after cycle 1: 30 +- 1.5 Gy (lesion_1), below". */
    static String aggregateText(AggregateCheck a) {
        Limit l = a.limit();
        String what = String.format(Locale.ROOT, "%s over %s%s", l.over().key(), l.structure(),
                l.cumulative() ? "" : " after cycle " + l.afterCycle());
        if (a.valueGy() == null) {
            return what + ": not checked, " + a.note();
        }
        String by = a.minimumBy() == null ? "" : " (" + a.minimumBy()
                + (a.statusBy().equals(a.minimumBy()) ? "" : "; status set by " + a.statusBy()) + ")";
        return String.format(Locale.ROOT, "%s: %s +- %s Gy%s, %s %s", what, num(a.valueGy()), num(a.sigmaGy()), by,
                a.status().word(), limitText(l));
    }

    private static void putOrNull(ObjectNode o, String key, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    /**
     * The check the structure is reported against: of the maxima, the one with the largest value over limit (the
     * nearest to being exceeded); without maxima, the first threshold; null without any.
     */
    static LimitCheck binding(CumulativeDose c) {
        LimitCheck best = null;
        for (LimitCheck k : c.checks()) {
            if (k.limit().bound() == Limit.Bound.MAXIMUM && (best == null
                    || k.valueGy() / k.limit().valueGy() > best.valueGy() / best.limit().valueGy())) {
                best = k;
            }
        }
        return best != null || c.checks().isEmpty() ? best : c.checks().get(0);
    }

    static String limitText(Limit l) {
        String q = l.quantity() == Limit.Quantity.BED ? "BED" : "dose";
        String b = l.bound() == Limit.Bound.MAXIMUM ? "max" : "min";
        return String.format(Locale.ROOT, "%s %s %.4g Gy%s", q, b, l.valueGy(),
                l.condition().isEmpty() ? "" : " (" + l.condition() + ")");
    }

    /** The per-cycle and cumulative tables as text, for standard output. */
    public static String text(StudySummary s) {
        StringBuilder b = new StringBuilder();
        for (CycleDose c : s.cycles()) {
            b.append(String.format(Locale.ROOT, "%s, %s MBq administered, %,d decays%n", c.name(),
                    num(c.administeredMBq()), c.decays()));
            b.append(String.format(Locale.ROOT, "  %-24s %-18s %12s %8s %10s %8s %10s%n", "structure", "fit",
                    "TIA_MBq_h", "tia_unc", "mean_Gy", "rel_unc", "BED_Gy"));
            for (StructureDose d : c.structures()) {
                b.append(String.format(Locale.ROOT, "  %-24s %-18s %12.5g %8s %10s %8s %10s%n", d.tia().name(),
                        d.tia().model(), d.tia().tiaMBqH(), pct(d.tiaRelUnc()), num(d.meanGy()), pct(d.relUnc()),
                        d.cycle() == null ? "-" : num(d.cycle().bedGy())));
            }
        }
        b.append("summed over cycles:\n");
        for (CumulativeDose c : s.cumulative()) {
            LimitCheck k = binding(c);
            b.append(String.format(Locale.ROOT, "  %-24s %10s Gy, BED %10s Gy%s%n", c.name(), num(c.doseGy()),
                    num(c.bedGy()), k == null ? "" : ", " + k.status().word() + " " + limitText(k.limit())));
        }
        for (AggregateCheck a : s.thresholds()) {
            b.append("  ").append(aggregateText(a)).append('\n');
        }
        b.append("next cycle: ").append(s.nextCycle().map(NextCycle::summary)
                .orElse("no organ at risk with a usable limit")).append('\n');
        return b.toString();
    }

    static String html(Study study, StudySummary s) {
        return html(study, s, StudyImages.none());
    }

    static String html(Study study, StudySummary s, StudyImages images) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Study report</title>\n<style>"
                + "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}"
                + "td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}td:first-child,th:first-child,"
                + "td.t{text-align:left}</style></head><body>\n");
        h.append("<h1>Study report</h1>\n<p>").append(HtmlReport.esc(study.source().toString())).append(", ")
                .append(HtmlReport.esc(study.nuclide().name())).append(", method ").append(study.method().label())
                .append(". Dose: mean absorbed dose of one Monte Carlo run per cycle; uncertainties are standard "
                        + "uncertainties combining the Monte Carlo and the TIA fit.</p>\n");
        for (CycleDose c : s.cycles()) {
            String name = HtmlReport.esc(c.name());
            h.append("<h2>Cycle ").append(name).append("</h2>\n<p>").append(num(c.administeredMBq()))
                    .append(" MBq administered; method ").append(c.tia().method().label())
                    .append("; reference time point ")
                    .append(num(c.tia().reference().hoursAfterInjection())).append(" h; ")
                    .append(String.format(Locale.ROOT, "%,d", c.decays())).append(" decays. <a href=\"")
                    .append(name).append("/report.html\">Run report of cycle ").append(name).append("</a>. Each fit model links "
                            + "its time-activity curve (measured points with their standard uncertainties, fitted "
                            + "curve, with the fit's band of one standard uncertainty).</p>\n");
            h.append("<table><tr><th>structure</th><th>fit</th><th>TIA (MBq h)</th><th>dose (Gy)</th>"
                    + "<th>Gy/GBq</th><th>BED (Gy)</th><th>EQD2 (Gy)</th><th>note</th></tr>\n");
            for (StructureDose d : c.structures()) {
                StructureCycle sc = d.cycle();
                h.append("<tr><td>").append(HtmlReport.esc(d.tia().name())).append("</td><td class=\"t\" title=\"")
                        .append(HtmlReport.esc(d.tia().reason())).append("\"><a href=\"").append(name).append('/')
                        .append(HtmlReport.esc(TimeActivityPlot.fileName(d.tia().name()))).append("\">")
                        .append(HtmlReport.esc(d.tia().model())).append("</a></td><td>")
                        .append(pm(d.tia().tiaMBqH(), d.tiaRelUnc())).append("</td><td>")
                        .append(d.meanGy() == null ? "-" : pm(d.meanGy(), d.relUnc())).append("</td><td>")
                        .append(sc == null ? "-" : num(sc.gyPerGBq())).append("</td><td>")
                        .append(sc == null || sc.bedGy() == null ? "-" : pm(sc.bedGy(), sc.bedSigmaGy() / sc.bedGy()))
                        .append("</td><td>").append(sc == null ? "-" : num(sc.eqd2Gy())).append("</td><td class=\"t\">")
                        .append(HtmlReport.esc(d.note())).append("</td></tr>\n");
            }
            h.append("</table>\n");
            StudyImagesHtml.cycle(h, c.name(), images);
        }
        h.append("<h2>Summed over cycles</h2>\n<table><tr><th>structure</th><th>dose (Gy)</th><th>BED (Gy)</th>"
                + "<th>limit</th><th>status</th><th>other limits</th></tr>\n");
        for (CumulativeDose c : s.cumulative()) {
            LimitCheck k = binding(c);
            StringBuilder others = new StringBuilder();
            for (LimitCheck o : c.checks()) {
                if (o != k) {
                    others.append(others.length() == 0 ? "" : "; ").append(limitText(o.limit())).append(": ")
                            .append(o.status().word());
                }
            }
            h.append("<tr><td>").append(HtmlReport.esc(c.name())).append("</td><td>")
                    .append(pm(c.doseGy(), c.doseSigmaGy() / c.doseGy())).append("</td><td>")
                    .append(c.bedGy() == null ? "-" : pm(c.bedGy(), c.bedSigmaGy() / c.bedGy()))
                    .append("</td><td class=\"t\">").append(k == null ? "-" : HtmlReport.esc(limitText(k.limit())))
                    .append("</td><td class=\"t\">").append(k == null ? "-" : k.status().word())
                    .append("</td><td class=\"t\">").append(HtmlReport.esc(others.toString())).append("</td></tr>\n");
        }
        h.append("</table>\n<p>Status: near means within two standard uncertainties of the limit. A limit with a "
                + "condition \"after cycle N\" is on the dose summed over cycles 1 to N.</p>\n");
        if (!s.thresholds().isEmpty()) {
            h.append("<h2>Lesion thresholds over the lesions</h2>\n<table><tr><th>threshold</th><th>over</th>"
                    + "<th>value (Gy)</th><th>lesion</th><th>status</th><th>source</th></tr>\n");
            for (AggregateCheck a : s.thresholds()) {
                Limit l = a.limit();
                h.append("<tr><td class=\"t\">").append(HtmlReport.esc(limitText(l))).append("</td><td class=\"t\">")
                        .append(l.over().key()).append(" over ").append(HtmlReport.esc(String.join(", ", a.structures())))
                        .append("</td><td>").append(a.valueGy() == null ? "-"
                                : num(a.valueGy()) + " &plusmn; " + num(a.sigmaGy()))
                        .append("</td><td class=\"t\">").append(a.minimumBy() == null ? "-"
                                : HtmlReport.esc(a.minimumBy() + (a.statusBy().equals(a.minimumBy()) ? ""
                                        : "; status set by " + a.statusBy())))
                        .append("</td><td class=\"t\">").append(a.status() == null ? HtmlReport.esc(a.note())
                                : a.status().word())
                        .append("</td><td class=\"t\">").append(HtmlReport.esc(l.source())).append("</td></tr>\n");
            }
            h.append("</table>\n<p>Minimum: the smallest lesion value with its own uncertainty; below when any lesion"
                    + " is below, above only when every lesion is above. Mean: the plain mean of the lesions' mean"
                    + " doses, its uncertainty the lesions' in quadrature over their number.</p>\n");
        }
        StudyImagesHtml.cumulative(h, images);
        h.append("<h2>Next cycle</h2>\n<p>").append(HtmlReport.esc(s.nextCycle().map(NextCycle::summary)
                .orElse("no organ at risk with a usable limit"))).append("</p>\n");
        if (!s.notes().isEmpty() || !images.notes().isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>\n");
            s.notes().forEach(n -> h.append("<li>").append(HtmlReport.esc(n)).append("</li>\n"));
            images.notes().forEach(n -> h.append("<li>").append(HtmlReport.esc(n)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String pm(double v, Double rel) {
        return rel == null || !Double.isFinite(rel) ? num(v) : num(v) + " &plusmn; " + num(Math.abs(v * rel));
    }

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String pct(Double v) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
