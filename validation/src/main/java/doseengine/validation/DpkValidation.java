package doseengine.validation;

import doseengine.tally.EnergyBalance;
import doseengine.validation.benchmark.DpkBenchmark;
import doseengine.validation.benchmark.DpkResult;
import doseengine.validation.benchmark.SimulatedDosePointKernel;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.DpkComparison;
import doseengine.validation.reference.DosePointKernelReference;
import doseengine.validation.reference.DpkReferenceSet;
import doseengine.validation.reference.ScaledDosePointKernel;
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
import java.util.Optional;

/**
 * The dose point kernel benchmark end to end: transport through the runner, {@code dpk.csv} and
 * {@code summary.json}, comparison with the reference kernels at the source's energy, plot and report section.
 */
public final class DpkValidation {
    private DpkValidation() {
    }

    /** What the like-for-like run against an EGSnrc kernel is called in reports and file names. */
    public static final String REFERENCE_MODEL = "EGSnrc energy-loss model";
    public static final String REFERENCE_MODEL_CSV = "dpk_egsnrc_model.csv";

    /**
     * The result with the engine's physics, the like-for-like run where the judged reference is an EGSnrc kernel
     * ({@link DpkBenchmark#referenceModelSettings}), and the report section.
     */
    public record Outcome(DpkResult result, Optional<DpkResult> referenceModel, ReportSection section) {
        /** The energy balance of each run, under the names the report gives them. */
        public Map<String, EnergyBalance> balances() {
            Map<String, EnergyBalance> m = new LinkedHashMap<>();
            String name = "dpk " + result.benchmark().source().key();
            m.put(name, result.balance());
            referenceModel.ifPresent(r -> m.put(name + ", " + REFERENCE_MODEL, r.balance()));
            return m;
        }
    }

    /**
     * Runs the benchmark; data files go to {@code dataDir} ({@code dpk.csv} and {@code summary.json} of the engine's
     * physics, {@value #REFERENCE_MODEL_CSV} of the like-for-like run), the plot to {@code plots}.
     */
    public static Outcome run(SuiteContext ctx, EmissionSource source, Path dataDir, PlotFiles plots) {
        DpkBenchmark benchmark = DpkBenchmark.of(source);
        TransportSettings settings = benchmark.settings(ctx.settings());
        DpkResult result = benchmark.evaluate(ctx.runner().runPointSource(benchmark.problem(), settings));
        result.writeCsv(dataDir.resolve("dpk.csv"));
        result.writeSummary(dataDir.resolve("summary.json"), settings);
        Optional<DpkResult> model = benchmark.referenceModelSettings(ctx.settings())
                .map(s -> benchmark.evaluate(ctx.runner().runPointSource(
                        benchmark.problem().named(benchmark.problem().name() + ", " + REFERENCE_MODEL), s)));
        model.ifPresent(m -> m.writeCsv(dataDir.resolve(REFERENCE_MODEL_CSV)));
        ReportSection section = section(result, model, settings.seed(), ctx.version(), plots,
                benchmark.cutoffNote(ctx.settings()).stream().toList());
        return new Outcome(result, model, section);
    }

