package doseengine.physics.photon;

import doseengine.physics.material.Elements;
import doseengine.physics.material.Material;

/**
 * The incoherent scattering function of a material per electron, S(x)/Z = sum_i n_i S_i(x) / sum_i n_i Z_i
 * with n_i = w_i / A_i (independent-atom approximation). It rises from 0 at x = 0 to 1 once the momentum
 * transfer is large enough for every electron to be treated as free.
 */
public final class MaterialScatteringFunction {
    private final int[] z;
    private final double[] weight;
    private final ScatteringFactors factors;

    public MaterialScatteringFunction(Material material, ScatteringFactors factors) {
        this.factors = factors;
        this.z = material.atomicNumbers();
        double[] w = material.massFractions();
        this.weight = new double[z.length];
        double electrons = 0;
        for (int i = 0; i < z.length; i++) {
            weight[i] = w[i] / Elements.atomicWeight(z[i]);
            electrons += weight[i] * z[i];
        }
        for (int i = 0; i < z.length; i++) {
            weight[i] /= electrons;
        }
    }

    /** S(x)/Z at x = sin(theta/2)/lambda (1/Angstrom). */
    public double perElectron(double x) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += weight[i] * factors.incoherentScatteringFunction(z[i], x);
        }
        return s;
    }
}
