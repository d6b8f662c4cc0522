package doseengine.tally;

import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.kernels.tally.FixedPointEnergy;
import java.util.ArrayList;
import java.util.List;

/**
 * One region of {@code run --target-uncertainty U --target-label NAME}: a label, or a union of labels written
 * {@code a+b} (one mean dose over all their voxels, as for both kidneys together), and the statistic that must
 * reach U ({@link TargetStatistic}).
 *
 * <p>The mean's relative standard error comes from the region's own total energy per batch, an exact sum of its
 * labels' fixed-point units, so correlations between its voxels and labels are inside it. The estimate is itself
 * uncertain, by about {@code 1/sqrt(2 (B_eff - 1))} relative ({@link BatchMoments#effectiveBatches()}); stopping at
 * the first batch where a noisy estimate dips below U would stop early too often (a simulation of the batch plan
 * with the bare rule: 21 % of runs stopped with a true uncertainty above 1.1 U). So the mean is judged by its
 * estimate raised by one standard deviation of the estimate, {@code r (1 + 1/sqrt(2 (B_eff - 1)))} (the same
 * simulation: 3 % above 1.1 U, median true uncertainty 0.90 U, 1.24 times the decays the target needs). The median
 * voxel uncertainty is a median over many voxels' estimates, whose noise averages out: it is judged as it is.
 */
public final class UncertaintyTarget {
    private final String region;
    private final TargetStatistic statistic;
    private final double target;
    private final VoxelBatchTally tally;
    private final int[] members;
    private final BatchMoments regionMoments = new BatchMoments(1);
    private final int[] voxels;
    private double[] scratch;
    private int cachedAt = -1;
    private double cached = Double.NaN;

    /**
     * @throws BadInputException when a label of the region does not exist (naming the known labels), the region
     *         has no voxel, or the target is not in (0, 1)
     */
    public UncertaintyTarget(VoxelBatchTally tally, String region, TargetStatistic statistic,
                             double targetRelativeUncertainty) {
        if (!(targetRelativeUncertainty > 0 && targetRelativeUncertainty < 1)) {
            throw new BadInputException("target relative uncertainty must be in (0, 1), e.g. 0.02 for 2 %, got "
                    + targetRelativeUncertainty);
        }
        if (tally.batches() != 0) {
            throw new IllegalStateException("a target must watch its tally from the first batch");
        }
        this.tally = tally;
        this.region = region;
        this.statistic = statistic;
        this.target = targetRelativeUncertainty;
        this.members = memberLabels(tally, region);
        int[] union = statistic == TargetStatistic.VOXEL_MEDIAN || members.length > 1
                ? voxelsOf(tally, members, region, statistic == TargetStatistic.VOXEL_MEDIAN) : null;
        this.voxels = statistic == TargetStatistic.VOXEL_MEDIAN ? union : null;
    }

    /** A label's mean dose. */
    public UncertaintyTarget(VoxelBatchTally tally, String label, double targetRelativeUncertainty) {
        this(tally, label, TargetStatistic.MEAN, targetRelativeUncertainty);
    }

