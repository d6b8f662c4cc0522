package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;

/**
 * Where a dose stands against a limit or threshold L, given its standard uncertainty sigma: NEAR when
 * {@code |D - L| <= k sigma}, else BELOW or ABOVE. For a maximum (organ at risk) ABOVE is the bad side; for a
 * minimum (lesion threshold) BELOW is.
 *
 * <p>k = 2: the coverage factor of an expanded uncertainty at about 95 % for a normal distribution (JCGM 100:2008,
 * GUM, 6.2 and 6.3.3). NEAR then means that the dose and the limit cannot be told apart at that level; k = 1 would
 * call a dose one standard uncertainty below a limit "below" with about a one-in-six chance that it is above.
 */
public enum LimitStatus {
    BELOW, NEAR, ABOVE;

    /** The coverage factor k. */
    public static final double COVERAGE_FACTOR = 2.0;

    public static LimitStatus of(double valueGy, double sigmaGy, double limitGy) {
        if (!Double.isFinite(valueGy) || !Double.isFinite(limitGy)) {
            throw new BadInputException("limit status: dose and limit must be finite, got " + valueGy + " and "
                    + limitGy + " Gy");
        }
        if (!(sigmaGy >= 0) || !Double.isFinite(sigmaGy)) {
            throw new BadInputException("limit status: the standard uncertainty must be finite and >= 0, got "
                    + sigmaGy + " Gy");
        }
        double diff = valueGy - limitGy;
        if (Math.abs(diff) <= COVERAGE_FACTOR * sigmaGy) {
            return NEAR;
        }
        return diff < 0 ? BELOW : ABOVE;
    }

    /** The lower-case word for reports. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
