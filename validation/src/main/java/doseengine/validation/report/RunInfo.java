package doseengine.validation.report;

import doseengine.validation.run.RunRecord;

/**
 * One transport run as the report lists it: what ran (label), the program version, backend, device, seed,
 * decays, batches and seconds.
 */
public record RunInfo(String label, String version, String backend, String device, long seed, long decays,
        int batches, double seconds) {
    public static RunInfo of(String label, String version, long seed, RunRecord run) {
        return new RunInfo(label, version, run.backend(), run.device(), seed, run.decays(), run.batches(),
                run.seconds());
    }
}
