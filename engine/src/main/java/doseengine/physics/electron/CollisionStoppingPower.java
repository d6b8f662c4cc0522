package doseengine.physics.electron;

import static doseengine.physics.electron.ElectronConstants.BETHE_PREFACTOR;
import static doseengine.kernels.PhysicalConstants.ELECTRON_REST_ENERGY_MEV;

import doseengine.physics.material.Material;
import java.util.function.DoubleUnaryOperator;

/**
 * Electron collision stopping power of a material from Bethe's theory as ESTAR evaluates it: the material's
 * I-value, the density-effect correction delta (ESTAR's table, or {@link SternheimerPeierlsDensityEffect}), no
 * shell correction.
 *
 * <p>Unrestricted, ICRU Report 37 (1984) eq. 2.2 with the Moller-based F-:
 * S/rho = K (Z/A) / beta^2 [ ln(tau^2 (tau + 2) / (2 (I/mc^2)^2)) + F-(tau) - delta ],
 * F-(tau) = 1 - beta^2 + [tau^2/8 - (2 tau + 1) ln 2] / (tau + 1)^2, K = 2 pi r_e^2 m c^2 N_A.
 *
 * <p>Restricted to energy transfers below W (the delta ray being the slower electron), ICRU Report 37 (1984) §2.4,
 * as in Seltzer and Berger, Int. J. Appl. Radiat. Isot. 33 (1982) 1189:
 * L/rho = K (Z/A) / beta^2 [ ln(tau^2 (tau + 2) / (2 (I/mc^2)^2)) + G-(tau, eta) - delta ], eta = W/T &lt;= 1/2,
 * G-(tau, eta) = -1 - beta^2 + ln(4 eta (1 - eta)) + 1/(1 - eta) + (1 - beta^2) [tau^2 eta^2 / 2 + (2 tau + 1) ln(1 - eta)].
 * G-(tau, 1/2) = F-(tau); the difference of two restricted values equals the Moller energy-loss integral between
 * the two cutoffs (checked numerically in CollisionStoppingPowerTest).
 */
public final class CollisionStoppingPower {
    private final double zOverA;
    private final double iOverMc2;
    private final DoubleUnaryOperator delta;

    public CollisionStoppingPower(Material material) {
        this(material.zOverA(), material.iValueEv(), DensityEffect.of(material));
    }

    CollisionStoppingPower(double zOverA, double iValueEv, DoubleUnaryOperator delta) {
        this.zOverA = zOverA;
        this.iOverMc2 = iValueEv * 1e-6 / ELECTRON_REST_ENERGY_MEV;
        this.delta = delta;
    }

    /** Unrestricted collision stopping power (MeV cm2/g) at kinetic energy T (MeV). */
    public double total(double kineticEnergyMeV) {
        double tau = kineticEnergyMeV / ELECTRON_REST_ENERGY_MEV;
        double gamma = tau + 1;
        double beta2 = 1 - 1 / (gamma * gamma);
        double f = 1 - beta2 + (tau * tau / 8 - (2 * tau + 1) * Math.log(2)) / (gamma * gamma);
        return BETHE_PREFACTOR * zOverA / beta2 * (logTerm(tau) + f - delta.applyAsDouble(kineticEnergyMeV));
    }

    /**
     * Collision stopping power restricted to energy transfers below {@code cutoffMeV} (MeV cm2/g); equals
     * {@link #total} when the cutoff is at or above T/2.
     */
    public double restricted(double kineticEnergyMeV, double cutoffMeV) {
        double eta = cutoffMeV / kineticEnergyMeV;
        if (eta >= 0.5) {
            return total(kineticEnergyMeV);
        }
        double tau = kineticEnergyMeV / ELECTRON_REST_ENERGY_MEV;
        double gamma = tau + 1;
        double beta2 = 1 - 1 / (gamma * gamma);
        double g = -1 - beta2 + Math.log(4 * eta * (1 - eta)) + 1 / (1 - eta)
                + (tau * tau * eta * eta / 2 + (2 * tau + 1) * Math.log1p(-eta)) / (gamma * gamma);
        return BETHE_PREFACTOR * zOverA / beta2 * (logTerm(tau) + g - delta.applyAsDouble(kineticEnergyMeV));
    }

    /** The density-effect correction used. */
    public double delta(double kineticEnergyMeV) {
        return delta.applyAsDouble(kineticEnergyMeV);
    }

    private double logTerm(double tau) {
        return Math.log(tau * tau * (tau + 2) / (2 * iOverMc2 * iOverMc2));
    }
}
