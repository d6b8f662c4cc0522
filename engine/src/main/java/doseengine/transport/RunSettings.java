package doseengine.transport;

import doseengine.kernels.TransportParameters;

/**
 * How one dose calculation runs.
 *
 * @param method     Monte Carlo or local energy deposition
 * @param backend    the resolved backend ({@link BackendChoice})
 * @param stop       when to stop
 * @param seed       the run seed: one seed, one result, whatever the thread count
 * @param threads    worker threads of the Java backend
 * @param parameters cutoffs and step parameters
 */
public record RunSettings(TransportMethod method, BackendChoice.Resolved backend, StopRule stop, long seed,
                          int threads, TransportParameters parameters) {
    /** The seed when none is given: runs are reproducible by default. */
    public static final long DEFAULT_SEED = 1;

    public RunSettings {
        if (threads < 1) {
            throw new doseengine.geometry.BadInputException("--threads must be >= 1, got " + threads);
        }
    }

    /** The same settings with the backend that really ran (after a fallback). */
    public RunSettings withBackend(BackendChoice.Resolved b) {
        return new RunSettings(method, b, stop, seed, threads, parameters);
    }
}
