package doseengine.tally;

import doseengine.dosimetry.DoseConversion;
import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-label dose statistics of a voxel run: the mean and its uncertainty from the label's batch totals
 * ({@link VoxelBatchTally}), the volume-based figures from the dose map ({@link LabelDoseDistributions}).
 * Overlapping structures ({@link LabelMap} layers) each get the statistics of their own mask.
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
        double[] medianError = medianVoxelErrors(map, labels);
        BatchMoments m = tally.labelMoments();
        List<RegionDose> out = new ArrayList<>();
        for (int c = 0; c < dist.size(); c++) {
            double perDecay = DoseConversion.gray(m.meanPerDecay(c), massG[c]);
            out.add(new RegionDose(dist.get(c).name(), tally.labelValue(c), dist.get(c).voxels(), massG[c],
                    perDecay, perDecay * map.decays(), m.relativeStandardError(c), medianError[c], dist.get(c)));
        }
        return out;
    }

    /**
     * Per-label statistics of a dose map that has no statistical uncertainty (an exact method such as local
     * energy deposition): mass-weighted mean {@code sum(D rho) / sum(rho)}, uncertainties 0.
     *
     * @param decays the decays the map is scaled to (for the per-decay mean)
     */
    public static List<RegionDose> exact(DoseMap map, FloatVolume density, LabelMap labels, double[] thresholdsGy,
                                         int dvhBins) {
        map.gray().grid().requireSameGrid(density.grid(), "dose map", "density");
        DoseMap.requirePhysicalDensity(density);
        List<LabelDoseDistribution> dist = LabelDoseDistributions.compute(map.gray(), labels, STANDARD_PERCENTAGES,
                thresholdsGy, dvhBins);
        int n = labels.names().size();
        double[] energy = new double[n];
        double[] mass = new double[n];
        float[] d = map.gray().data();
        float[] rho = density.data();
        for (int k = 0; k < labels.layerCount(); k++) {
            short[] lab = labels.layer(k).data();
            int[] compact = labels.compactIndexInLayer(k);
            for (int v = 0; v < lab.length; v++) {
                int c = lab[v] > 0 ? compact[lab[v]] : -1;
                if (c >= 0) {
                    energy[c] += (double) d[v] * rho[v];
                    mass[c] += rho[v];
                }
            }
        }
        double volumeCm3 = map.gray().grid().voxelVolumeCm3();
        List<RegionDose> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double mean = mass[c] > 0 ? energy[c] / mass[c] : 0;
            out.add(new RegionDose(dist.get(c).name(), dist.get(c).labelValue(), dist.get(c).voxels(),
                    mass[c] * volumeCm3, map.decays() > 0 ? mean / map.decays() : 0, mean, 0, 0, dist.get(c)));
        }
        return out;
    }

    /**
     * The median voxel uncertainty of every named label, in compact label order: the D50 of the uncertainty map
     * (an exact order statistic by the same radix selection as the dose's D50).
     */
    static double[] medianVoxelErrors(DoseMap map, LabelMap labels) {
        List<LabelDoseDistribution> u = LabelDoseDistributions.compute(map.relativeUncertainty(), labels,
                new double[] {50}, new double[0], 1);
        double[] out = new double[u.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = u.get(c).voxels() == 0 ? 1 : u.get(c).doseAtPercent(50);
        }
        return out;
    }

    /** Mass (g) of every named label, in compact label order. */
    static double[] labelMassesG(VoxelBatchTally tally, FloatVolume density) {
        List<String> names = tally.labelNames();
        double[] sum = new double[names.size()];
        LabelMap labels = tally.labelMap();
        float[] rho = density.data();
        for (int k = 0; k < labels.layerCount(); k++) {
            short[] lab = labels.layer(k).data();
            int[] compact = labels.compactIndexInLayer(k);
            for (int v = 0; v < lab.length; v++) {
                short s = lab[v];
                if (s > 0 && compact[s] >= 0) {
                    sum[compact[s]] += rho[v];
                }
            }
        }
        double volumeCm3 = tally.grid().voxelVolumeCm3();
        for (int c = 0; c < sum.length; c++) {
            sum[c] *= volumeCm3;
        }
        return sum;
    }
}
