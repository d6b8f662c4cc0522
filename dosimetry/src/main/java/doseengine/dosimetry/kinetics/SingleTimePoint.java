package doseengine.dosimetry.kinetics;

import doseengine.geometry.BadInputException;

/**
 * TIA (MBq h) from one activity {@code A(t)} measured {@code t} hours after injection, assuming a mono-exponential
 * clearance from t = 0. The uncertainties returned are those of the activity only: the error of the assumed
 * kinetics is not in them.
 */
public final class SingleTimePoint {
    private SingleTimePoint() {
    }

    /**
     * Hänscheid et al. 2018 (J Nucl Med 59:75, "Dose mapping after endoradiotherapy with 177Lu-DOTATATE/-TOC by a
     * single measurement after 4 days"): {@code TIA ~ A(t) 2t/ln 2}. It is exact for {@code A(t) = A0 exp(-lambda t)}
     * when {@code T_eff = t}, since then {@code A0/lambda = A(t) e^{ln2} T_eff/ln2 = A(t) 2t/ln2}, and its error is
     * small over a wide range of T_eff around t; for 177Lu-DOTATATE kidneys the authors take t of about 96 h.
     */
    public static double hanscheidMBqH(double hours, double activityMBq) {
        check(hours, activityMBq);
        return activityMBq * 2 * hours / Math.log(2);
    }

    /**
     * The population effective half-life method: {@code TIA = A(t) exp(lambda_eff t) / lambda_eff},
     * {@code lambda_eff = ln 2 / T_eff}, the integral of the mono-exponential through {@code A(t)} (MIRD Pamphlet
     * No. 16, Siegel et al. 1999, J Nucl Med 40:37S). Effective half-lives from {@link EffectiveHalfLives}.
     */
    public static double populationHalfLifeMBqH(double hours, double activityMBq, double effectiveHalfLifeHours) {
        check(hours, activityMBq);
        if (!Double.isFinite(effectiveHalfLifeHours) || effectiveHalfLifeHours <= 0) {
            throw new BadInputException("effective half-life must be finite and > 0 h, got " + effectiveHalfLifeHours);
        }
        double lambda = Math.log(2) / effectiveHalfLifeHours;
        return activityMBq * Math.exp(lambda * hours) / lambda;
    }

    /**
     * The relative standard uncertainty that the population's spread of T_eff gives the population method's TIA,
     * first order (delta method, JCGM 100:2008 eq. 10): {@code ln TIA = ln A + lambda t - ln lambda} with
     * {@code lambda = ln 2 / T}, so {@code d ln TIA / d ln T = (t - 1/lambda)(-lambda) = 1 - lambda t} and
     * {@code u_rel(TIA) = |1 - lambda t| u(ln T)}. {@code u(ln T)} is the table's lognormal sigma, or its standard
     * deviation over T_eff (the same to first order). It vanishes at {@code t = T/ln 2} (1.44 T), where the TIA does
     * not depend on T to first order, so an imaging time near 1.44 T_eff is the least sensitive to the population's
     * spread (at {@code t = T}, Hänscheid's case, the factor is {@code 1 - ln 2 = 0.31}).
     *
     * @param relSigmaOfHalfLife {@code u(ln T)}, >= 0
     */
    public static double populationRelSigmaFromHalfLife(double hours, double effectiveHalfLifeHours,
            double relSigmaOfHalfLife) {
        if (!Double.isFinite(relSigmaOfHalfLife) || relSigmaOfHalfLife < 0) {
            throw new BadInputException("spread of the effective half-life must be finite and >= 0, got "
                    + relSigmaOfHalfLife);
        }
        double lambda = Math.log(2) / effectiveHalfLifeHours;
        return Math.abs(1 - lambda * hours) * relSigmaOfHalfLife;
    }

    private static void check(double hours, double activityMBq) {
        if (!Double.isFinite(hours) || hours <= 0) {
            throw new BadInputException("hours: a time point must be finite and > 0 h after injection, got " + hours);
        }
        if (!Double.isFinite(activityMBq) || activityMBq < 0) {
            throw new BadInputException("activity at " + hours + " h must be finite and >= 0 MBq, got " + activityMBq);
        }
    }
}
