package doseengine.kernels.transport;

/** How electrons lose energy in the transport (transport.md, "Electrons"). */
public enum EnergyLossModel {
    /**
     * Class II condensed history (DESIGN.md 3.3): Moller collisions above W_cc and bremsstrahlung above W_cr are
     * sampled one by one and create secondaries; smaller losses are continuous, from the restricted stopping power.
     * Every real run uses this.
     */
    CLASS_II,
    /**
     * No hard inelastic events at all: the electron loses energy continuously with the unrestricted (total)
     * stopping power, so its path length from E0 to E_abs is exactly the CSDA range difference R(E0) - R(E_abs).
     * Elastic scattering is unchanged. For the path-length check of the stepping; not a physics option.
     */
    CONTINUOUS
}
