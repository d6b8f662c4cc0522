package doseengine.validation.run;

/**
 * How a transport run went, for the report: the backend and device that ran it, decays simulated, batches,
 * and wall-clock seconds.
 *
 * @param backend e.g. {@code java} or {@code opencl}
 * @param device  e.g. {@code NVIDIA H100 (OpenCL 3.0)} or {@code Java, 16 threads}
 */
public record RunRecord(String backend, String device, long decays, int batches, double seconds) {
    public RunRecord {
        if (decays <= 0 || batches <= 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("a run record needs decays > 0, batches > 0 and seconds >= 0");
        }
    }
}
