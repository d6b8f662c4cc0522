package doseengine.physics.photon;

import doseengine.kernels.photon.PhotonCrossSections;

/** The processes of the photon tables, with their index in the flat arrays (tables-photon.md). */
public enum PhotonProcess {
    /** Sum of the four processes below. */
    TOTAL(PhotonCrossSections.TOTAL),
    COHERENT(PhotonCrossSections.COHERENT, XcomProcess.COHERENT),
    INCOHERENT(PhotonCrossSections.INCOHERENT, XcomProcess.INCOHERENT),
    PHOTOELECTRIC(PhotonCrossSections.PHOTOELECTRIC, XcomProcess.PHOTOELECTRIC),
    /** Pair production in the nuclear and in the electron field. */
    PAIR(PhotonCrossSections.PAIR, XcomProcess.PAIR_NUCLEAR, XcomProcess.PAIR_ELECTRON);

    private final int index;
    private final XcomProcess[] parts;

    PhotonProcess(int index, XcomProcess... parts) {
        this.index = index;
        this.parts = parts;
    }

    /** First index of the flat arrays. */
    public int index() {
        return index;
    }

    /** The XCOM processes summed into this one; all of them for {@link #TOTAL}. */
    XcomProcess[] parts() {
        return this == TOTAL ? XcomProcess.values() : parts.clone();
    }
}
