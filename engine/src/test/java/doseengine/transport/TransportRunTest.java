package doseengine.transport;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.kernels.ParticleType;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.LocalDepositionDriver;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.source.VoxelSource;
import doseengine.tally.BatchMoments;
import doseengine.dosimetry.DoseConversion;
import doseengine.tally.DoseMap;
import doseengine.tally.ShellBatchTally;
import doseengine.tally.VoxelBatchTally;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch orchestration, tested with the local energy deposition kernel, whose answer is known exactly:
 * the mean energy per decay in voxel v is {@code P(v) E_e}, P(v) the alias table's exact probability of v and
 * E_e the emission table's exact mean electron energy per decay; dose per decay is that over the voxel mass.
 */
class TransportRunTest {
    private static final EmissionTable LU177 = EmissionTable.of(NuclideCatalog.get("Lu-177"));
    private static final double E_ELECTRON = LU177.expectedEnergyPerDecayMeV(ParticleType.ELECTRON);

    private final DoseProblem problem = SyntheticProblem.problem();
    private final VoxelSource source = VoxelSource.fromActivity(problem.tiaMBqH());

    private HistoryDriver led(long seed) {
        return new LocalDepositionDriver(LU177.newSampler(), source.sampler(), seed);
    }

    private VoxelBatchTally tally() {
        return new VoxelBatchTally(problem.grid(), problem.labels());
    }

    /** P(v) of every voxel, from the alias table columns in one pass. */
    private double[] voxelProbabilities() {
        double[] p = new double[problem.grid().voxelCount()];
        float[] prob = source.prob();
        int columns = prob.length;
        for (int c = 0; c < columns; c++) {
            p[source.voxelIndex()[c]] += prob[c] / (double) columns;
            p[source.alias()[c]] += (1 - (double) prob[c]) / columns;
        }
        return p;
    }

    @Test
    void labelMeansAgreeWithTheAnalyticLedDoseWithinFourStandardErrors() {
        // Reference: the LED dose per decay of a label, sum over its voxels of P(v) E_e, over the label mass
        // (exact up to float rounding of the table, < 1e-6). The run's own batch-means standard error is the
        // only uncertainty; 4 SE leaves a false-failure chance of about 1e-4 per label (with the t(9)
        // distribution of a 10-batch error, 4 SE is still a 0.3 % two-sided tail).
        VoxelBatchTally tally = tally();
        RunOutcome out = new TransportRun(led(11), tally, 2).execute(new StopRule.DecayCount(200_000), null,
                ProgressListener.NONE);
        assertEquals(200_000, out.decays());
        assertEquals(10, out.batches());
        double[] p = voxelProbabilities();
        float[] rho = problem.density().data();
        short[] lab = problem.labels().volume().data();
        double volume = problem.grid().voxelVolumeCm3();
        BatchMoments m = tally.labelMoments();
        for (int c = 0; c < 2; c++) {
            int value = tally.labelValue(c);
            double energy = 0, mass = 0;
            for (int v = 0; v < p.length; v++) {
                if (lab[v] == value) {
                    energy += p[v] * E_ELECTRON;
                    mass += rho[v] * volume;
                }
            }
            double expected = DoseConversion.gray(energy, mass);
            double measured = DoseConversion.gray(m.meanPerDecay(c), mass);
            double se = m.relativeStandardError(c) * measured;
            assertTrue(se > 0 && se < 0.05 * measured, "label " + value + " SE " + se);
            assertEquals(expected, measured, 4 * se, "label " + tally.labelNames().get(c));
        }
        // Energy balance: every electron is deposited, every photon escapes, exactly.
        var balance = tally.energyBalance();
        assertEquals(0, balance.relativeImbalance(), 1e-6);
        double photonFraction = LU177.expectedEnergyPerDecayMeV(ParticleType.PHOTON)
                / (E_ELECTRON + LU177.expectedEnergyPerDecayMeV(ParticleType.PHOTON));
        assertEquals(photonFraction, balance.escapedMeVPerDecay() / balance.emittedMeVPerDecay(), 0.02);
    }

