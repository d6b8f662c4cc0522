package doseengine.kernels.opencl;

import doseengine.kernels.source.PointSource;

/** A {@link PointSource} as kernel arguments ({@code point_source} in {@code include/source.clh}); no buffer. */
public final class DevicePointSource implements DeviceDecaySource {

    public static final String BUILD_OPTION = "-DDECAY_SOURCE_POINT";

    private final PointSource point;

    public DevicePointSource(PointSource point) {
        this.point = point;
    }

    @Override
    public String buildOption() {
        return BUILD_OPTION;
    }

    @Override
    public int argumentCount() {
        return 4;
    }

    @Override
    public int bind(OpenClKernel kernel, int first) {
        kernel.arg(first, point.x()).arg(first + 1, point.y()).arg(first + 2, point.z()).arg(first + 3, point.voxel());
        return first + 4;
    }

    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public void close() {
        // nothing on the device
    }
}
