package doseengine.geometry;

/** Density (g/cm3), activity, dose or CT numbers as 32-bit floats. */
public final class FloatVolume implements Volume {
    private final VoxelGrid grid;
    private final float[] data;

    public FloatVolume(VoxelGrid grid) {
        this(grid, new float[grid.voxelCount()]);
    }

    /** Wraps {@code data} without copying; its length must be the grid's voxel count. */
    public FloatVolume(VoxelGrid grid, float[] data) {
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
    public float[] data() { return data; }

    @Override
    public double valueAt(int flatIndex) { return data[flatIndex]; }

    public float get(int i, int j, int k) { return data[grid.flatIndex(i, j, k)]; }

    public void set(int i, int j, int k, float v) { data[grid.flatIndex(i, j, k)] = v; }

    @Override
    public FloatVolume toFloat() { return this; }

    /** Flat index of the first NaN or infinite voxel, or -1 when every voxel is finite. */
    public int firstNonFinite() {
        for (int v = 0; v < data.length; v++) {
            if (!Float.isFinite(data[v])) {
                return v;
            }
        }
        return -1;
    }
}
