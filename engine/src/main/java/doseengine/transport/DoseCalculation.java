package doseengine.transport;

import doseengine.dosimetry.LocalEnergyDeposition;
import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.kernels.ParticleType;
import doseengine.tally.EnergyBalance;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;
import doseengine.physics.decay.EmissionTable;
import doseengine.source.VoxelSource;
import doseengine.tally.BatchTally;
import doseengine.tally.DoseMap;
import doseengine.tally.RegionDose;
import doseengine.tally.RegionDoseCalculator;
import doseengine.tally.UncertaintyTarget;
import doseengine.dosimetry.TimeIntegratedActivity;
import doseengine.tally.VoxelBatchTally;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One dose calculation from a {@link DoseProblem}: physics tables, decay source and tally are built, the
 * backend's history driver runs the batches ({@link TransportRun}), and the batches become dose and organ statistics.
 *
 * <p>Dose in Gy is the mean dose per decay times the number of decays of the time-integrated activity,
 * {@code A~ [MBq h] * 3.6e9}: the activity image gives both where decays happen (the source samples voxels in
 * proportion to it) and how many there are.
 */
public final class DoseCalculation {
    /** Points of the common dose axis of the DVHs. */
    public static final int DVH_BINS = 400;

    private DoseCalculation() {}

    public static DoseResult run(DoseProblem p, RunSettings s, ProgressListener progress) {
        return run(p, s, progress, UnaryOperator.identity());
    }

    /**
     * {@link #run} of a decay-count run that saves checkpoints and/or resumes from one ({@link Checkpointing}): a
     * resumed run transports only the batches after those of the checkpoint and gives the uninterrupted run's
     * result bit for bit (exact statistics).
     *
     * @throws BadInputException when resuming a target-uncertainty run or local energy deposition
     */
    public static DoseResult run(DoseProblem p, RunSettings s, ProgressListener progress, Checkpointing checkpoints) {
        long t0 = System.nanoTime();
        requireTargetLabel(p, s.stop());
        if (s.method() == TransportMethod.LOCAL_DEPOSITION || !(s.stop() instanceof StopRule.DecayCount)) {
            if (checkpoints.resumed() != null) {
                throw new BadInputException("only a Monte Carlo run of fixed decays (--decays) can be resumed");
            }
            return run(p, s, progress);
        }
        PartRun t = transport(p, s, progress, UnaryOperator.identity(), null, t0, checkpoints);
        return result(p, t.settings(), t.tally(), t.outcome(), t.setupSeconds(), t.sourceWeightMBqH());
    }

    /**
     * {@link #run} with the batch loop's view of the tally wrapped by {@code observe}: the exact-tally regression
     * tests read each batch's fixed-point units there, before the fold turns them into doubles and zeroes them.
     */
    static DoseResult run(DoseProblem p, RunSettings s, ProgressListener progress, UnaryOperator<BatchTally> observe) {
        long t0 = System.nanoTime();
        requireTargetLabel(p, s.stop());
        if (s.method() == TransportMethod.LOCAL_DEPOSITION) {
            return localDeposition(p, s, t0);
        }
        PartRun t = transport(p, s, progress, observe, null, t0, Checkpointing.NONE);
        return result(p, t.settings(), t.tally(), t.outcome(), t.setupSeconds(), t.sourceWeightMBqH());
    }

    /**
     * Transports only the batches of one part of a decay-count Monte Carlo run ({@link RunPart}) and returns its
     * tally, unfolded into dose: the parts are summed by {@link #merged} into the whole run's result.
     *
     * @throws BadInputException for a target-uncertainty run or local energy deposition (nothing to split)
     */
    public static PartRun runPart(DoseProblem p, RunSettings s, RunPart part, ProgressListener progress) {
        return runPart(p, s, part, progress, Checkpointing.NONE);
    }

    /** {@link #runPart} saving checkpoints of the part and/or resuming the part from one. */
    public static PartRun runPart(DoseProblem p, RunSettings s, RunPart part, ProgressListener progress,
                                  Checkpointing checkpoints) {
        if (!(s.stop() instanceof StopRule.DecayCount)) {
            throw new BadInputException("--part splits a run of fixed decays; a --target-uncertainty run decides its "
                    + "batches as it goes and cannot be split");
        }
        if (s.method() == TransportMethod.LOCAL_DEPOSITION) {
            throw new BadInputException("--part does not apply to --method led: it is computed exactly, there are no "
                    + "batches to split");
        }
        return transport(p, s, progress, UnaryOperator.identity(), part, System.nanoTime(), checkpoints);
    }

