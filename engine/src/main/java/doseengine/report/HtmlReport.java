package doseengine.report;

import doseengine.kernels.TransportParameters;
import doseengine.tally.EnergyBalance;
import doseengine.tally.RegionDose;
import doseengine.tally.TissueMaximum;
import doseengine.tally.TargetStatistic;
import doseengine.transport.DoseResult;
import doseengine.transport.RunOutcome;
import doseengine.transport.StopRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (the PNGs beside it are linked) with the run's facts, the organ
 * table, the dose slice, the DVH and the method notes a physicist needs to judge the numbers.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /**
     * @param slicePng the dose slice picture's file name, beside the report
     * @param dvhPng   the DVH picture's file name, or null without labels
     */
    public static void write(Path file, DoseResult r, RunContext ctx, String slicePng, String dvhPng) {
        OrganTable.write(file, html(r, ctx, slicePng, dvhPng));
    }

    static String html(DoseResult r, RunContext ctx, String slicePng, String dvhPng) {
        StringBuilder s = new StringBuilder();
        String title = "Absorbed dose: " + r.problem().name() + ", " + r.problem().nuclide().name();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1150px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
                .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}\n")
                .append("th{background:#f0f0f0}\ntd.l,th.l{text-align:left}\n")
                .append("img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}\n")
                .append(".note{color:#555}\n</style>\n</head>\n<body>\n");
        s.append("<h1>").append(esc(title)).append("</h1>\n");

        s.append("<h2>Run</h2>\n<table>\n");
        for (String[] row : runRows(r, ctx)) {
            s.append("<tr><th class=\"l\">").append(esc(row[0])).append("</th><td class=\"l\">").append(esc(row[1]))
                    .append("</td></tr>\n");
        }
        s.append("</table>\n");

        if (!ctx.inputs().isEmpty()) {
            s.append("<h2>Inputs</h2>\n<table>\n");
            for (Map.Entry<String, String> e : ctx.inputs().entrySet()) {
                s.append("<tr><th class=\"l\">").append(esc(e.getKey())).append("</th><td class=\"l\">")
                        .append(esc(e.getValue())).append("</td></tr>\n");
            }
            s.append("</table>\n");
        }

        if (!r.regions().isEmpty()) {
            boolean perGBq = ctx.administeredMBq() != null;
            s.append("<h2>Organs and lesions</h2>\n<table>\n<tr><th class=\"l\">label</th><th>voxels</th>")
                    .append("<th>mass (g)</th><th>mean (Gy)</th><th>rel. unc. (%)</th>")
                    .append(perGBq ? "<th>mean (Gy/GBq)</th>" : "").append("<th>mean (Gy per decay)</th>")
                    .append("<th>D98 (Gy)</th><th>D50 (Gy)</th><th>D2 (Gy)</th><th>median voxel unc. (%)</th>")
                    .append("<th>min (Gy)</th><th>max (Gy)</th></tr>\n");
            for (RegionDose d : r.regions()) {
                s.append("<tr><td class=\"l\">").append(esc(d.name())).append("</td><td>").append(d.voxels())
                        .append("</td><td>").append(fmt("%.4g", d.massG()))
                        .append("</td><td>").append(fmt("%.4g", d.meanGy()))
                        .append("</td><td>").append(fmt("%.2f", 100 * d.relativeUncertainty()));
                if (perGBq) {
                    s.append("</td><td>").append(fmt("%.4g", ctx.perGBq(d.meanGy())));
                }
                s.append("</td><td>").append(fmt("%.4g", d.meanGyPerDecay()))
                        .append("</td><td>").append(fmt("%.4g", d.d98Gy()))
                        .append("</td><td>").append(fmt("%.4g", d.d50Gy()))
                        .append("</td><td>").append(fmt("%.4g", d.d2Gy()))
                        .append("</td><td>").append(fmt("%.1f", 100 * d.medianVoxelRelativeUncertainty()))
                        .append("</td><td>").append(fmt("%.4g", d.minGy()))
                        .append("</td><td>").append(fmt("%.4g", d.maxGy())).append("</td></tr>\n");
            }
            s.append("</table>\n<p class=\"note\">Mean: mass-weighted mean dose of the label; rel. unc.: its relative ")
                    .append("standard error from the label's batch totals (statistical only)")
                    .append(perGBq ? "; Gy/GBq: per GBq of the " + ctx.administeredText() + " administered" : "")
                    .append(". D<i>x</i>: the highest dose that at least <i>x</i> % of the label's volume receives ")
                    .append("(voxel doses, no interpolation). Median voxel unc.: the median over the label's voxels ")
                    .append("of each voxel's relative standard error.</p>\n");
            s.append("<p class=\"note\">").append(esc(noiseNote(r))).append("</p>\n");
        }

        s.append("<h2>Dose on CT</h2>\n<img src=\"").append(esc(slicePng)).append("\" alt=\"dose on CT slice\">\n");
        if (dvhPng != null) {
            s.append("<h2>Dose-volume histograms</h2>\n<img src=\"").append(esc(dvhPng))
                    .append("\" alt=\"cumulative DVH per label\">\n");
            s.append("<p class=\"note\">").append(esc(noiseNote(r))).append("</p>\n");
        }

        s.append("<h2>Files</h2>\n<ul>\n")
                .append("<li><a href=\"dose.nii.gz\">dose.nii.gz</a>: absorbed dose (Gy) per voxel on the CT grid</li>\n")
                .append("<li><a href=\"uncertainty.nii.gz\">uncertainty.nii.gz</a>: relative standard error of each ")
                .append("voxel's dose (a fraction; 1 where no energy was deposited)</li>\n")
                .append("<li><a href=\"organs.csv\">organs.csv</a> and <a href=\"organs.json\">organs.json</a>: ")
                .append("the organ table (JSON with the run's facts)</li>\n</ul>\n");

        s.append("<h2>Method notes</h2>\n<ul>\n");
        for (String note : methodNotes(r, ctx)) {
            s.append("<li>").append(esc(note)).append("</li>\n");
        }
        s.append("</ul>\n</body>\n</html>\n");
        return s.toString();
    }

    private static List<String[]> runRows(DoseResult r, RunContext ctx) {
        RunOutcome o = r.outcome();
        TransportParameters p = r.settings().parameters();
        EnergyBalance b = r.balance();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"program", "doseengine " + ctx.version() + ", command " + ctx.command()});
        rows.add(new String[] {"started", ctx.started().toString()});
        rows.add(new String[] {"nuclide", r.problem().nuclide().name()});
        rows.add(new String[] {"method", r.settings().method().key() + ": " + r.settings().method().description()});
        rows.add(new String[] {"backend", r.settings().backend().name() + " (" + r.settings().backend().device() + ")"
                + (r.settings().backend().note() == null ? "" : "; " + r.settings().backend().note())});
        rows.add(new String[] {"seed", Long.toString(r.settings().seed())});
        rows.add(new String[] {"decays", o.stop() == RunOutcome.Stop.EXACT ? "none (exact)"
                : fmt("%,d in %d batches", o.decays(), o.batches())});
        rows.add(new String[] {"stop", stopText(r)});
        if (o.stop() == RunOutcome.Stop.EXACT) {
            rows.add(new String[] {"time", fmt("%.2f s (computed exactly, nothing sampled)", o.seconds())});
        } else {
            rows.add(new String[] {"time", fmt("transport %.1f s (%,.0f decays/s on %s), setup %.1f s",
                    o.seconds(), o.decaysPerSecond(), r.settings().backend().device(), r.setupSeconds())});
        }
        rows.add(new String[] {"time-integrated activity", fmt("%.6g MBq h = %.6g decays", r.totalTiaMBqH(),
                r.dose().decays())});
        if (ctx.administeredMBq() != null) {
            rows.add(new String[] {"administered activity", ctx.administeredText()});
        }
        rows.add(new String[] {"cutoffs", fmt("electrons %.3g keV, photons %.3g keV", p.electronCutoffMeV() * 1e3,
                p.photonCutoffMeV() * 1e3)});
        rows.add(new String[] {"energy balance (MeV per decay)", fmt("emitted %.6g, deposited in the grid %.6g, "
                + "escaped or not transported %.6g; relative imbalance %.2g", b.emittedMeVPerDecay(),
                b.depositedMeVPerDecay(), b.escapedMeVPerDecay(), b.relativeImbalance())});
        rows.add(new String[] {"grid", r.problem().grid().toString()});
        rows.add(new String[] {"maximum dose in tissue", r.tissueMaximum().describe() + fmt(" (air voxels, below "
                + "%s g/cm3, are left out: their few milligrams make large, noisy doses of no clinical meaning)",
                TissueMaximum.MIN_TISSUE_DENSITY)});
        return rows;
    }

    private static String stopText(DoseResult r) {
        RunOutcome o = r.outcome();
        if (o.stop() == RunOutcome.Stop.EXACT) {
            return "computed exactly from the activity map: no decay sampled, no statistical uncertainty";
        }
        String watched = o.watchedRegion() == null ? ""
                : fmt("; %s relative uncertainty %.2f %%", o.watchedRegion(), 100 * o.watchedRelativeUncertainty());
        if (r.settings().stop() instanceof StopRule.TargetUncertainty t) {
            String outcome = o.stop() == RunOutcome.Stop.TARGET_REACHED ? "reached"
                    : "NOT reached within the maximum of " + fmt("%,d", t.maxDecays()) + " decays";
            StringBuilder regions = new StringBuilder();
            for (RunOutcome.TargetReading tr : o.targets()) {
                regions.append(fmt("; %s %.2f %% (judged %.2f %%)%s", tr.region(), 100 * tr.estimate(),
                        100 * tr.judged(), tr.reached() ? "" : ", not reached"));
            }
            return fmt("target %.2f %% (%s) on %s: %s", 100 * t.relativeUncertainty(), t.statistic() == TargetStatistic.MEAN
                    ? "mean dose" : "median voxel uncertainty", t.regionList(), outcome) + regions;
        }
        return fmt("%,d decays requested", r.settings().stop().maxDecays()) + watched;
    }

    private static List<String> methodNotes(DoseResult r, RunContext ctx) {
        List<String> notes = new ArrayList<>(ctx.notes());
        notes.addAll(r.problem().notes());
        if (r.settings().backend().note() != null) {
            notes.add(r.settings().backend().note());
        }
        notes.add("Decays are sampled from the activity image (voxel by alias table, position uniform in the voxel) "
                + "and emit the full ICRP Publication 107 spectrum of " + r.problem().nuclide().name()
                + " (beta spectrum, conversion and Auger electrons, gamma and X-ray lines).");
        notes.add("Dose (Gy) = mean energy per decay deposited in the voxel / voxel mass x the number of decays of the "
                + "time-integrated activity (1 MBq h = 3.6e9 decays). Density and material from the CT calibration.");
        if (r.outcome().stop() == RunOutcome.Stop.EXACT) {
            notes.add("Uncertainty: none; the method is a product of the activity map, the electron energy per decay "
                    + "and the voxel mass, computed exactly (the uncertainty map is 0).");
        } else {
            notes.add(fmt("Uncertainty: batch-means relative standard error over %d batches (statistical only; the "
                    + "uncertainty of the batch-means estimate itself is about %.0f %%).", r.outcome().batches(),
                    100 / Math.sqrt(2.0 * Math.max(1, r.outcome().batches() - 1))));
        }
        return notes;
    }

    /**
     * What the voxel noise does to the DVH and to D2/D98 at this number of decays: the range of the labels' median
     * voxel uncertainties, and what to do about it.
     */
    static String noiseNote(DoseResult r) {
        if (r.outcome().stop() == RunOutcome.Stop.EXACT) {
            return "The DVHs and D2/D98 of this method carry no statistical noise.";
        }
        RegionDose lo = null, hi = null;
        for (RegionDose d : r.regions()) {
            if (lo == null || d.medianVoxelRelativeUncertainty() < lo.medianVoxelRelativeUncertainty()) {
                lo = d;
            }
            if (hi == null || d.medianVoxelRelativeUncertainty() > hi.medianVoxelRelativeUncertainty()) {
                hi = d;
            }
        }
        return fmt("Voxel noise: at %,d decays the median voxel uncertainty is %.0f %% (%s) to %.0f %% (%s). "
                + "Noise widens every DVH, so D2 reads high and D98 low by up to about twice that; the mean doses "
                + "stay as precise as their rel. unc. says. For DVH figures, run more decays or "
                + "--target-uncertainty U --target-statistic voxel-median.", r.outcome().decays(),
                100 * lo.medianVoxelRelativeUncertainty(), lo.name(), 100 * hi.medianVoxelRelativeUncertainty(),
                hi.name());
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
