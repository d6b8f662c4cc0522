package doseengine.cli;

import doseengine.transport.TransportMethod;
import picocli.CommandLine.Option;

/**
 * {@code --method} of the dose commands (run, demo, study, bench, compare): Monte Carlo or local energy deposition.
 * Apart from {@link TransportOptions} because the validation commands validate Monte Carlo transport only.
 */
public final class MethodOption {
    @Option(names = "--method", paramLabel = "M", defaultValue = "mc",
            description = "mc (Monte Carlo transport, default) or led (local energy deposition: electrons in the "
                    + "decay voxel, photons ignored; the clinical fast method, for comparison).")
    String method;

    /** The method asked for; one line naming the choices when it is unknown. */
    public TransportMethod method() {
        return TransportMethod.fromKey(method == null ? TransportMethod.MONTE_CARLO.key() : method);
    }
}