    /**
     * The label values of a region in {@code labels}: the label of that exact name if there is one (a name may
     * hold a '+'), else the labels joined by '+'. Callers check a run's regions with it before any work.
     *
     * @throws BadInputException naming the known labels when one does not exist, or for an empty or repeated part
     */
    public static int[] memberValues(LabelMap labels, String region) {
        if (labels.names().containsValue(region)) {
            return new int[] {labels.valueOf(region)};
        }
        List<Integer> out = new ArrayList<>();
        for (String part : region.split("\\+", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw new BadInputException("--target-label '" + region + "': an empty label name in the union");
            }
            int value = labels.valueOf(name);
            if (out.contains(value)) {
                throw new BadInputException("--target-label '" + region + "' names " + name + " twice");
            }
            out.add(value);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The compact label indices of a region ({@link #memberValues}). */
    private static int[] memberLabels(VoxelBatchTally tally, String region) {
        if (tally.labelMap() == null) {
            throw new BadInputException("no label map given, so no region '" + region + "'");
        }
        int[] values = memberValues(tally.labelMap(), region);
        int[] compact = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            compact[i] = tally.labelIndex(tally.labelMap().names().get(values[i]));
        }
        return compact;
    }

    /**
     * The voxels of a region, ascending. A union's batch total is the sum of its members' totals, which counts a
     * voxel of two overlapping members twice, so a union of structures that overlap is refused.
     *
     * @throws BadInputException when its members overlap, or the region has no voxel and {@code needVoxels}
     */
    private static int[] voxelsOf(VoxelBatchTally tally, int[] members, String region, boolean needVoxels) {
        LabelMap labels = tally.labelMap();
        java.util.BitSet union = new java.util.BitSet(tally.grid().voxelCount());
        int n = 0;
        for (int k = 0; k < labels.layerCount(); k++) {
            boolean[] in = new boolean[Short.MAX_VALUE + 1];
            int[] compact = labels.compactIndexInLayer(k);
            boolean any = false;
            for (int c : members) {
                int value = tally.labelValue(c);
                if (compact[value] >= 0) {
                    in[value] = true;
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            short[] lab = labels.layer(k).data();
            for (int v = 0; v < lab.length; v++) {
                if (lab[v] > 0 && in[lab[v]]) {
                    if (union.get(v)) {
                        throw new BadInputException("--target-label '" + region + "': its structures overlap, so "
                                + "their union's uncertainty cannot be summed from theirs; name one structure");
                    }
                    union.set(v);
                    n++;
                }
            }
        }
        if (n == 0 && needVoxels) {
            throw new BadInputException("--target-label '" + region + "' has no voxel");
        }
        return union.stream().toArray();
    }

    public String region() { return region; }

    public TargetStatistic statistic() { return statistic; }

    public double target() { return target; }

    /**
     * Folds the tally's last batch into the region's statistics; call once after every {@code endBatch} of the
     * tally.
     */
    public void afterBatch() {
        if (regionMoments.batches() + 1 != tally.batches()) {
            throw new IllegalStateException("target " + region + " has folded " + regionMoments.batches()
                    + " batches, the tally " + tally.batches());
        }
        long units = 0;
        for (int c : members) {
            units += tally.lastBatchLabelUnits(c);
        }
        regionMoments.add(0, FixedPointEnergy.toMeV(units), tally.lastBatchDecays());
        regionMoments.countBatch(tally.lastBatchDecays());
    }

    /** Batches folded. */
    public int batches() { return regionMoments.batches(); }

    /** Effective batches of the estimate ({@link BatchMoments#effectiveBatches()}). */
    public double effectiveBatches() { return regionMoments.effectiveBatches(); }

    /** The statistic's current estimate (a fraction); 1 before two batches. */
    public double current() {
        if (regionMoments.batches() < 2) {
            return 1;
        }
        if (cachedAt == regionMoments.batches()) {
            return cached;
        }
        cached = statistic == TargetStatistic.MEAN ? regionMoments.relativeStandardError(0) : medianVoxelError();
        cachedAt = regionMoments.batches();
        return cached;
    }

    /**
     * What the rule compares with the target: the mean's estimate raised by one standard deviation of the
     * estimate (class comment), the median voxel uncertainty as it is; 1 before two batches.
     */
    public double judged() {
        double r = current();
        if (statistic == TargetStatistic.MEAN && regionMoments.batches() >= 2) {
            double b = Math.max(2, effectiveBatches());
            return r * (1 + 1 / Math.sqrt(2 * (b - 1)));
        }
        return r;
    }

    /** True when the region has received energy and {@link #judged()} is at most the target. */
    public boolean isReached() {
        return regionMoments.batches() >= 2 && regionMoments.sum(0) > 0 && judged() <= target;
    }

    /** Median over the region's voxels of their relative standard errors (1 for a voxel that never scored). */
    private double medianVoxelError() {
        BatchMoments m = tally.voxelMoments();
        if (scratch == null) {
            scratch = new double[voxels.length];
        }
        for (int i = 0; i < voxels.length; i++) {
            scratch[i] = m.relativeStandardError(voxels[i]);
        }
        // Commons Math's default estimate: the middle value for an odd count, the mean of the two for an even one.
        return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(scratch);
    }
}
