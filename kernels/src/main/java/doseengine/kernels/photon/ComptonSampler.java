package doseengine.kernels.photon;

import doseengine.kernels.PhysicalConstants;
import doseengine.kernels.UniformSource;

/**
 * Incoherent (Compton) scattering: the Klein-Nishina distribution of the scattered photon's energy fraction
 * eps = E'/E, corrected by the material's incoherent scattering function S(x)/Z by rejection; no Doppler
 * broadening, the electron's binding energy is not subtracted (the recoil electron takes E - E').
 *
 * <p>Algorithm: Butcher and Messel, Nucl. Phys. 20 (1960) 15, as in EGS4 (Nelson et al., SLAC-265 (1985)
 * section 2.9): eps is drawn from a mixture of 1/eps and eps on [1/(1+2k), 1] and accepted with
 * g = 1 - eps sin^2(theta) / (1 + eps^2); with binding, g is multiplied by S(x)/Z (the Livermore Compton
 * model, Geant4 Physics Reference Manual), x = sin(theta/2) E / (h c) in 1/Angstrom, the momentum-transfer
 * variable of Hubbell et al., J. Phys. Chem. Ref. Data 4 (1975) 471.
 *
 * <p>S(x)/Z per material is tabulated uniformly in ln x (tables-photon.md); below the first node it follows
 * S ~ x^2, above the last node it keeps the last value (1 for the engine's elements).
 *
 * <p>Device twin: {@code include/compton.clh}: {@code compton_sample}, {@code compton_sample_free_electron},
 * {@code compton_scattering_function} ({@code compton_sample_any} behind the two).
 */
public final class ComptonSampler {
    /** h c (MeV Angstrom), CODATA 2018: 12.39841984 keV Angstrom. */
    public static final float HC = 0.01239841984f;

    private final int materialCount;
    private final int nodeCount;
    private final float lnXMin;
    private final float xMin;
    private final float nodesPerUnitLnX;
    private final float[] scatteringFunction;

    /**
     * @param lnXMin             ln(x / (1/Angstrom)) of node 0
     * @param nodesPerUnitLnX    nodes per unit of ln x
     * @param scatteringFunction [material * nodeCount + node] S(x)/Z of the material (dimensionless)
     */
    public ComptonSampler(int materialCount, int nodeCount, float lnXMin, float nodesPerUnitLnX,
                          float[] scatteringFunction) {
        if (materialCount < 1 || nodeCount < 2 || scatteringFunction.length != materialCount * nodeCount
                || !(nodesPerUnitLnX > 0)) {
            throw new IllegalArgumentException("incoherent scattering function table does not match "
                    + materialCount + " materials and " + nodeCount + " nodes");
        }
        this.materialCount = materialCount;
        this.nodeCount = nodeCount;
        this.lnXMin = lnXMin;
        this.xMin = (float) Math.exp(lnXMin);
        this.nodesPerUnitLnX = nodesPerUnitLnX;
        this.scatteringFunction = scatteringFunction;
    }

    public int materialCount() {
        return materialCount;
    }

    /** S(x)/Z of a material at x = sin(theta/2)/lambda (1/Angstrom). */
    public float scatteringFunction(int material, float x) {
        int base = material * nodeCount;
        float t = ((float) Math.log(x) - lnXMin) * nodesPerUnitLnX;
        if (!(t > 0f)) {
            float r = x / xMin;
            return scatteringFunction[base] * r * r;
        }
        int j = (int) t;
        if (j >= nodeCount - 1) {
            return scatteringFunction[base + nodeCount - 1];
        }
        float f = t - j;
        return scatteringFunction[base + j] + f * (scatteringFunction[base + j + 1] - scatteringFunction[base + j]);
    }

    /** Klein-Nishina with the material's S(x)/Z: photon of energy (MeV) scattered by a bound electron. */
    public void sample(int material, float energy, UniformSource rng, PhotonScatter out) {
        sample(material, true, energy, rng, out);
    }

    /** Klein-Nishina for an electron at rest (no binding correction). */
    public void sampleFreeElectron(float energy, UniformSource rng, PhotonScatter out) {
        sample(0, false, energy, rng, out);
    }

    private void sample(int material, boolean bound, float energy, UniformSource rng, PhotonScatter out) {
        float k = energy / PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
        float eps0 = 1f / (1f + 2f * k);
        float eps0Squared = eps0 * eps0;
        float a1 = (float) Math.log1p(2f * k);
        float a2 = 0.5f * (1f - eps0Squared);
        float xPerSinHalfTheta = energy / HC;
        float eps;
        float oneMinusCos;
        while (true) {
            if (rng.nextFloat() * (a1 + a2) < a1) {
                eps = (float) Math.exp(-a1 * rng.nextFloat());
            } else {
                eps = (float) Math.sqrt(eps0Squared + (1f - eps0Squared) * rng.nextFloat());
            }
            oneMinusCos = (1f - eps) / (k * eps);
            float g = 1f - eps * oneMinusCos * (2f - oneMinusCos) / (1f + eps * eps);
            if (bound) {
                g *= scatteringFunction(material, xPerSinHalfTheta * (float) Math.sqrt(0.5f * oneMinusCos));
            }
            if (rng.nextFloat() < g) {
                break;
            }
        }
        float cosTheta = 1f - oneMinusCos;
        // eps >= eps0 holds exactly; float rounding of a1 can put cos a few ulps below -1.
        out.cosTheta = cosTheta < -1f ? -1f : cosTheta;
        out.photonEnergy = eps * energy;
        out.electronEnergy = energy - out.photonEnergy;
    }

    /** Nodes of the S(x)/Z table per material. */
    public int nodeCount() {
        return nodeCount;
    }

    /** ln(x / (1/Angstrom)) of node 0. */
    public float lnXMin() {
        return lnXMin;
    }

    /** x of node 0 (1/Angstrom), the float the S ~ x^2 continuation below node 0 divides by. */
    public float xMin() {
        return xMin;
    }

    public float nodesPerUnitLnX() {
        return nodesPerUnitLnX;
    }

    /** Copy of {@code incoherentScatteringFunction}, index material * nodeCount + node, for uploading. */
    public float[] scatteringFunctionArray() {
        return scatteringFunction.clone();
    }
}