    /**
     * The report section: for a monoenergetic electron with reference kernels, the kernel and X90 compared with the
     * EGSnrc kernel where the file has one, else ETRAN (judged), and with the other set where there are two (shown);
     * for any other source the kernel on the X90 scale, without a reference. With a like-for-like run
     * ({@code model}: EGSnrc's energy-loss model), that run is the one judged against the EGSnrc kernel, and the
     * engine's physics is compared with every reference and shown.
     */
    public static ReportSection section(DpkResult r, Optional<DpkResult> model, long seed, String version,
            PlotFiles plots, List<String> runNotes) {
        DpkBenchmark b = r.benchmark();
        String id = PlotFiles.id("dpk-" + b.source().fileStem());
        String name = "dpk " + b.source().key();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("E_mean_MeV", r.emittedMeVPerDecay());
        figures.put("X90_mm", r.x90Mm());
        figures.put("X90_sigma_mm", r.x90SigmaMm());
        figures.put(b.isMonoenergetic() ? "r0_mm" : "X90_estimate_mm", b.scaleMm());
        figures.put("absorbed_fraction_in_shells", r.absorbedFractionInShells());
        figures.put("medium_half_width_mm", b.mediumHalfWidthMm());
        figures.put("energy_imbalance_relative", r.balance().relativeImbalance());
        List<String> notes = new ArrayList<>(runNotes);
        notes.addAll(r.shellNotes());
        List<ComparisonResult> comparisons = new ArrayList<>();
        List<PlotSeries> refCurves = new ArrayList<>();
        List<PlotSeries> ratios = new ArrayList<>();
        String xTitle;
        String yTitle;
        SimulatedDosePointKernel engine;
        Map<DpkReferenceSet, ScaledDosePointKernel> refs = new LinkedHashMap<>();
        ScaledDosePointKernel primary = null;
        if (b.source() instanceof EmissionSource.MonoenergeticElectron e) {
            refs.putAll(DosePointKernelReference.standard().atEnergy(e.energyMeV()));
            primary = DosePointKernelReference.standard().primary(e.energyMeV()).orElse(null);
            engine = r.scaledKernel(b.scaleMm());
            xTitle = String.format(Locale.ROOT, "r / r0   (r0 = %.4g mm, ESTAR CSDA range in water)", b.scaleMm());
            yTitle = "j = d(E/E0) / d(r/r0)";
        } else if (r.hasX90()) {
            engine = r.naturalKernel();
            xTitle = String.format(Locale.ROOT, "r / X90   (X90 = %.4g mm, measured)", r.x90Mm());
            yTitle = "j = d(E/E) / d(r/X90),  E = mean energy emitted per decay";
        } else {
            // Without an X90 there is no natural scale: the kernel is shown against r itself.
            engine = r.naturalKernel();
            xTitle = "r (mm)   (no X90 within the shells)";
            yTitle = "d(E/E) / dr (1/mm),  E = mean energy emitted per decay";
        }
        String noReference = b.isMonoenergetic()
                ? "no reference kernel at this energy (the file has 10, 15, 100, 500 keV)"
                : "no reference kernel for nuclides: the kernel and X90 are shown for information";
        if (refs.isEmpty()) {
            notes.add(noReference);
        }
        // The judged comparison first, then those shown beside it. With a like-for-like run, it alone is judged
        // (against the primary kernel) and the engine's physics is shown against every reference.
        List<ScaledDosePointKernel> ordered = new ArrayList<>(refs.values());
        if (primary != null && ordered.remove(primary)) {
            ordered.add(0, primary);
        }
        List<PlotSeries> modelSeries = new ArrayList<>();
        if (model.isPresent() && primary != null) {
            DpkResult m = model.get();
            SimulatedDosePointKernel mk = m.scaledKernel(b.scaleMm());
            String modelName = name + ", " + REFERENCE_MODEL;
            ScaledDosePointKernel ref = primary;
            ComparisonResult kc = DpkComparison.kernel(modelName, mk, ref, true)
                    .withSubject("kernel under " + REFERENCE_MODEL);
            comparisons.add(kc);
            comparisons.add(DpkComparison.x90(modelName, m.x90Mm(), m.x90SigmaMm(), ref.x90() * b.scaleMm(),
                    ref.label(), "mm", true).withSubject("X90 under " + REFERENCE_MODEL));
            ratios.add(ratioSeries("doseengine, " + REFERENCE_MODEL + ", vs " + ref.label(), kc, ref));
            ScaledDosePointKernel k = mk.kernel();
            modelSeries.add(PlotSeries.markers("doseengine, " + REFERENCE_MODEL, k.x(), k.j(), mk.sigma()));
            figures.put("X90_mm_egsnrc_model", m.x90Mm());
            figures.put("X90_sigma_mm_egsnrc_model", m.x90SigmaMm());
            figures.put("energy_imbalance_relative_egsnrc_model", m.balance().relativeImbalance());
            notes.add("judged: the run under " + REFERENCE_MODEL + " (the engine's soft energy-loss straggling off; "
                    + "EGSnrc has no straggling below its thresholds AE, AP), against " + ref.label() + "; the "
                    + "engine's own physics is compared with every reference and shown");
        }
        for (ScaledDosePointKernel ref : ordered) {
            boolean judge = ref == primary && model.isEmpty();
            String why = ref != primary ? DpkComparison.SECOND_REFERENCE
                    : "the engine's physics (with soft straggling), which the reference's code does not have; the run "
                    + "under " + REFERENCE_MODEL + " is judged";
            ComparisonResult kc = DpkComparison.kernel(name, engine, ref, judge, why);
            comparisons.add(kc);
            comparisons.add(DpkComparison.x90(name, r.x90Mm(), r.x90SigmaMm(), ref.x90() * b.scaleMm(),
                    ref.label(), "mm", judge, why));
            refCurves.add(PlotSeries.line(ref.label() + (ref == primary ? " (judged)" : ""), ref.x(), ref.j()));
            ratios.add(ratioSeries((model.isPresent() ? "doseengine vs " : "vs ") + ref.label(), kc, ref));
        }
        refCurves.addAll(modelSeries);
        ScaledDosePointKernel k = engine.kernel();
        PlotSeries engineSeries = PlotSeries.markers("doseengine (" + r.run().backend() + ")", k.x(), k.j(),
                engine.sigma());
        ComparisonPlot plot = new ComparisonPlot("Dose point kernel, " + b.source().title() + ", water", xTitle,
                yTitle, false, false, engineSeries, refCurves, "1 + (engine - ref) / ref peak", ratios,
                ratios.isEmpty() ? Double.NaN : 1 - DpkComparison.KERNEL_TOLERANCE,
                1 + DpkComparison.KERNEL_TOLERANCE);
        Path png = plots.png(id);
        plot.write(png);
        List<RunInfo> runs = new ArrayList<>();
        runs.add(RunInfo.of(name, version, seed, r.run()));
        model.ifPresent(m -> runs.add(RunInfo.of(name + ", " + REFERENCE_MODEL, version, seed, m.run())));
        return new ReportSection(id, "dpk", "Dose point kernel: " + b.source().title(), b.setup(), runs, figures,
                List.of(plots.link(png)), comparisons, notes, "kernel not judged (" + noReference + ")");
    }

    private static PlotSeries ratioSeries(String label, ComparisonResult kc, ScaledDosePointKernel ref) {
        return PlotSeries.markers(label, kc.points().stream().mapToDouble(p -> p.x()).toArray(),
                kc.points().stream().mapToDouble(p -> 1 + p.deviation()).toArray(),
                kc.points().stream().mapToDouble(p -> p.engineSigma() / ref.peak()).toArray());
    }
}
