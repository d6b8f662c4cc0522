package doseengine.validation.run;

import doseengine.kernels.source.DecaySource;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import doseengine.source.PointSources;
import doseengine.source.VoxelSource;
import doseengine.tally.BatchMoments;
import doseengine.tally.BatchTally;
import doseengine.tally.ShellBatchTally;
import doseengine.tally.VoxelBatchTally;
import doseengine.kernels.opencl.OpenClDeviceInfo;
import doseengine.kernels.opencl.OpenClDiscovery;
import doseengine.transport.BackendChoice.Requested;
import doseengine.transport.BackendChoice.Resolved;
import doseengine.transport.ProgressPrinter;
import doseengine.transport.RunOutcome;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import doseengine.transport.TransportRun;
import doseengine.transport.UncertaintyWatch;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The suite's runner: the engine's coupled photon-electron Monte Carlo, through the same pieces as a dose
 * calculation ({@code doseengine.transport.DoseCalculation}): physics tables for the problem's materials and
 * source, the backend's history driver ({@code BackendChoice}, {@code HistoryDriverFactory}), and {@link TransportRun} over at
 * least 10 equal batches on a pool of threads, with progress on standard error ({@link ProgressPrinter}).
 *
 * <ul>
 *   <li>point source: the problem's homogeneous grid, a {@link PointSource} at the problem's world position in
 *   the transport frame ({@link PointSources#atWorldMm}), energy binned in spherical shells around it
 *   ({@link ShellBatchTally}); deposits beyond the last shell count as escaped;</li>
 *   <li>voxel source: decays in proportion to the problem's activity ({@link VoxelSource#fromActivity}), energy
 *   per voxel and per labelled region ({@link VoxelBatchTally}; a region's error comes from its own batch
 *   totals).</li>
 * </ul>
 *
 * <p>Settings: decays (rounded up to 10 equal batches, {@code BatchPlan}), seed (one seed, one result, for any
 * thread count), backend (the engine's {@code BackendChoice}: {@code auto} takes an OpenCL GPU when there is a
 * usable one, else Java, and says so once; {@code opencl} runs on any usable device, a CPU device too, and is refused
 * with one line without one), device,
 * threads (default: all cores), and the electron and photon cutoffs ({@link TransportSettings#transportParameters()}).
 * The {@link RunRecord}'s seconds are the wall time of the whole call, tables included.
 */
public final class TransportBenchmarkRunner implements BenchmarkRunner {
    private final Supplier<PrintWriter> log;
    private final Set<String> notesShown = ConcurrentHashMap.newKeySet();

    /** Progress and notes go to the standard error of the moment of each run. */
    public TransportBenchmarkRunner() {
        this(() -> new PrintWriter(System.err, true));
    }

    /** @param log where each run's progress and notes go (asked for at each run and note) */
    public TransportBenchmarkRunner(Supplier<PrintWriter> log) {
        this.log = log;
    }

    @Override
    public List<BackendChoice> availableBackends() {
        boolean openCl = OpenClDiscovery.discover().devices().stream().anyMatch(OpenClDeviceInfo::int64Atomics);
        return openCl ? List.of(BackendChoice.JAVA, BackendChoice.OPENCL) : List.of(BackendChoice.JAVA);
    }

    /** Resolves the backend: throws the engine's one-line refusal for {@code opencl}. */
    @Override
    public void checkSettings(TransportSettings settings) {
        backend(settings, threads(settings));
    }

    @Override
    public PointSourceResult runPointSource(PointSourceProblem problem, TransportSettings settings) {
        long t0 = System.nanoTime();
        int threads = threads(settings);
        Resolved backend = backend(settings, threads);
        VoxelGeometry geometry = problem.voxelGeometry();
        PhysicsTables tables = tables(List.of(problem.material()), problem.source(), settings, geometry);
        PointSource source = PointSources.atWorldMm(problem.grid(), problem.sourceMm());
        ShellBatchTally tally = new ShellBatchTally(problem.shellEdgesCm(), source.x(), source.y(), source.z());
        Transported t = transport(problem.name(), backend, threads, tables, geometry, source, tally, null, settings);
        BatchMoments m = tally.shellMoments();
        double[] mean = new double[problem.shells()];
        double[] rel = new double[mean.length];
        for (int b = 0; b < mean.length; b++) {
            mean[b] = m.meanPerDecay(b);
            rel[b] = m.relativeStandardError(b);
        }
        return new PointSourceResult(mean, rel, tally.energyBalance(), record(t.backend(), t.outcome(), t0));
    }

    @Override
    public VoxelSourceResult runVoxelSource(VoxelSourceProblem problem, TransportSettings settings) {
        long t0 = System.nanoTime();
        int threads = threads(settings);
        Resolved backend = backend(settings, threads);
        VoxelGeometry geometry = problem.voxelGeometry();
        PhysicsTables tables = tables(problem.materials(), problem.source(), settings, geometry);
        VoxelSource source = VoxelSource.fromActivity(problem.activity());
        VoxelBatchTally tally = new VoxelBatchTally(problem.grid(), problem.regions());
        Transported t = transport(problem.name(), backend, threads, tables, geometry, source.sampler(), tally,
                UncertaintyWatch.hottest(tally, problem.density()), settings);
        BatchMoments m = tally.voxelMoments();
        double[] mean = new double[m.bins()];
        double[] rel = new double[mean.length];
        for (int v = 0; v < mean.length; v++) {
            mean[v] = m.meanPerDecay(v);
            rel[v] = m.relativeStandardError(v);
        }
        Map<String, RegionEnergy> regions = new LinkedHashMap<>();
        BatchMoments labels = tally.labelMoments();
        List<String> names = tally.labelNames();
        for (int c = 0; labels != null && c < names.size(); c++) {
            regions.put(names.get(c), new RegionEnergy(labels.meanPerDecay(c), labels.relativeStandardError(c)));
        }
        return new VoxelSourceResult(mean, rel, regions, tally.energyBalance(), record(t.backend(), t.outcome(), t0));
    }

    /** A run's outcome and the backend that really ran it (Java after an OpenCL fallback). */
    private record Transported(RunOutcome outcome, Resolved backend) {}

    private Transported transport(String name, Resolved backend, int threads, PhysicsTables tables,
            VoxelGeometry geometry, DecaySource source, BatchTally tally, UncertaintyWatch watch,
            TransportSettings settings) {
        try (doseengine.transport.BackendChoice.BackendHistoryDriver driver = backend.open(TransportMethod.MONTE_CARLO,
                tables, geometry, source, settings.seed(), threads, this::note)) {
            PrintWriter w = log.get();
            w.printf(Locale.ROOT, "%s: %,d decays on %s, seed %d%n", name, settings.decays(),
                    driver.backend().device(), settings.seed());
            w.flush();
            RunOutcome outcome = new TransportRun(driver.driver(), tally, threads)
                    .execute(new StopRule.DecayCount(settings.decays()), watch, new ProgressPrinter(w));
            return new Transported(outcome, driver.backend());
        } catch (doseengine.geometry.BadInputException e) {
            throw new BackendUnavailableException(e.getMessage());
        }
    }

    private static PhysicsTables tables(List<String> materialNames, EmissionSource source, TransportSettings settings,
            VoxelGeometry geometry) {
        List<Material> materials = materialNames.stream().map(MaterialCatalog.standard()::get).toList();
        return PhysicsTables.build(materials, source.table(), settings.transportParameters(), geometry.material(),
                geometry.density());
    }

    private static RunRecord record(Resolved backend, RunOutcome outcome, long startNanos) {
        return new RunRecord(backend.name(), backend.device(), outcome.decays(), outcome.batches(),
                (System.nanoTime() - startNanos) * 1e-9);
    }

    private static int threads(TransportSettings settings) {
        return settings.threads().orElse(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The engine's choice for these settings ({@code opencl} without a usable device refused there with one line);
     * its notes are printed the first time they come up. Probing OpenCL is safe because the JVM runs with signal
     * chaining (libjsig, set by the doseengine script and the test JVMs): drivers built on LLVM install their own
     * SIGSEGV handler.
     */
    private Resolved backend(TransportSettings settings, int threads) {
        Integer device = settings.device().isPresent() ? settings.device().getAsInt() : null;
        Resolved r;
        try {
            r = doseengine.transport.BackendChoice.resolve(Requested.valueOf(settings.backend().name()), device,
                    threads, OpenClDiscovery::discover);
        } catch (doseengine.geometry.BadInputException e) {
            throw new BackendUnavailableException(e.getMessage());
        }
        if (r.note() != null) {
            note(r.note());
        }
        return r;
    }

    private void note(String line) {
        if (notesShown.add(line)) {
            PrintWriter w = log.get();
            w.println(line);
            w.flush();
        }
    }
}
