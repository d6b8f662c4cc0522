package doseengine.kernels;

/**
 * The physical constants that the transport (Java and OpenCL) and the physics tables share, CODATA 2018
 * recommended values, each defined once. The OpenCL twin is {@code include/constants.clh}, whose
 * {@code #define}s are these float values written as hex floats (a test compares them bit for bit).
 *
 * <p>A constant has a double and a float form where both are used: the tables are computed in double, the
 * transport's hot loop in float. The float is the decimal value rounded once to float (the literal
 * {@code 0.51099895f}), not the double rounded again, so it stays the same float the kernels always used.
 *
 * <p>Device twin: {@code include/constants.clh}: {@code ELECTRON_REST_ENERGY_MEV},
 * {@code TWO_ELECTRON_REST_ENERGIES_MEV}.
 */
public final class PhysicalConstants {
    /** Electron rest energy m c^2 (MeV), for the tables (double arithmetic). */
    public static final double ELECTRON_REST_ENERGY_MEV = 0.51099895000;
    /**
     * Electron rest energy m c^2 (MeV), for the transport (float arithmetic): {@code 0x1.05a1a8p-1f}, the energy of
     * each annihilation photon and the m c^2 of the Compton and Moller samplers.
     */
    public static final float ELECTRON_REST_ENERGY_MEV_F = 0.51099895f;
    /**
     * Two electron rest energies (MeV), exact doubling in float ({@code 0x1.05a1a8p+0f}): what a positron carries
     * besides its kinetic energy, the pair-production threshold.
     */
    public static final float TWO_ELECTRON_REST_ENERGIES_MEV_F = 2f * ELECTRON_REST_ENERGY_MEV_F;

    private PhysicalConstants() {}
}
