package doseengine.geometry.resample;

import doseengine.geometry.VoxelGrid;

/** Test grids: rotations and target grids that cover a source grid. */
final class Grids {
    private Grids() {}

    static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    /** Row-major rotation by {@code degrees} about the unit vector (ux, uy, uz) (Rodrigues' formula). */
    static double[] rotation(double ux, double uy, double uz, double degrees) {
        double n = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= n;
        uy /= n;
        uz /= n;
        double t = Math.toRadians(degrees), c = Math.cos(t), s = Math.sin(t), v = 1 - c;
        return new double[] {
            c + ux * ux * v, ux * uy * v - uz * s, ux * uz * v + uy * s,
            uy * ux * v + uz * s, c + uy * uy * v, uy * uz * v - ux * s,
            uz * ux * v - uy * s, uz * uy * v + ux * s, c + uz * uz * v,
        };
    }

    /**
     * A grid with the given spacing and directions whose voxels cover every source voxel's box, plus
     * {@code marginMm} on every side.
     */
    static VoxelGrid covering(VoxelGrid source, double[] spacing, double[] direction, double marginMm) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int corner = 0; corner < 8; corner++) {
            double[] w = source.indexToWorld((corner & 1) == 0 ? -0.5 : source.nx() - 0.5,
                    (corner & 2) == 0 ? -0.5 : source.ny() - 0.5, (corner & 4) == 0 ? -0.5 : source.nz() - 0.5);
            for (int b = 0; b < 3; b++) {
                // Coordinate along target axis b (column b of the direction matrix).
                double p = direction[b] * w[0] + direction[3 + b] * w[1] + direction[6 + b] * w[2];
                lo[b] = Math.min(lo[b], p - marginMm);
                hi[b] = Math.max(hi[b], p + marginMm);
            }
        }
        int[] n = new int[3];
        double[] originAlong = new double[3];
        for (int b = 0; b < 3; b++) {
            n[b] = (int) Math.ceil((hi[b] - lo[b]) / spacing[b]);
            originAlong[b] = lo[b] + spacing[b] / 2;
        }
        double[] origin = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int b = 0; b < 3; b++) {
                origin[r] += direction[3 * r + b] * originAlong[b];
            }
        }
        return new VoxelGrid(n[0], n[1], n[2], spacing[0], spacing[1], spacing[2], origin, direction);
    }
}
