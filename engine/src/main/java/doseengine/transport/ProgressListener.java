package doseengine.transport;

/**
 * Receives a transport run's progress from the thread that drives the run, a few times per second while batches
 * run, after every batch, and once at the end ({@link RunProgress#finished()}). Implementations decide how often
 * to show it.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(RunProgress progress);

    /** A one-line warning about the run (e.g. a backend fallback), before or while it runs; ignored by default. */
    default void onWarning(String message) {
    }
}
