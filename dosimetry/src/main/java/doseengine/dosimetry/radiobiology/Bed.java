package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;

/**
 * Biologically effective dose (BED) and the equivalent dose in 2 Gy fractions (EQD2) in the linear-quadratic model
 * with mono-exponential repair.
 */
public final class Bed {
    private Bed() {
    }

    /**
     * {@code BED = D + G / (alpha/beta)}, G the Lea-Catcheside term of the curve
     * ({@link DoseRate#leaCatchesideGy2}; Dale 1985 Br J Radiol 58:515, Baechler et al. 2008 Med Phys 35:1123).
     * For instant uptake and mono-exponential clearance this is
     * {@code D (1 + D lambda / ((mu + lambda)(alpha/beta)))}.
     */
    public static double of(DoseRate curve, TissueParameters tissue) {
        return curve.doseGy() + curve.leaCatchesideGy2(tissue.repairRatePerHour()) / tissue.alphaBetaGy();
    }

    /**
     * {@code BED = D + g D^2 / (alpha/beta)}: a dose D delivered with the shape factor g of
     * {@link DoseRateCurve#shapeFactor}.
     */
    public static double of(double doseGy, double shapeFactor, double alphaBetaGy) {
        if (!(alphaBetaGy > 0)) {
            throw new BadInputException("alpha_beta_Gy must be > 0, got " + alphaBetaGy);
        }
        return doseGy + shapeFactor * doseGy * doseGy / alphaBetaGy;
    }

    /** {@code EQD2 = BED / (1 + 2 Gy / (alpha/beta))} (Withers, Thames and Peters 1983 Radiother Oncol 1:187). */
    public static double eqd2(double bedGy, double alphaBetaGy) {
        if (!(alphaBetaGy > 0)) {
            throw new BadInputException("alpha_beta_Gy must be > 0, got " + alphaBetaGy);
        }
        return bedGy / (1 + 2 / alphaBetaGy);
    }

    /**
     * The BED of several cycles: the sum of each cycle's BED. Assumes full repair between cycles (cycles weeks
     * apart against repair half-times of hours), so no Lea-Catcheside cross term between cycles, and no
     * repopulation between them.
     */
    public static double overCycles(double... cycleBedsGy) {
        double sum = 0;
        for (int c = 0; c < cycleBedsGy.length; c++) {
            if (!(cycleBedsGy[c] >= 0) || !Double.isFinite(cycleBedsGy[c])) {
                throw new BadInputException("BED of cycle " + (c + 1) + " must be finite and >= 0, got "
                        + cycleBedsGy[c]);
            }
            sum += cycleBedsGy[c];
        }
        return sum;
    }
}