    @Test
    void reportedVoxelUncertaintiesMatchTheActualScatterAroundTheAnalyticDose() {
        // For each of the 1000 voxels, (m_v - mu_v)^2 / mu_v^2 is an unbiased estimate of the true squared relative
        // error, and rel_unc_v^2 is another (batch-means variance estimator, unbiased). Summed over the voxels, the
        // ratio of the two sums is 1 in expectation. Its noise: the first sum is a sum of ~1000 scaled chi2(1)
        // terms (relative SD sqrt(2/1000) = 4.5 %), the second of 1000 chi2(9)/9 estimates (sqrt(2/9/1000) = 1.5 %),
        // so the ratio has an SD of about 5 %: accepting 0.8 .. 1.2 is a 4 SD band that still catches an error
        // estimate off by a factor sqrt(2) in variance (ratio 0.5 or 2).
        VoxelBatchTally tally = tally();
        new TransportRun(led(12), tally, 2).execute(new StopRule.DecayCount(400_000), null, ProgressListener.NONE);
        DoseMap map = DoseMap.perDecay(tally, problem.density());
        double[] p = voxelProbabilities();
        float[] rho = problem.density().data();
        double volume = problem.grid().voxelVolumeCm3();
        double scatter = 0, reported = 0;
        for (int v = 0; v < p.length; v++) {
            double mu = DoseConversion.gray(p[v] * E_ELECTRON, rho[v] * volume);
            double d = map.gray().data()[v];
            scatter += (d - mu) * (d - mu) / (mu * mu);
            double r = map.relativeUncertainty().data()[v];
            reported += r * r;
        }
        double ratio = scatter / reported;
        assertTrue(ratio > 0.8 && ratio < 1.2, "observed/reported variance ratio " + ratio);
    }

    @Test
    void oneSeedGivesBitIdenticalDoseMapsWithOneTwoAndThreeThreads() {
        // 12345 decays are run as 10 batches of 1235 (the plan rounds up to equal batches): 12350 decays.
        List<float[]> doses = new ArrayList<>();
        List<float[]> errors = new ArrayList<>();
        List<Double> hotSums = new ArrayList<>();
        for (int threads = 1; threads <= 3; threads++) {
            VoxelBatchTally tally = tally();
            RunOutcome out = new TransportRun(led(77), tally, threads).execute(new StopRule.DecayCount(12_345), null,
                    ProgressListener.NONE);
            assertEquals(12_350, out.decays());
            assertEquals(threads, out.threads());
            DoseMap map = DoseMap.perDecay(tally, problem.density());
            doses.add(map.gray().data());
            errors.add(map.relativeUncertainty().data());
            hotSums.add(tally.labelMoments().sumOfSquares(0));
        }
        for (int t = 1; t < 3; t++) {
            assertArrayEquals(doses.get(0), doses.get(t), "dose, " + (t + 1) + " threads");
            assertArrayEquals(errors.get(0), errors.get(t), "uncertainty, " + (t + 1) + " threads");
            assertEquals(hotSums.get(0), hotSums.get(t));
        }
        // A different seed gives a different map: the comparison above is not comparing constants.
        VoxelBatchTally other = tally();
        new TransportRun(led(78), other, 2).execute(new StopRule.DecayCount(12_345), null, ProgressListener.NONE);
        assertFalse(java.util.Arrays.equals(doses.get(0), DoseMap.perDecay(other, problem.density()).gray().data()));
    }

