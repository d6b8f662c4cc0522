package doseengine.kernels.opencl;

import doseengine.kernels.transport.VoxelGeometry;

/**
 * The voxel world of a run on the device ({@code voxel_grid} in {@code include/geometry.clh}): the material
 * indices as bytes (read as {@code uchar}), the densities as floats, the dimensions and voxel sizes, uploaded once.
 * Kernels declare {@code VOXEL_GRID_PARAMS} and {@link #bind} sets them.
 */
public final class DeviceVoxelGeometry implements AutoCloseable {

    private final KernelArguments args;

    private DeviceVoxelGeometry(KernelArguments args) {
        this.args = args;
    }

    public static DeviceVoxelGeometry upload(OpenClContext cl, VoxelGeometry g) {
        KernelArguments args = new KernelArguments(cl);
        try {
            args.copyOf(g.material()).copyOf(g.density()).scalar(g.nx()).scalar(g.ny()).scalar(g.nz())
                    .scalar(g.sx()).scalar(g.sy()).scalar(g.sz());
            return new DeviceVoxelGeometry(args);
        } catch (RuntimeException e) {
            throw KernelArguments.closeAfterFailure(args, e);
        }
    }

    /** Device bytes of a grid of {@code voxels} voxels: one byte of material and a float of density each. */
    public static long bytes(long voxels) {
        return voxels * (1 + Float.BYTES);
    }

    /** Number of kernel arguments {@link #bind} sets. */
    public int argumentCount() {
        return args.count();
    }

    /** Sets {@code VOXEL_GRID_PARAMS} as kernel arguments {@code first, ...}; returns the next free index. */
    public int bind(OpenClKernel kernel, int first) {
        return args.bind(kernel, first);
    }

    /** Device memory held, bytes. */
    public long bytes() {
        return args.bytes();
    }

    @Override
    public void close() {
        args.close();
    }
}
