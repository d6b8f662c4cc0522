package doseengine.validation.cli;

import doseengine.cli.TransportOptions;
import doseengine.cli.WholeNumber;
import doseengine.kernels.TransportParameters;
import doseengine.validation.run.BackendChoice;
import doseengine.validation.run.TransportSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The transport options of every validation command: the engine's {@link TransportOptions}, shared with the dose
 * commands, and {@code --decays}, whose default each validation command sets (the suite's, or its benchmark's).
 */
public final class ValidationRunOptions {
    @Option(names = "--decays", paramLabel = "N", description = "Decays per transport run (default: per command).")
    String decays;

    @Mixin
    TransportOptions transport;

    /**
     * The settings, with {@code defaultDecays} when {@code --decays} is not given and the engine's default cutoffs
     * (in keV) when a cutoff is not given.
     */
    public TransportSettings settings(long defaultDecays) {
        return new TransportSettings(
                decays == null ? defaultDecays : WholeNumber.parseLong("--decays", decays),
                transport.seed(),
                BackendChoice.valueOf(transport.backend().name()),
                transport.device(),
                transport.threads(),
                transport.electronCutoffKeV().orElse(TransportParameters.DEFAULT_ELECTRON_CUTOFF_MEV * 1000.0),
                transport.photonCutoffKeV().orElse(TransportParameters.DEFAULT_PHOTON_CUTOFF_MEV * 1000.0));
    }
}
