package doseengine.kernels;

/**
 * The scalar settings of one transport run, shared by the Java and OpenCL back ends. Energies in MeV.
 *
 * @param electronCutoffMeV      E_abs: electrons below it deposit their energy where they are (DESIGN.md 3.3;
 *                               default 10 keV, down to 1 keV for dose point kernels)
 * @param photonCutoffMeV        photons below it deposit locally (DESIGN.md 3.2; default 1 keV)
 * @param mollerThresholdMeV     W_cc: Moller collisions that transfer more than this create a delta ray
 * @param bremsThresholdMeV      W_cr: bremsstrahlung photons above this are created and transported
 * @param elasticC1              mixed elastic scheme: hard mean free path at least C1 x the first transport mean
 *                               free path (PENELOPE manual, section 4.1)
 * @param elasticC2              mixed elastic scheme: hard mean free path at most C2 x T/S, the path over which
 *                               the electron loses its energy (PENELOPE manual, section 4.1)
 * @param maxStepEnergyLossFraction the largest fraction of its energy an electron may lose continuously in one
 *                               condensed-history step (step control, DESIGN.md 3.3)
 * @param softStraggling         true (every dose calculation): the soft energy loss of a step fluctuates about its
 *                               mean with the variance of the collisions below W_cc and photons below W_cr
 *                               (transport.md); false: it is the mean, as in EGSnrc, whose condensed history has
 *                               no sub-threshold straggling. Only the validation sets false, to compare with
 *                               EGSnrc results under EGSnrc's energy-loss model (docs/validation.md)
 */
public record TransportParameters(
        float electronCutoffMeV,
        float photonCutoffMeV,
        float mollerThresholdMeV,
        float bremsThresholdMeV,
        float elasticC1,
        float elasticC2,
        float maxStepEnergyLossFraction,
        boolean softStraggling) {

    public static final float DEFAULT_ELECTRON_CUTOFF_MEV = 0.010f;
    public static final float DEFAULT_PHOTON_CUTOFF_MEV = 0.001f;
    public static final float DEFAULT_THRESHOLD_MEV = 0.010f;
    public static final float DEFAULT_ELASTIC_C = 0.05f;
    public static final float DEFAULT_STEP_FRACTION = 0.04f;

    public TransportParameters {
        check(electronCutoffMeV >= 0.001f && electronCutoffMeV <= 0.1f, "electron cutoff", electronCutoffMeV,
                "1 to 100 keV");
        check(photonCutoffMeV >= 0.001f && photonCutoffMeV <= 0.1f, "photon cutoff", photonCutoffMeV,
                "1 to 100 keV");
        check(mollerThresholdMeV >= 0.001f && mollerThresholdMeV <= 0.5f, "Moller threshold W_cc",
                mollerThresholdMeV, "1 to 500 keV");
        check(bremsThresholdMeV >= 0.001f && bremsThresholdMeV <= 0.5f, "bremsstrahlung threshold W_cr",
                bremsThresholdMeV, "1 to 500 keV");
        check(elasticC1 > 0 && elasticC1 <= 0.2f, "elastic C1", elasticC1, "(0, 0.2]");
        check(elasticC2 > 0 && elasticC2 <= 0.2f, "elastic C2", elasticC2, "(0, 0.2]");
        check(maxStepEnergyLossFraction > 0 && maxStepEnergyLossFraction <= 0.25f, "step energy-loss fraction",
                maxStepEnergyLossFraction, "(0, 0.25]");
    }

    public static TransportParameters defaults() {
        return new TransportParameters(DEFAULT_ELECTRON_CUTOFF_MEV, DEFAULT_PHOTON_CUTOFF_MEV, DEFAULT_THRESHOLD_MEV,
                DEFAULT_THRESHOLD_MEV, DEFAULT_ELASTIC_C, DEFAULT_ELASTIC_C, DEFAULT_STEP_FRACTION, true);
    }

    public TransportParameters withElectronCutoffMeV(float e) {
        return new TransportParameters(e, photonCutoffMeV, mollerThresholdMeV, bremsThresholdMeV, elasticC1,
                elasticC2, maxStepEnergyLossFraction, softStraggling);
    }

    /**
     * The same run with electron cutoff {@code e}, and the hard-event thresholds W_cc and W_cr lowered to it where
     * they are above it (never raised). A user who lowers E_abs asks for electrons to be followed down to that
     * energy; the soft-loss model (continuous loss with two-moment straggling, transport.md) is accurate only
     * while W_cc is small against the electron's energy, so the losses above E_abs are sampled one by one, as
     * EGSnrc's convention of a delta-ray production threshold no higher than the tracking cut (AE &lt;= ECUT,
     * PIRS-701) does. This is what the command line's {@code --electron-cutoff-kev} sets.
     */
    public TransportParameters withElectronCutoffAndThresholdsMeV(float e) {
        return new TransportParameters(e, photonCutoffMeV, Math.min(mollerThresholdMeV, e),
                Math.min(bremsThresholdMeV, e), elasticC1, elasticC2, maxStepEnergyLossFraction, softStraggling);
    }

    public TransportParameters withPhotonCutoffMeV(float e) {
        return new TransportParameters(electronCutoffMeV, e, mollerThresholdMeV, bremsThresholdMeV, elasticC1,
                elasticC2, maxStepEnergyLossFraction, softStraggling);
    }

    /** The same run with every step-size parameter halved (the step-size independence check of DESIGN.md 3.3). */
    public TransportParameters withHalvedSteps() {
        return new TransportParameters(electronCutoffMeV, photonCutoffMeV, mollerThresholdMeV, bremsThresholdMeV,
                elasticC1 / 2, elasticC2 / 2, maxStepEnergyLossFraction / 2, softStraggling);
    }

    /**
     * The same run with the soft energy loss of every step at its mean (no sub-threshold straggling): EGSnrc's
     * energy-loss model, for comparisons with EGSnrc results only. Loss fluctuations then come from the hard
     * Moller and bremsstrahlung events alone, as in EGSnrc with AE = W_cc and AP = W_cr.
     */
    public TransportParameters withoutSoftStraggling() {
        return new TransportParameters(electronCutoffMeV, photonCutoffMeV, mollerThresholdMeV, bremsThresholdMeV,
                elasticC1, elasticC2, maxStepEnergyLossFraction, false);
    }

    private static void check(boolean ok, String what, float value, String range) {
        if (!ok) {
            // Parameters come from the command line: an IllegalArgumentException there is turned into one line.
            throw new IllegalArgumentException(what + " must be in " + range + " (MeV where an energy), got " + value);
        }
    }
}
