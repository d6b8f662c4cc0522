package doseengine.kernels.opencl;

import doseengine.kernels.source.SourceSampler;

/**
 * A {@link SourceSampler}'s alias table on the device ({@code alias_source} in {@code include/source.clh}):
 * the three column arrays uploaded once, with the grid dimensions and voxel sizes.
 */
public final class DeviceAliasSource implements DeviceDecaySource {

    public static final String BUILD_OPTION = "-DDECAY_SOURCE_ALIAS";

    private final KernelArguments args;

    private DeviceAliasSource(KernelArguments args) {
        this.args = args;
    }

    public static DeviceAliasSource upload(OpenClContext cl, SourceSampler source) {
        KernelArguments args = new KernelArguments(cl);
        try {
            args.copyOf(source.prob()).copyOf(source.alias()).copyOf(source.voxelIndex())
                    .scalar(source.columns()).scalar(source.nx()).scalar(source.ny()).scalar(source.nz())
                    .scalar(source.sx()).scalar(source.sy()).scalar(source.sz());
            return new DeviceAliasSource(args);
        } catch (RuntimeException e) {
            throw KernelArguments.closeAfterFailure(args, e);
        }
    }

    @Override
    public String buildOption() {
        return BUILD_OPTION;
    }

    @Override
    public int argumentCount() {
        return args.count();
    }

    @Override
    public int bind(OpenClKernel kernel, int first) {
        return args.bind(kernel, first);
    }

    @Override
    public long bytes() {
        return args.bytes();
    }

    @Override
    public void close() {
        args.close();
    }
}
