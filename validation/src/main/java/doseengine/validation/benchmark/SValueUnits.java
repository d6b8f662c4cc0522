package doseengine.validation.benchmark;

import doseengine.dosimetry.DoseConversion;

/**
 * S values in the unit of the voxel S-value tables, mGy/(MBq s): absorbed dose per unit cumulated activity.
 * S = E x 1.602176634e-13 J/MeV / m x 1e6 decays/(MBq s) x 1e3 mGy/Gy, with E the energy deposited per decay (MeV)
 * and m the target mass (kg).
 */
public final class SValueUnits {
    /** mGy/(MBq s) for 1 MeV per decay deposited in 1 kg. */
    public static final double MGY_PER_MBQ_S_PER_MEV_PER_KG = DoseConversion.JOULES_PER_MEV * 1e6 * 1e3;

    private SValueUnits() {
    }

    /** S (mGy/(MBq s)) of {@code energyMeVPerDecay} deposited in {@code massKg}. */
    public static double sValue(double energyMeVPerDecay, double massKg) {
        if (!(massKg > 0)) {
            throw new IllegalArgumentException("target mass must be positive, got " + massKg + " kg");
        }
        return energyMeVPerDecay * MGY_PER_MBQ_S_PER_MEV_PER_KG / massKg;
    }
}
