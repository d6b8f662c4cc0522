package doseengine.physics.material;

import java.util.Arrays;

/**
 * The Fermi density-effect correction delta(T) of a material as tabulated by ESTAR (kinetic energy T in MeV).
 * Between nodes delta is interpolated linearly in ln T; below the first node it is the first value (zero for
 * every tabulated material at 1 keV), above the last node the last value.
 */
public final class DensityEffectTable {
    private final double[] lnEnergy;
    private final double[] delta;

    public DensityEffectTable(double[] energyMeV, double[] delta) {
        if (energyMeV.length != delta.length || energyMeV.length < 2) {
            throw new IllegalArgumentException("density-effect table needs matching energy and delta arrays");
        }
        this.lnEnergy = new double[energyMeV.length];
        for (int i = 0; i < energyMeV.length; i++) {
            if (i > 0 && !(energyMeV[i] > energyMeV[i - 1])) {
                throw new IllegalArgumentException("density-effect energies must increase: " + energyMeV[i]);
            }
            lnEnergy[i] = Math.log(energyMeV[i]);
        }
        this.delta = delta.clone();
    }

    public double delta(double kineticEnergyMeV) {
        double x = Math.log(kineticEnergyMeV);
        if (x <= lnEnergy[0]) {
            return delta[0];
        }
        int n = lnEnergy.length;
        if (x >= lnEnergy[n - 1]) {
            return delta[n - 1];
        }
        int i = Arrays.binarySearch(lnEnergy, x);
        if (i >= 0) {
            return delta[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (x - lnEnergy[lo]) / (lnEnergy[hi] - lnEnergy[lo]);
        return delta[lo] + f * (delta[hi] - delta[lo]);
    }

    public double[] energiesMeV() {
        return Arrays.stream(lnEnergy).map(Math::exp).toArray();
    }

    public double[] deltas() {
        return delta.clone();
    }
}
