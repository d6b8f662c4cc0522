package doseengine.kernels.opencl;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseMemObject;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_mem;

/**
 * A block of device global memory. Reads are blocking and check that the host array has exactly
 * the buffer's size, so a layout mistake shows up as an exception rather than as half-filled results.
 */
public final class DeviceBuffer implements AutoCloseable {

    private final OpenClContext cl;
    private final cl_mem mem;
    private final long bytes;
    private boolean closed;

    private DeviceBuffer(OpenClContext cl, cl_mem mem, long bytes) {
        this.cl = cl;
        this.mem = mem;
        this.bytes = bytes;
    }

    /** An uninitialised buffer of {@code bytes} bytes. */
    public static DeviceBuffer allocate(OpenClContext cl, long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("OpenCL buffer size must be positive, got " + bytes + " bytes");
        }
        return new DeviceBuffer(cl, clCreateBuffer(cl.context(), CL_MEM_READ_WRITE, bytes, null, null), bytes);
    }

    /** A buffer of {@code bytes} bytes, all zero. */
    public static DeviceBuffer zeroed(OpenClContext cl, long bytes) {
        DeviceBuffer b = allocate(cl, bytes);
        try {
            b.fillZero();
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    /** Bytes as they are (e.g. material indices read as {@code uchar} on the device). */
    public static DeviceBuffer copyOf(OpenClContext cl, byte[] data) {
        return copy(cl, Pointer.to(data), data.length);
    }

    public static DeviceBuffer copyOf(OpenClContext cl, int[] data) {
        return copy(cl, Pointer.to(data), (long) data.length * Sizeof.cl_int);
    }

    public static DeviceBuffer copyOf(OpenClContext cl, float[] data) {
        return copy(cl, Pointer.to(data), (long) data.length * Sizeof.cl_float);
    }

    public static DeviceBuffer copyOf(OpenClContext cl, long[] data) {
        return copy(cl, Pointer.to(data), (long) data.length * Sizeof.cl_long);
    }

    private static DeviceBuffer copy(OpenClContext cl, Pointer host, long bytes) {
        if (bytes == 0) {
            throw new IllegalArgumentException("OpenCL buffers cannot be empty");
        }
        cl_mem mem = clCreateBuffer(cl.context(), CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, bytes, host, null);
        return new DeviceBuffer(cl, mem, bytes);
    }

    public void read(byte[] dst) {
        read(Pointer.to(dst), dst.length);
    }

    public void read(int[] dst) {
        read(Pointer.to(dst), (long) dst.length * Sizeof.cl_int);
    }

    public void read(float[] dst) {
        read(Pointer.to(dst), (long) dst.length * Sizeof.cl_float);
    }

    public void read(long[] dst) {
        read(Pointer.to(dst), (long) dst.length * Sizeof.cl_long);
    }

    /** Reads the buffer into {@code dst} through {@code queue} (blocking), e.g. the context's transfer queue. */
    public void read(long[] dst, cl_command_queue queue) {
        checkSize((long) dst.length * Sizeof.cl_long);
        clEnqueueReadBuffer(queue, mem, CL_TRUE, 0, bytes, Pointer.to(dst), 0, null, null);
    }

    public void read(int[] dst, cl_command_queue queue) {
        checkSize((long) dst.length * Sizeof.cl_int);
        clEnqueueReadBuffer(queue, mem, CL_TRUE, 0, bytes, Pointer.to(dst), 0, null, null);
    }

    /** Sets every byte to zero and waits until it is done. */
    public void fillZero() {
        fillZero(cl.queue());
    }

    /** Sets every byte to zero through {@code queue} and waits until that queue is done. */
    public void fillZero(cl_command_queue queue) {
        byte[] zero = {0};
        clEnqueueFillBuffer(queue, mem, Pointer.to(zero), 1, 0, bytes, 0, null, null);
        clFinish(queue);
    }

    private void checkSize(long hostBytes) {
        if (hostBytes != bytes) {
            throw new IllegalArgumentException("host array of " + hostBytes + " bytes for a device buffer of "
                    + bytes + " bytes");
        }
    }

    private void read(Pointer dst, long dstBytes) {
        checkSize(dstBytes);
        clEnqueueReadBuffer(cl.queue(), mem, CL_TRUE, 0, bytes, dst, 0, null, null);
    }

    public long bytes() {
        return bytes;
    }

    cl_mem handle() {
        return mem;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            clReleaseMemObject(mem);
        }
    }
}
