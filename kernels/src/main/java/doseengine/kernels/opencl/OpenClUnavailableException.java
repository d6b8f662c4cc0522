package doseengine.kernels.opencl;

/**
 * An OpenCL device cannot run the transport kernels (e.g. it lacks cl_khr_int64_base_atomics); one-line message.
 * The engine then falls back to the Java kernels, unless the OpenCL backend was asked for explicitly.
 */
public final class OpenClUnavailableException extends RuntimeException {
    public OpenClUnavailableException(String message) {
        super(message);
    }
}
