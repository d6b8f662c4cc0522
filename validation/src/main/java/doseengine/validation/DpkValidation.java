package doseengine.validation;

import doseengine.validation.benchmark.DpkBenchmark;
import doseengine.validation.benchmark.DpkResult;
import doseengine.validation.benchmark.MeasuredKernel;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.DpkComparison;
import doseengine.validation.reference.DosePointKernelReference;
import doseengine.validation.reference.DpkReferenceSet;
import doseengine.validation.reference.ScaledKernel;
import doseengine.validation.report.ComparisonPlot;
import doseengine.validation.report.PlotSeries;
import doseengine.validation.report.ReportSection;
import doseengine.validation.report.RunInfo;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.TransportSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dose point kernel benchmark end to end: transport through the runner, {@code dpk.csv} and
 * {@code summary.json}, comparison with the reference kernels at the source's energy, plot and report section.
 */
public final class DpkValidation {
    private DpkValidation() {
    }

    /** The result and its report section. */
    public record Outcome(DpkResult result, ReportSection section) {
    }

    /** Runs the benchmark; data files go to {@code dataDir}, the plot to {@code plots}. */
    public static Outcome run(SuiteContext ctx, EmissionSource source, Path dataDir, PlotFiles plots) {
        DpkBenchmark benchmark = DpkBenchmark.of(source);
        TransportSettings settings = benchmark.settings(ctx.settings());
        DpkResult result = benchmark.evaluate(ctx.runner().runPointSource(benchmark.problem(), settings));
        result.writeCsv(dataDir.resolve("dpk.csv"));
        result.writeSummary(dataDir.resolve("summary.json"), settings);
        ReportSection section = section(result, settings.seed(), ctx.version(), plots,
                benchmark.cutoffNote(ctx.settings()).stream().toList());
        return new Outcome(result, section);
    }

    /**
     * The report section: for a monoenergetic electron with reference kernels, the kernel and X90 compared with the
     * EGSnrc kernel where the file has one, else ETRAN (judged), and with the other set where there are two (shown);
     * for any other source the kernel on the X90 scale, without a reference.
     */
    public static ReportSection section(DpkResult r, long seed, String version, PlotFiles plots,
            List<String> runNotes) {
        DpkBenchmark b = r.benchmark();
        String id = PlotFiles.id("dpk-" + b.source().fileStem());
        String name = "dpk " + b.source().key();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("E_mean_MeV", r.emittedMeVPerDecay());
        figures.put("X90_mm", r.x90Mm());
        figures.put("X90_sigma_mm", r.x90SigmaMm());
        figures.put(b.isMonoenergetic() ? "r0_mm" : "X90_estimate_mm", b.scaleMm());
        figures.put("energy_imbalance_relative", r.balance().relativeImbalance());
        List<String> notes = new ArrayList<>(runNotes);
        notes.addAll(r.shellNotes());
        List<ComparisonResult> comparisons = new ArrayList<>();
        List<PlotSeries> refCurves = new ArrayList<>();
        List<PlotSeries> ratios = new ArrayList<>();
        String xTitle;
        String yTitle;
        MeasuredKernel engine;
        Map<DpkReferenceSet, ScaledKernel> refs = new LinkedHashMap<>();
        ScaledKernel primary = null;
        if (b.source() instanceof EmissionSource.MonoenergeticElectron e) {
            refs.putAll(DosePointKernelReference.standard().atEnergy(e.energyMeV()));
            primary = DosePointKernelReference.standard().primary(e.energyMeV()).orElse(null);
            engine = r.scaledKernel(b.scaleMm());
            xTitle = String.format(Locale.ROOT, "r / r0   (r0 = %.4g mm, ESTAR CSDA range in water)", b.scaleMm());
            yTitle = "j = d(E/E0) / d(r/r0)";
        } else {
            engine = r.naturalKernel();
            xTitle = String.format(Locale.ROOT, "r / X90   (X90 = %.4g mm, measured)", r.x90Mm());
            yTitle = "j = d(E/E) / d(r/X90),  E = mean energy emitted per decay";
        }
        if (refs.isEmpty()) {
            notes.add(b.isMonoenergetic() ? "no reference kernel at this energy (the file has 10, 15, 100, 500 keV)"
                    : "no reference kernel for nuclides: the kernel and X90 are shown for information");
        }
        // The judged reference first, then the one shown beside it.
        List<ScaledKernel> ordered = new ArrayList<>(refs.values());
        if (primary != null && ordered.remove(primary)) {
            ordered.add(0, primary);
        }
        for (ScaledKernel ref : ordered) {
            boolean judge = ref == primary;
            ComparisonResult kc = DpkComparison.kernel(name, engine, ref, judge);
            comparisons.add(kc);
            comparisons.add(DpkComparison.x90(name, r.x90Mm(), r.x90SigmaMm(), ref.x90() * b.scaleMm(),
                    ref.label(), "mm", judge));
            refCurves.add(PlotSeries.line(ref.label() + (judge ? " (judged)" : ""), ref.x(), ref.j()));
            ratios.add(PlotSeries.markers("vs " + ref.label(),
                    kc.points().stream().mapToDouble(p -> p.x()).toArray(),
                    kc.points().stream().mapToDouble(p -> 1 + p.deviation()).toArray(),
                    kc.points().stream().mapToDouble(p -> p.engineSigma() / ref.peak()).toArray()));
        }
        ScaledKernel k = engine.kernel();
        PlotSeries engineSeries = PlotSeries.markers("doseengine (" + r.run().backend() + ")", k.x(), k.j(),
                engine.sigma());
        ComparisonPlot plot = new ComparisonPlot("Dose point kernel, " + b.source().title() + ", water", xTitle,
                yTitle, false, false, engineSeries, refCurves, "1 + (engine - ref) / ref peak", ratios,
                ratios.isEmpty() ? Double.NaN : 1 - DpkComparison.KERNEL_TOLERANCE,
                1 + DpkComparison.KERNEL_TOLERANCE);
        Path png = plots.png(id);
        plot.write(png);
        return new ReportSection(id, "dpk", "Dose point kernel: " + b.source().title(), b.setup(),
                List.of(RunInfo.of(name, version, seed, r.run())), figures, List.of(plots.link(png)), comparisons,
                notes);
    }
}
