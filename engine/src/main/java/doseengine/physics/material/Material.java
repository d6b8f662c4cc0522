package doseengine.physics.material;

import java.util.Arrays;
import java.util.Optional;

/**
 * A material for transport: nominal density, elemental mass fractions, mean excitation energy and, where
 * ESTAR tabulates it, the density-effect correction. The density of a voxel comes from the CT; the nominal
 * density here is the material's reference density (ESTAR's), used for the density effect and in phantoms.
 */
public final class Material {
    private final String name;
    private final double densityGPerCm3;
    private final int[] z;
    private final double[] massFractions;
    private final double iValueEv;
    private final DensityEffectTable densityEffect;

    /**
     * @param densityEffect ESTAR's delta(T), or null when the material has none tabulated (mixtures);
     *                      the electron physics then computes it from the material's composition.
     */
    public Material(String name, double densityGPerCm3, int[] z, double[] massFractions, double iValueEv,
                    DensityEffectTable densityEffect) {
        if (z.length == 0 || z.length != massFractions.length) {
            throw new IllegalArgumentException(name + ": element and mass-fraction lists must match");
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            Elements.atomicWeight(z[i]);
            if (!(massFractions[i] > 0)) {
                throw new IllegalArgumentException(name + ": mass fraction of Z=" + z[i] + " must be positive");
            }
            sum += massFractions[i];
        }
        if (Math.abs(sum - 1) > 1e-4) {
            throw new IllegalArgumentException(name + ": mass fractions sum to " + sum + ", not 1");
        }
        if (!(densityGPerCm3 > 0) || !(iValueEv > 0)) {
            throw new IllegalArgumentException(name + ": density and I-value must be positive");
        }
        this.name = name;
        this.densityGPerCm3 = densityGPerCm3;
        this.z = z.clone();
        // Renormalise the fractions the files give to 6 digits so mixtures stay exactly normalised.
        double total = sum;
        this.massFractions = Arrays.stream(massFractions).map(w -> w / total).toArray();
        this.iValueEv = iValueEv;
        this.densityEffect = densityEffect;
    }

    public String name() { return name; }

    /** Reference density (g/cm3) of the material as defined by its source. */
    public double densityGPerCm3() { return densityGPerCm3; }

    public int[] atomicNumbers() { return z.clone(); }

    public double[] massFractions() { return massFractions.clone(); }

    public int elementCount() { return z.length; }

    /** Mean excitation energy I (eV). */
    public double iValueEv() { return iValueEv; }

    public Optional<DensityEffectTable> densityEffect() { return Optional.ofNullable(densityEffect); }

    /** Sum of w_i Z_i / A_i (mol/g): electrons per gram divided by Avogadro's constant. */
    public double zOverA() {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += massFractions[i] * z[i] / Elements.atomicWeight(z[i]);
        }
        return s;
    }

    /** Electrons per gram. */
    public double electronsPerGram() {
        return Elements.AVOGADRO * zOverA();
    }

    @Override
    public String toString() {
        return name;
    }
}
