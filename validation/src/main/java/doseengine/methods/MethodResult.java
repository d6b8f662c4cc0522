package doseengine.methods;

import doseengine.geometry.FloatVolume;
import doseengine.tally.RegionDose;
import java.util.List;
import java.util.Map;

/**
 * One method's dose on the patient grid and what {@code compare} says about it.
 *
 * @param method          the method
 * @param doseGy          dose per voxel (Gy)
 * @param relativeUncertainty Monte Carlo's relative standard error per voxel; null for the fast methods (exact for
 *                        their inputs: their kernels' own noise is reported apart)
 * @param regions         per structure statistics (mean, D2/D50/D98, DVH)
 * @param seconds         wall time of the method itself: voxel integration of its kernel, FFT and dose; without
 *                        the Monte Carlo runs of kernels not yet cached (those are timed apart)
 * @param gamma           gamma comparison with Monte Carlo; null for Monte Carlo itself
 * @param notes           what the method leaves out or could not do (photons in LED, structures outside the sphere grid)
 */
public record MethodResult(Method method, FloatVolume doseGy, FloatVolume relativeUncertainty, List<RegionDose> regions,
        double seconds, GammaSummary gamma, List<String> notes) {
    public MethodResult {
        regions = List.copyOf(regions);
        notes = List.copyOf(notes);
    }

    /** The statistics of a structure, or null when the method has none for it. */
    public RegionDose region(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The gamma pass rates against Monte Carlo.
     *
     * @param overall      pass rate over every evaluated voxel (reference dose above the threshold)
     * @param evaluated    how many voxels were evaluated
     * @param byStructure  pass rate among each structure's evaluated voxels; absent when none was evaluated
     */
    public record GammaSummary(double overall, long evaluated, Map<String, Double> byStructure) {
        public GammaSummary {
            byStructure = Map.copyOf(byStructure);
        }
    }
}
