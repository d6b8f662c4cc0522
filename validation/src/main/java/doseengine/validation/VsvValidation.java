package doseengine.validation;

import doseengine.validation.benchmark.VsvBenchmark;
import doseengine.validation.benchmark.VsvResult;
import doseengine.validation.compare.ComparisonPoint;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.VsvComparison;
import doseengine.validation.reference.VoxelSValueReference;
import doseengine.validation.reference.VoxelSValueTable;
import doseengine.validation.report.ComparisonPlot;
import doseengine.validation.report.PlotSeries;
import doseengine.validation.report.ReportSection;
import doseengine.validation.report.RunInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The voxel S-value benchmark end to end: transport, {@code vsv.csv}, comparison with Lanconelli 2012, plot. */
public final class VsvValidation {
    private VsvValidation() {
    }

    public record Outcome(VsvResult result, ReportSection section) {
    }

    public static Outcome run(SuiteContext ctx, VsvBenchmark benchmark, Path dataDir, PlotFiles plots) {
        VsvResult result = benchmark.evaluate(ctx.runner().runVoxelSource(benchmark.problem(), ctx.settings()));
        result.writeCsv(dataDir.resolve("vsv.csv"));
        Optional<VoxelSValueTable> ref = VoxelSValueReference.standard()
                .find(benchmark.nuclide().name(), benchmark.tissue(), benchmark.voxelMm());
        return new Outcome(result, section(result, ref, ctx.settings().seed(), ctx.version(), plots));
    }

    /** The section: S against distance with the reference (when there is one) and the ratio of judged values. */
    public static ReportSection section(VsvResult r, Optional<VoxelSValueTable> reference, long seed, String version,
            PlotFiles plots) {
        VsvBenchmark b = r.benchmark();
        String id = PlotFiles.id("vsv-" + b.nuclide().name() + "-" + b.tissue().key() + "-" + b.voxelMm() + "mm");
        String name = "vsv " + b.title();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("S_000_mGy_per_MBq_s", r.s(0, 0, 0));
        figures.put("S_000_rel_unc", r.relativeUncertainty(0, 0, 0));
        figures.put("S_100_mGy_per_MBq_s", r.s(1, 0, 0));
        figures.put("voxel_mass_g", b.voxelMassKg() * 1000);
        figures.put("density_g_cm3", b.tissue().densityGPerCm3());
        figures.put("material", b.tissue().material());
        figures.put("energy_imbalance_relative", r.balance().relativeImbalance());
        List<String> notes = new ArrayList<>();
        List<ComparisonResult> comparisons = new ArrayList<>();
        // The engine's 216 values against centre-to-centre distance.
        int n = VoxelSValueTable.MAX_OFFSET + 1;
        double[] x = new double[n * n * n];
        double[] y = new double[x.length];
        double[] err = new double[x.length];
        int c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    x[c] = b.voxelMm() * Math.sqrt(i * i + j * j + k * k);
                    y[c] = r.s(i, j, k);
                    err[c++] = r.s(i, j, k) * r.relativeUncertainty(i, j, k);
                }
            }
        }
        List<PlotSeries> refs = new ArrayList<>();
        List<PlotSeries> ratios = new ArrayList<>();
        if (reference.isPresent()) {
            ComparisonResult cmp = VsvComparison.compare(name, r, reference.get());
            comparisons.add(cmp);
            refs.add(PlotSeries.markers("Lanconelli et al. 2012", cmp.points().stream().mapToDouble(p -> p.x()).toArray(),
                    cmp.points().stream().mapToDouble(ComparisonPoint::reference).toArray(), null));
            for (boolean judgedOnes : new boolean[] {true, false}) {
                List<ComparisonPoint> pts = cmp.points().stream()
                        .filter(p -> p.judged() == judgedOnes && p.reference() > 0).toList();
                PlotSeries ratio = PlotSeries.markers(judgedOnes ? "engine / reference (judged)" : "not judged",
                        pts.stream().mapToDouble(ComparisonPoint::x).toArray(),
                        pts.stream().mapToDouble(p -> p.engine() / p.reference()).toArray(),
                        pts.stream().mapToDouble(p -> p.engineSigma() / p.reference()).toArray());
                ratios.add(judgedOnes ? ratio : ratio.inGrey());
            }
        }
        String noReference = "no Lanconelli table for this nuclide, tissue and voxel size among the shipped "
                + "references (soft tissue 3, 4, 6 mm; bone 3 mm)";
        if (reference.isEmpty()) {
            notes.add(noReference);
        }
        ComparisonPlot plot = new ComparisonPlot("Voxel S values, " + b.title(),
                "distance between voxel centres (mm)", "S (mGy / (MBq s))", false, true,
                PlotSeries.markers("doseengine (" + r.run().backend() + ")", x, y, err), refs,
                "engine / reference", ratios, ratios.isEmpty() ? Double.NaN : 1 - VsvComparison.OTHER_TOLERANCE,
                1 + VsvComparison.OTHER_TOLERANCE);
        Path png = plots.png(id);
        plot.write(png);
        return new ReportSection(id, "vsv", "Voxel S values: " + b.title(), b.setup(),
                List.of(RunInfo.of(name, version, seed, r.run())), figures, List.of(plots.link(png)), comparisons,
                notes, "voxel S values not judged (" + noReference + ")");
    }
}
