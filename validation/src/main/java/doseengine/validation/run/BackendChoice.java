package doseengine.validation.run;

import java.util.Locale;

/**
 * The {@code --backend} of a validation run ({@code doseengine.cli.TransportOptions} reads and checks the flag).
 *
 * <ul>
 *   <li>{@link #AUTO}: the fastest backend that gives the same answer, an OpenCL GPU if there is one, else Java. An
 *   OpenCL CPU device (PoCL) is not chosen: it runs the kernels about 1.8 times slower than the Java backend on the
 *   same cores (docs/benchmarks.md);</li>
 *   <li>{@link #OPENCL}: OpenCL on any device that can run the kernels, a CPU device included; refused with one
 *   line when there is none;</li>
 *   <li>{@link #JAVA}: the Java backend.</li>
 * </ul>
 * {@code TransportBenchmarkRunner} resolves it; {@code validate all} runs its Java-versus-OpenCL section with
 * {@code auto} on any OpenCL device, CPU devices included.
 */
public enum BackendChoice {
    AUTO, OPENCL, JAVA;

    /** The command-line spelling: auto, opencl, java. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
