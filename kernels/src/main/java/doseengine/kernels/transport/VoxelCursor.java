package doseengine.kernels.transport;

/**
 * Where a particle is in the voxel grid, as {@link VoxelNavigator} reads and moves it: the position (cm, grid
 * frame), the voxel's indices on the three axes, the flat index the last Woodcock flight found, and the axis of the
 * face the last distance-to-face found. Mutable and owned by one thread (one per {@link HistoryState}); on the
 * device these are private variables of the transport functions, passed to {@code geometry.clh} by pointer.
 *
 * <p>The fields are not kept consistent with each other: {@link VoxelNavigator#woodcockFlight} sets the position
 * and {@link #voxel}, the electron walk keeps the position and {@link #i}, {@link #j}, {@link #k}.
 */
public final class VoxelCursor {
    /** Position, cm from the outer corner of voxel (0,0,0). */
    public float x;
    public float y;
    public float z;
    /** Voxel indices on the x, y and z axes (the electron walk). */
    public int i;
    public int j;
    public int k;
    /** Flat voxel index found by the last {@link VoxelNavigator#woodcockFlight} that stayed inside. */
    public int voxel;
    /** Axis of the nearest face found by the last {@link VoxelNavigator#distanceToFace}. */
    public int faceAxis;

    /** Sets the position. */
    public void moveTo(float px, float py, float pz) {
        x = px;
        y = py;
        z = pz;
    }
}