    /**
     * The result of a decay-count run whose batches were run in parts and summed into {@code tally} (exact
     * statistics of every batch of the run): the same dose, organ statistics, balance and watched region as the
     * whole run, bit for bit. {@code threads}, {@code seconds} and {@code setupSeconds} are only reported.
     */
    public static DoseResult merged(DoseProblem p, RunSettings s, VoxelBatchTally tally, int threads, double seconds,
                                    double setupSeconds) {
        if (!tally.isExact()) {
            throw new IllegalArgumentException("parts add up only with exact statistics");
        }
        UncertaintyWatch.Reading reading = UncertaintyWatch.hottest(tally, p.density()).read();
        RunOutcome outcome = new RunOutcome(tally.decays(), tally.batches(), threads, seconds,
                RunOutcome.Stop.DECAYS_DONE, reading.region(), reading.relativeUncertainty());
        return result(p, s, tally, outcome, setupSeconds, VoxelSource.fromActivity(p.tiaMBqH()).totalWeight());
    }

    private static PartRun transport(DoseProblem p, RunSettings s, ProgressListener progress,
                                     UnaryOperator<BatchTally> observe, RunPart part, long t0,
                                     Checkpointing checkpoints) {
        // A decay-count run has equal batches: exact integer statistics, so that parts of it add up bit for bit.
        VoxelBatchTally tally = checkpoints.resumed() != null ? checkpoints.resumed()
                : s.stop() instanceof StopRule.DecayCount ? VoxelBatchTally.exact(p.grid(), p.labels())
                : new VoxelBatchTally(p.grid(), p.labels());
        PhysicsTables tables = PhysicsTables.build(p.materials(), EmissionTable.of(p.nuclide()), s.parameters(),
                p.material().data(), p.density().data());
        VoxelSource source = VoxelSource.fromActivity(p.tiaMBqH());
        BatchPlan plan = BatchPlan.of(s.stop(), tally.bins());
        RunOutcome outcome;
        double setup;
        RunSettings used;
        // The driver holds the device (OpenCL) until the transport is done; a fallback changes the backend reported.
        try (BackendChoice.BackendHistoryDriver driver = s.backend().open(s.method(), tables, geometry(p), source.sampler(),
                s.seed(), s.threads(), progress::onWarning)) {
            used = s.withBackend(driver.backend());
            setup = (System.nanoTime() - t0) * 1e-9;
            UncertaintyWatch watch = UncertaintyWatch.hottest(tally, p.density());
            BatchTally seen = observe.apply(tally);
            TransportRun run = checkpoints.resumed() != null ? TransportRun.resuming(driver.driver(), seen, s.threads())
                    : new TransportRun(driver.driver(), seen, s.threads());
            TransportRun.BetweenBatches between = checkpoints.saves() ? saver(checkpoints, part, tally, used, setup,
                    plan, source.totalWeight(), s.threads()) : TransportRun.BetweenBatches.NONE;
            outcome = run.execute(s.stop(), watch, progress, part, between);
        }
        if (checkpoints.resumedSeconds() > 0) {
            outcome = new RunOutcome(outcome.decays(), outcome.batches(), outcome.threads(),
                    checkpoints.resumedSeconds() + outcome.seconds(), outcome.stop(), outcome.watchedRegion(),
                    outcome.watchedRelativeUncertainty(), outcome.targets());
        }
        return new PartRun(part, tally, used, outcome, setup, plan, source.totalWeight());
    }

