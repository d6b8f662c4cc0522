package doseengine.validation;

import doseengine.geometry.VoxelGrid;
import doseengine.io.OutputDirectory;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.decay.RadiationType;
import doseengine.tally.EnergyBalance;
import doseengine.validation.benchmark.DpkBenchmark;
import doseengine.validation.benchmark.SphereBenchmark;
import doseengine.validation.benchmark.SphereResult;
import doseengine.validation.benchmark.VsvBenchmark;
import doseengine.validation.benchmark.VsvResult;
import doseengine.validation.compare.BackendAgreement;
import doseengine.validation.compare.EnergyBalanceCheck;
import doseengine.validation.reference.DosePointKernelReference;
import doseengine.validation.reference.OlindaSphereTable;
import doseengine.validation.reference.SphereSValueReference;
import doseengine.validation.reference.VoxelSValueReference;
import doseengine.validation.reference.VoxelSValueTable;
import doseengine.validation.reference.VsvTissue;
import doseengine.validation.report.HtmlReportWriter;
import doseengine.validation.report.JsonReportWriter;
import doseengine.validation.report.ReportSection;
import doseengine.validation.report.ValidationReport;
import doseengine.validation.run.BackendChoice;
import doseengine.validation.run.BackendUnavailableException;
import doseengine.validation.run.BenchmarkRunner;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.PointSourceResult;
import doseengine.validation.run.TransportSettings;
import doseengine.validation.run.UnavailableBenchmarkRunner;
import doseengine.validation.run.VoxelSourceResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code validate all}: every benchmark with a shipped reference, the nuclide kernels, spheres, the energy balance
 * of every run and, when both backends are there, Java against OpenCL; one report.
 *
 * <p>The list: dose point kernels of electrons at 10, 15, 100 and 500 keV (the reference energies) and of the
 * electron emissions of Lu-177, Y-90 and I-131; voxel S values for every shipped Lanconelli table (12); Lu-177
 * spheres at all 13 masses of the shipped OLINDA/EXM table (0.5-54 g, judged); spheres of 1, 10 and 100 g of I-131
 * and Y-90 (shown: no reference), or instead of those the spheres of the user's reference table. {@code --quick}:
 * the four electron kernels, the three 3 mm soft-tissue VSV tables, Lu-177 spheres of 0.5 and 54 g (judged) and
 * 10 g spheres of I-131 and Y-90 (or the user's table's), at a quarter of the decays.
 *
 * <p>Layout under the output folder: {@code report.html}, {@code report.json}, {@code plots/*.png},
 * {@code dpk/<source>/dpk.csv + summary.json}, {@code vsv/<table>/vsv.csv}, {@code sphere/<nuclide>_<mass>g/sphere.json}.
 */
public final class ValidationSuite {
    /**
     * Decays per run unless {@code --decays} says otherwise. Chosen from the measured statistical errors
     * (docs/validation.md, Java backend): at 1e6 decays the largest standard error of a judged value is 0.15 of its
     * tolerance (Y-90 3 mm bone VSV at (0,0,2), 1.5 % against 10 %), that of the dose point kernels at most 0.04
     * (j) and 0.013 (X90); a value at its tolerance is then 6 or more standard errors from the other side. The whole
     * suite takes about 18 minutes on two cores.
     */
    public static final long DEFAULT_DECAYS = 1_000_000;
    /**
     * Decays per run with {@code --quick}: the largest standard error of a judged value is then 0.2 of its tolerance
     * (Y-90 3 mm soft-tissue VSV at (0,2,2), 2 % against 10 %; the Lu-177 face neighbours 0.6 % against 5 %, the
     * kernels at most 0.08). 75 s on two idle cores, a few minutes when they are shared.
     */
    public static final long QUICK_DECAYS = 250_000;
    /** Spheres of the nuclides without a shipped sphere reference (shown only). */
    static final List<Double> DEFAULT_SPHERE_MASSES_G = List.of(1.0, 10.0, 100.0);
    static final List<Double> QUICK_SPHERE_MASSES_G = List.of(10.0);
    /**
     * The OLINDA/EXM masses of the quick suite: the lightest and the heaviest sphere of the table, both printed to
     * three significant digits, where the electrons' escape (lightest) and the photons' share (heaviest) are
     * largest. The full suite runs all 13 (about 30 s each on two cores at 1e6 decays).
     */
    static final List<Double> QUICK_OLINDA_MASSES_G = List.of(0.5, 54.0);
    static final double QUICK_VSV_VOXEL_MM = 3.0;
    /** The agreement problems: a short electron kernel and a photon-rich voxel problem. */
    static final double AGREEMENT_ELECTRON_MEV = 0.1;

    private final SuiteContext ctx;
    private final boolean quick;
    private final Optional<SphereSValueReference> sphereReference;

    public ValidationSuite(SuiteContext ctx, boolean quick, Optional<SphereSValueReference> sphereReference) {
        this.ctx = ctx;
        this.quick = quick;
        this.sphereReference = sphereReference;
    }

    /** Runs everything, writes the data files, plots and the report; returns the report. */
    public ValidationReport run(Path out) {
        if (ctx.runner().availableBackends().isEmpty()) {
            // Nothing can run: say so before creating folders.
            throw new BackendUnavailableException(UnavailableBenchmarkRunner.MESSAGE);
        }
        ctx.runner().checkSettings(ctx.settings());
        Path dir = OutputDirectory.prepare(out);
        PlotFiles plots = new PlotFiles(dir, OutputDirectory.prepare(dir.resolve("plots")));
        List<ReportSection> sections = new ArrayList<>();
        Map<String, EnergyBalance> balances = new LinkedHashMap<>();

        for (EmissionSource source : dpkSources()) {
            Path data = OutputDirectory.prepare(dir.resolve("dpk").resolve(source.fileStem()));
            DpkValidation.Outcome o = DpkValidation.run(ctx, source, data, plots);
            sections.add(o.section());
            balances.putAll(o.balances());
        }
        for (VsvBenchmark b : vsvBenchmarks()) {
            Path data = OutputDirectory.prepare(dir.resolve("vsv").resolve(PlotFiles.id(
                    b.nuclide().name() + "_" + b.tissue().key() + "_" + b.voxelMm() + "mm")));
            VsvValidation.Outcome o = VsvValidation.run(ctx, b, data, plots);
            sections.add(o.section());
            balances.put("vsv " + b.title(), o.result().balance());
        }
        List<SphereResult> spheres = new ArrayList<>();
        for (SphereBenchmark b : sphereBenchmarks()) {
            Path data = OutputDirectory.prepare(dir.resolve("sphere").resolve(PlotFiles.id(
                    b.nuclide().name() + "_" + b.massG() + "g")));
            SphereResult r = SphereValidation.run(ctx, b, data, sphereReference);
            spheres.add(r);
            List<VoxelSourceResult> runs = r.runs();
            balances.put("sphere " + b.title() + " electrons", runs.get(0).balance());
            if (runs.size() > 1) {
                balances.put("sphere " + b.title() + " photons", runs.get(1).balance());
            }
        }
        for (String nuclide : NuclideCatalog.names()) {
            if (spheres.stream().anyMatch(r -> r.benchmark().nuclide().name().equals(nuclide))) {
                sections.add(SphereValidation.section(nuclide, spheres, sphereReference, ctx.settings().seed(),
                        ctx.version(), plots));
            }
        }
        List<BackendAgreement> agreement = backendAgreement();
        ValidationReport report = new ValidationReport("doseengine validation" + (quick ? " (quick)" : ""),
                ctx.version(), Instant.now(), ctx.settingsLine(), sections,
                Optional.of(EnergyBalanceCheck.check(balances)), agreement);
        HtmlReportWriter.write(report, dir.resolve("report.html"));
        JsonReportWriter.write(report, dir.resolve("report.json"));
        return report;
    }

    /** The dose point kernel sources of this suite. */
    List<EmissionSource> dpkSources() {
        List<EmissionSource> out = new ArrayList<>();
        for (double e : DosePointKernelReference.standard().allEnergiesMeV()) {
            out.add(new EmissionSource.MonoenergeticElectron(e));
        }
        if (!quick) {
            EnumSet<RadiationType> electrons = EnumSet.of(RadiationType.BETA, RadiationType.IC, RadiationType.AUGER);
            for (String n : NuclideCatalog.names()) {
                out.add(new EmissionSource.NuclideEmissions(NuclideCatalog.get(n), electrons));
            }
        }
        return out;
    }

    /** The voxel S-value benchmarks: every shipped table, or the 3 mm soft-tissue ones when quick. */
    List<VsvBenchmark> vsvBenchmarks() {
        List<VsvBenchmark> out = new ArrayList<>();
        for (VoxelSValueTable t : VoxelSValueReference.standard().tables()) {
            if (!quick || (t.tissue() == VsvTissue.SOFT && t.voxelMm() == QUICK_VSV_VOXEL_MM)) {
                out.add(new VsvBenchmark(NuclideCatalog.get(t.nuclide()), t.tissue(), t.voxelMm()));
            }
        }
        return out;
    }

    /**
     * The spheres: Lu-177 at the OLINDA/EXM table's masses (all 13, or {@link #QUICK_OLINDA_MASSES_G} when quick),
     * judged against the table; then the spheres of the user's reference table, or without one the default masses
     * of the other nuclides. A sphere is run once even when both lists name it.
     */
    List<SphereBenchmark> sphereBenchmarks() {
        List<SphereBenchmark> out = new ArrayList<>();
        OlindaSphereTable olinda = OlindaSphereTable.standard();
        for (double m : quick ? QUICK_OLINDA_MASSES_G : olinda.massesG()) {
            out.add(new SphereBenchmark(NuclideCatalog.get(OlindaSphereTable.NUCLIDE), m));
        }
        if (sphereReference.isPresent()) {
            for (SphereSValueReference.Entry e : sphereReference.get().entries()) {
                boolean run = out.stream().anyMatch(b -> b.nuclide().name().equals(e.nuclide())
                        && sameMass(b.massG(), e.massG()));
                if (!run) {
                    out.add(new SphereBenchmark(NuclideCatalog.get(e.nuclide()), e.massG()));
                }
            }
            return out;
        }
        for (String n : NuclideCatalog.names()) {
            if (n.equals(OlindaSphereTable.NUCLIDE)) {
                continue;
            }
            for (double m : quick ? QUICK_SPHERE_MASSES_G : DEFAULT_SPHERE_MASSES_G) {
                out.add(new SphereBenchmark(NuclideCatalog.get(n), m));
            }
        }
        return out;
    }

    /** Whether two masses name one sphere (as the reference tables match them). */
    private static boolean sameMass(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(a, b);
    }

    /**
     * Why the Java-versus-OpenCL section does not run, or empty when it does: it runs with {@code --backend auto}
     * whenever the runner has both backends, an OpenCL device of any kind (a CPU device too, which {@code auto}
     * does not choose for the benchmarks themselves: the section checks the twin kernels, not speed).
     */
    public Optional<String> backendAgreementSkipped() {
        if (ctx.settings().backend() != BackendChoice.AUTO) {
            return Optional.of("--backend " + ctx.settings().backend().key() + "; it runs with --backend auto");
        }
        List<BackendChoice> backends = ctx.runner().availableBackends();
        if (!backends.contains(BackendChoice.JAVA) || !backends.contains(BackendChoice.OPENCL)) {
            return Optional.of("no OpenCL device with 64-bit integer atomics");
        }
        return Optional.empty();
    }

    /**
     * Java against OpenCL when the backend is {@code auto} and the runner has both: the 100 keV electron kernel
     * (shells) and the I-131 3 mm soft-tissue voxel problem (voxels), each run on both backends with seeds s and
     * s + 1 so the two are independent.
     */
    private List<BackendAgreement> backendAgreement() {
        if (backendAgreementSkipped().isPresent()) {
            return List.of();
        }
        BenchmarkRunner runner = ctx.runner();
        TransportSettings onJava = ctx.settings().withBackend(BackendChoice.JAVA);
        TransportSettings onOpenCl = new TransportSettings(onJava.decays(), onJava.seed() + 1, BackendChoice.OPENCL,
                onJava.device(), onJava.threads(), onJava.electronCutoffKeV(), onJava.photonCutoffKeV());
        DpkBenchmark dpk = DpkBenchmark.of(new EmissionSource.MonoenergeticElectron(AGREEMENT_ELECTRON_MEV));
        PointSourceResult a = runner.runPointSource(dpk.problem(), onJava);
        PointSourceResult b = runner.runPointSource(dpk.problem(), onOpenCl);
        double[] edges = dpk.shellEdgesMm();
        VsvBenchmark vsv = new VsvBenchmark(NuclideCatalog.get("I-131"), VsvTissue.SOFT, QUICK_VSV_VOXEL_MM);
        VsvResult c = vsv.evaluate(runner.runVoxelSource(vsv.problem(), onJava));
        VsvResult d = vsv.evaluate(runner.runVoxelSource(vsv.problem(), onOpenCl));
        // The S values of the offset classes (i <= j <= k), each the mean of its up to 48 mirror images: single
        // voxels far from the source see too few deposits per batch for their batch errors (BackendAgreement).
        List<int[]> classes = new ArrayList<>();
        for (int k = 0; k <= VoxelSValueTable.MAX_OFFSET; k++) {
            for (int j = 0; j <= k; j++) {
                for (int i = 0; i <= j; i++) {
                    classes.add(new int[] {i, j, k});
                }
            }
        }
        int n = classes.size();
        double[][] v = new double[4][n];
        for (int m = 0; m < n; m++) {
            int[] o = classes.get(m);
            v[0][m] = c.s(o[0], o[1], o[2]);
            v[1][m] = c.relativeUncertainty(o[0], o[1], o[2]);
            v[2][m] = d.s(o[0], o[1], o[2]);
            v[3][m] = d.relativeUncertainty(o[0], o[1], o[2]);
        }
        return List.of(
                BackendAgreement.of("dpk e-:" + AGREEMENT_ELECTRON_MEV + " shells", a.shellMeVPerDecay(),
                        a.shellRelativeUncertainty(), a.run().batches(), b.shellMeVPerDecay(),
                        b.shellRelativeUncertainty(), b.run().batches(),
                        i -> String.format(Locale.ROOT, "shell %.4g-%.4g mm", edges[i], edges[i + 1])),
                BackendAgreement.of("vsv " + vsv.title() + " S values", v[0], v[1], c.run().batches(), v[2], v[3],
                        d.run().batches(),
                        m -> "offset (" + classes.get(m)[0] + "," + classes.get(m)[1] + "," + classes.get(m)[2]
                                + ")"));
    }

}
