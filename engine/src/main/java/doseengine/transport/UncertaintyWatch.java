package doseengine.transport;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.tally.BatchMoments;
import doseengine.tally.UncertaintyTarget;
import doseengine.tally.VoxelBatchTally;
import java.util.List;
import java.util.Locale;

/**
 * The region whose relative uncertainty a run shows while it runs: in a target run the region furthest from its
 * target, otherwise the label with the highest mean dose so far, or, without labels, the voxel with the highest
 * dose so far (whose uncertainty is read low: the hottest voxel is partly hot because it fluctuated up). Read on
 * the driving thread between batches only.
 *
 * <p>Nothing is shown before {@value BatchPlan#MIN_BATCHES} batches: a batch-means error from fewer is uncertain
 * by more than a quarter of itself, and a progress line that swings by a factor of three misleads. Each reading
 * carries the batches behind it, so that the line can say how firm it is.
 */
public interface UncertaintyWatch {
    /**
     * A region and its relative uncertainty; region null when there is nothing to show yet.
     *
     * @param batches          batches folded when it was read
     * @param effectiveBatches the batches the estimate is worth ({@link BatchMoments#effectiveBatches()})
     * @param pendingTargets   in a target run, the regions that have not reached the target; 0 otherwise
     */
    record Reading(String region, double relativeUncertainty, int batches, double effectiveBatches,
                   int pendingTargets) {
        public static final Reading NONE = new Reading(null, Double.NaN, 0, 0, 0);
    }

    /** The reading after the last folded batch. */
    Reading read();

    /** The target region furthest from its target (its judged uncertainty over the target the largest). */
    static UncertaintyWatch furthestFromTarget(List<UncertaintyTarget> targets) {
        return () -> {
            UncertaintyTarget worst = null;
            int pending = 0;
            for (UncertaintyTarget t : targets) {
                if (t.batches() < BatchPlan.MIN_BATCHES) {
                    return Reading.NONE;
                }
                if (!t.isReached()) {
                    pending++;
                }
                if (worst == null || t.judged() / t.target() > worst.judged() / worst.target()) {
                    worst = t;
                }
            }
            return worst == null ? Reading.NONE : new Reading(worst.region(), worst.current(), worst.batches(),
                    worst.effectiveBatches(), pending);
        };
    }

    /** The hottest named label, or the hottest voxel when the tally has no named label. */
    static UncertaintyWatch hottest(VoxelBatchTally tally, FloatVolume density) {
        BatchMoments labels = tally.labelMoments();
        return labels != null ? hottestLabel(tally, density) : hottestVoxel(tally, density);
    }

    private static UncertaintyWatch hottestLabel(VoxelBatchTally tally, FloatVolume density) {
        List<String> names = tally.labelNames();
        double[] mass = new double[names.size()];
        float[] rho = density.data();
        LabelMap labels = tally.labelMap();
        for (int k = 0; k < labels.layerCount(); k++) {
            short[] lab = labels.layer(k).data();
            int[] compactOfValue = labels.compactIndexInLayer(k);
            for (int v = 0; v < lab.length; v++) {
                int c = lab[v] > 0 ? compactOfValue[lab[v]] : -1;
                if (c >= 0) {
                    mass[c] += rho[v];
                }
            }
        }
        return () -> {
            BatchMoments m = tally.labelMoments();
            if (m.batches() < BatchPlan.MIN_BATCHES) {
                return Reading.NONE;
            }
            int best = -1;
            double bestDose = 0;
            for (int c = 0; c < mass.length; c++) {
                double dose = mass[c] > 0 ? m.sum(c) / mass[c] : 0;
                if (dose > bestDose) {
                    bestDose = dose;
                    best = c;
                }
            }
            return best < 0 ? Reading.NONE : new Reading(names.get(best), m.relativeStandardError(best), m.batches(),
                    m.effectiveBatches(), 0);
        };
    }

    private static UncertaintyWatch hottestVoxel(VoxelBatchTally tally, FloatVolume density) {
        float[] rho = density.data();
        VoxelGrid g = tally.grid();
        return () -> {
            BatchMoments m = tally.voxelMoments();
            if (m.batches() < BatchPlan.MIN_BATCHES) {
                return Reading.NONE;
            }
            int best = -1;
            double bestDose = 0;
            for (int v = 0; v < rho.length; v++) {
                double s = m.sum(v);
                if (s > 0 && rho[v] > 0 && s / rho[v] > bestDose) {
                    bestDose = s / rho[v];
                    best = v;
                }
            }
            if (best < 0) {
                return Reading.NONE;
            }
            int i = best % g.nx(), j = (best / g.nx()) % g.ny(), k = best / (g.nx() * g.ny());
            return new Reading(String.format(Locale.ROOT, "hottest voxel (%d,%d,%d)", i, j, k),
                    m.relativeStandardError(best), m.batches(), m.effectiveBatches(), 0);
        };
    }
}
