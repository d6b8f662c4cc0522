package doseengine.tally;

import doseengine.kernels.tally.EnergyTally;

/**
 * A run's tally as the batch loop ({@code doseengine.transport.TransportRun}) sees it: the fixed-point tally the
 * kernels write to during a batch, and the fold of each finished batch into batch statistics. Voxel dose maps
 * ({@link VoxelBatchTally}) and dose point kernels ({@link ShellBatchTally}) differ only in what they bin by.
 */
public interface BatchTally {
    /** What the transport deposits into during a batch. */
    EnergyTally tally();

    /**
     * Ends a batch of {@code decays} decays: folds the tally into the statistics and zeroes it. Call only when no
     * transport thread writes to the tally.
     */
    void endBatch(long decays);

    /** Batches folded so far. */
    int batches();

    /** Bins folded per batch (voxels, shells): what a fold costs ({@code BatchPlan} sizes batches by it). */
    long bins();

    /** Decays of the folded batches. */
    long decays();

    /** Mean energy per decay deposited, escaped and emitted over the folded batches. */
    EnergyBalance energyBalance();
}
