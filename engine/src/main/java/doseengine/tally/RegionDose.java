package doseengine.tally;

/**
 * Dose statistics of one named label (organ, lesion) for the {@code decays} of its dose map: the fields of
 * {@code organs.json} and the clinical dose-volume figures.
 *
 * @param massG label mass: sum of density times voxel volume (g)
 * @param meanGyPerDecay mass-weighted mean dose per decay: the label's total energy per decay / its mass
 * @param meanGy {@code meanGyPerDecay} times the dose map's decays
 * @param relativeUncertainty batch-means relative standard error of the label's total energy (hence of the
 *        mean dose), from the label's own batch totals; 1 when no energy was deposited in the label; 0 for an
 *        exact method
 * @param medianVoxelRelativeUncertainty the median over the label's voxels of each voxel's relative standard
 *        error (the upper middle value for an even count; a voxel without deposit counts as 1): how much of the
 *        DVH's width and of D2/D98 is noise; 0 for an exact method
 * @param distribution voxel-dose extremes, D(x), V(d) and the DVH (volume based)
 */
public record RegionDose(String name, int labelValue, int voxels, double massG, double meanGyPerDecay,
                         double meanGy, double relativeUncertainty, double medianVoxelRelativeUncertainty,
                         LabelDoseDistribution distribution) {
    public double minGy() { return distribution.minGy(); }

    public double maxGy() { return distribution.maxGy(); }

    /** Near-maximum dose, D2 %. */
    public double d2Gy() { return distribution.doseAtPercent(2); }

    /** Median dose, D50 %. */
    public double d50Gy() { return distribution.doseAtPercent(50); }

    /** Near-minimum dose, D98 %. */
    public double d98Gy() { return distribution.doseAtPercent(98); }
}
