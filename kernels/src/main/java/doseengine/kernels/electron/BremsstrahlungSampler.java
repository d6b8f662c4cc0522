package doseengine.kernels.electron;

import doseengine.kernels.UniformSource;

/**
 * Photon energy of a hard bremsstrahlung event (k in [W_cr, T]) from the material's Seltzer-Berger spectrum.
 *
 * <p>The spectrum is k dsigma/dk proportional to chi(T, kappa), kappa = k/T, so in kappa the density is
 * chi(kappa)/kappa on [kappa_c, 1], kappa_c = W_cr/T. The table holds chi at the Seltzer-Berger kappa nodes for
 * each energy node, scaled to a maximum of 1 (linear in kappa between nodes). Sampling: the energy node is chosen
 * by statistical interpolation in ln T (node i+1 with probability equal to the interpolation weight), kappa is drawn
 * from 1/kappa on [kappa_c, 1] by inversion and accepted with probability chi(kappa) (&lt;= 1). Given the
 * node, this is exact for the tabulated (piecewise linear) chi; the threshold kappa_c uses the electron's own T, so
 * every photon has k &gt;= W_cr.
 *
 * <p>Device twin: {@code include/bremsstrahlung.clh}: {@code brems_sample_photon_energy}.
 */
public final class BremsstrahlungSampler {
    private BremsstrahlungSampler() {}

    /**
     * @param kineticEnergy T (MeV), above W_cr
     * @param x             grid position of T ({@link ElectronLookup#gridPosition})
     * @return photon energy k (MeV) in [W_cr, T], or 0 when T &lt;= W_cr
     */
    public static float samplePhotonEnergy(ElectronTables t, int material, float kineticEnergy, float x,
                                           UniformSource rng) {
        float kappaC = t.bremsThreshold / kineticEnergy;
        if (!(kappaC < 1f)) {
            return 0f;
        }
        int n = t.nodeCount();
        int i = (int) x;
        if (i > n - 2) {
            i = n - 2;
        }
        if (rng.nextFloat() < x - i) {
            i++;
        }
        float[] kap = t.bremsKappa;
        int nk = kap.length;
        int row = (material * n + i) * nk;
        float lnKappaC = (float) Math.log(kappaC);
        while (true) {
            float kappa = (float) Math.exp((1f - rng.nextFloat()) * lnKappaC);
            int lo = 0;
            int hi = nk - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (kap[mid] <= kappa) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            float f = (kappa - kap[lo]) / (kap[hi] - kap[lo]);
            float chi = t.bremsShape[row + lo] + f * (t.bremsShape[row + hi] - t.bremsShape[row + lo]);
            if (rng.nextFloat() < chi) {
                return kappa * kineticEnergy;
            }
        }
    }
}
