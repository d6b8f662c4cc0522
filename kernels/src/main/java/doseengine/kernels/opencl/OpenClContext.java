package doseengine.kernels.opencl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_DEVICE_PLATFORM;
import static org.jocl.CL.CL_DEVICE_SINGLE_FP_CONFIG;
import static org.jocl.CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clFlush;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device with its context and an in-order command queue for kernels (and everything else by default),
 * plus, made on first use, a second in-order queue for transfers ({@link #transferQueue()}), so that a tally can be
 * read back while the next batch's kernels run. Every OpenCL call made through it throws
 * {@link org.jocl.CLException} on error ({@code CL.setExceptionsEnabled(true)}): no error code is left unchecked.
 * Close it to release the queues and the context; programs and buffers made from it must be closed first.
 */
public final class OpenClContext implements AutoCloseable {

    private final OpenClDeviceInfo info;
    private final cl_device_id device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final boolean correctlyRoundedDivideSqrt;
    private cl_command_queue transferQueue;
    private boolean closed;

    private OpenClContext(OpenClDeviceInfo info, cl_device_id device, cl_context context,
            cl_command_queue queue, boolean correctlyRoundedDivideSqrt) {
        this.info = info;
        this.device = device;
        this.context = context;
        this.queue = queue;
        this.correctlyRoundedDivideSqrt = correctlyRoundedDivideSqrt;
    }

    /** Opens the device numbered {@code deviceIndex} by {@link OpenClDiscovery#discover()}. */
    public static OpenClContext open(int deviceIndex) {
        OpenClDiscovery.Result found = OpenClDiscovery.discover();
        if (deviceIndex < 0 || deviceIndex >= found.devices().size()) {
            throw new IllegalArgumentException("no OpenCL device with index " + deviceIndex + " (found "
                    + found.devices().size() + (found.available() ? ")" : ": " + found.problem() + ")"));
        }
        CL.setExceptionsEnabled(true);
        cl_device_id device = OpenClDiscovery.deviceHandle(deviceIndex);
        cl_platform_id platform = new cl_platform_id();
        clGetDeviceInfo(device, CL_DEVICE_PLATFORM, Sizeof.cl_platform_id, Pointer.to(platform), null);
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, platform);
        cl_context context = clCreateContext(properties, 1, new cl_device_id[] {device}, null, null, null);
        try {
            // clCreateCommandQueue is the OpenCL 1.2 call; every 2.x/3.0 driver still provides it.
            cl_command_queue queue = clCreateCommandQueue(context, device, 0, null);
            long[] fpConfig = new long[1];
            clGetDeviceInfo(device, CL_DEVICE_SINGLE_FP_CONFIG, Sizeof.cl_long, Pointer.to(fpConfig), null);
            return new OpenClContext(found.devices().get(deviceIndex), device, context, queue,
                    (fpConfig[0] & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0);
        } catch (RuntimeException e) {
            clReleaseContext(context);
            throw e;
        }
    }

    public OpenClDeviceInfo info() {
        return info;
    }

    public cl_device_id device() {
        return device;
    }

    public cl_context context() {
        return context;
    }

    public cl_command_queue queue() {
        return queue;
    }

    /**
     * Whether the device can divide and take square roots of floats correctly rounded, as Java does
     * ({@code CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT}); {@link OpenClProgram} then builds with
     * {@code -cl-fp32-correctly-rounded-divide-sqrt}. Without it OpenCL 1.2 allows 2.5 ulp for a float
     * division and 3 ulp for sqrt (section 7.4, table 7.1).
     */
    public boolean correctlyRoundedDivideSqrt() {
        return correctlyRoundedDivideSqrt;
    }

    /**
     * The second in-order queue of this device, made on first use: commands on it run independently of the kernel
     * queue's, so a read of one buffer there can overlap kernels writing other buffers. Ordering against the kernel
     * queue is the caller's (wait for the kernels' event first).
     */
    public synchronized cl_command_queue transferQueue() {
        if (closed) {
            throw new IllegalStateException("OpenCL context is closed");
        }
        if (transferQueue == null) {
            transferQueue = clCreateCommandQueue(context, device, 0, null);
        }
        return transferQueue;
    }

    /** Waits until everything enqueued so far has finished. */
    public void finish() {
        clFinish(queue);
    }

    /** Hands what was enqueued on the kernel queue to the device, without waiting. */
    public void flush() {
        clFlush(queue);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (transferQueue != null) {
                clReleaseCommandQueue(transferQueue);
            }
        } finally {
            try {
                clReleaseCommandQueue(queue);
            } finally {
                clReleaseContext(context);
            }
        }
    }
}
