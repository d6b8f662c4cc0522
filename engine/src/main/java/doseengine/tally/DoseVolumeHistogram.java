package doseengine.tally;

/**
 * A cumulative dose-volume histogram: {@code fractionAtLeast[i]} is the fraction of the region's volume (its
 * voxel count: every voxel of a grid has the same volume) that receives a dose {@code >= doseGy[i]}. Exact at
 * each listed dose (no interpolation). Non-increasing, and 1 at dose 0 for a non-empty region.
 */
public record DoseVolumeHistogram(double[] doseGy, double[] fractionAtLeast) {
    public DoseVolumeHistogram {
        if (doseGy.length != fractionAtLeast.length) {
            throw new IllegalArgumentException("DVH dose and fraction arrays differ in length");
        }
        doseGy = doseGy.clone();
        fractionAtLeast = fractionAtLeast.clone();
    }

    @Override
    public double[] doseGy() { return doseGy.clone(); }

    @Override
    public double[] fractionAtLeast() { return fractionAtLeast.clone(); }

    public int points() { return doseGy.length; }
}