    @Test
    void targetRunStopsAtABatchEndThatMeetsTheTarget() {
        // Target 3 % on "hot", at most 200000 decays: pilot batches of 1000, then 5 % growth. The run must stop
        // once the label's judged error is <= 3 %, and no earlier than 20 batches.
        VoxelBatchTally tally = tally();
        List<RunProgress> seen = new ArrayList<>();
        StopRule rule = new StopRule.TargetUncertainty("hot", 0.03, 200_000);
        BatchPlan plan = BatchPlan.of(rule, tally.bins());
        RunOutcome out = new TransportRun(led(5), tally, 2).execute(rule, null, seen::add);
        assertEquals(RunOutcome.Stop.TARGET_REACHED, out.stop());
        assertEquals("hot", out.watchedRegion());
        assertEquals(1, out.targets().size());
        RunOutcome.TargetReading hot = out.targets().get(0);
        assertTrue(hot.reached() && hot.judged() <= 0.03 && hot.estimate() < hot.judged(), hot.toString());
        assertEquals(hot.estimate(), out.watchedRelativeUncertainty());
        assertEquals(plan.decaysBefore(out.batches()), out.decays(), "stops at a batch end of the plan");
        assertTrue(out.batches() >= BatchPlan.MIN_TARGET_BATCHES && out.decays() < 200_000, out.toString());
        // Progress shows the label only from ten batches on, with the batches behind it.
        for (RunProgress p : seen) {
            if (p.region() != null) {
                assertTrue(p.reading().batches() >= BatchPlan.MIN_BATCHES, p.toString());
            }
        }
        RunProgress last = seen.get(seen.size() - 1);
        assertTrue(last.finished());
        assertEquals(out.decays(), last.decaysDone());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).decaysDone() >= seen.get(i - 1).decaysDone(), "progress went backwards");
        }
        // The same seed stops at the same decay.
        RunOutcome again = new TransportRun(led(5), tally(), 3).execute(rule, null, ProgressListener.NONE);
        assertEquals(out.decays(), again.decays());
    }

    @Test
    void targetRunNeverStopsBeforeTwentyBatchesAndStopsAtItsMaximum() {
        StopRule easyRule = new StopRule.TargetUncertainty("hot", 0.9, 20_000);
        RunOutcome easy = new TransportRun(led(6), tally(), 2).execute(easyRule, null, ProgressListener.NONE);
        assertEquals(RunOutcome.Stop.TARGET_REACHED, easy.stop());
        assertEquals(BatchPlan.MIN_TARGET_BATCHES, easy.batches());
        assertEquals(BatchPlan.of(easyRule, 1).decaysBefore(20), easy.decays());
        StopRule hardRule = new StopRule.TargetUncertainty("hot", 0.001, 2_000);
        RunOutcome hard = new TransportRun(led(6), tally(), 2).execute(hardRule, null, ProgressListener.NONE);
        assertEquals(RunOutcome.Stop.MAX_DECAYS_WITHOUT_TARGET, hard.stop());
        assertEquals(2_000, hard.decays());
        assertEquals(BatchPlan.of(hardRule, 1).maxBatches(), hard.batches());
        assertFalse(hard.targets().get(0).reached());
    }

    /** Several regions: the run stops when every one of them has reached the target. */
    @Test
    void severalTargetRegionsMustAllReachTheTarget() {
        StopRule both = new StopRule.TargetUncertainty(List.of("hot", "shell"),
                doseengine.tally.TargetStatistic.MEAN, 0.01, 2_000_000);
        RunOutcome out = new TransportRun(led(9), tally(), 2).execute(both, null, ProgressListener.NONE);
        assertEquals(RunOutcome.Stop.TARGET_REACHED, out.stop());
        assertEquals(2, out.targets().size());
        assertTrue(out.targets().stream().allMatch(t -> t.reached() && t.judged() <= 0.01), out.toString());
        RunOutcome hotOnly = new TransportRun(led(9), tally(), 2).execute(
                new StopRule.TargetUncertainty("hot", 0.01, 2_000_000), null, ProgressListener.NONE);
        RunOutcome shellOnly = new TransportRun(led(9), tally(), 2).execute(
                new StopRule.TargetUncertainty("shell", 0.01, 2_000_000), null, ProgressListener.NONE);
        // Each alone stops at its first batch end that meets the target: together, not before the later of them.
        assertTrue(out.decays() >= Math.max(hotOnly.decays(), shellOnly.decays()), out.decays() + " decays");
        assertTrue(hotOnly.decays() != shellOnly.decays(), "the two regions converge at different rates");
    }

    @Test
    void unknownTargetLabelIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> new TransportRun(led(1), tally(), 1)
                .execute(new StopRule.TargetUncertainty("liver", 0.05, 1000), null, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("liver") && e.getMessage().contains("hot"), e.getMessage());
    }

    @Test
    void aDriverFailureReachesTheCallerUnwrapped() {
        HistoryDriver failing = (first, count, t) -> {
            if (first + count > 3000) {
                throw new IllegalStateException("kernel broke at " + first);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TransportRun(failing, tally(),
                2).execute(new StopRule.DecayCount(10_000), null, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("kernel broke"), e.getMessage());
    }

    @Test
    void hottestLabelIsWatchedWithoutATarget() {
        VoxelBatchTally tally = tally();
        FloatVolume rho = problem.density();
        RunOutcome out = new TransportRun(led(3), tally, 1).execute(new StopRule.DecayCount(20_000),
                UncertaintyWatch.hottest(tally, rho), ProgressListener.NONE);
        // The hot block holds 5x the activity concentration: it has the highest mean dose.
        assertEquals("hot", out.watchedRegion());
        assertEquals(tally.labelMoments().relativeStandardError(0), out.watchedRelativeUncertainty());
    }

    /**
     * A device kernel (one call at a time, whole batches wanted) gets exactly one call per batch, from one thread,
     * whatever thread count the run was given; the Java kernels keep their small chunks.
     */
    @Test
    void aDeviceDriverGetsOneCallPerBatchFromOneThread() {
        HistoryDriver led = led(5);
        List<long[]> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        HistoryDriver device = new HistoryDriver() {
            @Override
            public void run(long first, int count, doseengine.kernels.tally.EnergyTally t) {
                calls.add(new long[] {first, count});
                threads.add(Thread.currentThread());
                led.run(first, count, t);
            }

            @Override
            public int maxConcurrentCalls() {
                return 1;
            }

            @Override
            public int preferredHistoriesPerCall() {
                return Integer.MAX_VALUE;
            }
        };
        RunOutcome out = new TransportRun(device, tally(), 4).execute(new StopRule.DecayCount(50_000), null,
                ProgressListener.NONE);
        assertEquals(1, out.threads());
        assertEquals(10, calls.size());
        assertEquals(1, threads.size());
        for (int b = 0; b < 10; b++) {
            assertArrayEquals(new long[] {b * 5000L, 5000}, calls.get(b));
        }
        assertEquals(TransportRun.chunkSize(50_000, 4), TransportRun.chunkSize(50_000, 4, 1));
        assertEquals(Integer.MAX_VALUE, TransportRun.chunkSize(1L << 40, 1, Integer.MAX_VALUE));
    }

    /**
     * The batch loop is not tied to voxels: a dose-point-kernel run (Java Monte Carlo kernel, I-131 point source at
     * the centre of one 1 cm water voxel, shells of 0.25 mm) through {@link TransportRun} on two threads gives
     * exactly the shell statistics of the same ten batches run by hand on one thread (fixed-point sums are
     * order-independent), and conserves energy (deposited in shells + escaped = emitted, to the fixed-point
     * rounding of 1e-9).
     */
    @Test
    void shellTallyRunsThroughTheSameBatchLoop() {
        VoxelGeometry cube = TransportFixtures.uniform(1, 1.0f, 1.0f);
        TransportProblem p = TransportFixtures.problem(List.of("water_liquid"), "I-131",
                TransportParameters.defaults(), cube, new PointSource(0.5f, 0.5f, 0.5f, 0), 21);
        HistoryDriver kernel = new JavaHistoryDriver(p);
        float[] edges = new float[21];
        for (int b = 0; b < edges.length; b++) {
            edges[b] = 0.025f * b;
        }
        ShellBatchTally run = new ShellBatchTally(edges, 0.5f, 0.5f, 0.5f);
        RunOutcome out = new TransportRun(kernel, run, 2).execute(new StopRule.DecayCount(1500), null,
                ProgressListener.NONE);
        assertEquals(1500, out.decays());
        assertEquals(10, out.batches());
        assertEquals(10, run.batches());
        assertEquals(1500, run.decays());

        ShellBatchTally byHand = new ShellBatchTally(edges, 0.5f, 0.5f, 0.5f);
        for (int b = 0; b < 10; b++) {
            kernel.run(150L * b, 150, byHand.tally());
            byHand.endBatch(150);
        }
        for (int b = 0; b < 20; b++) {
            assertEquals(byHand.shellMoments().sum(b), run.shellMoments().sum(b), 0, "shell " + b);
            assertEquals(byHand.shellMoments().sumOfSquares(b), run.shellMoments().sumOfSquares(b), 0, "shell " + b);
        }
        assertTrue(run.shellMoments().sum(0) > 0, "the innermost shell scored");
        assertEquals(0, run.energyBalance().relativeImbalance(), 1e-6);
        assertEquals(byHand.energyBalance(), run.energyBalance());
    }

    @Test
    void aTargetUncertaintyNeedsAVoxelTally() {
        ShellBatchTally shells = new ShellBatchTally(new float[] {0f, 0.1f}, 0f, 0f, 0f);
        assertThrows(IllegalArgumentException.class, () -> new TransportRun(led(1), shells, 1).execute(
                new StopRule.TargetUncertainty("hot", 0.05, 1000), null, ProgressListener.NONE));
    }
}
