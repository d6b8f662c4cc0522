package doseengine.geometry;

import java.util.Arrays;
import java.util.Locale;

/**
 * A regular voxel grid in patient space: dimensions, spacing (mm), origin (mm) and direction cosines.
 *
 * <p>Conventions, the same as ITK and DICOM: world coordinates are LPS (x to the patient's left, y to the
 * posterior, z to the head), in mm. {@code origin} is the world position of the <em>centre</em> of voxel
 * (0,0,0). {@code direction} is a 3x3 matrix stored row-major whose <em>columns</em> are the world directions
 * of the i, j and k axes, so {@code world = origin + D * diag(spacing) * (i,j,k)}. Voxels are stored with i
 * fastest: {@code flat = i + nx * (j + ny * k)}, the order of NIfTI and MetaImage files.
 *
 * <p>Immutable. Construction checks that dimensions are positive, spacing positive and finite, and the
 * direction matrix orthonormal, so an instance is always usable.
 */
public final class VoxelGrid {
    /** Two grids are the same when spacing, origin and directions agree to this many mm (or this cosine). */
    public static final double DEFAULT_TOLERANCE_MM = 1e-3;

    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private final int nx, ny, nz;
    private final double sx, sy, sz;
    private final double[] origin;
    private final double[] direction;

    public VoxelGrid(int nx, int ny, int nz, double sx, double sy, double sz, double[] origin, double[] direction) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "grid dimensions must be positive, got %d x %d x %d", nx, ny, nz));
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "grid of %d x %d x %d voxels exceeds the %d voxels one array can hold", nx, ny, nz,
                    Integer.MAX_VALUE - 8));
        }
        for (double s : new double[] {sx, sy, sz}) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "voxel spacing must be positive and finite, got %s x %s x %s mm", sx, sy, sz));
            }
        }
        if (origin == null || origin.length != 3 || !allFinite(origin)) {
            throw new IllegalArgumentException("origin must be 3 finite numbers, got " + Arrays.toString(origin));
        }
        if (direction == null || direction.length != 9 || !allFinite(direction)) {
            throw new IllegalArgumentException("direction must be 9 finite numbers, got " + Arrays.toString(direction));
        }
        checkOrthonormal(direction);
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
        this.origin = origin.clone();
        this.direction = direction.clone();
    }

    /** An axis-aligned grid (identity directions). */
    public VoxelGrid(int nx, int ny, int nz, double sx, double sy, double sz, double[] origin) {
        this(nx, ny, nz, sx, sy, sz, origin, IDENTITY);
    }

    /** An axis-aligned grid of cubic voxels centred on the world origin. */
    public static VoxelGrid centredCube(int nx, int ny, int nz, double voxelMm) {
        double[] o = {-(nx - 1) * voxelMm / 2, -(ny - 1) * voxelMm / 2, -(nz - 1) * voxelMm / 2};
        return new VoxelGrid(nx, ny, nz, voxelMm, voxelMm, voxelMm, o);
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }
    public double spacingX() { return sx; }
    public double spacingY() { return sy; }
    public double spacingZ() { return sz; }
    public double[] spacing() { return new double[] {sx, sy, sz}; }
    public double[] origin() { return origin.clone(); }
    /** Row-major 3x3; column c is the world direction of index axis c. */
    public double[] direction() { return direction.clone(); }

    public int voxelCount() { return nx * ny * nz; }

    public double voxelVolumeMm3() { return sx * sy * sz; }

    /** Voxel volume in cm3, the unit of density (g/cm3) and of the physics. */
    public double voxelVolumeCm3() { return sx * sy * sz * 1e-3; }

    public boolean isAxisAligned() {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs(direction[3 * r + c] - (r == c ? 1 : 0)) > 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether the k axis is the normal of the i and j axes (i x j = k, determinant +1): what DICOM's stacked frames
     * (RT Dose, NM) need, whose offsets run along that normal. A grid with its slices the other way round is
     * left-handed.
     */
    public boolean isRightHanded() {
        double[] m = direction;
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
        return det > 0;
    }

    public int flatIndex(int i, int j, int k) { return i + nx * (j + ny * k); }

    public boolean contains(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz;
    }

    /** World position (mm) of a continuous index; integer indices are voxel centres. */
    public double[] indexToWorld(double i, double j, double k) {
        double a = i * sx, b = j * sy, c = k * sz;
        return new double[] {
            origin[0] + direction[0] * a + direction[1] * b + direction[2] * c,
            origin[1] + direction[3] * a + direction[4] * b + direction[5] * c,
            origin[2] + direction[6] * a + direction[7] * b + direction[8] * c,
        };
    }

    /** Continuous index of a world position (mm); voxel (i,j,k) covers [i-0.5, i+0.5) on each axis. */
    public double[] worldToIndex(double x, double y, double z) {
        double dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
        // The inverse of an orthonormal matrix is its transpose.
        return new double[] {
            (direction[0] * dx + direction[3] * dy + direction[6] * dz) / sx,
            (direction[1] * dx + direction[4] * dy + direction[7] * dz) / sy,
            (direction[2] * dx + direction[5] * dy + direction[8] * dz) / sz,
        };
    }

    /** True when both grids have the same dimensions and agree in spacing, origin and directions within tol. */
    public boolean sameGeometry(VoxelGrid o, double tolMm) {
        if (nx != o.nx || ny != o.ny || nz != o.nz) {
            return false;
        }
        if (Math.abs(sx - o.sx) > tolMm || Math.abs(sy - o.sy) > tolMm || Math.abs(sz - o.sz) > tolMm) {
            return false;
        }
        for (int a = 0; a < 3; a++) {
            if (Math.abs(origin[a] - o.origin[a]) > tolMm) {
                return false;
            }
        }
        for (int a = 0; a < 9; a++) {
            if (Math.abs(direction[a] - o.direction[a]) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws a {@link GridMismatchException} naming both images and what differs when the grids are not the same.
     */
    public void requireSameGrid(VoxelGrid other, String thisName, String otherName) {
        if (!sameGeometry(other, DEFAULT_TOLERANCE_MM)) {
            throw new GridMismatchException(String.format(Locale.ROOT,
                    "%s and %s must share one voxel grid: %s vs %s", thisName, otherName, this, other));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoxelGrid g && sameGeometry(g, 0.0);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * nx + ny) + nz;
    }

    @Override
    public String toString() {
        String s = String.format(Locale.ROOT, "%dx%dx%d voxels of %.4gx%.4gx%.4g mm at origin (%.4g, %.4g, %.4g) mm",
                nx, ny, nz, sx, sy, sz, origin[0], origin[1], origin[2]);
        return isAxisAligned() ? s : s + " direction " + Arrays.toString(direction);
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static void checkOrthonormal(double[] d) {
        for (int c1 = 0; c1 < 3; c1++) {
            for (int c2 = c1; c2 < 3; c2++) {
                double dot = d[c1] * d[c2] + d[3 + c1] * d[3 + c2] + d[6 + c1] * d[6 + c2];
                double want = c1 == c2 ? 1 : 0;
                if (Math.abs(dot - want) > 1e-4) {
                    throw new IllegalArgumentException(
                            "direction cosines are not orthonormal: " + Arrays.toString(d));
                }
            }
        }
    }
}
