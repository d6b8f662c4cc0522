package doseengine.kernels.transport;

/**
 * The voxel grid's answers to the transport's geometric questions: is a point inside the grid, which voxel holds it,
 * how far along a direction is the nearest face of a voxel, and where does the next flight or face crossing lead.
 * {@link PhotonTransport} (Woodcock flights) and {@link ElectronTransport} (the voxel-by-voxel walk of condensed
 * history) both ask here, so the two transports see one grid. Immutable and shared by all threads; the per-thread
 * position is a {@link VoxelCursor}. Frame and voxel boxes as in {@link VoxelGeometry}.
 *
 * <p>Device twin: {@code include/geometry.clh}, function for function and float operation for float operation
 * ({@link #contains} = {@code voxel_grid_contains}, {@link #voxelOf} = {@code voxel_grid_voxel_of_point},
 * {@link #flatIndex} = {@code voxel_grid_flat_index}, {@link #distanceToFace} = {@code voxel_grid_distance_to_face},
 * {@link #crossFace} = {@code voxel_grid_cross_face}, {@link #woodcockFlight} = {@code voxel_grid_woodcock_flight});
 * only {@link #locate} has no function there ({@code transport_electron} in {@code transport.clh} decomposes the
 * flat index inline, with the same integer operations). An int times a float converts the int to float first in
 * both languages, and the kernels are built without fma contraction, so positions and face coordinates are
 * bit-identical; the two divisions ({@code x / sx} and the face distances) are bit-identical on devices with
 * correctly rounded float division ({@code -cl-fp32-correctly-rounded-divide-sqrt}), and within OpenCL 1.2's 2.5
 * ulp otherwise (opencl.md, "Floats only"). A subnormal direction cosine gives a finite distance here and on
 * devices that keep subnormals, but infinity on one that flushes them to zero (OpenCL 1.2 makes subnormal floats
 * optional): the face on that axis is then beyond the grid in both answers.
 */
public final class VoxelNavigator {
    /** Axis numbers of {@link VoxelCursor#faceAxis}, as {@code GEOMETRY_AXIS_*} on the device. */
    public static final int AXIS_X = 0;
    public static final int AXIS_Y = 1;
    public static final int AXIS_Z = 2;

    private static final float INFINITY = Float.POSITIVE_INFINITY;

    private final int nx;
    private final int ny;
    private final int nz;
    private final float sx;
    private final float sy;
    private final float sz;
    private final float lengthX;
    private final float lengthY;
    private final float lengthZ;

    public VoxelNavigator(VoxelGeometry g) {
        this.nx = g.nx();
        this.ny = g.ny();
        this.nz = g.nz();
        this.sx = g.sx();
        this.sy = g.sy();
        this.sz = g.sz();
        this.lengthX = nx * sx;
        this.lengthY = ny * sy;
        this.lengthZ = nz * sz;
    }

    /** Flat index of voxel (i, j, k): i + nx (j + ny k). */
    public int flatIndex(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    /** Sets the cursor's voxel indices to those of flat index {@code voxel} (the inverse of {@link #flatIndex}). */
    public void locate(int voxel, VoxelCursor c) {
        c.i = voxel % nx;
        c.j = (voxel / nx) % ny;
        c.k = voxel / nx / ny;
    }

    /** Whether a point lies inside the grid: 0 <= x < nx sx, the same for y and z. NaN is outside. */
    public boolean contains(float x, float y, float z) {
        return x >= 0f && x < lengthX && y >= 0f && y < lengthY && z >= 0f && z < lengthZ;
    }

    /**
     * Flat index of the voxel holding a point inside the grid ({@link #contains}): min((int) (x / sx), nx - 1) per
     * axis, so that a point within rounding of the far face (x / sx rounding up to nx) goes to the last voxel.
     */
    public int voxelOf(float x, float y, float z) {
        int i = Math.min((int) (x / sx), nx - 1);
        int j = Math.min((int) (y / sy), ny - 1);
        int k = Math.min((int) (z / sz), nz - 1);
        return flatIndex(i, j, k);
    }

    /**
     * Distance (cm) along (u, v, w) from the cursor's position to the nearest face of its voxel (i, j, k), never
     * negative (a position a rounding error beyond the face gives 0); records that face's axis in
     * {@link VoxelCursor#faceAxis}, x winning ties, then y. A zero cosine (either sign) never reaches a face on
     * its axis.
     */
    public float distanceToFace(VoxelCursor c, float u, float v, float w) {
        float dx = u > 0f ? ((c.i + 1) * sx - c.x) / u : (u < 0f ? (c.i * sx - c.x) / u : INFINITY);
        float dy = v > 0f ? ((c.j + 1) * sy - c.y) / v : (v < 0f ? (c.j * sy - c.y) / v : INFINITY);
        float dz = w > 0f ? ((c.k + 1) * sz - c.z) / w : (w < 0f ? (c.k * sz - c.z) / w : INFINITY);
        int axis = AXIS_X;
        float d = dx;
        if (dy < d) {
            d = dy;
            axis = AXIS_Y;
        }
        if (dz < d) {
            d = dz;
            axis = AXIS_Z;
        }
        c.faceAxis = axis;
        return d > 0f ? d : 0f;
    }

    /**
     * Steps through the face on {@link VoxelCursor#faceAxis} that the cursor, moving along (u, v, w), has just
     * reached: the index on that axis moves by one and the coordinate is set exactly on the face, so rounding
     * never leaves the particle inside the old voxel or beyond the new one. Returns whether the cursor is still
     * inside the grid (when not, that index is -1 or n).
     */
    public boolean crossFace(VoxelCursor c, float u, float v, float w) {
        int axis = c.faceAxis;
        if (axis == AXIS_X) {
            if (u > 0f) {
                c.i++;
                c.x = c.i * sx;
            } else {
                c.x = c.i * sx;
                c.i--;
            }
            return c.i >= 0 && c.i < nx;
        }
        if (axis == AXIS_Y) {
            if (v > 0f) {
                c.j++;
                c.y = c.j * sy;
            } else {
                c.y = c.j * sy;
                c.j--;
            }
            return c.j >= 0 && c.j < ny;
        }
        if (w > 0f) {
            c.k++;
            c.z = c.k * sz;
        } else {
            c.z = c.k * sz;
            c.k--;
        }
        return c.k >= 0 && c.k < nz;
    }

    /**
     * One Woodcock (delta-tracking) flight: the cursor moves {@code flight} cm along (u, v, w). Returns whether it
     * is still inside the grid, and then sets {@link VoxelCursor#voxel} to the voxel it reached ({@link #voxelOf}).
     */
    public boolean woodcockFlight(VoxelCursor c, float flight, float u, float v, float w) {
        c.x += flight * u;
        c.y += flight * v;
        c.z += flight * w;
        if (!contains(c.x, c.y, c.z)) {
            return false;
        }
        c.voxel = voxelOf(c.x, c.y, c.z);
        return true;
    }
}
