package doseengine.tally;

/**
 * How a dose map distributes over one label's voxels: extremes, dose-at-volume D(x %), volume-at-dose V(d),
 * and the cumulative DVH.
 *
 * <p>Convention (volume based, the clinical one, e.g. ICRU Report 83 for D2/D50/D98): with the region's n voxel
 * doses sorted in decreasing order {@code d(1) >= d(2) >= ... >= d(n)}, {@code D(x) = d(k)},
 * {@code k = max(1, ceil(x * n / 100))}: the highest dose that at least x % of the volume receives. No
 * interpolation; D(0) is the maximum and D(100) the minimum. {@code V(d)} is the fraction of voxels with dose
 * {@code >= d}. An empty region reports zeros.
 *
 * @param voxels voxel count of the label
 * @param percentages the x of each {@code doseAtPercentGy} entry
 * @param thresholdsGy the d of each {@code volumeFractionAtLeast} entry
 */
public record LabelDoseDistribution(int labelValue, String name, int voxels, double minGy, double maxGy,
                                    double[] percentages, double[] doseAtPercentGy,
                                    double[] thresholdsGy, double[] volumeFractionAtLeast,
                                    DoseVolumeHistogram dvh) {
    public LabelDoseDistribution {
        percentages = percentages.clone();
        doseAtPercentGy = doseAtPercentGy.clone();
        thresholdsGy = thresholdsGy.clone();
        volumeFractionAtLeast = volumeFractionAtLeast.clone();
    }

    @Override
    public double[] percentages() { return percentages.clone(); }

    @Override
    public double[] doseAtPercentGy() { return doseAtPercentGy.clone(); }

    @Override
    public double[] thresholdsGy() { return thresholdsGy.clone(); }

    @Override
    public double[] volumeFractionAtLeast() { return volumeFractionAtLeast.clone(); }

    /** D(x) for one of the computed percentages. */
    public double doseAtPercent(double percent) {
        for (int q = 0; q < percentages.length; q++) {
            if (percentages[q] == percent) {
                return doseAtPercentGy[q];
            }
        }
        throw new IllegalArgumentException("D" + percent + " was not computed; have " + java.util.Arrays.toString(percentages));
    }

    /** V(d) for one of the computed thresholds. */
    public double volumeFractionAtLeast(double doseGy) {
        for (int t = 0; t < thresholdsGy.length; t++) {
            if (thresholdsGy[t] == doseGy) {
                return volumeFractionAtLeast[t];
            }
        }
        throw new IllegalArgumentException("V(" + doseGy + " Gy) was not computed; have "
                + java.util.Arrays.toString(thresholdsGy));
    }
}
