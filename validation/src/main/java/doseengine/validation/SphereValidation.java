package doseengine.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.validation.benchmark.SphereBenchmark;
import doseengine.validation.benchmark.SphereResult;
import doseengine.validation.compare.ComparisonPoint;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.SphereComparison;
import doseengine.validation.compare.Verdict;
import doseengine.validation.reference.OlindaSphereTable;
import doseengine.validation.reference.SphereSValueReference;
import doseengine.validation.report.ComparisonPlot;
import doseengine.validation.report.PlotSeries;
import doseengine.validation.report.ReportSection;
import doseengine.validation.report.RunInfo;
import doseengine.validation.run.VoxelSourceResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The sphere benchmark end to end: the electron and photon runs, {@code sphere.json}, comparison, plot. */
public final class SphereValidation {
    private SphereValidation() {
    }

    /**
     * Runs one sphere; {@code sphere.json} goes to {@code dataDir}, with the OLINDA/EXM comparison
     * ({@code olinda}: judged at a table mass, interpolated and shown between them, null otherwise) and the user's
     * table's ({@code user_reference}, null without one).
     */
    public static SphereResult run(SuiteContext ctx, SphereBenchmark benchmark, Path dataDir,
            Optional<SphereSValueReference> userReference) {
        VoxelSourceResult electrons = ctx.runner().runVoxelSource(benchmark.electronProblem(), ctx.settings());
        VoxelSourceResult photons = benchmark.photonProblem()
                .map(p -> ctx.runner().runVoxelSource(p, ctx.settings())).orElse(null);
        SphereResult result = benchmark.evaluate(electrons, photons);
        writeJson(result, userReference, dataDir.resolve("sphere.json"));
        return result;
    }

