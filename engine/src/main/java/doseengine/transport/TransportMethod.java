package doseengine.transport;

import java.util.Locale;

/** How energy gets from the decays to the voxels. */
public enum TransportMethod {
    /** Coupled photon-electron Monte Carlo transport (DESIGN.md 3.2, 3.3). */
    MONTE_CARLO("mc", "Monte Carlo: coupled photon-electron transport of every emission of the ICRP-107 "
            + "spectrum (class II condensed history for electrons, Woodcock tracking for photons)."),
    /**
     * Local energy deposition: electrons deposit their whole energy in the decay voxel, photons are ignored. The
     * clinical fast method, computed for comparison with Monte Carlo.
     */
    LOCAL_DEPOSITION("led", "Local energy deposition (LED): every electron (beta, conversion, Auger) deposits its "
            + "whole kinetic energy in the voxel where the decay happens; photons are not transported and their "
            + "energy is counted as escaped. Exact only where electron ranges are short against the voxel and the "
            + "photon dose is negligible; it misses the photon dose (large for 131I) and the spread of the beta "
            + "dose across organ edges.");

    private final String key;
    private final String description;

    TransportMethod(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name on the command line and in organs.json: "mc" or "led". */
    public String key() { return key; }

    /** One paragraph for the report's method notes. */
    public String description() { return description; }

    /** The method named {@code key}, in any case. */
    public static TransportMethod fromKey(String key) {
        for (TransportMethod m : values()) {
            if (m.key.equals(key.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new doseengine.geometry.BadInputException("unknown method '" + key + "'; use mc or led");
    }
}
