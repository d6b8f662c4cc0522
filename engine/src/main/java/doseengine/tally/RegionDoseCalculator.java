package doseengine.tally;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-label dose statistics of a voxel run: the mean and its uncertainty from the label's batch totals
 * ({@link VoxelBatchTally}), the volume-based figures from the dose map ({@link LabelDoseDistributions}).
 */
public final class RegionDoseCalculator {
    /** The dose-at-volume percentages every {@link RegionDose} carries: D2, D50, D98. */
    public static final double[] STANDARD_PERCENTAGES = {2, 50, 98};

    private RegionDoseCalculator() {}

    /**
     * @param map the dose map of this tally (for its decays and voxel doses)
     * @param density the density the map was computed with (g/cm3)
     * @param thresholdsGy the doses d of the V(d) to report
     * @param dvhBins DVH intervals on the common dose axis
     */
    public static List<RegionDose> compute(VoxelBatchTally tally, DoseMap map, FloatVolume density,
                                           double[] thresholdsGy, int dvhBins) {
        LabelMap labels = tally.labelMap();
        if (labels == null || tally.labelMoments() == null) {
            throw new BadInputException("region statistics need a label map with at least one named label");
        }
        tally.grid().requireSameGrid(map.gray().grid(), "dose grid", "dose map");
        tally.grid().requireSameGrid(density.grid(), "dose grid", "density");
        DoseMap.requirePhysicalDensity(density);
        List<LabelDoseDistribution> dist = LabelDoseDistributions.compute(map.gray(), labels, STANDARD_PERCENTAGES,
                thresholdsGy, dvhBins);
        double[] massG = labelMassesG(tally, density);
        BatchMoments m = tally.labelMoments();
        List<RegionDose> out = new ArrayList<>();
        for (int c = 0; c < dist.size(); c++) {
            double perDecay = DoseConversion.gray(m.meanPerDecay(c), massG[c]);
            out.add(new RegionDose(dist.get(c).name(), tally.labelValue(c), dist.get(c).voxels(), massG[c],
                    perDecay, perDecay * map.decays(), m.relativeStandardError(c), dist.get(c)));
        }
        return out;
    }

    /** Mass (g) of every named label, in compact label order. */
    static double[] labelMassesG(VoxelBatchTally tally, FloatVolume density) {
        List<String> names = tally.labelNames();
        double[] sum = new double[names.size()];
        short[] lab = tally.labelMap().volume().data();
        float[] rho = density.data();
        int[] compact = new int[Short.MAX_VALUE + 1];
        java.util.Arrays.fill(compact, -1);
        for (int c = 0; c < names.size(); c++) {
            compact[tally.labelValue(c)] = c;
        }
        for (int v = 0; v < lab.length; v++) {
            short s = lab[v];
            if (s > 0 && compact[s] >= 0) {
                sum[compact[s]] += rho[v];
            }
        }
        double volumeCm3 = tally.grid().voxelVolumeCm3();
        for (int c = 0; c < sum.length; c++) {
            sum[c] *= volumeCm3;
        }
        return sum;
    }
}
