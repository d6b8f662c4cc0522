package doseengine.geometry;

/** Material indices or small label images as unsigned 8-bit values (0..255). */
public final class ByteVolume implements Volume {
    private final VoxelGrid grid;
    private final byte[] data;

    public ByteVolume(VoxelGrid grid) {
        this(grid, new byte[grid.voxelCount()]);
    }

    /** Wraps {@code data} without copying; its length must be the grid's voxel count. */
    public ByteVolume(VoxelGrid grid, byte[] data) {
        if (data.length != grid.voxelCount()) {
            throw new IllegalArgumentException("data length " + data.length + " does not match grid of "
                    + grid.voxelCount() + " voxels");
        }
        this.grid = grid;
        this.data = data;
    }

    @Override
    public VoxelGrid grid() { return grid; }

    /** The backing array, shared (not copied) for speed. Values are unsigned: read with {@link #get}. */
    public byte[] data() { return data; }

    @Override
    public double valueAt(int flatIndex) { return data[flatIndex] & 0xFF; }

    public int get(int flatIndex) { return data[flatIndex] & 0xFF; }

    public int get(int i, int j, int k) { return data[grid.flatIndex(i, j, k)] & 0xFF; }

    public void set(int i, int j, int k, int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException("byte volume value out of 0..255: " + v);
        }
        data[grid.flatIndex(i, j, k)] = (byte) v;
    }

    @Override
    public FloatVolume toFloat() {
        float[] f = new float[data.length];
        for (int v = 0; v < data.length; v++) {
            f[v] = data[v] & 0xFF;
        }
        return new FloatVolume(grid, f);
    }
}
