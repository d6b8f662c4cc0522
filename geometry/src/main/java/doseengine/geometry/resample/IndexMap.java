package doseengine.geometry.resample;

import doseengine.geometry.VoxelGrid;

/**
 * The affine map from one grid's continuous voxel index to another's, through world coordinates:
 * {@code to = offset + matrix * from}. With {@code world = o + D diag(s) index} on both sides,
 * {@code matrix = diag(1/s_to) D_to^T D_from diag(s_from)} and {@code offset = diag(1/s_to) D_to^T (o_from - o_to)}.
 */
final class IndexMap {
    /** Tolerance on direction cosines for two grids to count as axis-permuted versions of each other. */
    static final double PERMUTATION_TOLERANCE = 1e-6;

    final double[] offset = new double[3];
    /** Row-major 3x3: row = axis of the destination grid, column = axis of the source grid. */
    final double[] matrix = new double[9];
    /** Rotation part {@code D_to^T D_from} (unitless), row-major. */
    private final double[] rotation = new double[9];

    IndexMap(VoxelGrid from, VoxelGrid to) {
        double[] dFrom = from.direction(), dTo = to.direction();
        double[] sFrom = from.spacing(), sTo = to.spacing();
        double[] oFrom = from.origin(), oTo = to.origin();
        for (int r = 0; r < 3; r++) {
            double off = 0;
            for (int w = 0; w < 3; w++) {
                off += dTo[3 * w + r] * (oFrom[w] - oTo[w]);
            }
            offset[r] = off / sTo[r];
            for (int c = 0; c < 3; c++) {
                double dot = 0;
                for (int w = 0; w < 3; w++) {
                    dot += dTo[3 * w + r] * dFrom[3 * w + c];
                }
                rotation[3 * r + c] = dot;
                matrix[3 * r + c] = dot * sFrom[c] / sTo[r];
            }
        }
    }

    /**
     * When each destination axis is parallel or antiparallel to one source axis (same orientation, flips and
     * 90-degree rotations), the source axis of each destination axis; otherwise null.
     */
    int[] axisPermutation() {
        int[] source = new int[3];
        boolean[] used = new boolean[3];
        for (int r = 0; r < 3; r++) {
            source[r] = -1;
            for (int c = 0; c < 3; c++) {
                double v = Math.abs(rotation[3 * r + c]);
                if (Math.abs(v - 1) <= PERMUTATION_TOLERANCE) {
                    source[r] = c;
                } else if (v > PERMUTATION_TOLERANCE) {
                    return null;
                }
            }
            if (source[r] < 0 || used[source[r]]) {
                return null;
            }
            used[source[r]] = true;
        }
        return source;
    }
}
