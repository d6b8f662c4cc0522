package doseengine.validation.run;

import doseengine.geometry.BadInputException;
import doseengine.kernels.TransportParameters;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The transport options every validation command accepts (DESIGN.md section 5): decays, seed, backend, OpenCL
 * device, Java threads and the electron and photon cutoffs. Checked when built, so a runner receives only
 * values it can use.
 *
 * @param decays             decays to simulate (&gt; 0)
 * @param seed               run seed: the Philox key (RNG.md)
 * @param backend            auto, opencl or java
 * @param device             OpenCL device index as {@code devices} lists it; empty: the runner's choice
 * @param threads            Java threads; empty: all cores
 * @param electronCutoffKeV  E_abs (keV), 1 to 100
 * @param photonCutoffKeV    photon cutoff (keV), 1 to 100
 * @param softStraggling     the engine's soft energy-loss straggling (true: every command); false only for the
 *                           runs compared with EGSnrc kernels under EGSnrc's energy-loss model
 *                           ({@code TransportParameters.softStraggling})
 */
public record TransportSettings(long decays, long seed, BackendChoice backend, OptionalInt device,
        OptionalInt threads, double electronCutoffKeV, double photonCutoffKeV, boolean softStraggling) {
    /** The seed when none is given. */
    public static final long DEFAULT_SEED = 1;

    public TransportSettings {
        if (decays <= 0) {
            throw new BadInputException("--decays must be a positive number of decays, got " + decays);
        }
        if (device.isPresent() && device.getAsInt() < 0) {
            throw new BadInputException("--device must be a device index >= 0 (see 'doseengine devices'), got "
                    + device.getAsInt());
        }
        if (threads.isPresent() && threads.getAsInt() <= 0) {
            throw new BadInputException("--threads must be a positive number of threads, got " + threads.getAsInt());
        }
        checkCutoff("--electron-cutoff-kev", electronCutoffKeV);
        checkCutoff("--photon-cutoff-kev", photonCutoffKeV);
    }

    /** Settings with the engine's physics (soft straggling on). */
    public TransportSettings(long decays, long seed, BackendChoice backend, OptionalInt device, OptionalInt threads,
            double electronCutoffKeV, double photonCutoffKeV) {
        this(decays, seed, backend, device, threads, electronCutoffKeV, photonCutoffKeV, true);
    }

    /** Defaults except the number of decays. */
    public static TransportSettings defaults(long decays) {
        return new TransportSettings(decays, DEFAULT_SEED, BackendChoice.AUTO, OptionalInt.empty(), OptionalInt.empty(),
                TransportParameters.DEFAULT_ELECTRON_CUTOFF_MEV * 1000.0,
                TransportParameters.DEFAULT_PHOTON_CUTOFF_MEV * 1000.0);
    }

    /** The same settings with another number of decays. */
    public TransportSettings withDecays(long n) {
        return new TransportSettings(n, seed, backend, device, threads, electronCutoffKeV, photonCutoffKeV,
                softStraggling);
    }

    /** The same settings on another backend. */
    public TransportSettings withBackend(BackendChoice b) {
        return new TransportSettings(decays, seed, b, device, threads, electronCutoffKeV, photonCutoffKeV,
                softStraggling);
    }

    /** The same settings with another electron cutoff (keV). */
    public TransportSettings withElectronCutoffKeV(double kev) {
        return new TransportSettings(decays, seed, backend, device, threads, kev, photonCutoffKeV, softStraggling);
    }

    /**
     * The same settings with the soft loss of every electron step at its mean: EGSnrc's energy-loss model, for the
     * comparison with EGSnrc kernels (docs/validation.md, "Dose point kernels").
     */
    public TransportSettings withoutSoftStraggling() {
        return new TransportSettings(decays, seed, backend, device, threads, electronCutoffKeV, photonCutoffKeV,
                false);
    }

    /** The engine's transport parameters: defaults with these cutoffs (and without soft straggling if so set). */
    public TransportParameters transportParameters() {
        TransportParameters p = TransportParameters.defaults()
                .withElectronCutoffAndThresholdsMeV((float) (electronCutoffKeV / 1000.0))
                .withPhotonCutoffMeV((float) (photonCutoffKeV / 1000.0));
        return softStraggling ? p : p.withoutSoftStraggling();
    }

    private static void checkCutoff(String option, double kev) {
        if (!(kev >= 1.0 && kev <= 100.0)) {
            throw new BadInputException(String.format(Locale.ROOT, "%s must be between 1 and 100 keV, got %s",
                    option, kev));
        }
    }
}
