package doseengine.kernels.opencl;

import java.util.Locale;

/** What one OpenCL device offers the engine, as the driver reports it. */
public record OpenClDeviceInfo(
        int index,
        String platformName,
        String platformVersion,
        String deviceName,
        String deviceType,
        String deviceVersion,
        int computeUnits,
        long globalMemBytes,
        long maxAllocBytes,
        boolean int64Atomics) {

    public boolean isGpu() {
        return deviceType.contains("GPU");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%d] %s (%s) on %s; %s; %d compute units; %.1f GiB global memory, "
                        + "%.1f GiB max allocation; 64-bit integer atomics: %s",
                index, deviceName, deviceType, platformName, deviceVersion, computeUnits,
                globalMemBytes / 1073741824.0, maxAllocBytes / 1073741824.0, int64Atomics ? "yes" : "NO");
    }
}
