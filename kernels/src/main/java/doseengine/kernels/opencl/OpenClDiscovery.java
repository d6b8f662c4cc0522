package doseengine.kernels.opencl;

import static org.jocl.CL.*;

import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Lists the OpenCL devices reachable through JOCL. No driver, no ICD loader or no platform is a normal
 * outcome, reported as {@link Result#problem()} instead of an exception: the Java backend still works.
 */
public final class OpenClDiscovery {

    /** The devices found (numbered across platforms in discovery order), or why there are none. */
    public record Result(List<OpenClDeviceInfo> devices, String problem) {
        public boolean available() {
            return !devices.isEmpty();
        }
    }

    private OpenClDiscovery() {}

    public static Result discover() {
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            try {
                clGetPlatformIDs(0, null, count);
            } catch (CLException e) {
                // CL_PLATFORM_NOT_FOUND_KHR (-1001) is how the ICD loader says "no driver installed".
                return new Result(List.of(), "no OpenCL platform found (" + e.getMessage() + ")");
            }
            if (count[0] == 0) {
                return new Result(List.of(), "no OpenCL platform found");
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            clGetPlatformIDs(platforms.length, platforms, null);
            List<OpenClDeviceInfo> out = new ArrayList<>();
            for (cl_platform_id p : platforms) {
                int[] nd = new int[1];
                try {
                    clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, nd);
                } catch (CLException e) {
                    continue; // CL_DEVICE_NOT_FOUND: a platform with no device
                }
                cl_device_id[] devs = new cl_device_id[nd[0]];
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, devs.length, devs, null);
                for (cl_device_id d : devs) {
                    out.add(describe(out.size(), p, d));
                }
            }
            return new Result(out, out.isEmpty() ? "OpenCL platforms found, but no device" : null);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return new Result(List.of(), "no OpenCL library (ICD loader) could be loaded: " + firstLine(e));
        } catch (CLException e) {
            return new Result(List.of(), "OpenCL query failed: " + firstLine(e));
        }
    }

    /** The platform and device handles for a device index of {@link #discover()}. */
    public static cl_device_id deviceHandle(int index) {
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        clGetPlatformIDs(platforms.length, platforms, null);
        int seen = 0;
        for (cl_platform_id p : platforms) {
            int[] nd = new int[1];
            try {
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, nd);
            } catch (CLException e) {
                continue;
            }
            cl_device_id[] devs = new cl_device_id[nd[0]];
            clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, devs.length, devs, null);
            if (index < seen + devs.length) {
                return devs[index - seen];
            }
            seen += devs.length;
        }
        throw new IllegalArgumentException("no OpenCL device with index " + index + " (found " + seen + ")");
    }

    private static OpenClDeviceInfo describe(int index, cl_platform_id p, cl_device_id d) {
        long type = getLong(d, CL_DEVICE_TYPE);
        String typeName = (type & CL_DEVICE_TYPE_GPU) != 0 ? "GPU"
                : (type & CL_DEVICE_TYPE_CPU) != 0 ? "CPU"
                : (type & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? "accelerator" : "other";
        String ext = getString(d, CL_DEVICE_EXTENSIONS);
        return new OpenClDeviceInfo(index,
                getPlatformString(p, CL_PLATFORM_NAME),
                getPlatformString(p, CL_PLATFORM_VERSION),
                getString(d, CL_DEVICE_NAME),
                typeName,
                getString(d, CL_DEVICE_VERSION),
                getInt(d, CL_DEVICE_MAX_COMPUTE_UNITS),
                getLong(d, CL_DEVICE_GLOBAL_MEM_SIZE),
                getLong(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                ext.contains("cl_khr_int64_base_atomics"));
    }

    private static String getString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String getPlatformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static long getLong(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_long, Pointer.to(v), null);
        return v[0];
    }

    private static int getInt(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_int, Pointer.to(v), null);
        return v[0];
    }

    private static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8).trim();
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
