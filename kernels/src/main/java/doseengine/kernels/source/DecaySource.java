package doseengine.kernels.source;

import doseengine.kernels.UniformSource;

/**
 * Where a decay happens. The transport calls {@link #sample} once per decay from any thread; implementations
 * are immutable and allocate nothing.
 *
 * <p>Frame (the transport's, {@code tables-source.md}): grid coordinates in cm measured from the outer corner
 * of voxel (0,0,0) along the grid's i, j, k axes, so voxel (i,j,k) is the box
 * {@code [i*sx, (i+1)*sx] x [j*sy, (j+1)*sy] x [k*sz, (k+1)*sz]} with the spacing in cm. The grid's origin and
 * direction cosines only matter when results are written out.
 */
public interface DecaySource {
    /**
     * Samples one decay position: writes x, y, z (cm) into {@code positionCm[0..2]} and returns the flat index
     * {@code i + nx * (j + ny * k)} of the voxel that holds it (-1 for a source outside any grid). The transport
     * keeps that index as its voxel state and does not recompute it from the position: on a voxel face, float
     * rounding could otherwise pick the neighbour.
     */
    int sample(UniformSource rng, float[] positionCm);
}
