package doseengine.physics.decay;

import doseengine.kernels.ParticleType;

/** The radiation kinds of ICRP Publication 107 that the engine transports, with the particle each one is. */
public enum RadiationType {
    /** Beta-minus particles, sampled from the continuous spectrum. */
    BETA("beta", ParticleType.ELECTRON, "beta-"),
    /** Internal-conversion electrons (ICRP group {@code IE}). */
    IC("ic", ParticleType.ELECTRON, "IE"),
    /** Auger and Coster-Kronig electrons (ICRP group {@code auger}). */
    AUGER("auger", ParticleType.ELECTRON, "auger"),
    /** Gamma rays. */
    GAMMA("gamma", ParticleType.PHOTON, "gamma"),
    /** X-rays (ICRP group {@code X}). */
    XRAY("xray", ParticleType.PHOTON, "X");

    private final String key;
    private final int particleType;
    private final String icrpGroup;

    RadiationType(String key, int particleType, String icrpGroup) {
        this.key = key;
        this.particleType = particleType;
        this.icrpGroup = icrpGroup;
    }

    /** The lower-case name used on the command line and in JSON: beta, ic, auger, gamma, xray. */
    public String key() {
        return key;
    }

    /** {@link ParticleType#PHOTON} or {@link ParticleType#ELECTRON}. */
    public int particleType() {
        return particleType;
    }

    /** The key of this kind's group in the ICRP-107 JSON {@code emissions}. */
    String icrpGroup() {
        return icrpGroup;
    }
}
