package doseengine.physics.electron;

import static doseengine.kernels.PhysicalConstants.ELECTRON_REST_ENERGY_MEV;

import doseengine.physics.material.Elements;

/**
 * Physical constants of the electron physics (CODATA 2018 recommended values); the electron rest energy, which the
 * transport shares, is {@link doseengine.kernels.PhysicalConstants}.
 */
final class ElectronConstants {
    /** Classical electron radius r_e (cm). */
    static final double CLASSICAL_ELECTRON_RADIUS_CM = 2.8179403262e-13;
    /** Fine-structure constant alpha. */
    static final double FINE_STRUCTURE = 7.2973525693e-3;
    /** 2 pi r_e^2 m c^2 N_A (MeV cm2/mol): the Bethe prefactor per mole of electrons, 0.153537. */
    static final double BETHE_PREFACTOR = 2 * Math.PI * CLASSICAL_ELECTRON_RADIUS_CM * CLASSICAL_ELECTRON_RADIUS_CM
            * ELECTRON_REST_ENERGY_MEV * Elements.AVOGADRO;
    /** One millibarn in cm2. */
    static final double MILLIBARN_CM2 = 1e-27;

    private ElectronConstants() {}

    /** beta^2 of an electron with kinetic energy T (MeV). */
    static double betaSquared(double kineticEnergyMeV) {
        double tau = kineticEnergyMeV / ELECTRON_REST_ENERGY_MEV;
        return tau * (tau + 2) / ((tau + 1) * (tau + 1));
    }
}
