package doseengine.kernels.transport;

/**
 * The voxel world as the kernels see it: dimensions, voxel size in cm, and per voxel the material index
 * (unsigned byte) and the mass density (g/cm3), flat in the order {@code i + nx * (j + ny * k)}.
 *
 * <p>Frame: positions are in cm along the grid's i, j and k axes, measured from the outer corner of voxel
 * (0,0,0), so voxel (i,j,k) covers [i*sx, (i+1)*sx) x [j*sy, (j+1)*sy) x [k*sz, (k+1)*sz). The grid's origin
 * and direction cosines matter only for input and output (engine {@code TransportFrame}).
 *
 * <p>Device twin: {@code include/geometry.clh}: {@code voxel_grid} and its {@code voxel_grid_*} functions.
 */
public record VoxelGeometry(int nx, int ny, int nz, float sx, float sy, float sz, byte[] material, float[] density) {
    public VoxelGeometry {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
        if (!(sx > 0 && sy > 0 && sz > 0)) {
            throw new IllegalArgumentException("voxel sizes must be positive");
        }
        long n = (long) nx * ny * nz;
        if (material.length != n || density.length != n) {
            throw new IllegalArgumentException("material and density arrays must have nx*ny*nz = " + n + " entries");
        }
    }

    public int voxelCount() {
        return nx * ny * nz;
    }
}
