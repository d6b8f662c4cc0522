package doseengine.kernels.opencl;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clReleaseProgram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/**
 * A {@link KernelSource} compiled for the device of an {@link OpenClContext}, and the kernels made from
 * it. Closing the program releases the kernels it made that are still open, then the program.
 *
 * <p>Always built with {@value #BASE_OPTIONS}: OpenCL C 1.2 (what every GPU driver and PoCL accept) and
 * no contraction of a*b+c into fma (the source also starts with {@code #pragma OPENCL FP_CONTRACT OFF};
 * the macro lets a source check that it was built this way). Options that trade accuracy for speed are
 * refused: the device must compute what the Java twin computes (DESIGN.md 3.4). Where the device supports it
 * ({@link OpenClContext#correctlyRoundedDivideSqrt()}), {@value #CORRECTLY_ROUNDED_DIVIDE_SQRT} is added too:
 * float division and sqrt are then correctly rounded as in Java, so a kernel that uses no other transcendental
 * function gives the Java twin's float bits, and only log, exp, sin, cos ... may differ by their few ulp.
 */
public final class OpenClProgram implements AutoCloseable {

    public static final String BASE_OPTIONS = "-cl-std=CL1.2 -DFP_CONTRACT_OFF";
    /** Added to {@link #BASE_OPTIONS} on devices that support it. */
    public static final String CORRECTLY_ROUNDED_DIVIDE_SQRT = "-cl-fp32-correctly-rounded-divide-sqrt";
    private static final List<String> REFUSED_OPTIONS = List.of("-cl-fast-relaxed-math",
            "-cl-unsafe-math-optimizations", "-cl-mad-enable", "-cl-finite-math-only", "-cl-no-signed-zeros",
            "-cl-denorms-are-zero");

    private final OpenClContext cl;
    private final cl_program program;
    private final String sourceName;
    private final String buildLog;
    private final String options;
    private final List<OpenClKernel> kernels = new ArrayList<>();
    private boolean closed;

    private OpenClProgram(OpenClContext cl, cl_program program, String sourceName, String buildLog,
            String options) {
        this.cl = cl;
        this.program = program;
        this.sourceName = sourceName;
        this.buildLog = buildLog;
        this.options = options;
    }

    /** Builds {@code source} with {@link #BASE_OPTIONS}. */
    public static OpenClProgram build(OpenClContext cl, KernelSource source) {
        return build(cl, source, "");
    }

    /**
     * Builds {@code source} with {@link #BASE_OPTIONS} plus {@code extraOptions} (e.g. {@code -D} variant
     * switches). Throws {@link KernelBuildException}, carrying the build log, when the compiler fails.
     */
    public static OpenClProgram build(OpenClContext cl, KernelSource source, String extraOptions) {
        for (String refused : REFUSED_OPTIONS) {
            if (extraOptions.contains(refused)) {
                throw new IllegalArgumentException("OpenCL build option " + refused + " is not allowed: "
                        + "kernels must compute what the Java twin computes");
            }
        }
        String options = (BASE_OPTIONS + (cl.correctlyRoundedDivideSqrt() ? " " + CORRECTLY_ROUNDED_DIVIDE_SQRT : "")
                + " " + extraOptions).trim();
        cl_program program = clCreateProgramWithSource(cl.context(), 1, new String[] {source.text()}, null,
                null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {cl.device()}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program, cl.device());
            clReleaseProgram(program);
            throw new KernelBuildException(source.name(), cl.info().deviceName(), options, log, e);
        }
        return new OpenClProgram(cl, program, source.name(), buildLog(program, cl.device()), options);
    }

    /** A new kernel object for the entry kernel {@code name}; close it, or let {@link #close()} do it. */
    public OpenClKernel kernel(String name) {
        if (closed) {
            throw new IllegalStateException("program " + sourceName + " is closed");
        }
        OpenClKernel k = new OpenClKernel(cl, this, clCreateKernel(program, name, null), name);
        kernels.add(k);
        return k;
    }

    void forget(OpenClKernel kernel) {
        kernels.remove(kernel);
    }

    /** The complete build options the program was compiled with. */
    public String options() {
        return options;
    }

    /** Whether float division and sqrt in this program are correctly rounded (as in Java). */
    public boolean correctlyRoundedDivideSqrt() {
        return options.contains(CORRECTLY_ROUNDED_DIVIDE_SQRT);
    }

    /** The compiler's messages (warnings) of the successful build; often empty. */
    public String buildLog() {
        return buildLog;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (OpenClKernel k : List.copyOf(kernels)) {
                k.close();
            }
        } finally {
            clReleaseProgram(program);
        }
    }

    private static String buildLog(cl_program program, cl_device_id device) {
        long[] size = new long[1];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, bytes.length, Pointer.to(bytes), null);
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8).strip();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s on %s", sourceName, cl.info().deviceName());
    }
}
