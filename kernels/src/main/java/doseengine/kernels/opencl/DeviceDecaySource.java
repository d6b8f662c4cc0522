package doseengine.kernels.opencl;

import doseengine.kernels.source.DecaySource;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.source.SourceSampler;

/**
 * The device side of a {@link DecaySource}: the arguments of {@code DECAY_SOURCE_PARAMS}
 * ({@code include/source.clh}) and the build option that selects the matching {@code decay_source_sample}.
 */
public sealed interface DeviceDecaySource extends AutoCloseable permits DeviceAliasSource, DevicePointSource {

    /** Uploads an alias table ({@link SourceSampler}) or wraps a {@link PointSource}. */
    static DeviceDecaySource upload(OpenClContext cl, DecaySource source) {
        if (source instanceof SourceSampler alias) {
            return DeviceAliasSource.upload(cl, alias);
        }
        if (source instanceof PointSource point) {
            return new DevicePointSource(point);
        }
        throw new IllegalArgumentException("no OpenCL twin for decay source " + source.getClass().getName());
    }

    /** The build option {@link #upload} will report for {@code source}, known before anything is uploaded. */
    static String buildOptionFor(DecaySource source) {
        if (source instanceof SourceSampler) {
            return DeviceAliasSource.BUILD_OPTION;
        }
        if (source instanceof PointSource) {
            return DevicePointSource.BUILD_OPTION;
        }
        throw new IllegalArgumentException("no OpenCL twin for decay source " + source.getClass().getName());
    }

    /** {@code -DDECAY_SOURCE_ALIAS} or {@code -DDECAY_SOURCE_POINT}. */
    String buildOption();

    /** Number of kernel arguments {@link #bind} sets. */
    int argumentCount();

    /** Sets {@code DECAY_SOURCE_PARAMS} as kernel arguments {@code first, ...}; returns the next free index. */
    int bind(OpenClKernel kernel, int first);

    /** Device memory held, bytes. */
    long bytes();

    @Override
    void close();
}
