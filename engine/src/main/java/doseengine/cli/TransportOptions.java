package doseengine.cli;

import doseengine.geometry.BadInputException;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.opencl.OpenClDiscovery;
import doseengine.transport.BackendChoice;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options every transporting subcommand shares (DESIGN.md 5): backend, device, threads, seed, cutoffs, and the
 * transport method.
 */
public final class TransportOptions {
    @Option(names = "--backend", paramLabel = "B", defaultValue = "auto",
            description = "auto, opencl or java (default auto: an OpenCL GPU, else Java, the faster on a CPU; "
                    + "opencl also takes an OpenCL CPU device such as PoCL; auto falls back to Java with a warning "
                    + "when OpenCL cannot run, opencl stops with an error).")
    String backend;

    @Option(names = "--device", paramLabel = "N", description = "OpenCL device index (see 'doseengine devices').")
    Integer device;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the Java backend (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + RunSettings.DEFAULT_SEED,
            description = "Run seed (default ${DEFAULT-VALUE}); one seed gives one result, whatever the thread count.")
    long seed;

    @Option(names = "--electron-cutoff-kev", paramLabel = "E",
            description = "Electrons below E keV deposit locally (1 to 100; default 10); the hard-event "
                    + "thresholds (10 keV) are lowered to E when E is below them.")
    Double electronCutoffKeV;

    @Option(names = "--photon-cutoff-kev", paramLabel = "E",
            description = "Photons below E keV deposit locally (1 to 100; default 1).")
    Double photonCutoffKeV;

    @Option(names = "--method", paramLabel = "M", defaultValue = "mc",
            description = "mc (Monte Carlo transport, default) or led (local energy deposition: electrons in the "
                    + "decay voxel, photons ignored; the clinical fast method, for comparison).")
    String method;

    /**
     * Checks every option and resolves the backend: the cheap part, for commands to do before reading any file.
     * Subcommands of other modules (validate, bench) use this class as a picocli mixin and call this.
     */
    public RunSettings settings(StopRule stop) {
        TransportMethod m = TransportMethod.fromKey(method);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new BadInputException("--threads must be >= 1, got " + n);
        }
        TransportParameters parameters = parameters();
        BackendChoice.Resolved b = BackendChoice.resolve(BackendChoice.Requested.parse(backend), device, n,
                OpenClDiscovery::discover);
        return new RunSettings(m, b, stop, seed, n, parameters);
    }

    private TransportParameters parameters() {
        TransportParameters p = TransportParameters.defaults();
        try {
            if (electronCutoffKeV != null) {
                p = p.withElectronCutoffAndThresholdsMeV(mev("--electron-cutoff-kev", electronCutoffKeV));
            }
            if (photonCutoffKeV != null) {
                p = p.withPhotonCutoffMeV(mev("--photon-cutoff-kev", photonCutoffKeV));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        return p;
    }

    private static float mev(String option, double keV) {
        if (!Double.isFinite(keV) || keV < 1 || keV > 100) {
            throw new BadInputException(String.format(Locale.ROOT, "%s must be in 1 to 100 keV, got %s", option, keV));
        }
        return (float) (keV / 1000);
    }
}
