package doseengine.geometry;

/** CT numbers (HU) or label indices as signed 16-bit integers. */
public final class ShortVolume implements Volume {
    private final VoxelGrid grid;
    private final short[] data;

    public ShortVolume(VoxelGrid grid) {
        this(grid, new short[grid.voxelCount()]);
    }

    /** Wraps {@code data} without copying; its length must be the grid's voxel count. */
    public ShortVolume(VoxelGrid grid, short[] data) {
        if (data.length != grid.voxelCount()) {
            throw new IllegalArgumentException("data length " + data.length + " does not match grid of "
                    + grid.voxelCount() + " voxels");
        }
        this.grid = grid;
        this.data = data;
    }

    @Override
    public VoxelGrid grid() { return grid; }

    /** The backing array, shared (not copied) for speed. */
    public short[] data() { return data; }

    @Override
    public double valueAt(int flatIndex) { return data[flatIndex]; }

    public short get(int i, int j, int k) { return data[grid.flatIndex(i, j, k)]; }

    public void set(int i, int j, int k, short v) { data[grid.flatIndex(i, j, k)] = v; }

    @Override
    public FloatVolume toFloat() {
        float[] f = new float[data.length];
        for (int v = 0; v < data.length; v++) {
            f[v] = data[v];
        }
        return new FloatVolume(grid, f);
    }
}
