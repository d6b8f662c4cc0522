package doseengine.geometry;

/**
 * A scalar image on a {@link VoxelGrid}, stored as one flat primitive array in the grid's voxel order
 * ({@code i + nx * (j + ny * k)}). Implementations keep the narrowest type that holds their values, so a
 * 512x512x600 CT fits in memory beside its density, material and dose volumes.
 */
public sealed interface Volume permits FloatVolume, ShortVolume, ByteVolume {
    VoxelGrid grid();

    /** The value of the voxel with this flat index, widened to double. */
    double valueAt(int flatIndex);

    default double valueAt(int i, int j, int k) {
        return valueAt(grid().flatIndex(i, j, k));
    }

    /** A float copy of this volume (the same array when it already is one). */
    FloatVolume toFloat();

    /** Sum of all voxel values, in double. */
    default double sum() {
        double s = 0;
        int n = grid().voxelCount();
        for (int v = 0; v < n; v++) {
            s += valueAt(v);
        }
        return s;
    }
}
