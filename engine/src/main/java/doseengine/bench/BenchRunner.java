package doseengine.bench;

import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.opencl.OpenClHistoryDriver;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.transport.BackendChoice;
import doseengine.physics.PhysicsTables;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.material.Material;
import doseengine.source.VoxelSource;
import doseengine.tally.VoxelBatchTally;
import doseengine.transport.BatchPlan;
import doseengine.transport.DoseCalculation;
import doseengine.transport.DoseProblem;
import doseengine.transport.ProgressListener;
import doseengine.transport.RunOutcome;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportRun;
import java.util.List;

/**
 * Runs one benchmark problem the way {@link DoseCalculation} runs a dose calculation (same tables, source, history driver
 * and {@link TransportRun}), timing its parts separately:
 * <ol>
 * <li>table build: physics tables, the source's alias table and the backend's history driver;</li>
 * <li>warm-up: a short untimed run on the same driver into a throwaway tally, so that the timed run measures
 * compiled code rather than the JIT compiler (the first problem would otherwise pay for it);</li>
 * <li>the timed run: the transport with its batch folding and stop rule, exactly as a dose calculation does it. The
 * dose map and organ statistics computed after a calculation are not part of it.</li>
 * </ol>
 */
public final class BenchRunner {
    private final RunSettings settings;
    private final long warmupDecays;

    /**
     * @param settings     backend, method, seed, threads and parameters; its stop rule is ignored (each problem has
     *                     its own)
     * @param warmupDecays untimed decays before each timed run; 0 for none, else at least one per batch
     *                     ({@value BatchPlan#MIN_BATCHES})
     */
    public BenchRunner(RunSettings settings, long warmupDecays) {
        if (warmupDecays != 0 && warmupDecays < BatchPlan.MIN_BATCHES) {
            throw new BadInputException("--warmup-decays must be 0 or at least "
                    + BatchPlan.MIN_BATCHES + ", got " + warmupDecays);
        }
        this.settings = settings;
        this.warmupDecays = warmupDecays;
    }

    /**
     * @param stop     the timed run's stop rule
     * @param progress receives the timed run's progress
     */
    public BenchResult run(BenchCase c, StopRule stop, ProgressListener progress) {
        DoseProblem p = c.problem();
        long t0 = System.nanoTime();
        PhysicsTables tables = PhysicsTables.build(p.materials(), EmissionTable.of(p.nuclide()),
                settings.parameters(), p.material().data(), p.density().data());
        VoxelSource source = VoxelSource.fromActivity(p.tiaMBqH());
        // The driver holds the device (OpenCL) until the timed run is done; a fallback to Java is printed.
        try (BackendChoice.BackendHistoryDriver opened = settings.backend().open(settings.method(), tables,
                DoseCalculation.geometry(p), source.sampler(), settings.seed(), settings.threads(),
                progress::onWarning)) {
            return timed(c, p, opened.driver(), (System.nanoTime() - t0) * 1e-9, stop, progress);
        }
    }

    private BenchResult timed(BenchCase c, DoseProblem p, HistoryDriver driver, double tableBuild, StopRule stop,
                              ProgressListener progress) {
        if (warmupDecays > 0) {
            new TransportRun(driver, new VoxelBatchTally(p.grid()), settings.threads())
                    .execute(new StopRule.DecayCount(warmupDecays), null, ProgressListener.NONE);
        }
        // Let the previous problem's and the warm-up's tallies go now rather than in the middle of the timed run.
        System.gc();

        long steps0 = electronSteps(driver);
        double cpu0 = ProcessCpu.seconds();
        VoxelBatchTally tally = new VoxelBatchTally(p.grid(), p.labels());
        RunOutcome o = new TransportRun(driver, tally, settings.threads()).execute(stop, null, progress);
        double cpu = ProcessCpu.seconds() - cpu0;
        long steps = electronSteps(driver) - steps0;

        BenchResult.TargetOutcome target = null;
        if (stop instanceof StopRule.TargetUncertainty t) {
            BatchPlan plan = BatchPlan.of(t, tally.bins());
            target = new BenchResult.TargetOutcome(t.regionList(), t.relativeUncertainty(),
                    o.stop() == RunOutcome.Stop.TARGET_REACHED, o.watchedRelativeUncertainty(), plan.maxDecays(),
                    plan.decaysPerBatch(Math.max(0, o.batches() - 1)), plan.decaysBefore(plan.minBatches()));
        }
        List<String> materials = p.materials().stream().map(Material::name).toList();
        VoxelGrid g = p.grid();
        return new BenchResult(c.spec().name(), p.nuclide().name(), c.description(), c.voxelMm(),
                new int[] {g.nx(), g.ny(), g.nz()}, materials, o.decays(), o.batches(), o.threads(), o.seconds(),
                tableBuild, c.buildSeconds(), warmupDecays,
                steps > 0 ? (double) steps / o.decays() : Double.NaN, cpu, target);
    }

    /** Electron steps the driver counted so far; 0 when it does not count them. */
    private static long electronSteps(HistoryDriver driver) {
        if (driver instanceof JavaHistoryDriver j) {
            return j.electronSteps();
        }
        return driver instanceof OpenClHistoryDriver o ? o.electronSteps() : 0;
    }
}
