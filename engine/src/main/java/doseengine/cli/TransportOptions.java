package doseengine.cli;

import doseengine.geometry.BadInputException;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.opencl.OpenClDiscovery;
import doseengine.transport.BackendChoice;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The transport options of every command that transports (DESIGN.md 5), the dose commands of the engine (run, demo,
 * study, bench), {@code compare} and the {@code validate} commands alike: backend, OpenCL device, Java threads,
 * seed and the electron and photon cutoffs. One picocli mixin, so a flag is spelled, defaulted, described and
 * refused the same way by every command.
 *
 * <p>Choices made once for every command:
 * <ul>
 *   <li>Values are read as text and checked here, so a bad value is one {@link BadInputException} line naming the
 *   option, whichever command line parses it (also one built without {@code Main}'s converters, as the validation
 *   tests build theirs). Counts take {@link WholeNumber}'s spellings ({@code 1e6}, {@code 1_000}); cutoffs any
 *   finite decimal ({@link FiniteNumber}).</li>
 *   <li>The range messages are those that also guard the validation settings record ("must be between 1 and 100
 *   keV", "must be a positive number of threads"), so a programmatic and a command-line refusal read alike.</li>
 *   <li>Defaults are the same for every command: backend auto, seed {@value RunSettings#DEFAULT_SEED}, all cores,
 *   the cutoffs of {@link TransportParameters#defaults()}. An absent cutoff stays absent
 *   ({@link #electronCutoffKeV()} is empty) so that each caller applies the default as it always did.</li>
 *   <li>{@code --decays} is not here: each command has its own default and meaning for it (bench per problem, run
 *   exclusive with {@code --target-uncertainty}, validate per benchmark). {@code --method} is not here either: the
 *   validation commands validate Monte Carlo transport and have no other method to offer; the dose commands add
 *   {@link MethodOption}.</li>
 * </ul>
 */
public final class TransportOptions {
    @Option(names = "--backend", paramLabel = "B", defaultValue = "auto",
            description = "auto, opencl or java (default auto: an OpenCL GPU, else Java, the faster on a CPU; "
                    + "opencl also takes an OpenCL CPU device such as PoCL, and auto does when --device names it; "
                    + "auto falls back to Java with a warning when OpenCL cannot run, opencl stops with an error).")
    String backend;

    @Option(names = "--device", paramLabel = "N", description = "OpenCL device index (see 'doseengine devices').")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the Java backend (default: all cores).")
    String threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + RunSettings.DEFAULT_SEED,
            description = "Run seed (default ${DEFAULT-VALUE}); one seed gives one result, whatever the thread count.")
    String seed;

    @Option(names = "--electron-cutoff-kev", paramLabel = "E",
            description = "Electrons below E keV deposit locally (1 to 100; default 10); the hard-event "
                    + "thresholds (10 keV) are lowered to E when E is below them.")
    String electronCutoffKeV;

    @Option(names = "--photon-cutoff-kev", paramLabel = "E",
            description = "Photons below E keV deposit locally (1 to 100; default 1).")
    String photonCutoffKeV;

    /**
     * Checks every option and resolves the backend: the cheap part, for the dose commands to do before reading any
     * file.
     */
    public RunSettings settings(StopRule stop, TransportMethod method) {
        OptionalInt t = threads();
        int n = t.isPresent() ? t.getAsInt() : Runtime.getRuntime().availableProcessors();
        TransportParameters parameters = parameters();
        long s = seed();
        OptionalInt d = device();
        BackendChoice.Resolved b = BackendChoice.resolve(backend(), d.isPresent() ? d.getAsInt() : null, n,
                OpenClDiscovery::discover);
        return new RunSettings(method, b, stop, s, n, parameters);
    }

    /**
     * The settings with a backend given rather than resolved: merged parts report the backends that ran them and
     * need no device now.
     */
    public RunSettings settingsWithBackend(StopRule stop, TransportMethod method, BackendChoice.Resolved b) {
        OptionalInt t = threads();
        int n = t.isPresent() ? t.getAsInt() : Runtime.getRuntime().availableProcessors();
        return new RunSettings(method, b, stop, seed(), n, parameters());
    }

    /** The backend asked for. */
    public BackendChoice.Requested backend() {
        return BackendChoice.Requested.parse(backend == null ? "auto" : backend.strip());
    }

    /** The OpenCL device index asked for (&gt;= 0); empty: the backend's choice. */
    public OptionalInt device() {
        if (device == null) {
            return OptionalInt.empty();
        }
        int d = WholeNumber.parseInt("--device", device);
        if (d < 0) {
            throw new BadInputException("--device must be an OpenCL device index >= 0 (see 'doseengine devices'), got "
                    + d);
        }
        return OptionalInt.of(d);
    }

    /** Java worker threads (&gt;= 1); empty: all cores. */
    public OptionalInt threads() {
        if (threads == null) {
            return OptionalInt.empty();
        }
        int n = WholeNumber.parseInt("--threads", threads);
        if (n < 1) {
            throw new BadInputException("--threads must be a positive number of threads, got " + n);
        }
        return OptionalInt.of(n);
    }

    /** The run seed. */
    public long seed() {
        return seed == null ? RunSettings.DEFAULT_SEED : WholeNumber.parseLong("--seed", seed);
    }

    /** The electron cutoff (keV, 1 to 100) as given; empty: not given. */
    public OptionalDouble electronCutoffKeV() {
        return cutoffKeV("--electron-cutoff-kev", electronCutoffKeV);
    }

    /** The photon cutoff (keV, 1 to 100) as given; empty: not given. */
    public OptionalDouble photonCutoffKeV() {
        return cutoffKeV("--photon-cutoff-kev", photonCutoffKeV);
    }

    private TransportParameters parameters() {
        OptionalDouble electron = electronCutoffKeV();
        OptionalDouble photon = photonCutoffKeV();
        TransportParameters p = TransportParameters.defaults();
        try {
            if (electron.isPresent()) {
                p = p.withElectronCutoffAndThresholdsMeV(mev(electron.getAsDouble()));
            }
            if (photon.isPresent()) {
                p = p.withPhotonCutoffMeV(mev(photon.getAsDouble()));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        return p;
    }

    private static float mev(double keV) {
        return (float) (keV / 1000);
    }

    private static OptionalDouble cutoffKeV(String option, String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        double kev = FiniteNumber.parse(option, text);
        if (!(kev >= 1 && kev <= 100)) {
            throw new BadInputException(String.format(Locale.ROOT, "%s must be between 1 and 100 keV, got %s",
                    option, kev));
        }
        return OptionalDouble.of(kev);
    }
}
