package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.LocalDepositionDriver;
import doseengine.kernels.transport.PipelinedHistoryDriver;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.source.VoxelSource;
import doseengine.tally.BatchMoments;
import doseengine.tally.VoxelBatchTally;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TransportRun}'s overlap of a device kernel with the host's fold, without a device: a stand-in
 * {@link PipelinedHistoryDriver} runs each started batch of the local-deposition kernel on a thread of its own into a tally
 * of its own, as a device would, and adds it to the host's when collected. What the pipelining must keep is exact:
 * the batches, their order and their statistics are those of the plain batch loop, bit for bit (fixed-point sums do
 * not depend on order, and every batch is folded alone); it may start at most one batch the run does not need, and
 * never folds it.
 */
class PipelinedRunTest {
    private static final EmissionTable LU177 = EmissionTable.of(NuclideCatalog.get("Lu-177"));

    private final DoseProblem problem = SyntheticProblem.problem();
    private final VoxelSource source = VoxelSource.fromActivity(problem.tiaMBqH());
    private final ExecutorService device = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-device");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stopDevice() {
        device.shutdownNow();
    }

    private HistoryDriver led(long seed) {
        return new LocalDepositionDriver(LU177.newSampler(), source.sampler(), seed);
    }

    private VoxelBatchTally tally() {
        return new VoxelBatchTally(problem.grid(), problem.labels());
    }

    /** A device stand-in: batches run one after another on one thread, each into its own tally. */
    private final class FakeDevice implements PipelinedHistoryDriver {
        final HistoryDriver inner;
        final int depth;
        final List<Long> started = new ArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger discarded = new AtomicInteger();
        int mostInFlight;
        long failAt = -1;

        FakeDevice(HistoryDriver inner, int depth) {
            this.inner = inner;
            this.depth = depth;
        }

        @Override
        public void run(long firstHistory, int count, EnergyTally tally) {
            start(firstHistory, count, tally).addTo(tally);
        }

        @Override
        public int maxConcurrentCalls() {
            return 1;
        }

        @Override
        public int preferredHistoriesPerCall() {
            return Integer.MAX_VALUE;
        }

        @Override
        public int batchesInFlight() {
            return depth;
        }

        @Override
        public PendingBatch start(long firstHistory, int count, EnergyTally layout) {
            if (inFlight.get() >= depth) {
                throw new IllegalStateException("more than " + depth + " batches in flight");
            }
            mostInFlight = Math.max(mostInFlight, inFlight.incrementAndGet());
            started.add(firstHistory);
            VoxelEnergyTally own = new VoxelEnergyTally(((VoxelEnergyTally) layout).nx(),
                    ((VoxelEnergyTally) layout).ny(), ((VoxelEnergyTally) layout).nz());
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> inner.run(firstHistory, count, own),
                    device);
            boolean fails = firstHistory == failAt;
            return new PendingBatch() {
                @Override
                public void addTo(EnergyTally tally) {
                    running.join();
                    inFlight.decrementAndGet();
                    if (fails) {
                        throw new IllegalStateException("device lost at history " + firstHistory);
                    }
                    long[] host = tally.units();
                    long[] mine = own.units();
                    for (int i = 0; i < host.length; i++) {
                        host[i] += mine[i];
                    }
                }

                @Override
                public void discard() {
                    running.join();
                    inFlight.decrementAndGet();
                    discarded.incrementAndGet();
                }
            };
        }
    }

    private static void assertSameMoments(BatchMoments expected, BatchMoments actual, String what) {
        assertEquals(expected.batches(), actual.batches(), what + " batches");
        assertEquals(expected.decays(), actual.decays(), what + " decays");
        for (int b = 0; b < expected.bins(); b++) {
            // Bit for bit: the same batch values folded in the same order.
            assertEquals(expected.sum(b), actual.sum(b), 0, what + " bin " + b);
            assertEquals(expected.sumOfSquares(b), actual.sumOfSquares(b), 0, what + " bin " + b);
        }
    }

    /**
     * A decay-count run through the overlapped loop gives the plain loop's statistics bit for bit (voxels, labels,
     * energy balance), starts exactly the plan's ten batches in order, keeps at most {@code depth} in flight (two
     * with two device tallies, so the device always has the next batch), and drops none.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void overlappedBatchesGiveThePlainLoopsStatistics(int depth) {
        VoxelBatchTally plain = tally();
        new TransportRun(led(41), plain, 2).execute(new StopRule.DecayCount(30_000), null, ProgressListener.NONE);

        VoxelBatchTally overlapped = tally();
        FakeDevice fake = new FakeDevice(led(41), depth);
        RunOutcome out = new TransportRun(fake, overlapped, 2).execute(new StopRule.DecayCount(30_000), null,
                ProgressListener.NONE);

        assertEquals(30_000, out.decays());
        assertEquals(1, out.threads());
        assertSameMoments(plain.voxelMoments(), overlapped.voxelMoments(), "voxel");
        assertSameMoments(plain.labelMoments(), overlapped.labelMoments(), "label");
        assertSameMoments(plain.balanceMoments(), overlapped.balanceMoments(), "balance");
        List<Long> expected = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            expected.add(3000L * b);
        }
        assertEquals(expected, fake.started);
        assertEquals(depth, fake.mostInFlight);
        assertEquals(0, fake.discarded.get());
        assertEquals(0, fake.inFlight.get());
    }

    /**
     * A target run stops at the same batch with the same statistics as the plain loop; the one batch started ahead
     * of the stop is waited for and dropped, never folded.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aTargetRunDropsTheBatchStartedAhead(int depth) {
        StopRule rule = new StopRule.TargetUncertainty("hot", 0.03, 200_000);
        VoxelBatchTally plain = tally();
        RunOutcome expected = new TransportRun(led(5), plain, 2).execute(rule, null, ProgressListener.NONE);
        assertEquals(RunOutcome.Stop.TARGET_REACHED, expected.stop());

        VoxelBatchTally overlapped = tally();
        FakeDevice fake = new FakeDevice(led(5), depth);
        RunOutcome out = new TransportRun(fake, overlapped, 2).execute(rule, null, ProgressListener.NONE);
        assertEquals(RunOutcome.Stop.TARGET_REACHED, out.stop());
        assertEquals(expected.decays(), out.decays());
        assertEquals(expected.batches(), out.batches());
        assertEquals(expected.watchedRelativeUncertainty(), out.watchedRelativeUncertainty(), 0);
        assertSameMoments(plain.voxelMoments(), overlapped.voxelMoments(), "voxel");
        assertSameMoments(plain.labelMoments(), overlapped.labelMoments(), "label");
        assertEquals(out.batches() + 1, fake.started.size());
        assertEquals(1, fake.discarded.get());
        assertEquals(0, fake.inFlight.get());
    }

    /** A failing collection reaches the caller unwrapped, and the batch started ahead is dropped, not left running. */
    @Test
    void aFailureDropsTheBatchAheadAndReachesTheCaller() {
        FakeDevice fake = new FakeDevice(led(7), 2);
        fake.failAt = 3 * 1000L;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TransportRun(fake, tally(), 1)
                .execute(new StopRule.DecayCount(10_000), null, ProgressListener.NONE));
        assertEquals("device lost at history 3000", e.getMessage());
        assertEquals(5, fake.started.size()); // batches 0-3, and 4 started ahead of the read-back of 3
        assertEquals(1, fake.discarded.get());
        assertEquals(0, fake.inFlight.get());
        assertSame(IllegalStateException.class, e.getClass());
    }
}
