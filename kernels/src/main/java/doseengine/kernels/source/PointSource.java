package doseengine.kernels.source;

import doseengine.kernels.UniformSource;

/** Every decay at one point: dose point kernels and validation. Draws no uniform. *
 * <p>Device twin: {@code include/source.clh}: {@code point_source_sample}.
 */
public final class PointSource implements DecaySource {
    private final float x, y, z;
    private final int voxel;

    /**
     * @param x position (cm) in the transport's frame
     * @param voxel the flat index of the voxel holding the point, or -1 when there is no voxel grid
     *              (homogeneous-medium transport)
     */
    public PointSource(float x, float y, float z, int voxel) {
        if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(z)) {
            throw new IllegalArgumentException("point source position must be finite, got " + x + ", " + y + ", " + z);
        }
        if (voxel < -1) {
            throw new IllegalArgumentException("voxel index must be >= -1, got " + voxel);
        }
        this.x = x;
        this.y = y;
        this.z = z;
        this.voxel = voxel;
    }

    @Override
    public int sample(UniformSource rng, float[] positionCm) {
        positionCm[0] = x;
        positionCm[1] = y;
        positionCm[2] = z;
        return voxel;
    }

    /** Position (cm) in the transport's frame. */
    public float x() { return x; }
    public float y() { return y; }
    public float z() { return z; }

    /** Flat index of the voxel holding the point, or -1 without a grid. */
    public int voxel() { return voxel; }
}
