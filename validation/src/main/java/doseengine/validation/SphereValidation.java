package doseengine.validation;

import doseengine.validation.benchmark.SphereBenchmark;
import doseengine.validation.benchmark.SphereResult;
import doseengine.validation.compare.ComparisonPoint;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.SphereComparison;
import doseengine.validation.reference.SphereSValueReference;
import doseengine.validation.report.ComparisonPlot;
import doseengine.validation.report.PlotSeries;
import doseengine.validation.report.ReportSection;
import doseengine.validation.report.RunInfo;
import doseengine.validation.run.VoxelSourceResult;
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

    /** Runs one sphere; {@code sphere.json} goes to {@code dataDir}. */
    public static SphereResult run(SuiteContext ctx, SphereBenchmark benchmark, Path dataDir) {
        VoxelSourceResult electrons = ctx.runner().runVoxelSource(benchmark.electronProblem(), ctx.settings());
        VoxelSourceResult photons = benchmark.photonProblem()
                .map(p -> ctx.runner().runVoxelSource(p, ctx.settings())).orElse(null);
        SphereResult result = benchmark.evaluate(electrons, photons);
        result.writeJson(dataDir.resolve("sphere.json"));
        return result;
    }

    /** One section for the spheres of one nuclide: S and absorbed fractions by mass, the comparison if any. */
    public static ReportSection section(String nuclide, List<SphereResult> results, Optional<SphereSValueReference> reference,
            long seed, String version, PlotFiles plots) {
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
        List<String> notes = new ArrayList<>();
        List<ComparisonResult> comparisons = new ArrayList<>();
        List<PlotSeries> refs = new ArrayList<>();
        List<PlotSeries> ratios = new ArrayList<>();
        Optional<ComparisonResult> cmp = reference.flatMap(ref -> SphereComparison.compare(nuclide, mine, ref));
        if (cmp.isPresent()) {
            ComparisonResult c = cmp.get();
            comparisons.add(c);
            refs.add(PlotSeries.markers(c.reference(), c.points().stream().mapToDouble(ComparisonPoint::x).toArray(),
                    c.points().stream().mapToDouble(ComparisonPoint::reference).toArray(), null));
            ratios.add(PlotSeries.markers("engine / reference", c.points().stream().mapToDouble(ComparisonPoint::x)
                    .toArray(), c.points().stream().mapToDouble(p -> p.engine() / p.reference()).toArray(),
                    c.points().stream().mapToDouble(p -> p.engineSigma() / p.reference()).toArray()));
        } else {
            notes.add(reference.isPresent()
                    ? "no reference S values for these spheres in " + reference.get().source()
                    : "no reference S values for these spheres (give a table with --reference FILE)");
        }
        // Sphere S values carry no tolerance: with a table they are compared and shown, without one only shown.
        String notJudged = cmp.map(c -> c.subject() + " vs " + c.reference() + ": " + String.join(", ",
                        c.points().stream().map(p -> String.format(Locale.ROOT, "%s %+.1f %%", p.label(),
                                100 * p.deviation())).toList()) + " (shown, not judged: "
                        + SphereComparison.NO_TOLERANCE + ")")
                .orElse("S value not judged (no reference for " + nuclide + " at "
                        + String.join(", ", mine.stream().map(r -> BigDecimal.valueOf(r.benchmark().massG())
                                .stripTrailingZeros().toPlainString() + " g").toList())
                        + (reference.isPresent() ? " in " + reference.get().source() : "; give a table with "
                                + "--reference FILE") + ")");
        double[] mass = mine.stream().mapToDouble(r -> r.benchmark().massG()).toArray();
        double[] s = mine.stream().mapToDouble(SphereResult::sValue).toArray();
        double[] err = mine.stream().mapToDouble(r -> r.sValue() * r.sRelativeUncertainty()).toArray();
        String backend = mine.isEmpty() ? "" : mine.get(0).runs().get(0).run().backend();
        ComparisonPlot plot = new ComparisonPlot("Sphere self S values, " + nuclide + ", unit-density soft tissue",
                "sphere mass (g)", "S (mGy / (MBq s))", true, true, PlotSeries.markers("doseengine (" + backend + ")", mass, s,
                err), refs, "engine / reference", ratios, Double.NaN, Double.NaN);
        Path png = plots.png(id);
        plot.write(png);
        String setup = String.format(java.util.Locale.ROOT, "Spheres of %s at %.2f g/cm3 inside the same tissue, 30 "
                + "voxels across each diameter (radius from the mass at 1.00 g/cm3); %s decays uniform in the sphere's "
                + "voxels; electron and photon emissions run separately; S over the voxelized mass. Masses: %s.",
                SphereBenchmark.MATERIAL, doseengine.phantoms.SpherePhantom.DENSITY_G_PER_CM3, nuclide,
                String.join(", ", mine.stream().map(r -> BigDecimal.valueOf(r.benchmark().massG())
                        .stripTrailingZeros().toPlainString() + " g").toList()));
        return new ReportSection(id, "sphere", "Spheres: " + nuclide, setup, runs, figures, List.of(plots.link(png)),
                comparisons, notes, notJudged);
    }
}
