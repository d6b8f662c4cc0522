package doseengine.validation.reference;

/**
 * The kernel sets of the dose-point-kernel reference file ({@code reference/dpk/README.md}), with how their
 * abscissae are to be read and which energy-loss model made them.
 *
 * <p>Energy-loss model: ETRAN samples the energy-loss fluctuations of all collisions (Landau's distribution with
 * Blunck and Leisegang's correction, Berger's condensed history). EGSnrc has no straggling below its delta-ray and
 * bremsstrahlung thresholds AE and AP: the loss of a condensed-history step is the mean from the restricted
 * stopping power (EGSnrc manual, NRCC Report PIRS-701, section 2.4, and its {@code $COMPUTE-ELOSS} macro); its
 * loss fluctuations come from the delta rays above AE and photons above AP alone. The engine compares with EGSnrc
 * both with its own physics and with EGSnrc's model (soft straggling off), and judges the latter: only that one
 * compares the same physics (docs/validation.md, "Dose point kernels").
 */
public enum DpkReferenceSet {
    /** ETRAN (Berger) kernels as tabulated by Ferrer et al., Cancer Biother Radiopharm 22(1) 2007. */
    ETRAN("ETRAN", "ETRAN (Berger; Ferrer et al. 2007)", Sampling.POINTS, true),
    /** EDKnrc (EGSnrc) kernels, Mainegra-Hing et al., Med Phys 32 (2005) 685. */
    EGSNRC_EDKNRC("EGSnrc_EDKnrc", "EGSnrc EDKnrc (Mainegra-Hing et al. 2005)", Sampling.SHELL_MIDPOINTS, false),
    /** TestEm12 {@code berger/data/10keV}: origin assumed to be the ETRAN/Berger tabulation. */
    ETRAN_DATA_10KEV("ETRAN_data_10keV", "ETRAN (TestEm12 berger/data, 10 keV)", Sampling.POINTS, true);

    /** How the tabulated r/r0 values relate to the kernel. */
    public enum Sampling {
        /** j at the given r/r0 (a grid starting at 0): integrate by the trapezoid rule. */
        POINTS,
        /**
         * The mean of j over a shell, given at the shell's midpoint: shells edge halfway between midpoints, the
         * first at 0, the last as far beyond the last midpoint as the previous edge is before it.
         */
        SHELL_MIDPOINTS
    }

    private final String key;
    private final String title;
    private final Sampling sampling;
    private final boolean subThresholdStraggling;

    DpkReferenceSet(String key, String title, Sampling sampling, boolean subThresholdStraggling) {
        this.key = key;
        this.title = title;
        this.sampling = sampling;
        this.subThresholdStraggling = subThresholdStraggling;
    }

    /**
     * Whether the code that made this set straggles the losses below its hard-event thresholds (ETRAN: yes;
     * EGSnrc: no, see the class comment). Where it does not, the engine's like-for-like run has its soft
     * straggling off.
     */
    public boolean subThresholdStraggling() {
        return subThresholdStraggling;
    }

    /** The name in the file's {@code set} column. */
    public String key() {
        return key;
    }

    /** A short human-readable name for reports. */
    public String title() {
        return title;
    }

    public Sampling sampling() {
        return sampling;
    }

    /** The set named {@code key} in the file, or null. */
    static DpkReferenceSet ofKey(String key) {
        for (DpkReferenceSet s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
