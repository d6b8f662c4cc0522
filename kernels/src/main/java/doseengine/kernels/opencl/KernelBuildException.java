package doseengine.kernels.opencl;

/** An OpenCL program failed to compile or link; {@link #buildLog()} holds the compiler's words. */
public final class KernelBuildException extends RuntimeException {

    private final String buildLog;

    KernelBuildException(String sourceName, String deviceName, String options, String buildLog,
            Throwable cause) {
        super("OpenCL build of " + sourceName + " failed on " + deviceName + " with options \"" + options
                + "\":\n" + buildLog, cause);
        this.buildLog = buildLog;
    }

    public String buildLog() {
        return buildLog;
    }
}
