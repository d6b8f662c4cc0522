package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;

/**
 * An absorbed-dose rate R(t) of one cycle (Gy/h, t in hours after injection) as BED needs it: its dose and its
 * Lea-Catcheside term. A sum of exponentials ({@link DoseRateCurve}) or a piecewise-linear curve with an exponential
 * tail ({@link PiecewiseDoseRate}).
 */
public interface DoseRate {
    /** The absorbed dose {@code D = integral_0^inf R dt}, Gy. */
    double doseGy();

    /**
     * The Lea-Catcheside term {@code G = 2 int_0^inf R(t) int_0^t R(s) e^{-mu (t - s)} ds dt} for repair rate
     * {@code mu} (1/h), Gy^2 (Dale 1985 Br J Radiol 58:515).
     */
    double leaCatchesideGy2(double repairRatePerHour);

    /** The shape factor {@code g = G / D^2}: a cycle of dose D with this shape has BED {@code D + g D^2 / (alpha/beta)}. */
    default double shapeFactor(double repairRatePerHour) {
        double d = doseGy();
        if (!(d > 0)) {
            throw new BadInputException("dose-rate curve: the dose must be > 0 for a shape factor, got " + d + " Gy");
        }
        return leaCatchesideGy2(repairRatePerHour) / (d * d);
    }
}