    /** {@code sphere.json}: {@link SphereResult#json()} with {@code olinda} and {@code user_reference}. */
    static void writeJson(SphereResult r, Optional<SphereSValueReference> userReference, Path file) {
        ObjectNode root = r.json();
        String nuclide = r.benchmark().nuclide().name();
        double mass = r.benchmark().massG();
        OlindaSphereTable table = OlindaSphereTable.standard();
        Optional<OlindaSphereTable.Row> row = table.find(nuclide, mass);
        Optional<OlindaSphereTable.Interpolated> interpolated = table.interpolate(nuclide, mass);
        if (row.isPresent()) {
            OlindaSphereTable.Row t = row.get();
            ComparisonPoint p = SphereComparison.olindaPoint(mass, r.sValue(), r.sRelativeUncertainty(), t);
            ObjectNode o = root.putObject("olinda");
            o.put("reference", OlindaSphereTable.NAME);
            o.put("source", table.source());
            o.put("interpolated", false);
            o.put("volume_mL", t.volumeMl());
            o.put("S_Gy_per_min_per_MBq", t.sVerbatim());
            o.put("S_mGy_per_MBq_s", t.sMilliGrayPerMBqS());
            o.put("engine_over_reference", r.sValue() / t.sMilliGrayPerMBqS());
            o.put("deviation", p.deviation());
            o.put("tolerance", p.tolerance());
            ObjectNode parts = o.putObject("tolerance_components");
            parts.put("rounding", t.roundingFraction());
            parts.put("table_scatter", SphereComparison.TABLE_SCATTER);
            parts.put("model", SphereComparison.MODEL);
            parts.put("engine", SphereComparison.COVERAGE * r.sRelativeUncertainty());
            o.put("tolerance_rule", SphereComparison.OLINDA_RULE);
            o.put("verdict", p.verdict().name());
        } else if (interpolated.isPresent()) {
            OlindaSphereTable.Interpolated i = interpolated.get();
            ObjectNode o = root.putObject("olinda");
            o.put("reference", OlindaSphereTable.NAME);
            o.put("source", table.source());
            o.put("interpolated", true);
            o.putArray("between_g").add(i.lowerMassG()).add(i.upperMassG());
            o.put("S_mGy_per_MBq_s", i.sMilliGrayPerMBqS());
            o.put("engine_over_reference", r.sValue() / i.sMilliGrayPerMBqS());
            o.put("deviation", r.sValue() / i.sMilliGrayPerMBqS() - 1);
            o.put("verdict", Verdict.INFORMATIONAL.name());
            o.put("why_not_judged", SphereComparison.INTERPOLATED);
        } else {
            root.putNull("olinda");
        }
        Optional<SphereSValueReference.Entry> user = userReference.flatMap(u -> u.find(nuclide, mass));
        if (user.isPresent()) {
            double s = user.get().sMilliGrayPerMBqS();
            ObjectNode u = root.putObject("user_reference");
            u.put("source", userReference.get().source());
            u.put("S_mGy_per_MBq_s", s);
            u.put("engine_over_reference", r.sValue() / s);
            u.put("deviation", r.sValue() / s - 1);
            u.put("verdict", Verdict.INFORMATIONAL.name());
            u.put("why_not_judged", SphereComparison.NO_TOLERANCE);
        } else {
            root.putNull("user_reference");
        }
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /**
     * One section for the spheres of one nuclide: S and absorbed fractions by mass; judged against OLINDA/EXM at
     * the table's masses, shown against its interpolation between them and against the user's table, if any.
     */
    public static ReportSection section(String nuclide, List<SphereResult> results,
            Optional<SphereSValueReference> reference, long seed, String version, PlotFiles plots) {
        List<SphereResult> mine = results.stream().filter(r -> r.benchmark().nuclide().name().equals(nuclide))
                .sorted(Comparator.comparingDouble(r -> r.benchmark().massG())).toList();
        String id = PlotFiles.id("sphere-" + nuclide);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<RunInfo> runs = new ArrayList<>();
        for (SphereResult r : mine) {
            String m = BigDecimal.valueOf(r.benchmark().massG()).stripTrailingZeros().toPlainString() + "g.";
            figures.put(m + "S_mGy_per_MBq_s", r.sValue());
            figures.put(m + "rel_unc", r.sRelativeUncertainty());
            figures.put(m + "af_electrons", r.afElectrons());
            figures.put(m + "af_photons", r.afPhotons());
            figures.put(m + "voxelized_mass_g", r.benchmark().voxelizedMassG());
            List<VoxelSourceResult> rr = r.runs();
            for (int i = 0; i < rr.size(); i++) {
                runs.add(RunInfo.of("sphere " + r.benchmark().title() + (i == 0 ? " electrons" : " photons"), version,
                        seed, rr.get(i).run()));
            }
        }
        OlindaSphereTable table = OlindaSphereTable.standard();
        Optional<ComparisonResult> olinda = SphereComparison.olinda(nuclide, mine, table);
        Optional<ComparisonResult> interpolated = SphereComparison.olindaInterpolated(nuclide, mine, table);
        Optional<ComparisonResult> user = reference.flatMap(ref -> SphereComparison.compare(nuclide, mine, ref));
        List<ComparisonResult> comparisons = new ArrayList<>();
        olinda.ifPresent(comparisons::add);
        interpolated.ifPresent(comparisons::add);
        user.ifPresent(comparisons::add);
        List<PlotSeries> refs = new ArrayList<>();
        List<PlotSeries> ratios = new ArrayList<>();
        for (ComparisonResult c : comparisons) {
            boolean judged = c.judgedCount() > 0;
            PlotSeries ref = PlotSeries.markers(c.reference(), c.points().stream().mapToDouble(ComparisonPoint::x)
                    .toArray(), c.points().stream().mapToDouble(ComparisonPoint::reference).toArray(), null);
            PlotSeries ratio = PlotSeries.markers("engine / " + c.reference(), c.points().stream()
                    .mapToDouble(ComparisonPoint::x).toArray(), c.points().stream()
                    .mapToDouble(p -> p.engine() / p.reference()).toArray(), c.points().stream()
                    .mapToDouble(p -> p.engineSigma() / p.reference()).toArray());
            refs.add(judged ? ref : ref.inGrey());
            ratios.add(judged ? ratio : ratio.inGrey());
        }
        List<String> notes = new ArrayList<>();
        if (olinda.isPresent()) {
            notes.add("OLINDA/EXM values: a second-hand transcription of Golzaryan et al. 2025 (Sci Rep 15:4046, "
                    + "Supplementary Table S4), printed to one to three significant digits, mass = volume at "
                    + "1.00 g/mL; the tolerance of each sphere is in its row (" + SphereComparison.OLINDA_RULE + ").");
        }
        interpolated.ifPresent(c -> notes.add("No OLINDA/EXM value at " + labels(c) + " (the table has "
                + table.rows().size() + " spheres of " + table.massRange() + "): the log-log interpolation of its "
                + "neighbours is shown, not judged."));
        if (comparisons.isEmpty()) {
            notes.add("no reference S values for these spheres"
                    + (reference.isPresent() ? " in " + reference.get().source() : " (give a table with "
                    + "--reference FILE)"));
        }
        String notJudged = notJudged(nuclide, mine, table, interpolated, user, reference);
        double[] mass = mine.stream().mapToDouble(r -> r.benchmark().massG()).toArray();
        double[] s = mine.stream().mapToDouble(SphereResult::sValue).toArray();
        double[] err = mine.stream().mapToDouble(r -> r.sValue() * r.sRelativeUncertainty()).toArray();
        String backend = mine.isEmpty() ? "" : mine.get(0).runs().get(0).run().backend();
        // The ratio panel's band: the tightest OLINDA row's tolerance (the others' are in the deviation table).
        double band = olinda.map(c -> c.points().stream().mapToDouble(ComparisonPoint::tolerance).min().orElseThrow())
                .orElse(Double.NaN);
        ComparisonPlot plot = new ComparisonPlot("Sphere self S values, " + nuclide + ", unit-density soft tissue",
                "sphere mass (g)", "S (mGy / (MBq s))", true, true, PlotSeries.markers("doseengine (" + backend + ")", mass, s,
                err), refs, "engine / reference", ratios, 1 - band, 1 + band);
        Path png = plots.png(id);
        plot.write(png);
        String setup = String.format(java.util.Locale.ROOT, "Spheres of %s at %.2f g/cm3 inside the same tissue, 30 "
                + "voxels across each diameter (radius from the mass at 1.00 g/cm3); %s decays uniform in the sphere's "
                + "voxels; electron and photon emissions run separately; S over the voxelized mass (within 0.1 %% of the "
                + "nominal one). Masses: %s.%s",
                SphereBenchmark.MATERIAL, doseengine.phantoms.SpherePhantom.DENSITY_G_PER_CM3, nuclide,
                String.join(", ", mine.stream().map(r -> BigDecimal.valueOf(r.benchmark().massG())
                        .stripTrailingZeros().toPlainString() + " g").toList()), olinda.isPresent()
                        ? " The band of the ratio plot is the tightest sphere's tolerance." : "");
        return new ReportSection(id, "sphere", "Spheres: " + nuclide, setup, runs, figures, List.of(plots.link(png)),
                comparisons, notes, notJudged);
    }

    /**
     * What the section does not judge, and why, for verdict lines when nothing is judged: the shown comparisons
     * with their deviations, or why there is no reference.
     */
    private static String notJudged(String nuclide, List<SphereResult> mine, OlindaSphereTable table,
            Optional<ComparisonResult> interpolated, Optional<ComparisonResult> user,
            Optional<SphereSValueReference> reference) {
        List<String> shown = new ArrayList<>();
        user.ifPresent(c -> shown.add("S value vs " + c.reference() + ": " + deviations(c) + " (shown, not judged: "
                + SphereComparison.NO_TOLERANCE + ")"));
        interpolated.ifPresent(c -> shown.add("S value vs OLINDA/EXM log-log interpolated: " + deviations(c)
                + " (shown, not judged: no OLINDA/EXM value at " + labels(c) + "; the table has " + table.massRange()
                + ")"));
        if (!shown.isEmpty()) {
            return String.join("; ", shown);
        }
        String masses = String.join(", ", mine.stream().map(r -> SphereComparison.label(r.benchmark().massG()))
                .toList());
        String why = nuclide.equals(OlindaSphereTable.NUCLIDE)
                ? "the OLINDA/EXM table has " + table.rows().size() + " spheres of " + table.massRange()
                : "the shipped OLINDA/EXM table is " + OlindaSphereTable.NUCLIDE + " only";
        return "S value not judged (no reference for " + nuclide + " at " + masses + "; " + why
                + (reference.isPresent() ? "; none in " + reference.get().source() : "; give a table with "
                        + "--reference FILE") + ")";
    }

    private static String deviations(ComparisonResult c) {
        return String.join(", ", c.points().stream().map(p -> String.format(Locale.ROOT, "%s %+.1f %%", p.label(),
                100 * p.deviation())).toList());
    }

    private static String labels(ComparisonResult c) {
        return String.join(", ", c.points().stream().map(ComparisonPoint::label).toList());
    }
}
