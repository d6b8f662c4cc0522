package doseengine.physics.material;

import java.util.Map;
import java.util.TreeMap;

/** Mixtures of materials by mass (tissue mixtures the CT calibration needs but ESTAR does not define). */
public final class MaterialMixer {
    private MaterialMixer() {}

    /**
     * Mixes materials by mass fraction. Elemental fractions add by mass; the I-value follows Bragg's additivity
     * rule, ln I = sum(w_i (Z/A)_i ln I_i) / sum(w_i (Z/A)_i) (ICRU Report 37, 1984, eq. 4.3). The mixture has
     * no tabulated density effect: the electron physics computes it.
     */
    public static Material byMass(String name, double densityGPerCm3, Material[] parts, double[] weights) {
        Map<Integer, Double> fractions = new TreeMap<>();
        double lnISum = 0;
        double zaSum = 0;
        for (int p = 0; p < parts.length; p++) {
            int[] z = parts[p].atomicNumbers();
            double[] w = parts[p].massFractions();
            for (int i = 0; i < z.length; i++) {
                fractions.merge(z[i], weights[p] * w[i], Double::sum);
            }
            double za = weights[p] * parts[p].zOverA();
            lnISum += za * Math.log(parts[p].iValueEv());
            zaSum += za;
        }
        int[] z = fractions.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] w = fractions.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Material(name, densityGPerCm3, z, w, Math.exp(lnISum / zaSum), null);
    }
}
