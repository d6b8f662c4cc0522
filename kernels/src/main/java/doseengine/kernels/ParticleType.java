package doseengine.kernels;

/** Integer particle codes shared by the tables, the Java kernels and the OpenCL kernels. */
public final class ParticleType {
    public static final int PHOTON = 0;
    public static final int ELECTRON = 1;

    private ParticleType() {
    }

    /** "photon" or "electron"; for messages and reports. */
    public static String name(int type) {
        return switch (type) {
            case PHOTON -> "photon";
            case ELECTRON -> "electron";
            default -> throw new IllegalArgumentException("unknown particle type code " + type);
        };
    }
}
