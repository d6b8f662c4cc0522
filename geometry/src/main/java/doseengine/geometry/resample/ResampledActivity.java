package doseengine.geometry.resample;

import doseengine.geometry.FloatVolume;

/**
 * An activity image moved onto a target grid, with the bookkeeping that shows nothing was lost:
 * {@code targetTotal + outsideTotal = sourceTotal} up to float rounding.
 *
 * @param activity     activity per voxel on the target grid, in the source image's unit
 * @param sourceTotal  sum of the source image
 * @param targetTotal  sum of {@code activity}
 * @param outsideTotal activity of the source that falls outside the target grid and is therefore not in it
 * @param method       how it was resampled, for the run's report
 */
public record ResampledActivity(FloatVolume activity, double sourceTotal, double targetTotal, double outsideTotal,
        String method) {

    static ResampledActivity of(FloatVolume activity, double sourceTotal, double outsideTotal, String method) {
        return new ResampledActivity(activity, sourceTotal, activity.sum(), outsideTotal, method);
    }

    /** Fraction of the source's total activity that lies outside the target grid (0 for an empty source). */
    public double fractionOutside() {
        return sourceTotal > 0 ? outsideTotal / sourceTotal : 0;
    }
}
