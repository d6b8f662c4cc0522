package doseengine.dosimetry.kinetics;

/**
 * The standard uncertainty of each activity of a time-activity curve where the caller gave none.
 *
 * <p>The default is a relative standard uncertainty of {@value #DEFAULT_RELATIVE} per point. Gear et al. 2018
 * (EANM practical guidance on uncertainty analysis for molecular radiotherapy absorbed dose calculations, Eur J
 * Nucl Med Mol Imaging 45:2456) build the uncertainty of an organ's activity from the calibration factor, the
 * counts and the recovery coefficient; for an organ imaged by quantitative SPECT/CT these combine to several per
 * cent up to about ten. We take 10 %, the upper end, so that a default fit does not claim more than the images
 * support; a caller with its own uncertainty budget sets it with {@link #relative(double)}.
 */
@FunctionalInterface
public interface ActivityUncertainty {
    double DEFAULT_RELATIVE = 0.10;

    /** The fraction of the curve's largest activity below which a relative uncertainty is not taken smaller. */
    double FLOOR_FRACTION_OF_MAX = 0.01;

    /** Standard uncertainties (MBq) of the activities {@code activitiesMBq} measured at {@code hours}. */
    double[] sigmasMBq(double[] hours, double[] activitiesMBq);

    /** The default: 10 % relative per point (see the class comment). */
    static ActivityUncertainty standard() {
        return relative(DEFAULT_RELATIVE);
    }

    /**
     * {@code sigma_i = r max(A_i, 0.01 max_j A_j)}: relative, with a floor of 1 % of the largest activity so that a
     * zero activity does not get an infinite weight in a fit.
     */
    static ActivityUncertainty relative(double r) {
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new doseengine.geometry.BadInputException("relative activity uncertainty must be finite and > 0, got " + r);
        }
        return (hours, a) -> {
            double max = 0;
            for (double v : a) {
                max = Math.max(max, v);
            }
            double[] s = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                s[i] = r * Math.max(a[i], FLOOR_FRACTION_OF_MAX * max);
            }
            return s;
        };
    }
}
