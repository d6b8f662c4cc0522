package doseengine.kernels.photon;

import doseengine.kernels.UniformSource;

/**
 * Coherent (Rayleigh) scattering angle: dsigma/dOmega ~ (1 + cos^2 theta)/2 * F^2(x), with F^2 the material's
 * squared atomic form factor summed over its atoms (independent-atom approximation) and
 * x = sin(theta/2) E / (h c), so x^2 = k^2 (1 - cos theta)/2 with k = E/(h c).
 *
 * <p>Method (the scheme of EGSnrc, Kawrakow et al., NRCC report PIRS-701, Rayleigh scattering): x^2 is drawn
 * from F^2 by inverse CDF, restricted to [0, k^2] by drawing the cumulative probability P uniformly in
 * [0, P(k^2)], then accepted with (1 + cos^2 theta)/2. No energy change.
 *
 * <p>Tables: the inverse CDF x^2(P) at R+1 equally spaced values of y, P = 1 - (1 - y^2)^4, linear in y between
 * them. Near P = 1, 1 - P ~ 16 (1 - y)^4 crowds the nodes into the tail of F^2 (large momentum transfer),
 * which decides the angular spread at high energy; near P = 0, P ~ 4 y^2 crowds them into small momentum
 * transfer, all that low energies can reach (P(k^2) is 0.01 for iodine at 1 keV). Equal steps in P resolve
 * neither end. P(k^2) is tabulated on the energy nodes of
 * {@link PhotonCrossSections} and interpolated linearly in ln E. A drawn x^2 above k^2 (possible through the
 * interpolation, within the bin that holds k^2) is drawn again.
 *
 * <p>Device twin: {@code include/rayleigh.clh}: {@code rayleigh_sample_cos_theta}, {@code rayleigh_cdf_at_kmax}.
 */
public final class RayleighSampler {
    private final PhotonCrossSections grid;
    private final int materialCount;
    private final int bins;
    private final float[] inverseCdfX2;
    private final float[] cdfAtKmax;

    /**
     * @param grid         the energy node grid that cdfAtKmax is tabulated on
     * @param bins         R, the number of bins in y per material
     * @param inverseCdfX2 [material * (R + 1) + j] x^2 (1/Angstrom^2) where P = 1 - (1 - y^2)^4, y = j/R
     * @param cdfAtKmax    [material * nodeCount + node] P(k^2): the probability that x^2 <= (E/(h c))^2
     */
    public RayleighSampler(PhotonCrossSections grid, int bins, float[] inverseCdfX2, float[] cdfAtKmax) {
        int m = grid.materialCount();
        if (bins < 1 || inverseCdfX2.length != m * (bins + 1) || cdfAtKmax.length != m * grid.nodeCount()) {
            throw new IllegalArgumentException("Rayleigh tables do not match " + m + " materials, " + bins
                    + " bins and " + grid.nodeCount() + " energy nodes");
        }
        this.grid = grid;
        this.materialCount = m;
        this.bins = bins;
        this.inverseCdfX2 = inverseCdfX2;
        this.cdfAtKmax = cdfAtKmax;
    }

    public int materialCount() {
        return materialCount;
    }

    /** P(x^2 <= k^2) of a material at ln(E/MeV), with node = {@link PhotonCrossSections#node(float)}. */
    public float cdfAtKmax(int material, int node, float lnEnergy) {
        int k = material * grid.nodeCount() + node;
        if (node + 1 >= grid.nodeCount()) {
            return cdfAtKmax[k];
        }
        float width = grid.nodeLnEnergy(node + 1) - grid.nodeLnEnergy(node);
        if (!(width > 0f)) {
            return cdfAtKmax[k];
        }
        return cdfAtKmax[k] + (cdfAtKmax[k + 1] - cdfAtKmax[k]) * (lnEnergy - grid.nodeLnEnergy(node)) / width;
    }

    /**
     * Cosine of the coherent scattering angle of a photon of energy (MeV) in a material; lnEnergy = ln(energy)
     * and node = {@link PhotonCrossSections#node(float)} of it (the caller has both from the mu lookup).
     */
    public float sampleCosTheta(int material, float energy, float lnEnergy, int node, UniformSource rng) {
        float k = energy / ComptonSampler.HC;
        float x2Max = k * k;
        float pMax = cdfAtKmax(material, node, lnEnergy);
        int base = material * (bins + 1);
        while (true) {
            float p = rng.nextFloat() * pMax;
            // y^2 = 1 - s with s = (1 - p)^(1/4), written as p / ((1 + s)(1 + s^2)) to keep small p exact.
            // Two float square roots (each rounded), not one double (1 - p)^(1/4): the OpenCL twin, built with
            // correctly rounded sqrt where the device has it (OpenClProgram), then gets these very bits.
            float s = (float) Math.sqrt((float) Math.sqrt(1f - p));
            float t = (float) Math.sqrt(p / ((1f + s) * (1f + s * s))) * bins;
            int j = (int) t;
            if (j >= bins) {
                j = bins - 1;
            }
            float x2 = inverseCdfX2[base + j] + (t - j) * (inverseCdfX2[base + j + 1] - inverseCdfX2[base + j]);
            if (x2 > x2Max) {
                continue;
            }
            float cosTheta = 1f - 2f * x2 / x2Max;
            if (2f * rng.nextFloat() < 1f + cosTheta * cosTheta) {
                return cosTheta;
            }
        }
    }

    /** The energy node grid that the cumulative probabilities are tabulated on. */
    public PhotonCrossSections grid() {
        return grid;
    }

    /** R, the bins in y per material. */
    public int bins() {
        return bins;
    }

    /** Copy of {@code rayleighInverseCdfX2}, index material * (R + 1) + j, for uploading to a device. */
    public float[] inverseCdfX2Array() {
        return inverseCdfX2.clone();
    }

    /** Copy of {@code rayleighCdfAtKmax}, index material * nodeCount + node, for uploading to a device. */
    public float[] cdfAtKmaxArray() {
        return cdfAtKmax.clone();
    }
}
