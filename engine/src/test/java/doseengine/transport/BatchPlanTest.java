package doseengine.transport;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
    private static final long TORSO_VOXELS = 90 * 60 * 95;

    @Test
    void shortDecayCountRunsAreCutIntoTenEqualBatchesRoundedUp() {
        BatchPlan p = BatchPlan.of(new StopRule.DecayCount(12_345), TORSO_VOXELS);
        assertEquals(1235, p.decaysPerBatch(0));
        assertEquals(1235, p.decaysPerBatch(9));
        assertEquals(10, p.minBatches());
        assertEquals(10, p.maxBatches());
        assertEquals(12_350, p.maxDecays());
        assertEquals(3 * 1235, p.firstHistory(3));
    }

    /** The demo's 10^6 decays: 40 batches of 25000, so that its uncertainties rest on 40 batches, not 10. */
    @Test
    void longerRunsGetMoreBatchesUpToOneHundred() {
        BatchPlan demo = BatchPlan.of(new StopRule.DecayCount(1_000_000), TORSO_VOXELS);
        assertEquals(40, demo.maxBatches());
        assertEquals(25_000, demo.decaysPerBatch(39));
        assertEquals(1_000_000, demo.maxDecays());
        BatchPlan longRun = BatchPlan.of(new StopRule.DecayCount(50_000_000), TORSO_VOXELS);
        assertEquals(BatchPlan.MAX_FIXED_BATCHES, longRun.maxBatches());
        assertEquals(500_000, longRun.decaysPerBatch(0));
    }

    /** Each fold reads every voxel: on a large grid a batch holds at least 1/32 of the voxels in decays. */
    @Test
    void largeGridsKeepBatchesLargeEnoughThatFoldingStaysCheap() {
        long ct = 512L * 512 * 600;
        BatchPlan p = BatchPlan.of(new StopRule.DecayCount(100_000_000), ct);
        assertEquals(100_000_000 / (ct / 32), p.maxBatches());
        assertTrue(p.decaysPerBatch(0) >= ct / 32, p.toString());
        assertEquals(10, BatchPlan.of(new StopRule.DecayCount(10_000_000), ct).maxBatches());
    }

    @Test
    void veryLongRunsUseMoreBatchesToStayInsideTheFixedPointRange() {
        BatchPlan p = BatchPlan.of(new StopRule.DecayCount(250_000_000_000L), TORSO_VOXELS);
        assertEquals(250, p.maxBatches());
        assertEquals(BatchPlan.MAX_BATCH_DECAYS, p.decaysPerBatch(0));
    }

    @Test
    void fewerDecaysThanBatchesStillRunTenBatchesOfOne() {
        BatchPlan p = BatchPlan.of(new StopRule.DecayCount(3), TORSO_VOXELS);
        assertEquals(1, p.decaysPerBatch(0));
        assertEquals(10, p.maxDecays());
    }

    /**
     * The batches of a target run follow the target, not the maximum: ten pilot batches of 1000 decays whatever
     * the maximum, then 5 % growth, so that any need is met within 5 % of its decays.
     */
    @Test
    void targetRunsStartSmallAndGrowGeometricallyUpToTheirMaximum() {
        BatchPlan p = BatchPlan.of(new StopRule.TargetUncertainty("liver", 0.02, 100_000_000), TORSO_VOXELS);
        for (int b = 0; b < 10; b++) {
            assertEquals(1000, p.decaysPerBatch(b));
        }
        assertEquals(1050, p.decaysPerBatch(10));
        assertEquals(Math.round(1000 * Math.pow(1.05, 50)), p.decaysPerBatch(59));
        assertEquals(BatchPlan.MIN_TARGET_BATCHES, p.minBatches());
        assertEquals(100_000_000, p.maxDecays(), "the last batch is cut to the maximum");
        for (int b = 11; b < p.maxBatches(); b++) {
            long before = p.decaysBefore(b);
            assertTrue(p.decaysPerBatch(b) <= 0.051 * before + 1000, "batch " + b + " is within 5 % of the run");
        }
        BatchPlan bench = BatchPlan.of(new StopRule.TargetUncertainty("kidneys", 0.02, 200_000), TORSO_VOXELS);
        assertEquals(1000, bench.decaysPerBatch(0), "the pilot does not depend on the maximum");
        BatchPlan small = BatchPlan.of(new StopRule.TargetUncertainty("liver", 0.02, 25), TORSO_VOXELS);
        assertEquals(1, small.decaysPerBatch(0));
        assertEquals(25, small.maxDecays());
        assertTrue(small.maxBatches() >= BatchPlan.MIN_TARGET_BATCHES, small.toString());
    }

    @Test
    void batchesForFindsTheFirstBatchEndReachingADecayCount() {
        BatchPlan p = BatchPlan.equal(1000, 10);
        assertEquals(0, p.batchesFor(0));
        assertEquals(1, p.batchesFor(1));
        assertEquals(1, p.batchesFor(1000));
        assertEquals(2, p.batchesFor(1000.5));
        assertEquals(10, p.batchesFor(1e12));
    }

    /** The progress's projection: N (r / target)^2 for the region furthest from its target, at a batch end. */
    @Test
    void projectionScalesWithTheSquaredRatioOfTheWorstRegionToItsTarget() {
        doseengine.geometry.VoxelGrid g = doseengine.geometry.VoxelGrid.centredCube(2, 1, 1, 10);
        doseengine.tally.VoxelBatchTally tally = new doseengine.tally.VoxelBatchTally(g, new doseengine.geometry.LabelMap(
                new doseengine.geometry.ShortVolume(g, new short[] {1, 2}), java.util.Map.of(1, "a", 2, "b")));
        StopRule rule = new StopRule.TargetUncertainty(java.util.List.of("a", "b"),
                doseengine.tally.TargetStatistic.MEAN, 0.01, 10_000_000);
        BatchPlan plan = BatchPlan.of(rule, 2);
        java.util.List<doseengine.tally.UncertaintyTarget> targets = java.util.List.of(
                new doseengine.tally.UncertaintyTarget(tally, "a", 0.01),
                new doseengine.tally.UncertaintyTarget(tally, "b", 0.01));
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int b = 0; b < 12; b++) {
            tally.tally().deposit(0, 0f, 0f, 0f, 1f);                                  // a: no spread
            tally.tally().deposit(1, 0f, 0f, 0f, (float) (0.5 + r.nextDouble()));      // b: 29 % per batch
            tally.endBatch(plan.decaysPerBatch(b));
            targets.forEach(doseengine.tally.UncertaintyTarget::afterBatch);
            long projected = TransportRun.projectedDecays(plan, b + 1, targets);
            if (b + 1 < BatchPlan.MIN_BATCHES) {
                assertEquals(plan.maxDecays(), projected, "unknown before ten batches");
                continue;
            }
            double ratio = targets.get(1).judged() / 0.01;
            double needed = plan.decaysBefore(b + 1) * ratio * ratio;
            int at = plan.batchesFor(needed);
            assertEquals(plan.decaysBefore(Math.max(at, BatchPlan.MIN_TARGET_BATCHES)), projected, "batch " + b);
            assertTrue(projected >= needed, "rounded up to a batch end");
        }
    }

    @Test
    void badRulesAreBadInput() {
        assertThrows(BadInputException.class, () -> new StopRule.DecayCount(0));
        assertThrows(BadInputException.class, () -> new StopRule.DecayCount(-5));
        assertThrows(BadInputException.class, () -> new StopRule.TargetUncertainty("x", 0, 1000));
        assertThrows(BadInputException.class, () -> new StopRule.TargetUncertainty("x", 1.5, 1000));
        assertThrows(BadInputException.class, () -> new StopRule.TargetUncertainty(" ", 0.1, 1000));
        assertThrows(BadInputException.class, () -> new StopRule.TargetUncertainty("x", 0.1, 19));
    }

    @Test
    void chunksAreAtMostMaxChunkAndAtLeastOne() {
        assertEquals(TransportRun.MAX_CHUNK, TransportRun.chunkSize(100_000_000, 4));
        assertEquals(1000 / 16, TransportRun.chunkSize(1000, 2));
        assertEquals(1, TransportRun.chunkSize(5, 8));
    }
}
