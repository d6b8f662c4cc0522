package doseengine.transport;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
    @Test
    void decayCountIsCutIntoTenEqualBatchesRoundedUp() {
        BatchPlan p = BatchPlan.of(new StopRule.DecayCount(12_345));
        assertEquals(1235, p.decaysPerBatch());
        assertEquals(10, p.minBatches());
        assertEquals(10, p.maxBatches());
        assertEquals(12_350, p.maxDecays());
        assertEquals(3 * 1235, p.firstHistory(3));
        BatchPlan exact = BatchPlan.of(new StopRule.DecayCount(1_000_000));
        assertEquals(100_000, exact.decaysPerBatch());
        assertEquals(1_000_000, exact.maxDecays());
    }

    @Test
    void veryLongRunsUseMoreBatchesToStayInsideTheFixedPointRange() {
        BatchPlan p = BatchPlan.of(new StopRule.DecayCount(25_000_000_000L));
        assertEquals(25, p.maxBatches());
        assertEquals(BatchPlan.MAX_BATCH_DECAYS, p.decaysPerBatch());
    }

    @Test
    void fewerDecaysThanBatchesStillRunTenBatchesOfOne() {
        BatchPlan p = BatchPlan.of(new StopRule.DecayCount(3));
        assertEquals(1, p.decaysPerBatch());
        assertEquals(10, p.maxDecays());
    }

    @Test
    void targetRunCutsItsMaximumIntoTwoHundredBatches() {
        BatchPlan p = BatchPlan.of(new StopRule.TargetUncertainty("liver", 0.02, 100_000_000));
        assertEquals(500_000, p.decaysPerBatch());
        assertEquals(10, p.minBatches());
        assertEquals(200, p.maxBatches());
        BatchPlan small = BatchPlan.of(new StopRule.TargetUncertainty("liver", 0.02, 15));
        assertEquals(1, small.decaysPerBatch());
        assertEquals(15, small.maxBatches());
    }

    @Test
    void badRulesAreBadInput() {
        assertThrows(BadInputException.class, () -> new StopRule.DecayCount(0));
        assertThrows(BadInputException.class, () -> new StopRule.DecayCount(-5));
        assertThrows(BadInputException.class, () -> new StopRule.TargetUncertainty("x", 0, 1000));
        assertThrows(BadInputException.class, () -> new StopRule.TargetUncertainty("x", 1.5, 1000));
        assertThrows(BadInputException.class, () -> new StopRule.TargetUncertainty(" ", 0.1, 1000));
        assertThrows(BadInputException.class, () -> new StopRule.TargetUncertainty("x", 0.1, 5));
    }

    @Test
    void projectionScalesWithTheSquaredErrorRatioInWholeBatches() {
        BatchPlan p = new BatchPlan(1000, 10, 200);
        // 10 batches at 4 % toward 2 %: 4x the decays, 40 batches.
        assertEquals(40_000, TransportRun.projectedDecays(p, 10, 0.04, 0.02));
        assertEquals(200_000, TransportRun.projectedDecays(p, 10, 0.5, 0.02)); // capped at the maximum
        assertEquals(200_000, TransportRun.projectedDecays(p, 1, Double.NaN, 0.02)); // unknown yet
        assertEquals(10_000, TransportRun.projectedDecays(p, 3, 0.01, 0.02)); // never below ten batches
    }

    @Test
    void chunksAreAtMostMaxChunkAndAtLeastOne() {
        assertEquals(TransportRun.MAX_CHUNK, TransportRun.chunkSize(100_000_000, 4));
        assertEquals(1000 / 16, TransportRun.chunkSize(1000, 2));
        assertEquals(1, TransportRun.chunkSize(5, 8));
    }
}
