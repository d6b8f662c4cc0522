package doseengine.kernels.photon;

/**
 * The outcome of one photon scattering, written by the samplers into a holder the caller owns and reuses, so
 * that sampling allocates nothing.
 *
 * <p>Device twin: {@code include/compton.clh}: {@code photon_scatter}.
 */
public final class PhotonScatter {
    /** Cosine of the polar scattering angle. */
    public float cosTheta;
    /** Energy of the scattered photon (MeV). */
    public float photonEnergy;
    /** Kinetic energy given to the recoil electron (MeV): zero for coherent scattering. */
    public float electronEnergy;
}
