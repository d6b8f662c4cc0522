package doseengine.physics.electron;

import static doseengine.physics.electron.ElectronConstants.CLASSICAL_ELECTRON_RADIUS_CM;
import static doseengine.kernels.PhysicalConstants.ELECTRON_REST_ENERGY_MEV;

/**
 * Moller cross section for electron-electron collisions, per target electron (Moller, Ann. Phys. (Leipzig) 14
 * (1932) 531; the form from which ICRU Report 37 (1984) derives F-(tau)). With eps = W/T the energy transferred
 * to the slower outgoing electron, tau = T/mc^2 and c = tau/(tau + 1):
 * dsigma/deps = 2 pi r_e^2 mc^2 / (beta^2 T) [1/eps^2 + 1/(1 - eps)^2 + c^2 - (1 - c^2) / (eps (1 - eps))],
 * 0 &lt; eps &lt;= 1/2. For eps -&gt; 0 it tends to the free-electron Rutherford cross section
 * 2 pi r_e^2 mc^2 / (beta^2 T eps^2).
 */
public final class MollerCrossSection {
    /** 2 pi r_e^2 m c^2 (cm2 MeV). */
    static final double PREFACTOR = 2 * Math.PI * CLASSICAL_ELECTRON_RADIUS_CM * CLASSICAL_ELECTRON_RADIUS_CM
            * ELECTRON_REST_ENERGY_MEV;

    private MollerCrossSection() {}

    /** dsigma/deps (cm2 per electron) at kinetic energy T (MeV) and fractional transfer eps. */
    public static double differential(double kineticEnergyMeV, double eps) {
        double tau = kineticEnergyMeV / ELECTRON_REST_ENERGY_MEV;
        double c = tau / (tau + 1);
        double c2 = c * c;
        double beta2 = ElectronConstants.betaSquared(kineticEnergyMeV);
        double bracket = 1 / (eps * eps) + 1 / ((1 - eps) * (1 - eps)) + c2 - (1 - c2) / (eps * (1 - eps));
        return PREFACTOR / (beta2 * kineticEnergyMeV) * bracket;
    }

    /**
     * Cross section (cm2 per electron) for transfers W in [W_cc, T/2]; zero when T &lt;= 2 W_cc. Closed form of the
     * integral of {@link #differential} from eps0 = W_cc/T to 1/2:
     * 1/eps0 - 1/(1 - eps0) + c^2 (1/2 - eps0) - (1 - c^2) ln((1 - eps0)/eps0).
     */
    public static double hard(double kineticEnergyMeV, double cutoffMeV) {
        double eps0 = cutoffMeV / kineticEnergyMeV;
        if (eps0 >= 0.5) {
            return 0;
        }
        double tau = kineticEnergyMeV / ELECTRON_REST_ENERGY_MEV;
        double c = tau / (tau + 1);
        double c2 = c * c;
        double beta2 = ElectronConstants.betaSquared(kineticEnergyMeV);
        double integral = 1 / eps0 - 1 / (1 - eps0) + c2 * (0.5 - eps0) - (1 - c2) * Math.log((1 - eps0) / eps0);
        return PREFACTOR / (beta2 * kineticEnergyMeV) * integral;
    }

    /**
     * Second moment of the soft energy transfers (cm2 MeV2 per electron): int_0^Wmax W^2 dsigma/dW dW with
     * Wmax = min(W_cc, T/2), the per-electron part of the straggling parameter Omega_s^2 (PENELOPE-2008 manual,
     * section 4.2, soft energy losses). With eps1 = Wmax/T it is 2 pi r_e^2 mc^2 T / beta^2 times the closed form
     * int_0^eps1 eps^2 [...] deps = eps1 + [1/(1 - eps1) - 1 + eps1 + 2 ln(1 - eps1)] + c^2 eps1^3/3
     * + (1 - c^2) [eps1 + ln(1 - eps1)]; for eps1 -&gt; 0 it tends to 2 pi r_e^2 mc^2 W_cc / beta^2 (Bohr).
     */
    public static double softSecondMoment(double kineticEnergyMeV, double cutoffMeV) {
        double eps1 = Math.min(cutoffMeV / kineticEnergyMeV, 0.5);
        double tau = kineticEnergyMeV / ELECTRON_REST_ENERGY_MEV;
        double c = tau / (tau + 1);
        double c2 = c * c;
        double beta2 = ElectronConstants.betaSquared(kineticEnergyMeV);
        double ln1m = Math.log1p(-eps1);
        // 1/(1 - eps1) - 1 = eps1/(1 - eps1), written so that small eps1 keeps its digits.
        double integral = eps1 + (eps1 / (1 - eps1) + eps1 + 2 * ln1m) + c2 * eps1 * eps1 * eps1 / 3
                + (1 - c2) * (eps1 + ln1m);
        return PREFACTOR * kineticEnergyMeV / beta2 * integral;
    }
}
