package doseengine.kernels.transport;

import doseengine.kernels.tally.EnergyTally;

/**
 * Transports whole decay histories and scores their energy. The contract both back ends keep:
 * history h of a run draws its random numbers only from the Philox stream keyed by the run seed with counter
 * (h, purpose, block) (RNG.md), so its result does not depend on threads, work-items or batches; every deposit,
 * escape and emission goes to the fixed-point tally, so sums are exact and order-independent.
 */
public interface HistoryKernel {
    /**
     * Runs histories {@code firstHistory .. firstHistory + count - 1}. May be called concurrently from several
     * threads, on disjoint ranges, with the same tally.
     */
    void run(long firstHistory, int count, EnergyTally tally);
}
