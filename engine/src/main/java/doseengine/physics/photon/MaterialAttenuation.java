package doseengine.physics.photon;

import doseengine.physics.material.Elements;
import doseengine.physics.material.Material;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Mass attenuation coefficients of one material computed directly from the element data: the mixture rule
 * mu/rho = sum_i w_i sigma_i N_A / A_i (Hubbell and Seltzer, NISTIR 5632 (1995), section 2), each sigma_i
 * interpolated log-log on its own XCOM grid. This is the reference the kernel tables are built from and
 * tested against; it is too slow for the transport loop.
 */
public final class MaterialAttenuation {
    /** barn to cm2. */
    private static final double BARN = 1e-24;

    private final Material material;
    private final XcomLibrary library;
    private final int[] z;
    /** w_i N_A 1e-24 / A_i: turns barn per atom into cm2/g of the material. */
    private final double[] factor;

    public MaterialAttenuation(Material material, XcomLibrary library) {
        this.material = material;
        this.library = library;
        this.z = material.atomicNumbers();
        double[] w = material.massFractions();
        this.factor = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            factor[i] = w[i] * Elements.AVOGADRO * BARN / Elements.atomicWeight(z[i]);
        }
    }

    public Material material() {
        return material;
    }

    /** mu/rho (cm2/g) of a process at energyMeV; exactly at an edge, side picks the value. */
    public double muOverRho(PhotonProcess process, double energyMeV, EdgeSide side) {
        return muOverRhoAtLn(process, Math.log(energyMeV), side);
    }

    /** mu/rho (cm2/g) at ln(E/MeV); at an edge the above-edge value. */
    public double muOverRho(PhotonProcess process, double energyMeV) {
        return muOverRho(process, energyMeV, EdgeSide.ABOVE);
    }

    public double muOverRhoAtLn(PhotonProcess process, double lnEnergy, EdgeSide side) {
        double sum = 0;
        for (XcomProcess p : process.parts()) {
            for (int i = 0; i < z.length; i++) {
                sum += factor[i] * library.crossSection(z[i], p).sigmaBarnAtLn(lnEnergy, side);
            }
        }
        return sum;
    }

    /** ln(E/MeV) of the photoelectric edges of the material's elements inside (lnLow, lnHigh), ascending. */
    public double[] edgeLnEnergies(double lnLow, double lnHigh) {
        TreeSet<Double> edges = new TreeSet<>();
        for (int zi : z) {
            for (double e : library.crossSection(zi, XcomProcess.PHOTOELECTRIC).edgeLnEnergies()) {
                if (e > lnLow && e < lnHigh) {
                    edges.add(e);
                }
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * ln(E/MeV) of every tabulated energy of the material's elements, all processes, inside (lnLow, lnHigh):
     * where the directly interpolated coefficient has its kinks (and the pair thresholds, where it starts).
     */
    public double[] nativeLnEnergies(double lnLow, double lnHigh) {
        TreeSet<Double> out = new TreeSet<>();
        for (int zi : z) {
            for (XcomProcess p : XcomProcess.values()) {
                for (double e : library.crossSection(zi, p).lnEnergies()) {
                    if (e > lnLow && e < lnHigh) {
                        out.add(e);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return material.name() + Arrays.toString(z);
    }
}
