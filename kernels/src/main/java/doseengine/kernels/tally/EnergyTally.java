package doseengine.kernels.tally;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One flat array of fixed-point energy ({@link FixedPointEnergy}) that many transport threads add to at once:
 * {@code bins()} scoring bins followed by two counters,
 * <pre>
 *   units[0 .. bins-1]  energy deposited in each bin
 *   units[bins]         ESCAPED: energy not scored in any bin (particles leaving the grid, deposits outside
 *                       the shells)
 *   units[bins + 1]     EMITTED: kinetic energy of every primary particle the source created
 * </pre>
 * so that, per batch, {@code sum(bins) + escaped = emitted} up to the rounding of each deposit (at most
 * 2^-31 MeV per deposit smaller than 7.8 keV, see {@link FixedPointEnergy}). The layout is the same in the
 * OpenCL buffer ({@code tally.md}).
 *
 * <p>Thread safety: the adding methods are atomic ({@code getAndAdd} on the array element) and allocate
 * nothing. The host methods ({@link #units()}, {@link #reset()}, the totals) must only run while no transport
 * thread writes, e.g. after the batch's threads have been joined.
 *
 * <p>Device twin: {@code include/tally.clh}: {@code energy_tally} ({@code energy_tally_add},
 * {@code energy_tally_escape}, {@code energy_tally_emit}).
 */
public abstract sealed class EnergyTally permits VoxelEnergyTally, RadialShellTally {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] units;
    private final int bins;

    EnergyTally(int bins) {
        if (bins <= 0 || bins > Integer.MAX_VALUE - 10) {
            throw new IllegalArgumentException("a tally needs 1.." + (Integer.MAX_VALUE - 10) + " bins, got " + bins);
        }
        this.bins = bins;
        this.units = new long[bins + 2];
    }

    /** Number of scoring bins (the counters come after them). */
    public final int bins() { return bins; }

    /** Index of the escaped-energy counter in {@link #units()}. */
    public final int escapedSlot() { return bins; }

    /** Index of the emitted-energy counter in {@link #units()}. */
    public final int emittedSlot() { return bins + 1; }

    /**
     * Scores a deposit of {@code energyMeV} made in voxel {@code voxel} (flat index) at position (x, y, z) (cm, the
     * transport's frame): the one call the transport makes for every deposit, whatever the tally. Each tally uses
     * what it bins by (the voxel tally the voxel, the shell tally the position); the transport always supplies both,
     * consistent with each other. Atomic and allocation-free.
     */
    public abstract void deposit(int voxel, float x, float y, float z, float energyMeV);

    /** Records energy (MeV) that leaves the scoring region unscored. */
    public final void escape(float energyMeV) {
        add(bins, energyMeV);
    }

    /** Records the kinetic energy (MeV) of a primary particle as the source creates it. */
    public final void emit(float energyMeV) {
        add(bins + 1, energyMeV);
    }

    /** Atomic add of one converted deposit; a zero deposit touches nothing (the result is the same). */
    final void add(int slot, float energyMeV) {
        long q = FixedPointEnergy.toUnits(energyMeV);
        if (q != 0) {
            SLOT.getAndAdd(units, slot, q);
        }
    }

    /** The backing array (bins, escaped, emitted), shared for the host fold; read only between batches. */
    public final long[] units() { return units; }

    public final long escapedUnits() { return units[bins]; }

    public final long emittedUnits() { return units[bins + 1]; }

    /** Sum of the scoring bins in units (host side, between batches). */
    public final long depositedUnits() {
        long s = 0;
        for (int b = 0; b < bins; b++) {
            s += units[b];
        }
        return s;
    }

    /** Zeroes every bin and counter (host side, between batches). */
    public final void reset() {
        java.util.Arrays.fill(units, 0L);
    }
}
