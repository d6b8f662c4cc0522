package doseengine.transport;

import doseengine.tally.VoxelBatchTally;

/**
 * The transport of a decay-count run, or of one part of it ({@link RunPart}), before its batches become dose.
 *
 * @param part             the part run, or null for the whole run
 * @param tally            the folded batches of the part (exact statistics for a decay-count run)
 * @param settings         the settings with the backend that really ran
 * @param outcome          decays and batches of the part, time
 * @param setupSeconds     tables, source and backend before the transport
 * @param plan             the whole run's batch plan
 * @param sourceWeightMBqH the source's total time-integrated activity (MBq h), the dose scale
 */
public record PartRun(RunPart part, VoxelBatchTally tally, RunSettings settings, RunOutcome outcome,
                      double setupSeconds, BatchPlan plan, double sourceWeightMBqH) {
    /** First batch of the part in the whole run. */
    public int firstBatch() {
        return part == null ? 0 : part.firstBatch(plan.maxBatches());
    }

    /** One past the part's last batch. */
    public int endBatch() {
        return part == null ? plan.maxBatches() : part.endBatch(plan.maxBatches());
    }
}
