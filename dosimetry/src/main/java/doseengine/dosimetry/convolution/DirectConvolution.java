package doseengine.dosimetry.convolution;

/**
 * The convolution of {@link FftConvolution} summed directly, {@code out[x] = sum over o of source[x-o] K(o)} for
 * every {@code x} of the grid and every {@code o} with {@code x-o} inside it: {@code O(N x K)} operations for N
 * voxels and K offsets of the voxel S values. The reference for the FFT's tests, and the faster method when the source has few
 * non-zero voxels or the voxel S values few offsets.
 */
public final class DirectConvolution {
    private DirectConvolution() {}

    /**
     * @param source values at flat index {@code i + nx*(j + ny*k)}, finite
     * @return the convolution on the same grid
     * @throws doseengine.geometry.BadInputException for a bad grid or source
     */
    public static double[] convolve(double[] source, int nx, int ny, int nz, VoxelSValues sValues) {
        SourceGrid.requireSource(source, nx, ny, nz);
        VoxelSValues k = sValues.truncatedTo(nx, ny, nz);
        int hx = k.hx(), hy = k.hy(), hz = k.hz();
        double[] out = new double[source.length];
        // Scattered from each source voxel: zero voxels (most of a patient) cost nothing.
        for (int sz = 0; sz < nz; sz++) {
            for (int sy = 0; sy < ny; sy++) {
                for (int sx = 0; sx < nx; sx++) {
                    double s = source[sx + nx * (sy + ny * sz)];
                    if (s == 0) {
                        continue;
                    }
                    for (int z = Math.max(0, sz - hz); z <= Math.min(nz - 1, sz + hz); z++) {
                        for (int y = Math.max(0, sy - hy); y <= Math.min(ny - 1, sy + hy); y++) {
                            int row = nx * (y + ny * z);
                            for (int x = Math.max(0, sx - hx); x <= Math.min(nx - 1, sx + hx); x++) {
                                out[row + x] += s * k.at(x - sx, y - sy, z - sz);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
