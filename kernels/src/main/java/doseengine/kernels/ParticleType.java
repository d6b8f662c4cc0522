package doseengine.kernels;

/**
 * Integer particle codes shared by the tables, the Java kernels and the OpenCL kernels. Emission tables hold only
 * photons and electrons; positrons exist only inside the transport (pair production), which carries them as
 * electrons and remembers the code to emit the two annihilation photons where they stop.
 *
 * <p>Device twin: {@code include/particle_type.clh}: {@code PARTICLE_PHOTON}, {@code PARTICLE_ELECTRON},
 * {@code PARTICLE_POSITRON}.
 */
public final class ParticleType {
    public static final int PHOTON = 0;
    public static final int ELECTRON = 1;
    public static final int POSITRON = 2;

    private ParticleType() {
    }

    /** "photon" or "electron"; for messages and reports. */
    public static String name(int type) {
        return switch (type) {
            case PHOTON -> "photon";
            case ELECTRON -> "electron";
            case POSITRON -> "positron";
            default -> throw new IllegalArgumentException("unknown particle type code " + type);
        };
    }
}
