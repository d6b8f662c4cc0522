package doseengine.tally;

import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.tally.VoxelEnergyTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The host side of a voxel-dose run: the fixed-point tally the transport writes to, and the batch statistics
 * it is folded into after every batch, for each voxel, for each named label's total energy, and for the energy
 * balance.
 *
 * <p>The per-label statistics are computed from the label's total energy per batch (an exact integer sum of
 * its voxels' fixed-point values), not by combining voxel errors: neighbouring voxels are correlated (one
 * electron track crosses several), so adding voxel variances would misstate the organ's uncertainty.
 *
 * <p>Memory beyond the transport's tally (8 bytes per voxel): for a run of equal batches ({@link #exact}), the
 * exact 128-bit sums of the batch energies and of their squares, 32 bytes per voxel (5 GB for a 512 x 512 x 600
 * grid), which add up bit for bit whatever the order of the batches (a run split into parts, {@link BatchMoments});
 * for a run of unequal batches (a target-uncertainty run), two doubles per voxel (sum and weighted sum of squares),
 * 16 bytes per voxel. Nothing else per voxel.
 *
 * <p>Structures may overlap ({@link LabelMap} layers): a voxel of two structures (a tumour inside the liver)
 * adds its energy to both totals, one per layer, so each structure's total is the exact sum over its own mask.
 */
public final class VoxelBatchTally implements BatchTally {
    static final int DEPOSITED = 0, ESCAPED = 1, EMITTED = 2;

    private final VoxelGrid grid;
    private final VoxelEnergyTally tally;
    private final BatchMoments voxels;
    private final BatchMoments balance;
    private final LabelMap labels;
    /** Each layer's label image and its value-to-compact-index table ({@link LabelMap#compactIndexInLayer}). */
    private final short[][] layerData;
    private final int[][] compactOfValue;
    private final int[] labelValues;
    private final List<String> labelNames;
    private final BatchMoments labelMoments;
    /** Each named label's energy in the last folded batch (fixed-point units), and that batch's decays. */
    private final long[] lastLabelUnits;
    private long lastBatchDecays;
    /** Per folded batch of an exact tally: each named label's total, then deposited, escaped, emitted (units). */
    private final List<long[]> batchCounters = new ArrayList<>();

    /** A tally without labels, for batches of any sizes (double statistics). */
    public VoxelBatchTally(VoxelGrid grid) {
        this(grid, null);
    }

    /**
     * A tally that also keeps batch statistics of every named label's total energy; labels may be null. Batches
     * of any sizes (double statistics).
     */
    public VoxelBatchTally(VoxelGrid grid, LabelMap labels) {
        this(grid, labels, false);
    }

    /**
     * A tally for equal batches (a decay-count run) whose statistics are exact integer sums
     * ({@link BatchMoments#exact}): parts of the run add up bit for bit ({@link #addAll}). Labels may be null.
     */
    public static VoxelBatchTally exact(VoxelGrid grid, LabelMap labels) {
        return new VoxelBatchTally(grid, labels, true);
    }

    private VoxelBatchTally(VoxelGrid grid, LabelMap labels, boolean exact) {
        this.grid = grid;
        this.tally = new VoxelEnergyTally(grid.nx(), grid.ny(), grid.nz());
        this.voxels = moments(grid.voxelCount(), exact);
        this.balance = moments(3, exact);
        this.labels = labels;
        if (labels != null) {
            grid.requireSameGrid(labels.grid(), "dose grid", "label map");
            Map<Integer, String> names = labels.names();
            int layers = names.isEmpty() ? 0 : labels.layerCount();
            this.layerData = new short[layers][];
            this.compactOfValue = new int[layers][];
            for (int k = 0; k < layers; k++) {
                layerData[k] = labels.layer(k).data();
                compactOfValue[k] = labels.compactIndexInLayer(k);
            }
            this.labelValues = new int[names.size()];
            this.labelNames = new ArrayList<>(names.values());
            int c = 0;
            for (int value : names.keySet()) {
                labelValues[c++] = value;
            }
            this.labelMoments = names.isEmpty() ? null : moments(names.size(), exact);
            this.lastLabelUnits = new long[names.size()];
        } else {
            this.layerData = new short[0][];
            this.compactOfValue = new int[0][];
            this.labelValues = new int[0];
            this.labelNames = List.of();
            this.labelMoments = null;
            this.lastLabelUnits = new long[0];
        }
    }

    private static BatchMoments moments(int bins, boolean exact) {
        return exact ? BatchMoments.exact(bins) : new BatchMoments(bins);
    }

    public VoxelGrid grid() { return grid; }

    /** Whether the statistics are exact integer sums (equal batches), so that parts of a run add up. */
    public boolean isExact() { return voxels.isExact(); }

    /**
     * Per folded batch, in folding order, of an exact tally: each named label's total energy, then the deposited,
     * escaped and emitted counters, in fixed-point units (a part file's per-batch record). Empty when not exact.
     */
    public List<long[]> batchCounters() {
        return batchCounters.stream().map(long[]::clone).toList();
    }

    /**
     * Adds the folded batches of a part of the same run (exact statistics of the same grid and labels) and their
     * per-batch counters: the sums are exact, so any order of the parts gives the same statistics.
     *
     * @param labelStats the label statistics, null when the tally has no named label
     */
    public void addAll(BatchMoments voxelStats, BatchMoments labelStats, BatchMoments balanceStats,
                       List<long[]> counters) {
        if ((labelStats == null) != (labelMoments == null)) {
            throw new IllegalArgumentException("label statistics given " + (labelStats != null)
                    + ", the tally has labels " + (labelMoments != null));
        }
        for (long[] c : counters) {
            if (c.length != labelValues.length + 3) {
                throw new IllegalArgumentException("a batch record of " + c.length + " counters, expected "
                        + (labelValues.length + 3));
            }
        }
        voxels.addAll(voxelStats);
        if (labelMoments != null) {
            labelMoments.addAll(labelStats);
        }
        balance.addAll(balanceStats);
        for (long[] c : counters) {
            batchCounters.add(c.clone());
        }
    }

