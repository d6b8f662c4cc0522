package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;

/**
 * What the next cycle may give one organ at risk. The dose per GBq and the shape factor come from the cycles so far
 * (the next cycle is assumed to repeat their kinetics); the cumulative dose and BED are those of the cycles given.
 * A limit that does not apply is {@code NaN}.
 *
 * @param organ            the organ's name, as reported
 * @param doseGyPerGBq     absorbed dose per administered GBq of the next cycle, Gy/GBq, > 0
 * @param shapeFactor      g = G / D^2 of the next cycle's dose-rate curve ({@link DoseRateCurve#shapeFactor}), >= 0;
 *                         for instant uptake and clearance rate lambda, {@code g = lambda / (lambda + mu)}
 * @param alphaBetaGy      the organ's alpha/beta, Gy; NaN when it has no BED limit
 * @param cumulativeDoseGy absorbed dose of the cycles so far, Gy
 * @param cumulativeBedGy  BED of the cycles so far, Gy (NaN when it has no BED limit)
 * @param doseLimitGy      the absorbed-dose limit, Gy, or NaN
 * @param bedLimitGy       the BED limit, Gy, or NaN
 */
public record OrganBudget(String organ, double doseGyPerGBq, double shapeFactor, double alphaBetaGy,
        double cumulativeDoseGy, double cumulativeBedGy, double doseLimitGy, double bedLimitGy) {
    public OrganBudget {
        if (organ == null || organ.isBlank()) {
            throw new BadInputException("organ budget: the organ's name must be a non-empty string");
        }
        if (!(doseGyPerGBq > 0) || !Double.isFinite(doseGyPerGBq)) {
            throw new BadInputException(organ + ": dose per GBq must be finite and > 0, got " + doseGyPerGBq);
        }
        if (!(cumulativeDoseGy >= 0) || !Double.isFinite(cumulativeDoseGy)) {
            throw new BadInputException(organ + ": cumulative dose must be finite and >= 0 Gy, got "
                    + cumulativeDoseGy);
        }
        if (Double.isNaN(doseLimitGy) && Double.isNaN(bedLimitGy)) {
            throw new BadInputException(organ + ": needs a dose limit or a BED limit");
        }
        if (!Double.isNaN(doseLimitGy) && !(doseLimitGy > 0)) {
            throw new BadInputException(organ + ": dose limit must be > 0 Gy, got " + doseLimitGy);
        }
        if (!Double.isNaN(bedLimitGy)) {
            if (!(bedLimitGy > 0)) {
                throw new BadInputException(organ + ": BED limit must be > 0 Gy, got " + bedLimitGy);
            }
            if (!(alphaBetaGy > 0) || !Double.isFinite(alphaBetaGy)) {
                throw new BadInputException(organ + ": a BED limit needs alpha/beta > 0 Gy, got " + alphaBetaGy);
            }
            if (!(shapeFactor >= 0) || !Double.isFinite(shapeFactor)) {
                throw new BadInputException(organ + ": shape factor must be finite and >= 0, got " + shapeFactor);
            }
            if (!(cumulativeBedGy >= 0) || !Double.isFinite(cumulativeBedGy)) {
                throw new BadInputException(organ + ": cumulative BED must be finite and >= 0 Gy, got "
                        + cumulativeBedGy);
            }
        }
    }

    /** A budget on absorbed dose only. */
    public static OrganBudget ofDose(String organ, double doseGyPerGBq, double cumulativeDoseGy, double doseLimitGy) {
        return new OrganBudget(organ, doseGyPerGBq, Double.NaN, Double.NaN, cumulativeDoseGy, Double.NaN,
                doseLimitGy, Double.NaN);
    }

    /**
     * The largest activity (MBq) that keeps the absorbed dose within its limit: {@code (L - D_cum) / d}, d the dose
     * per MBq; 0 when the organ is at or over its limit; +infinity without a dose limit.
     */
    public double maxActivityByDoseMBq() {
        if (Double.isNaN(doseLimitGy)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0, doseLimitGy - cumulativeDoseGy) / (doseGyPerGBq / 1000);
    }

    /**
     * The largest activity (MBq) that keeps the BED within its limit. With the cycle's dose {@code D = d A} its BED is
     * {@code D + g D^2 / (alpha/beta)} ({@link Bed#of(double, double, double)}); the remaining budget
     * {@code B = L - BED_cum} gives the positive root {@code D = 2 B / (1 + sqrt(1 + 4 g B / (alpha/beta)))} (the
     * form without cancellation, which is also right at g = 0); then {@code A = D / d}. 0 when at or over the limit;
     * +infinity without a BED limit.
     */
    public double maxActivityByBedMBq() {
        if (Double.isNaN(bedLimitGy)) {
            return Double.POSITIVE_INFINITY;
        }
        double remaining = bedLimitGy - cumulativeBedGy;
        if (!(remaining > 0)) {
            return 0;
        }
        double dose = 2 * remaining / (1 + Math.sqrt(1 + 4 * shapeFactor * remaining / alphaBetaGy));
        return dose / (doseGyPerGBq / 1000);
    }

    /** The smaller of the two. */
    public double maxActivityMBq() {
        return Math.min(maxActivityByDoseMBq(), maxActivityByBedMBq());
    }

    /** True when a limit is already reached or passed: no activity is allowed. */
    public boolean overBudget() {
        return maxActivityMBq() == 0;
    }
}
