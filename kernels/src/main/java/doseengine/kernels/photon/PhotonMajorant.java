package doseengine.kernels.photon;

/**
 * The Woodcock (delta-tracking) majorant of one voxel grid: per uniform ln E bin of the photon tables, a
 * linear attenuation coefficient (1/cm) that no voxel exceeds at any energy of that bin. The engine builds it
 * from the grid's materials and densities; a tentative collision at energy E in a voxel is real with
 * probability mu(E) * rho / majorant(E).
 *
 * <p>Device twin: {@code include/photon_majorant.clh}: {@code photon_majorant_at}, {@code photon_majorant_at_bin}.
 */
public final class PhotonMajorant {
    private final PhotonCrossSections crossSections;
    private final float[] perBin;

    /** @param perBin [bin] majorant in 1/cm, one per bin of crossSections */
    public PhotonMajorant(PhotonCrossSections crossSections, float[] perBin) {
        if (perBin.length != crossSections.binCount()) {
            throw new IllegalArgumentException("majorant has " + perBin.length + " bins, the tables have "
                    + crossSections.binCount());
        }
        this.crossSections = crossSections;
        this.perBin = perBin;
    }

    /** Majorant (1/cm) at ln(E/MeV). */
    public float at(float lnEnergy) {
        return perBin[crossSections.bin(lnEnergy)];
    }

    /** The cross sections whose bins index the majorant. */
    public PhotonCrossSections crossSections() {
        return crossSections;
    }

    /** Copy of the majorant per bin (1/cm), for uploading to a device. */
    public float[] perBinArray() {
        return perBin.clone();
    }
}