    /** What the transport deposits into during a batch. */
    @Override
    public VoxelEnergyTally tally() { return tally; }

    /** Per-voxel statistics; bin = flat voxel index. */
    public BatchMoments voxelMoments() { return voxels; }

    /** The label map, or null when the tally has none. */
    public LabelMap labelMap() { return labels; }

    /** Named labels in label-value order; position c is bin c of {@link #labelMoments()}. */
    public List<String> labelNames() { return List.copyOf(labelNames); }

    /** Label value of compact label index c. */
    public int labelValue(int c) { return labelValues[c]; }

    /** Per-label statistics of the label's total energy; bin = compact label index. Null without labels. */
    public BatchMoments labelMoments() { return labelMoments; }

    /**
     * Energy of compact label c in the last folded batch, in fixed-point units: exact, so that a union of labels
     * sums its members' units into one batch total ({@link UncertaintyTarget}).
     */
    public long lastBatchLabelUnits(int c) { return lastLabelUnits[c]; }

    /** Decays of the last folded batch; 0 before the first. */
    public long lastBatchDecays() { return lastBatchDecays; }

    /** Compact index of a named label; BadInputException naming the known labels when there is no such label. */
    public int labelIndex(String name) {
        if (labels == null) {
            throw new doseengine.geometry.BadInputException("no label map given, so no label named '" + name + "'");
        }
        return java.util.Arrays.binarySearch(labelValues, labels.valueOf(name)); // values ascend, as names() does
    }

    @Override
    public int batches() { return voxels.batches(); }

    @Override
    public long bins() { return voxels.bins(); }

    @Override
    public long decays() { return voxels.decays(); }

    /** Mean energy per decay deposited, escaped and emitted over the folded batches. */
    @Override
    public EnergyBalance energyBalance() { return EnergyBalance.of(balance); }

    /** Batch statistics of deposited (bin 0), escaped (bin 1) and emitted (bin 2) energy. */
    public BatchMoments balanceMoments() { return balance; }

    /**
     * Ends a batch of {@code decays} decays: folds every voxel, label total and counter into the statistics in
     * one parallel pass and zeroes the tally. Call only when no transport thread writes to the tally.
     *
     * @throws IllegalStateException when a bin or counter overflowed its 2^33 MeV range (batch too large)
     */
    @Override
    public void endBatch(long decays) {
        if (decays <= 0) {
            throw new IllegalArgumentException("a batch needs at least one decay, got " + decays);
        }
        long[] units = tally.units();
        int n = tally.bins();
        int nLabels = labelValues.length;
        voxels.acceptBatch(decays);
        long[][] partial = new long[ParallelBlocks.count(n)][nLabels + 1]; // per block: label totals, grid total
        ParallelBlocks.run(n, (blk, from, to) -> {
            long[] part = partial[blk];
            for (int v = from; v < to; v++) {
                long q = units[v];
                if (q == 0) {
                    continue;
                }
                if (q < 0) {
                    throw overflow("voxel " + v);
                }
                units[v] = 0;
                voxels.addUnits(v, q, decays);
                part[nLabels] = Math.addExact(part[nLabels], q);
                for (int k = 0; k < layerData.length; k++) {
                    short s = layerData[k][v];
                    int c = s > 0 ? compactOfValue[k][s] : -1;
                    if (c >= 0) {
                        part[c] += q; // cannot overflow: bounded by the grid total just checked
                    }
                }
            }
        });
        long deposited = 0;
        long[] labelTotals = new long[nLabels];
        for (long[] part : partial) {
            deposited = Math.addExact(deposited, part[nLabels]);
            for (int c = 0; c < nLabels; c++) {
                labelTotals[c] += part[c];
            }
        }
        long escaped = units[tally.escapedSlot()];
        long emitted = units[tally.emittedSlot()];
        if (escaped < 0 || emitted < 0) {
            throw overflow("the escaped or emitted counter");
        }
        units[tally.escapedSlot()] = 0;
        units[tally.emittedSlot()] = 0;
        voxels.countBatch(decays);
        System.arraycopy(labelTotals, 0, lastLabelUnits, 0, nLabels);
        lastBatchDecays = decays;
        if (labelMoments != null) {
            labelMoments.acceptBatch(decays);
            for (int c = 0; c < nLabels; c++) {
                labelMoments.addUnits(c, labelTotals[c], decays);
            }
            labelMoments.countBatch(decays);
        }
        balance.acceptBatch(decays);
        balance.addUnits(DEPOSITED, deposited, decays);
        balance.addUnits(ESCAPED, escaped, decays);
        balance.addUnits(EMITTED, emitted, decays);
        balance.countBatch(decays);
        if (isExact()) {
            long[] record = java.util.Arrays.copyOf(labelTotals, nLabels + 3);
            record[nLabels + DEPOSITED] = deposited;
            record[nLabels + ESCAPED] = escaped;
            record[nLabels + EMITTED] = emitted;
            batchCounters.add(record);
        }
    }

    private static IllegalStateException overflow(String where) {
        return new IllegalStateException("fixed-point tally overflow in " + where
                + ": a batch deposited more than 2^33 MeV there; use more, smaller batches");
    }
}
