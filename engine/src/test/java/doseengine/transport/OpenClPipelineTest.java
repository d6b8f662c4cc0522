package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import doseengine.geometry.VoxelGrid;
import doseengine.kernels.opencl.OpenClContext;
import doseengine.kernels.opencl.OpenClTestSupport;
import doseengine.kernels.opencl.OpenClHistoryDriver;
import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.PipelinedHistoryDriver.PendingBatch;
import doseengine.kernels.transport.TransportProblem;
import doseengine.tally.BatchMoments;
import doseengine.tally.VoxelBatchTally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL kernel's batches in flight ({@link OpenClHistoryDriver#start}, two device tallies, the transfer queue)
 * on a real device: a run whose host fold overlaps the device gives the statistics of the batches run one by one,
 * bit for bit, with two tallies and with one; a dropped batch leaves nothing behind.
 */
class OpenClPipelineTest {
    private static OpenClContext cl;

    @BeforeAll
    static void openDevice() {
        cl = OpenClTestSupport.open();
    }

    @AfterAll
    static void closeDevice() {
        if (cl != null) {
            cl.close();
        }
    }

    private static TransportProblem problem() {
        return OpenClTransportTest.heterogeneous("I-131", 77L);
    }

    private static VoxelBatchTally tally() {
        return new VoxelBatchTally(VoxelGrid.centredCube(10, 10, 10, 2));
    }

    /** The same kernel seen as a plain history kernel: TransportRun's one-batch-at-a-time loop. */
    private static HistoryDriver plain(OpenClHistoryDriver k) {
        return new HistoryDriver() {
            @Override
            public void run(long firstHistory, int count, EnergyTally tally) {
                k.run(firstHistory, count, tally);
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
    }

    private static void assertSameMoments(BatchMoments expected, BatchMoments actual, String what) {
        assertEquals(expected.batches(), actual.batches(), what);
        for (int b = 0; b < expected.bins(); b++) {
            assertEquals(expected.sum(b), actual.sum(b), 0, what + " bin " + b);
            assertEquals(expected.sumOfSquares(b), actual.sumOfSquares(b), 0, what + " bin " + b);
        }
    }

    /**
     * 10 batches of 300 I-131 decays in the heterogeneous 10^3 grid: the overlapped loop with two device tallies and
     * with one gives the plain loop's voxel and energy-balance statistics bit for bit, and the kernel's diagnostics
     * count the 3000 histories once.
     */
    @Test
    void overlappedRunsEqualTheBatchByBatchRun() {
        StopRule rule = new StopRule.DecayCount(3000);
        VoxelBatchTally reference = tally();
        try (OpenClHistoryDriver k = OpenClHistoryDriver.create(cl, problem())) {
            new TransportRun(plain(k), reference, 1).execute(rule, null, ProgressListener.NONE);
        }
        for (int copies = 1; copies <= 2; copies++) {
            VoxelBatchTally overlapped = tally();
            TransportProblem p = problem();
            try (OpenClHistoryDriver k = OpenClHistoryDriver.create(cl, p,
                    OpenClHistoryDriver.defaultStackCapacity(p.parameters()), copies)) {
                assertEquals(copies, k.batchesInFlight());
                RunOutcome out = new TransportRun(k, overlapped, 1).execute(rule, null, ProgressListener.NONE);
                assertEquals(3000, out.decays());
                assertEquals(3000, k.histories());
                assertEquals(0, k.stackOverflows());
            }
            assertSameMoments(reference.voxelMoments(), overlapped.voxelMoments(), copies + " tallies, voxels");
            assertSameMoments(reference.balanceMoments(), overlapped.balanceMoments(), copies + " tallies, balance");
        }
    }

    /**
     * Two batches in flight are collected in any order into the right tallies; a third is refused; a dropped batch
     * leaves its device tally zeroed, so the next batch in that tally equals a fresh one, unit for unit.
     */
    @Test
    void batchesInFlightKeepTheirOwnTallies() {
        TransportProblem p = problem();
        VoxelEnergyTally a = new VoxelEnergyTally(10, 10, 10);
        VoxelEnergyTally b = new VoxelEnergyTally(10, 10, 10);
        VoxelEnergyTally fresh = new VoxelEnergyTally(10, 10, 10);
        try (OpenClHistoryDriver k = OpenClHistoryDriver.create(cl, p)) {
            k.run(0, 200, a);
            k.run(200, 200, b);
        }
        VoxelEnergyTally a2 = new VoxelEnergyTally(10, 10, 10);
        VoxelEnergyTally b2 = new VoxelEnergyTally(10, 10, 10);
        try (OpenClHistoryDriver k = OpenClHistoryDriver.create(cl, p)) {
            PendingBatch first = k.start(0, 200, a2);
            PendingBatch second = k.start(200, 200, b2);
            assertThrows(IllegalStateException.class, () -> k.start(400, 200, a2));
            second.addTo(b2);
            first.addTo(a2);
            assertThrows(IllegalStateException.class, () -> first.addTo(a2));

            k.start(0, 200, fresh).discard();
            k.start(200, 200, fresh).discard();
            k.run(200, 200, fresh);
            assertEquals(600, k.histories()); // the dropped batches do not count
        }
        assertArrayEquals(a.units(), a2.units());
        assertArrayEquals(b.units(), b2.units());
        assertArrayEquals(b.units(), fresh.units());
    }
}
