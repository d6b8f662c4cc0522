package doseengine.tally;

import doseengine.kernels.tally.RadialShellTally;

/**
 * The host side of a dose-point-kernel run: a {@link RadialShellTally} the transport writes to, and batch
 * statistics of the energy per shell and of the energy balance ({@link BatchMoments}).
 */
public final class ShellBatchTally implements BatchTally {
    private final RadialShellTally tally;
    private final BatchMoments shells;
    private final BatchMoments balance = new BatchMoments(3);

    /** Shells with radii {@code edgesCm} (strictly increasing, from >= 0) around (cx, cy, cz) cm. */
    public ShellBatchTally(float[] edgesCm, float cx, float cy, float cz) {
        this.tally = new RadialShellTally(edgesCm, cx, cy, cz);
        this.shells = new BatchMoments(tally.shells());
    }

    @Override
    public RadialShellTally tally() { return tally; }

    /** Per-shell statistics; bin = shell index. */
    public BatchMoments shellMoments() { return shells; }

    @Override
    public int batches() { return shells.batches(); }

    @Override
    public long bins() { return shells.bins(); }

    @Override
    public long decays() { return shells.decays(); }

    @Override
    public EnergyBalance energyBalance() { return EnergyBalance.of(balance); }

    /** Folds the batch's shells and counters into the statistics and zeroes the tally. */
    @Override
    public void endBatch(long decays) {
        long[] units = tally.units();
        long deposited = 0;
        for (int b = 0; b < tally.shells(); b++) {
            if (units[b] < 0) {
                throw new IllegalStateException("fixed-point tally overflow in shell " + b + ": use smaller batches");
            }
            deposited = Math.addExact(deposited, units[b]);
        }
        long escaped = units[tally.escapedSlot()];
        long emitted = units[tally.emittedSlot()];
        if (escaped < 0 || emitted < 0) {
            throw new IllegalStateException("fixed-point tally overflow in the escaped or emitted counter: use smaller batches");
        }
        shells.foldBatch(units, decays);
        balance.acceptBatch(decays);
        balance.addUnits(VoxelBatchTally.DEPOSITED, deposited, decays);
        balance.addUnits(VoxelBatchTally.ESCAPED, escaped, decays);
        balance.addUnits(VoxelBatchTally.EMITTED, emitted, decays);
        balance.countBatch(decays);
        tally.reset();
    }
}
