package doseengine.kernels.electron;

import doseengine.kernels.PhysicalConstants;
import doseengine.kernels.UniformSource;

/**
 * Energy of the delta ray in a hard Moller collision, sampled exactly from the Moller cross section restricted to
 * energy transfers W in [W_cc, T/2] (the delta ray is, by convention, the less energetic of the two outgoing
 * electrons).
 *
 * <p>With eps = W/T, tau = T/(m c^2) and c = tau/(tau+1), the Moller cross section per electron is
 * (Moller, Ann. Phys. (Leipzig) 14 (1932) 531; the form from which ICRU Report 37 (1984) derives F-(tau))
 * dsigma/deps = 2 pi r_e^2 m c^2 / (beta^2 T) * [...], [...] = 1/eps^2 + 1/(1-eps)^2 + c^2 - (1 - c^2)/(eps(1-eps)).
 * We sample eps from 1/eps^2 on [eps0, 1/2] by inversion and accept with
 * g(eps) = eps^2 * [...] / (1 + 1.25 c^2); with r = eps/(1-eps) &lt;= 1, eps^2 [...] = 1 + r^2 - (1-c^2) r + c^2 eps^2,
 * which is at most 1 + c^2 + c^2/4 on the interval, so g &lt;= 1 and the rejection is exact.
 *
 * <p>Device twin: {@code include/moller.clh}: {@code moller_sample_energy_transfer}.
 */
public final class MollerSampler {
    private MollerSampler() {}

    /**
     * @param kineticEnergy T (MeV) of the incident electron; must exceed 2 W_cc
     * @param threshold     W_cc (MeV)
     * @return the delta-ray kinetic energy W in [W_cc, T/2], or 0 when T &lt;= 2 W_cc (no hard collision possible)
     */
    public static float sampleEnergyTransfer(float kineticEnergy, float threshold, UniformSource rng) {
        float eps0 = threshold / kineticEnergy;
        if (!(eps0 < 0.5f)) {
            return 0f;
        }
        float tau = kineticEnergy / PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
        float c = tau / (tau + 1f);
        float c2 = c * c;
        float bound = 1f + 1.25f * c2;
        float span = 1f - 2f * eps0;
        while (true) {
            float eps = eps0 / (1f - rng.nextFloat() * span);
            float r = eps / (1f - eps);
            float g = 1f + r * r - (1f - c2) * r + c2 * eps * eps;
            if (rng.nextFloat() * bound < g) {
                return eps * kineticEnergy;
            }
        }
    }
}
