package doseengine.kernels.transport;

import doseengine.kernels.tally.EnergyTally;

/**
 * A history driver that runs its histories on a device while the host does something else: {@link #start} queues a batch of
 * histories into a device tally and returns at once, and the batch's {@link PendingBatch} later adds that tally to
 * the host's. The engine's batch loop uses it to fold batch k into its statistics while the device runs batch k + 1.
 *
 * <p>Nothing about a history changes: its random numbers still depend only on the seed and its index, and its
 * deposits still go to a fixed-point tally of its own batch, so a run gives the same tally, batch by batch, as with
 * {@link #run}.
 */
public interface PipelinedHistoryDriver extends HistoryDriver {

    /**
     * Batches that may be started and not yet collected at one time: 2 with two device tallies (the read-back of one
     * overlaps the kernels of the next), 1 with one (only the host's fold overlaps the device).
     */
    int batchesInFlight();

    /**
     * Queues histories {@code firstHistory .. firstHistory + count - 1} on the device and returns without waiting.
     * {@code layout} gives the tally's kind and bins; the energy stays on the device until the batch is collected.
     *
     * @throws IllegalStateException when {@link #batchesInFlight()} batches are started and not collected
     */
    PendingBatch start(long firstHistory, int count, EnergyTally layout);

    /** A started batch; collect it exactly once, with {@link #addTo} or {@link #discard}. */
    interface PendingBatch {
        /**
         * Waits until the batch has run, adds its energy to {@code tally} (the layout it was started with) and frees
         * its device tally. Call only when no thread writes to {@code tally}.
         */
        void addTo(EnergyTally tally);

        /** Waits until the batch has run and drops its energy: a batch started ahead that the run no longer needs. */
        void discard();
    }
}
