package doseengine.validation.cli;

import doseengine.cli.WholeNumber;
import doseengine.geometry.BadInputException;
import doseengine.kernels.TransportParameters;
import doseengine.validation.run.BackendChoice;
import doseengine.validation.run.TransportSettings;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The transport options of every validation command (DESIGN.md section 5). Values are read as text and checked
 * here, so every bad value is one line naming the option.
 */
public final class TransportOptions {
    @Option(names = "--decays", paramLabel = "N", description = "Decays per transport run (default: per command).")
    String decays;

    @Option(names = "--seed", paramLabel = "S", description = "Run seed (default: 1).")
    String seed;

    @Option(names = "--backend", paramLabel = "B", description = BackendChoice.HELP)
    String backend;

    @Option(names = "--device", paramLabel = "N", description = "OpenCL device index (see 'doseengine devices').")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "Java threads (default: all cores).")
    String threads;

    @Option(names = "--electron-cutoff-kev", paramLabel = "E",
            description = "Electron absorption energy in keV, 1 to 100 (default: 10).")
    String electronCutoffKeV;

    @Option(names = "--photon-cutoff-kev", paramLabel = "E",
            description = "Photon cutoff in keV, 1 to 100 (default: 1).")
    String photonCutoffKeV;

    /** The settings, with {@code defaultDecays} when {@code --decays} is not given. */
    public TransportSettings settings(long defaultDecays) {
        return new TransportSettings(
                decays == null ? defaultDecays : WholeNumber.parseLong("--decays", decays),
                seed == null ? TransportSettings.DEFAULT_SEED : WholeNumber.parseLong("--seed", seed),
                backend == null ? BackendChoice.AUTO : BackendChoice.of(backend),
                device == null ? OptionalInt.empty() : OptionalInt.of(WholeNumber.parseInt("--device", device)),
                threads == null ? OptionalInt.empty() : OptionalInt.of(WholeNumber.parseInt("--threads", threads)),
                electronCutoffKeV == null ? TransportParameters.DEFAULT_ELECTRON_CUTOFF_MEV * 1000.0
                        : parseDouble("--electron-cutoff-kev", electronCutoffKeV),
                photonCutoffKeV == null ? TransportParameters.DEFAULT_PHOTON_CUTOFF_MEV * 1000.0
                        : parseDouble("--photon-cutoff-kev", photonCutoffKeV));
    }

    static double parseDouble(String option, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(option + " '" + text + "' is not a finite number");
        }
    }

    /** A positive finite number, or one line naming the option. */
    static double parsePositive(String option, String text, String unit) {
        double v = parseDouble(option, text);
        if (!(v > 0)) {
            throw new BadInputException(option + " must be a positive number of " + unit + ", got " + text.strip());
        }
        return v;
    }
}
