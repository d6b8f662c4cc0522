package doseengine.kernels.opencl;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel arguments one device-side table contributes to an entry kernel: its buffers and scalars, in the
 * order of the table's {@code *_PARAMS} macro in its {@code include/*.clh} file. The table binds them all with
 * one call, so the order is written down in two places only (the macro and the upload method) and a test that
 * runs the kernel holds the two together. Owns the buffers it was given: {@link #close()} releases them.
 */
final class KernelArguments implements AutoCloseable {

    private final OpenClContext cl;
    private final List<Object> values = new ArrayList<>();
    private final List<DeviceBuffer> owned = new ArrayList<>();

    KernelArguments(OpenClContext cl) {
        this.cl = cl;
    }

    /** Appends a buffer that this object owns from now on. */
    KernelArguments buffer(DeviceBuffer b) {
        owned.add(b);
        values.add(b);
        return this;
    }

    /**
     * Appends a copy of {@code data} on the device. An empty array (a table part that is absent, e.g. no beta
     * spectrum) becomes a one-element buffer, because OpenCL buffers cannot be empty; the table's count
     * argument, zero, keeps the kernel from reading it.
     */
    KernelArguments copyOf(float[] data) {
        return buffer(DeviceBuffer.copyOf(cl, data.length == 0 ? new float[1] : data));
    }

    KernelArguments copyOf(byte[] data) {
        return buffer(DeviceBuffer.copyOf(cl, data.length == 0 ? new byte[1] : data));
    }

    KernelArguments copyOf(int[] data) {
        return buffer(DeviceBuffer.copyOf(cl, data.length == 0 ? new int[1] : data));
    }

    KernelArguments scalar(int value) {
        values.add(value);
        return this;
    }

    KernelArguments scalar(float value) {
        values.add(value);
        return this;
    }

    /** Number of kernel arguments. */
    int count() {
        return values.size();
    }

    /** Sets the arguments {@code first, first + 1, ...} of {@code kernel}; returns the index after the last. */
    int bind(OpenClKernel kernel, int first) {
        int index = first;
        for (Object v : values) {
            if (v instanceof DeviceBuffer b) {
                kernel.arg(index, b);
            } else if (v instanceof Integer i) {
                kernel.arg(index, i.intValue());
            } else {
                kernel.arg(index, ((Float) v).floatValue());
            }
            index++;
        }
        return index;
    }

    /** Device bytes held by the owned buffers. */
    long bytes() {
        long sum = 0;
        for (DeviceBuffer b : owned) {
            sum += b.bytes();
        }
        return sum;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (DeviceBuffer b : owned) {
            try {
                b.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        owned.clear();
        values.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Closes {@code args} after a failed upload, keeping the original failure. */
    static RuntimeException closeAfterFailure(KernelArguments args, RuntimeException failure) {
        try {
            args.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
