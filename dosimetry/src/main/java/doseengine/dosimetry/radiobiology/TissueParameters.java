package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;

/**
 * The linear-quadratic parameters of a tissue: alpha/beta and the half-time of mono-exponential repair of
 * sublethal damage.
 *
 * @param alphaBetaGy         alpha/beta, Gy, > 0
 * @param repairHalfTimeHours repair half-time, hours, > 0
 * @param source              where the numbers come from (free text; "user" when the user gave them)
 */
public record TissueParameters(double alphaBetaGy, double repairHalfTimeHours, String source) {
    public TissueParameters {
        if (!(alphaBetaGy > 0) || !Double.isFinite(alphaBetaGy)) {
            throw new BadInputException("alpha_beta_Gy must be finite and > 0, got " + alphaBetaGy);
        }
        if (!(repairHalfTimeHours > 0) || !Double.isFinite(repairHalfTimeHours)) {
            throw new BadInputException("repair_half_time_h must be finite and > 0, got " + repairHalfTimeHours);
        }
        source = source == null ? "" : source;
    }

    public TissueParameters(double alphaBetaGy, double repairHalfTimeHours) {
        this(alphaBetaGy, repairHalfTimeHours, "");
    }

    /** The repair rate {@code mu = ln 2 / T_rep}, 1/h. */
    public double repairRatePerHour() {
        return Math.log(2) / repairHalfTimeHours;
    }
}
