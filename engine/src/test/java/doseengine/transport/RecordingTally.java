package doseengine.transport;

import doseengine.kernels.tally.EnergyTally;
import doseengine.tally.BatchTally;
import doseengine.tally.EnergyBalance;

/**
 * The batch loop's tally with a recorder in front of the fold: before each batch is folded into doubles (and its
 * fixed-point tally zeroed), its exact integers are added to per-bin totals and its counters kept per batch. The
 * integer sums are exact and order-free, so what this records is the run's exact answer, which the batch statistics
 * only approximate.
 */
final class RecordingTally implements BatchTally {
    private final BatchTally folded;
    private final long[] binUnits;
    private final java.util.List<long[]> batches = new java.util.ArrayList<>();

    RecordingTally(BatchTally folded) {
        this.folded = folded;
        this.binUnits = new long[folded.tally().bins()];
    }

    @Override
    public EnergyTally tally() {
        return folded.tally();
    }

    @Override
    public void endBatch(long decays) {
        EnergyTally t = folded.tally();
        long[] units = t.units();
        for (int b = 0; b < binUnits.length; b++) {
            binUnits[b] = Math.addExact(binUnits[b], units[b]);
        }
        batches.add(new long[] {decays, t.depositedUnits(), t.escapedUnits(), t.emittedUnits()});
        folded.endBatch(decays);
    }

    /** Every bin's fixed-point units summed over the batches folded so far. */
    long[] binUnits() {
        return binUnits.clone();
    }

    /** Per batch, in order: decays, deposited, escaped and emitted units. */
    java.util.List<long[]> batchRows() {
        return batches.stream().map(long[]::clone).toList();
    }

    @Override
    public int batches() {
        return folded.batches();
    }

    @Override
    public long bins() {
        return folded.bins();
    }

    @Override
    public long decays() {
        return folded.decays();
    }

    @Override
    public EnergyBalance energyBalance() {
        return folded.energyBalance();
    }
}
