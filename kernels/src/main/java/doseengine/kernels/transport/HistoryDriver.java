package doseengine.kernels.transport;

import doseengine.kernels.tally.EnergyTally;

/**
 * Transports whole decay histories and scores their energy. The contract both back ends keep:
 * history h of a run draws its random numbers only from the Philox stream keyed by the run seed with counter
 * (h, purpose, block) (RNG.md), so its result does not depend on threads, work-items or batches; every deposit,
 * escape and emission goes to the fixed-point tally, so sums are exact and order-independent.
 *
 * <p>A driver is host code: the Java one transports the histories itself, the OpenCL one launches the OpenCL
 * kernels that do ("kernel" names only those).
 */
public interface HistoryDriver {
    /**
     * Runs histories {@code firstHistory .. firstHistory + count - 1}. May be called concurrently from several
     * threads, on disjoint ranges, with the same tally.
     */
    void run(long firstHistory, int count, EnergyTally tally);

    /**
     * How many threads may usefully call {@link #run} at the same time: unlimited for the Java drivers, which run
     * on the calling thread; 1 for a device driver, which serialises its calls on one command queue.
     */
    default int maxConcurrentCalls() {
        return Integer.MAX_VALUE;
    }

    /**
     * The fewest histories a call should get to run efficiently: 1 for the Java drivers (the caller balances small
     * chunks over its threads); {@link Integer#MAX_VALUE} for a device driver, which launches enough work-items to
     * fill the device and reads its tally back once per call, so it wants a whole batch per call.
     */
    default int preferredHistoriesPerCall() {
        return 1;
    }
}
