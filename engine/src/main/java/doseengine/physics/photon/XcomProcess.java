package doseengine.physics.photon;

/** The five photon interaction processes of the XCOM element data, each one resource file. */
public enum XcomProcess {
    PHOTOELECTRIC("xcom_photo.data"),
    /** Rayleigh scattering. */
    COHERENT("xcom_rayleigh.data"),
    /** Compton scattering by bound electrons (Klein-Nishina with the incoherent scattering function). */
    INCOHERENT("xcom_compton.data"),
    PAIR_NUCLEAR("xcom_pair.data"),
    /** Pair production in the field of an atomic electron. */
    PAIR_ELECTRON("xcom_triplet.data");

    private final String resource;

    XcomProcess(String resource) {
        this.resource = resource;
    }

    String resource() {
        return resource;
    }
}
