package doseengine.kernels.opencl;

import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clSetKernelArg;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;
import org.jocl.cl_kernel;

/**
 * One entry kernel of an {@link OpenClProgram}, with its arguments. Argument types must match the kernel
 * signature in size: {@code int} for int/uint, {@code long} for long/ulong, {@code float} for float;
 * a mismatch is reported by the driver ({@code CL_INVALID_ARG_SIZE}), never silently converted.
 */
public final class OpenClKernel implements AutoCloseable {

    private final OpenClContext cl;
    private final OpenClProgram program;
    private final cl_kernel kernel;
    private final String name;
    private boolean closed;

    OpenClKernel(OpenClContext cl, OpenClProgram program, cl_kernel kernel, String name) {
        this.cl = cl;
        this.program = program;
        this.kernel = kernel;
        this.name = name;
    }

    public OpenClKernel arg(int index, DeviceBuffer buffer) {
        clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(buffer.handle()));
        return this;
    }

    public OpenClKernel arg(int index, int value) {
        clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] {value}));
        return this;
    }

    public OpenClKernel arg(int index, long value) {
        clSetKernelArg(kernel, index, Sizeof.cl_long, Pointer.to(new long[] {value}));
        return this;
    }

    public OpenClKernel arg(int index, float value) {
        clSetKernelArg(kernel, index, Sizeof.cl_float, Pointer.to(new float[] {value}));
        return this;
    }

    /** Runs {@code globalSize} work-items (1-D, work-group size chosen by the driver) and waits. */
    public void run(long globalSize) {
        clEnqueueNDRangeKernel(cl.queue(), kernel, 1, null, new long[] {globalSize}, null, 0, null, null);
        clFinish(cl.queue());
    }

    /**
     * Enqueues {@code globalSize} work-items (as {@link #run}) and returns at once; the arguments set so far are
     * captured now (OpenCL 1.2 section 5.7.2, clSetKernelArg), so they may be changed for the next launch.
     * {@code done}, when not null, receives the launch's event, which the caller releases.
     */
    public void enqueue(long globalSize, cl_event done) {
        enqueue(globalSize, 0, done);
    }

    /**
     * As {@link #enqueue(long, cl_event)} with work-groups of {@code localSize} work-items (0: the driver's choice);
     * the global size is rounded up to a multiple of it, so the kernel must ignore work-items past its count.
     */
    public void enqueue(long globalSize, long localSize, cl_event done) {
        long[] local = localSize > 0 ? new long[] {localSize} : null;
        long global = localSize > 0 ? (globalSize + localSize - 1) / localSize * localSize : globalSize;
        clEnqueueNDRangeKernel(cl.queue(), kernel, 1, null, new long[] {global}, local, 0, null, done);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            program.forget(this);
            clReleaseKernel(kernel);
        }
    }
}
