package doseengine.transport;

import doseengine.geometry.BadInputException;
import doseengine.kernels.opencl.OpenClDiscovery;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns {@code --backend auto|opencl|java} and {@code --device N} into the backend a run uses.
 *
 * <p>Today only the Java backend exists: {@code auto} falls back to it with a one-line note naming the reason (no
 * OpenCL device, as discovery reports it, or the OpenCL backend not being implemented yet), and {@code opencl} is
 * refused. When the OpenCL backend lands, {@link #resolve} is where {@code auto} starts choosing it.
 */
public final class BackendChoice {
    /** What the user asked for. */
    public enum Requested {
        AUTO, OPENCL, JAVA;

        public static Requested parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--backend must be auto, opencl or java, got '" + s + "'");
            }
        }
    }

    /**
     * The backend of a run.
     *
     * @param name   "java" (later also "opencl"), written to organs.json as {@code backend}
     * @param device what runs the kernels, for the report (e.g. "Java, 8 threads")
     * @param note   why auto chose this backend, or what was ignored; null when there is nothing to say
     */
    public record Resolved(String name, String device, String note) {
        /** The factory of this backend's kernel for a method. */
        public KernelFactory factory(TransportMethod method) {
            return JavaKernels.factory(method);
        }
    }

    public static final String OPENCL_NOT_IMPLEMENTED = "OpenCL backend not implemented yet";

    private BackendChoice() {}

    /**
     * @param device    the OpenCL device index asked for, or null
     * @param threads   Java worker threads
     * @param discovery lists OpenCL devices (only asked for {@code auto})
     * @throws BadInputException for {@code opencl}, which does not exist yet, or a negative device index
     */
    public static Resolved resolve(Requested requested, Integer device, int threads,
                                   Supplier<OpenClDiscovery.Result> discovery) {
        if (device != null && device < 0) {
            throw new BadInputException("--device must be an OpenCL device index >= 0 (see 'doseengine devices'), got "
                    + device);
        }
        String java = "Java, " + threads + (threads == 1 ? " thread" : " threads");
        return switch (requested) {
            case OPENCL -> throw new BadInputException("--backend opencl: " + OPENCL_NOT_IMPLEMENTED
                    + "; use --backend java or auto");
            case JAVA -> new Resolved("java", java, device == null ? null
                    : "--device " + device + " ignored: it selects an OpenCL device and the Java backend runs");
            case AUTO -> {
                OpenClDiscovery.Result r = discovery.get();
                String reason = r.available() ? OPENCL_NOT_IMPLEMENTED : "no OpenCL device: " + r.problem();
                yield new Resolved("java", java, "backend auto: using Java (" + reason + ")");
            }
        };
    }
}
