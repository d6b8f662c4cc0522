package doseengine.dosimetry.treatment;

import doseengine.dosimetry.radiobiology.Bed;
import doseengine.dosimetry.radiobiology.DoseRate;
import doseengine.dosimetry.radiobiology.TissueParameters;
import doseengine.dosimetry.radiobiology.TissueTable;
import doseengine.geometry.BadInputException;
import java.util.Optional;

/**
 * One structure in one cycle: its mean dose with the combined uncertainty, BED and EQD2, and the per-GBq values
 * the next cycle is planned from.
 *
 * @param name           the structure's name
 * @param kind           its kind for the tables
 * @param fitModel       the kinetic model its TIA came from
 * @param meanGy         mean absorbed dose, Gy
 * @param mcRelUnc       relative standard uncertainty of the Monte Carlo mean dose
 * @param tiaRelUnc      relative standard uncertainty of the TIA
 * @param relUnc         the two combined, {@link #combinedRelative}
 * @param gyPerGBq       mean dose per administered GBq
 * @param alphaBetaGy    the tissue's alpha/beta, Gy; NaN without tissue parameters
 * @param shapeFactor    g = G / D^2 of the dose-rate curve at the tissue's repair rate; NaN without parameters
 * @param bedGy          BED, Gy; null without tissue parameters ({@code bedNote} says why)
 * @param bedSigmaGy     standard uncertainty of the BED, Gy; null with bedGy
 * @param eqd2Gy         EQD2, Gy; null with bedGy
 * @param bedNote        "" when BED is given, else the reason it is not
 */
public record StructureCycle(String name, StructureKind kind, String fitModel, double meanGy, double mcRelUnc,
        double tiaRelUnc, double relUnc, double gyPerGBq, double alphaBetaGy, double shapeFactor, Double bedGy,
        Double bedSigmaGy, Double eqd2Gy, String bedNote) {

    /**
     * The summary of a structure whose dose-rate curve is {@code curve} (its dose is the mean dose), from a cycle of
     * {@code administeredMBq}. BED by {@link Bed#of(DoseRate, TissueParameters)}; its uncertainty to first order in
     * the dose with the shape held fixed, {@code sigma_BED = (1 + 2 g D / (alpha/beta)) sigma_D} (GUM eq. 10 applied
     * to {@code BED = D + g D^2 / (alpha/beta)}); the shape's own uncertainty (from the fitted rates) is left out.
     */
    public static StructureCycle of(String name, StructureKind kind, String fitModel, DoseRate curve, double mcRelUnc,
            double tiaRelUnc, double administeredMBq, TissueTable tissues) {
        if (name == null || name.isBlank()) {
            throw new BadInputException("structure name must be a non-empty string");
        }
        if (!(administeredMBq > 0) || !Double.isFinite(administeredMBq)) {
            throw new BadInputException(name + ": administered activity must be finite and > 0 MBq, got "
                    + administeredMBq);
        }
        double d = curve.doseGy();
        double rel = combinedRelative(mcRelUnc, tiaRelUnc);
        double perGBq = d / (administeredMBq / 1000);
        Optional<TissueParameters> tissue = kind.tissue(tissues);
        if (tissue.isEmpty()) {
            return new StructureCycle(name, kind, fitModel, d, mcRelUnc, tiaRelUnc, rel, perGBq, Double.NaN,
                    Double.NaN, null, null, null, "no tissue parameters for kind \"" + kind.key() + "\"");
        }
        TissueParameters p = tissue.get();
        double g = curve.shapeFactor(p.repairRatePerHour());
        double bed = Bed.of(curve, p);
        double bedSigma = (1 + 2 * g * d / p.alphaBetaGy()) * rel * d;
        return new StructureCycle(name, kind, fitModel, d, mcRelUnc, tiaRelUnc, rel, perGBq, p.alphaBetaGy(), g, bed,
                bedSigma, Bed.eqd2(bed, p.alphaBetaGy()), "");
    }

    /**
     * {@code sqrt(u_MC^2 + u_TIA^2)}. In the organ method D is the TIA times the Monte Carlo's dose per decay, a
     * product, so relative uncertainties combine (GUM, JCGM 100:2008, eq. 12 with unit exponents); the
     * Monte Carlo's is statistical (its own random numbers) and the TIA's comes from the imaging and the fit, so
     * they are independent and the correlation term is zero.
     */
    public static double combinedRelative(double mcRelUnc, double tiaRelUnc) {
        if (!(mcRelUnc >= 0) || !Double.isFinite(mcRelUnc) || !(tiaRelUnc >= 0) || !Double.isFinite(tiaRelUnc)) {
            throw new BadInputException("relative uncertainties must be finite and >= 0, got Monte Carlo " + mcRelUnc
                    + " and TIA " + tiaRelUnc);
        }
        return Math.hypot(mcRelUnc, tiaRelUnc);
    }

    /** The standard uncertainty of the mean dose, Gy. */
    public double sigmaGy() {
        return relUnc * meanGy;
    }
}