    /** Saves the state after a batch when the schedule says so, as the part run of the batches folded so far. */
    private static TransportRun.BetweenBatches saver(Checkpointing c, RunPart part, VoxelBatchTally tally,
                                                     RunSettings used, double setup, BatchPlan plan, double weight,
                                                     int threads) {
        return new TransportRun.BetweenBatches() {
            private int lastBatches = tally.batches();
            private double lastSeconds = 0;
            private double lastSaveSeconds = 0;

            @Override
            public void after(int batchesDone, double seconds) {
                int batches = tally.batches();
                if (!c.schedule().due(batches - lastBatches, seconds - lastSeconds, lastSaveSeconds)) {
                    return;
                }
                long t = System.nanoTime();
                RunOutcome sofar = new RunOutcome(tally.decays(), batches, threads, c.resumedSeconds() + seconds,
                        RunOutcome.Stop.DECAYS_DONE, null, Double.NaN);
                c.sink().save(new PartRun(part, tally, used, sofar, setup, plan, weight));
                lastSaveSeconds = (System.nanoTime() - t) * 1e-9;
                lastBatches = batches;
                lastSeconds = seconds + lastSaveSeconds;
            }
        };
    }

    private static DoseResult result(DoseProblem p, RunSettings used, VoxelBatchTally tally, RunOutcome outcome,
                                     double setup, double sourceWeightMBqH) {
        TimeIntegratedActivity tia = TimeIntegratedActivity.ofMBqHours(sourceWeightMBqH);
        DoseMap dose = DoseMap.of(tally, p.density(), tia);
        List<RegionDose> regions = p.labels() == null || p.labels().names().isEmpty() ? List.of()
                : RegionDoseCalculator.compute(tally, dose, p.density(), new double[0], DVH_BINS);
        return DoseResult.of(p, used, dose, regions, tally.energyBalance(), outcome, setup);
    }

    /**
     * Local energy deposition, computed exactly from the activity map ({@link LocalEnergyDeposition}): no decay is
     * sampled, so the dose has no statistical uncertainty (the uncertainty map is 0) and the run's decays and
     * batches are 0. The energy balance: the electrons' energy deposited (less what falls in massless voxels),
     * the photons' escaped.
     */
    private static DoseResult localDeposition(DoseProblem p, RunSettings s, long t0) {
        EmissionTable emissions = EmissionTable.of(p.nuclide());
        double electrons = emissions.expectedEnergyPerDecayMeV(ParticleType.ELECTRON);
        double photons = emissions.expectedEnergyPerDecayMeV(ParticleType.PHOTON);
        LocalEnergyDeposition.Result led = LocalEnergyDeposition.dose(p.tiaMBqH(), p.density(), electrons);
        double tiaDecays = led.emittedElectronMeV() / electrons;
        if (!(tiaDecays > 0)) {
            throw new BadInputException("activity image is empty: no voxel has activity > 0");
        }
        FloatVolume zero = new FloatVolume(p.grid(), new float[p.grid().voxelCount()]);
        DoseMap dose = new DoseMap(led.doseGy(), zero, tiaDecays);
        List<RegionDose> regions = p.labels() == null || p.labels().names().isEmpty() ? List.of()
                : RegionDoseCalculator.exact(dose, p.density(), p.labels(), new double[0], DVH_BINS);
        double deposited = electrons * led.depositedFraction();
        EnergyBalance balance = new EnergyBalance(deposited, electrons + photons - deposited, electrons + photons);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        RunOutcome outcome = new RunOutcome(0, 0, 1, seconds, RunOutcome.Stop.EXACT, null, Double.NaN);
        RunSettings used = s.withBackend(BackendChoice.Resolved.java(1, null));
        return DoseResult.of(p, used, dose, regions, balance, outcome, 0);
    }

    /**
     * Refuses a target-uncertainty rule with a region whose label the problem does not have, before any work.
     *
     * @throws BadInputException naming the known labels
     */
    public static void requireTargetLabel(DoseProblem p, StopRule stop) {
        if (stop instanceof StopRule.TargetUncertainty t) {
            if (p.labels() == null) {
                throw new BadInputException("--target-label " + t.regionList() + " needs a label image (--labels)");
            }
            for (String region : t.regions()) {
                UncertaintyTarget.memberValues(p.labels(), region);
            }
        }
    }

    /**
     * The voxel world in the transport frame: voxel sizes in cm, material index and density per voxel. Public so that
     * the benchmark ({@code doseengine.bench}) builds its history drivers exactly as a dose calculation does.
     */
    public static VoxelGeometry geometry(DoseProblem p) {
        VoxelGrid g = p.grid();
        return new VoxelGeometry(g.nx(), g.ny(), g.nz(), (float) (g.spacingX() / 10), (float) (g.spacingY() / 10),
                (float) (g.spacingZ() / 10), p.material().data(), p.density().data());
    }
}
